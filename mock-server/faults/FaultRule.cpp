#include "faults/FaultRule.h"

#include "base/TimeFormat.h"
#include "faults/PathGlob.h"
#include "http/FieldReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace mockd {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxDelayMs = 120'000;
constexpr int maxGarbageBytes = 64 * 1024;
constexpr int defaultGarbageBytes = 64;
constexpr qint64 maxTimes = 1'000'000;
constexpr qint64 maxSeed = (qint64(1) << 53) - 1; // what a JSON number carries exactly

const QStringList actionNames{QStringLiteral("latency"),
                              QStringLiteral("status"),
                              QStringLiteral("drop"),
                              QStringLiteral("empty"),
                              QStringLiteral("garbage"),
                              QStringLiteral("truncated")};

const QStringList methods{QStringLiteral("GET"),
                          QStringLiteral("POST"),
                          QStringLiteral("PUT"),
                          QStringLiteral("PATCH"),
                          QStringLiteral("DELETE"),
                          QStringLiteral("HEAD"),
                          QStringLiteral("OPTIONS")};

// Typos such as "mss" for "ms" must not silently become a rule that does something else.
bool onlyKnownKeys(const QJsonObject& object, const QStringList& known, const QString& prefix, FieldReader& reader)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            reader.fail(it.key(),
                        QStringLiteral("is not a known field of %1 (expected one of %2).")
                            .arg(prefix.isEmpty() ? QStringLiteral("a fault rule") : prefix.chopped(1),
                                 known.join(QStringLiteral(", "))));
            return false;
        }
    }
    return true;
}

bool isHeaderName(const QString& name)
{
    if (name.isEmpty() || name.size() > 64)
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
    });
}

