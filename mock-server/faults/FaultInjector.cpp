#include "faults/FaultInjector.h"

#include "base/Clock.h"
#include "base/Ids.h"
#include "log/LogCategories.h"
#include "scenarios/SnapshotWriter.h"
#include "store/Store.h"

#include <QJsonDocument>
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
    auto entry = makeEntry(std::move(rule));
    if (m_store) {
        FaultRuleTable::Row row;
        row.id = entry->rule.id;
        row.rule = QJsonDocument(SnapshotWriter::faultForScenario(entry->rule.toJson())).toJson(QJsonDocument::Compact);
        row.times = entry->rule.times;
        row.createdAtMs = entry->rule.createdAtMs;
        if (auto ok = m_table->insert(row); !ok)
            qCWarning(lcStore) << "cannot store a fault rule:" << ok.error();
        announce();
    }
    qCInfo(lcAdmin).noquote() << "fault" << entry->rule.id << FaultRule::actionName(entry->rule.action) << "on"
                              << (entry->rule.method.isEmpty() ? QByteArrayLiteral("*") : entry->rule.method)
                              << entry->rule.path;
    m_rules.push_back(std::move(entry));
    return describe(*m_rules.back());
}

std::unique_ptr<FaultInjector::Entry> FaultInjector::makeEntry(FaultRule rule)
{
    auto entry = std::make_unique<Entry>();
    entry->random.seed(rule.seed ? quint64(*rule.seed) : std::random_device()());
    entry->rule = std::move(rule);
    return entry;
}

bool FaultInjector::remove(const QString& id)
{
    const auto it = std::find_if(m_rules.begin(), m_rules.end(), [&id](const auto& e) { return e->rule.id == id; });
    bool found = it != m_rules.end();
    if (found)
        m_rules.erase(it);
    if (m_store) {
        // Another instance may have added it, and this one not heard yet.
        const auto removed = m_table->remove(id);
        if (!removed)
            qCWarning(lcStore) << "cannot delete a fault rule:" << removed.error();
        else if (*removed)
            found = true;
        announce();
    }
    return found;
}

void FaultInjector::clear()
{
    m_rules.clear();
    if (m_store) {
        if (auto ok = m_table->clear(); !ok)
            qCWarning(lcStore) << "cannot delete the fault rules:" << ok.error();
        announce();
    }
}

void FaultInjector::share(Store& store)
{
    m_store = &store;
    m_table.emplace(store.database());
    reload();
}

void FaultInjector::reload()
{
    if (!m_store)
        return;
    std::vector<std::unique_ptr<Entry>> rules;
    const QList<FaultRuleTable::Row> rows = m_table->all();
    for (const FaultRuleTable::Row& row : rows) {
        const auto known =
            std::find_if(m_rules.begin(), m_rules.end(), [&row](const auto& e) { return e && e->rule.id == row.id; });
        std::unique_ptr<Entry> entry;
        if (known != m_rules.end()) {
            entry = std::move(*known);
        } else {
            auto rule = FaultRule::fromJson(QJsonDocument::fromJson(row.rule).object());
            if (!rule) {
                qCWarning(lcStore) << "a stored fault rule does not read:" << rule.error().message;
                continue;
            }
            rule->id = row.id;
            rule->createdAtMs = row.createdAtMs;
            rule->times = row.times;
            entry = makeEntry(std::move(*rule));
        }
        if (row.times)
            entry->applied = row.applied;
        rules.push_back(std::move(entry));
    }
    m_rules = std::move(rules);
}

bool FaultInjector::useShared(Entry& entry)
{
    if (!m_store || !entry.rule.times)
        return true;
    const auto used = m_table->use(entry.rule.id);
    if (!used) {
        qCWarning(lcStore) << "cannot count a fault rule's use:" << used.error();
        return true;
    }
    announce();
    return *used;
}

void FaultInjector::announce()
{
    if (auto ok = m_store->changes().publish(QLatin1StringView("faults"), QStringLiteral("rules")); !ok)
        qCWarning(lcStore) << "cannot tell the other instances of the fault rules:" << ok.error();
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
        if (entry.rule.times && entry.applied >= *entry.rule.times)
            continue; // used up elsewhere; gone with the next reload
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
        if (!useShared(entry)) {
            entry.applied = *entry.rule.times;
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
