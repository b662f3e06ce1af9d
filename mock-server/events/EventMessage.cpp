#include "events/EventMessage.h"

#include "events/ResumePosition.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace mockd {

EventMessage EventMessage::read(const QString& text)
{
    EventMessage out;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    const QJsonObject message = document.object();
    const QString type = message.value(QLatin1String("type")).toString();
    if (error.error != QJsonParseError::NoError || !document.isObject() || type.isEmpty())
        return out;
    if (type == QLatin1String("auth")) {
        out.kind = Kind::Auth;
        out.token = message.value(QLatin1String("token")).toString();
        const auto resume = ResumePosition::fromJson(message.value(QLatin1String("resume_from")));
        out.resumeFrom = resume.seq;
        out.resumeInvalid = resume.invalid;
        const QJsonValue scope = message.value(QLatin1String("scope"));
        out.sessionScope = scope == QLatin1String("session");
        out.scopeInvalid = !scope.isUndefined() && !out.sessionScope && scope != QLatin1String("account");
        return out;
    }
    out.kind = type == QLatin1String("ping") ? Kind::Ping : Kind::Other;
    return out;
}

} // namespace mockd