bool hasControl(const QString& text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

void readMatch(const QJsonObject& json, FieldReader& body, FaultRule& rule)
{
    FieldReader match = body.object(QStringLiteral("match"), true);
    if (!body.ok())
        return;
    const QJsonObject object = json.value(QStringLiteral("match")).toObject();
    if (!onlyKnownKeys(
            object, {QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("account")}, "match."_L1, match))
        return;
    const QString method = match.string(QStringLiteral("method"), {.required = false, .maxLength = 16});
    rule.path = match.string(QStringLiteral("path"), {.maxLength = 512});
    const QString account =
        match.string(QStringLiteral("account"), {.required = false, .maxLength = 254, .trim = true});
    if (!match.ok())
        return;
    if (!method.isEmpty() && method != QLatin1String("*")) {
        if (!methods.contains(method.toUpper()))
            return match.fail(QStringLiteral("method"),
                              QStringLiteral("must be one of %1 (or left out for any method).")
                                  .arg(methods.join(QStringLiteral(", "))));
        rule.method = method.toUpper().toLatin1();
    }
    if (!rule.path.startsWith(QLatin1Char('/')) && rule.path != QLatin1String("*"))
        return match.fail(QStringLiteral("path"),
                          QStringLiteral("must be a path such as /v1/auth/login or a pattern such as /v1/devices* "
                                         "(* matches anything, ? one character)."));
    if (rule.path.startsWith(QLatin1String("/__admin")))
        return match.fail(QStringLiteral("path"),
                          QStringLiteral("must not be under /__admin: faults never apply to the admin API."));
    if (!account.isEmpty()) {
        if (!account.contains(QLatin1Char('@')))
            return match.fail(QStringLiteral("account"), QStringLiteral("must be the account's email address."));
        rule.account = account.toLower();
    }
}

std::optional<int> readStatus(FieldReader& action, bool required, int fallback)
{
    const auto status = action.integer(QStringLiteral("status"), required, 200, 599);
    if (!action.ok())
        return std::nullopt;
    return status ? int(*status) : fallback;
}

void readStatusAction(const QJsonObject& object, FieldReader& action, FaultRule& rule)
{
    const auto status = readStatus(action, true, 500);
    if (!status)
        return;
    rule.status = *status;
    const QJsonValue body = object.value(QStringLiteral("body"));
    if (body.isString()) {
        rule.body = body.toString().toUtf8();
        rule.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    } else if (body.isObject()) {
        rule.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
        rule.contentType = QByteArrayLiteral("application/json");
    } else if (body.isArray()) {
        rule.body = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
        rule.contentType = QByteArrayLiteral("application/json");
    } else if (body.isUndefined()) {
        const QJsonObject error{
            {QStringLiteral("error"), QStringLiteral("fault_injected")},
            {QStringLiteral("message"), QStringLiteral("This answer was injected by a fault rule.")}};
        rule.body = QJsonDocument(error).toJson(QJsonDocument::Compact);
        rule.contentType = QByteArrayLiteral("application/json");
    } else {
        return action.fail(QStringLiteral("body"),
                           QStringLiteral("must be a JSON object or array, or a string (sent as text)."));
    }
    if (rule.body.size() > 64 * 1024)
        return action.fail(QStringLiteral("body"), QStringLiteral("must be at most 64 KiB."));
    const QJsonValue headers = object.value(QStringLiteral("headers"));
    if (headers.isUndefined())
        return;
    if (!headers.isObject())
        return action.fail(QStringLiteral("headers"), QStringLiteral("must be an object of header names to strings."));
    const QJsonObject map = headers.toObject();
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString value = it.value().toString();
        if (!isHeaderName(it.key()) || it.key().compare(QLatin1String("content-length"), Qt::CaseInsensitive) == 0 ||
            it.key().compare(QLatin1String("connection"), Qt::CaseInsensitive) == 0)
            return action.fail(QStringLiteral("headers.") + it.key(),
                               QStringLiteral("is not a header a fault can set."));
        if (!it.value().isString() || hasControl(value) || value.size() > 1024)
            return action.fail(QStringLiteral("headers.") + it.key(), QStringLiteral("must be a single-line string."));
        if (it.key().compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
            rule.contentType = value.toUtf8();
        else
            rule.headers.append({it.key().toLatin1(), value.toUtf8()});
    }
}

void readAction(const QJsonObject& json, FieldReader& body, FaultRule& rule)
{
    FieldReader action = body.object(QStringLiteral("action"), true);
    if (!body.ok())
        return;
    const QJsonObject object = json.value(QStringLiteral("action")).toObject();
    const QString type = action.string(QStringLiteral("type"), {.maxLength = 16, .oneOf = actionNames});
    if (!action.ok())
        return;
    rule.action = FaultRule::Action(actionNames.indexOf(type));
    const QString type_ = QStringLiteral("type");
    switch (rule.action) {
    case FaultRule::Action::Latency: {
        if (!onlyKnownKeys(object, {type_, "ms"_L1, "min_ms"_L1, "max_ms"_L1}, "action."_L1, action))
            return;
        const bool fixed = object.contains(QLatin1String("ms"));
        const bool range = object.contains(QLatin1String("min_ms")) || object.contains(QLatin1String("max_ms"));
        if (fixed == range)
            return fixed ? action.fail(QStringLiteral("min_ms"), QStringLiteral("cannot be combined with ms."))
                         : action.fail(QStringLiteral("ms"), QStringLiteral("is required (or min_ms and max_ms)."));
        if (fixed) {
            const auto ms = action.integer(QStringLiteral("ms"), true, 0, maxDelayMs);
            if (!action.ok())
                return;
            rule.minMs = rule.maxMs = int(*ms);
        } else {
            const auto minMs = action.integer(QStringLiteral("min_ms"), true, 0, maxDelayMs);
            const auto maxMs = action.integer(QStringLiteral("max_ms"), true, 0, maxDelayMs);
            if (!action.ok())
                return;
            if (*maxMs < *minMs)
                return action.fail(QStringLiteral("max_ms"), QStringLiteral("must not be below min_ms."));
            rule.minMs = int(*minMs);
            rule.maxMs = int(*maxMs);
        }
        return;
    }
    case FaultRule::Action::Status:
        if (!onlyKnownKeys(object, {type_, "status"_L1, "body"_L1, "headers"_L1}, "action."_L1, action))
            return;
        return readStatusAction(object, action, rule);
    case FaultRule::Action::Drop: {
        if (!onlyKnownKeys(object, {type_, "after_route"_L1}, "action."_L1, action))
            return;
        rule.dropAfterRoute = action.boolean(QStringLiteral("after_route"), false).value_or(false);
        return;
    }
    case FaultRule::Action::Empty: {
        if (!onlyKnownKeys(object, {type_, "status"_L1}, "action."_L1, action))
            return;
        if (const auto status = readStatus(action, false, 200))
            rule.status = *status;
        return;
    }
    case FaultRule::Action::Garbage: {
        if (!onlyKnownKeys(object, {type_, "bytes"_L1}, "action."_L1, action))
            return;
        const auto bytes = action.integer(QStringLiteral("bytes"), false, 1, maxGarbageBytes);
        rule.garbageBytes = bytes ? int(*bytes) : defaultGarbageBytes;
        return;
    }
    case FaultRule::Action::Truncated: {
        if (!onlyKnownKeys(object, {type_, "close"_L1}, "action."_L1, action))
            return;
        const auto close = action.boolean(QStringLiteral("close"), false);
        rule.closeEarly = close.value_or(false);
        return;
    }
    }
}

} // namespace

