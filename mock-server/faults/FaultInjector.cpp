#include "faults/FaultInjector.h"

#include "base/Clock.h"
#include "base/Ids.h"
#include "log/LogCategories.h"

#include <algorithm>

namespace mockd {

FaultInjector::FaultInjector(const Clock& clock, AccountResolver resolver)
    : m_clock(clock), m_resolver(std::move(resolver))
{}

FaultInjector::~FaultInjector() = default;

std::optional<QJsonObject> FaultInjector::add(FaultRule rule)
{
    if (qsizetype(m_rules.size()) >= maxRules)
        return std::nullopt;
    rule.id = Ids::generate(u"flt");
    rule.createdAtMs = m_clock.nowMs();
    auto entry = std::make_unique<Entry>();
    entry->random.seed(rule.seed ? quint64(*rule.seed) : std::random_device()());
    entry->rule = std::move(rule);
    qCInfo(lcAdmin).noquote() << "fault" << entry->rule.id << FaultRule::actionName(entry->rule.action) << "on"
                              << (entry->rule.method.isEmpty() ? QByteArrayLiteral("*") : entry->rule.method)
                              << entry->rule.path;
    m_rules.push_back(std::move(entry));
    return describe(*m_rules.back());
}

bool FaultInjector::remove(const QString& id)
{
    const auto it = std::find_if(m_rules.begin(), m_rules.end(), [&id](const auto& e) { return e->rule.id == id; });
    if (it == m_rules.end())
        return false;
    m_rules.erase(it);
    return true;
}

void FaultInjector::clear()
{
    m_rules.clear();
}

QJsonArray FaultInjector::list() const
{
    QJsonArray out;
    for (const auto& entry : m_rules)
        out.append(describe(*entry));
    return out;
}

QJsonObject FaultInjector::describe(const Entry& entry)
{
    QJsonObject json = entry.rule.toJson();
    json.insert(QStringLiteral("applied"), double(entry.applied));
    json.insert(QStringLiteral("remaining"),
                entry.rule.times ? QJsonValue(double(*entry.rule.times - entry.applied)) : QJsonValue());
    return json;
}

std::optional<FaultPlan> FaultInjector::faultFor(const HttpRequest& request)
{
    std::optional<QString> account; // resolved once, on first need
    for (auto it = m_rules.begin(); it != m_rules.end(); ++it) {
        Entry& entry = **it;
        if (!entry.rule.matchesRoute(request))
            continue;
        if (!entry.rule.account.isEmpty()) {
            if (!account)
                account = m_resolver ? m_resolver(request) : QString();
            if (account->compare(entry.rule.account, Qt::CaseInsensitive) != 0)
                continue;
        }
        if (entry.rule.probability < 1.0) {
            const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(entry.random);
            if (!(roll < entry.rule.probability))
                continue;
        }
        FaultPlan result = plan(entry);
        ++entry.applied;
        if (entry.rule.times && entry.applied >= *entry.rule.times)
            m_rules.erase(it);
        return result;
    }
    return std::nullopt;
}

FaultPlan FaultInjector::plan(Entry& entry)
{
    const FaultRule& rule = entry.rule;
    FaultPlan out;
    out.ruleId = rule.id;
    out.type = FaultRule::actionName(rule.action);
    const auto respond = [&out, &rule](int status, QByteArray body, const QByteArray& contentType) {
        out.kind = FaultPlan::Kind::Respond;
        out.response.status = status;
        out.response.body = std::move(body);
        if (!contentType.isEmpty())
            out.response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
        out.response.headers.append({QByteArrayLiteral("X-Vigil-Fault"), rule.id.toLatin1()});
    };
    switch (rule.action) {
    case FaultRule::Action::Latency:
        out.kind = FaultPlan::Kind::Delay;
        out.delayMs = rule.minMs == rule.maxMs
                          ? rule.minMs
                          : std::uniform_int_distribution<int>(rule.minMs, rule.maxMs)(entry.random);
        break;
    case FaultRule::Action::Status:
        respond(rule.status, rule.body, rule.contentType);
        out.response.headers += rule.headers;
        break;
    case FaultRule::Action::Drop:
        out.kind = rule.dropAfterRoute ? FaultPlan::Kind::DropAnswer : FaultPlan::Kind::Drop;
        break;
    case FaultRule::Action::Empty:
        respond(rule.status, {}, {});
        break;
    case FaultRule::Action::Garbage: {
        QByteArray bytes(rule.garbageBytes, Qt::Uninitialized);
        for (char& byte : bytes)
            byte = char(entry.random() & 0xff);
        // 0xFF never occurs in UTF-8, so whatever follows, this is not JSON (nor text).
        bytes[0] = char(0xff);
        respond(200, bytes, QByteArrayLiteral("application/json"));
        break;
    }
    case FaultRule::Action::Truncated:
        out.kind = FaultPlan::Kind::Truncate;
        out.closeEarly = rule.closeEarly;
        break;
    }
    return out;
}

} // namespace mockd
