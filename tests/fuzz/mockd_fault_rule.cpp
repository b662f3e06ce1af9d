// vigil-mockd's fault rules on their own (mock-server/faults): the body of POST /__admin/faults read
// by FaultRule::fromJson, the rule listed back (toJson, which must read again as the same rule),
// its path glob, and what the injector plans for a request the rule matches.
#include "FuzzSupport.h"
#include "base/Clock.h"
#include "faults/FaultInjector.h"
#include "faults/FaultRule.h"
#include "faults/PathGlob.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

mockd::Clock* g_clock = nullptr;

// Everything a rule does to an answer (not its id and creation time).
bool sameRule(const mockd::FaultRule& a, const mockd::FaultRule& b)
{
    return a.method == b.method && a.path == b.path && a.account == b.account && a.action == b.action &&
           a.minMs == b.minMs && a.maxMs == b.maxMs && a.status == b.status && a.body == b.body &&
           a.contentType == b.contentType && a.headers == b.headers && a.garbageBytes == b.garbageBytes &&
           a.closeEarly == b.closeEarly && a.times == b.times && a.probability == b.probability && a.seed == b.seed;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    vigil::fuzz::initialize(argc, argv);
    g_clock = new mockd::Clock();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace mockd;
    const QByteArray input = vigil::fuzz::bytes(data, size);
    const QJsonDocument document = QJsonDocument::fromJson(input);
    if (!document.isObject()) {
        // Not a rule: still a glob pattern against a path (the first line against the rest).
        const qsizetype newline = input.indexOf('\n');
        const QString text = QString::fromUtf8(input);
        if (newline >= 0)
            PathGlob::matches(QString::fromUtf8(input.left(newline)), QString::fromUtf8(input.mid(newline + 1)));
        else
            PathGlob::matches(text, text);
        return 0;
    }
    const auto rule = FaultRule::fromJson(document.object());
    if (!rule) {
        if (rule.error().code.isEmpty() || rule.error().message.isEmpty())
            vigil::fuzz::broken("a refused fault rule without a code or message");
        return 0;
    }

    // What GET /__admin/faults lists must be accepted again as the same rule.
    QJsonObject listed = rule->toJson();
    listed.remove(QStringLiteral("id"));
    listed.remove(QStringLiteral("created_at"));
    const auto again = FaultRule::fromJson(listed);
    if (!again)
        vigil::fuzz::broken("a listed fault rule is refused when posted back");
    if (again->toJson() != rule->toJson() || !sameRule(*again, *rule))
        vigil::fuzz::broken("a listed fault rule reads back as another rule");

    // A request the rule matches (its glob with every wildcard made literal).
    HttpRequest request;
    request.method = rule->method.isEmpty() ? QByteArrayLiteral("GET") : rule->method;
    request.path = QString(rule->path).remove(QLatin1Char('*')).replace(QLatin1Char('?'), QLatin1Char('x'));
    if (!rule->matchesRoute(request))
        vigil::fuzz::broken("a fault rule does not match a path its glob describes");
    FaultInjector injector(*g_clock, [](const HttpRequest&) { return QStringLiteral("fuzz@example.com"); });
    injector.add(*rule);
    for (int i = 0; i < 3; ++i)
        (void)injector.faultFor(request);
    (void)injector.list();
    return 0;
}