Expected<FaultRule, ApiError> FaultRule::fromJson(const QJsonObject& json)
{
    FaultRule rule;
    FieldReader body(json);
    if (!onlyKnownKeys(json,
                       {QStringLiteral("match"),
                        QStringLiteral("action"),
                        QStringLiteral("times"),
                        QStringLiteral("probability"),
                        QStringLiteral("seed")},
                       {},
                       body))
        return unexpected(*body.error());
    readMatch(json, body, rule);
    if (body.ok())
        readAction(json, body, rule);
    if (body.ok())
        rule.times = body.integer(QStringLiteral("times"), false, 1, maxTimes);
    if (body.ok() && json.contains(QLatin1String("probability"))) {
        const QJsonValue value = json.value(QStringLiteral("probability"));
        const double p = value.toDouble(-1);
        if (!value.isDouble() || !std::isfinite(p) || p < 0 || p > 1)
            body.fail(QStringLiteral("probability"), QStringLiteral("must be a number from 0 to 1."));
        else
            rule.probability = p;
    }
    if (body.ok())
        rule.seed = body.integer(QStringLiteral("seed"), false, 0, maxSeed);
    if (!body.ok())
        return unexpected(*body.error());
    return rule;
}

QString FaultRule::actionName(Action action)
{
    return actionNames.value(int(action));
}

QJsonObject FaultRule::toJson() const
{
    QJsonObject match{{QStringLiteral("path"), path}};
    match.insert(QStringLiteral("method"), method.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(method)));
    match.insert(QStringLiteral("account"), account.isEmpty() ? QJsonValue() : QJsonValue(account));
    QJsonObject act{{QStringLiteral("type"), actionName(action)}};
    switch (action) {
    case Action::Latency:
        if (minMs == maxMs) {
            act.insert(QStringLiteral("ms"), minMs);
        } else {
            act.insert(QStringLiteral("min_ms"), minMs);
            act.insert(QStringLiteral("max_ms"), maxMs);
        }
        break;
    case Action::Status: {
        act.insert(QStringLiteral("status"), status);
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (contentType.startsWith("application/json") && !doc.isNull())
            act.insert(QStringLiteral("body"), doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
        else
            act.insert(QStringLiteral("body"), QString::fromUtf8(body));
        if (!headers.isEmpty()) {
            QJsonObject map;
            for (const auto& [name, value] : headers)
                map.insert(QString::fromLatin1(name), QString::fromUtf8(value));
            act.insert(QStringLiteral("headers"), map);
        }
        break;
    }
    case Action::Empty:
        act.insert(QStringLiteral("status"), status);
        break;
    case Action::Garbage:
        act.insert(QStringLiteral("bytes"), garbageBytes);
        break;
    case Action::Truncated:
        act.insert(QStringLiteral("close"), closeEarly);
        break;
    case Action::Drop:
        if (dropAfterRoute)
            act.insert(QStringLiteral("after_route"), true);
        break;
    }
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("match"), match},
        {QStringLiteral("action"), act},
        {QStringLiteral("times"), times ? QJsonValue(double(*times)) : QJsonValue()},
        {QStringLiteral("probability"), probability},
        {QStringLiteral("seed"), seed ? QJsonValue(double(*seed)) : QJsonValue()},
        {QStringLiteral("created_at"), TimeFormat::toRfc3339Ms(createdAtMs)},
    };
}

bool FaultRule::matchesRoute(const HttpRequest& request) const
{
    if (!method.isEmpty() && request.method != method)
        return false;
    return PathGlob::matches(path, request.path);
}

} // namespace mockd
