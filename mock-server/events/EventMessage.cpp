#include "events/EventMessage.h"

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
        const QJsonValue resume = message.value(QLatin1String("resume_from"));
        if (resume.isDouble() && resume.toDouble() >= 0)
            out.resumeFrom = qint64(resume.toDouble());
        return out;
    }
    out.kind = type == QLatin1String("ping") ? Kind::Ping : Kind::Other;
    return out;
}

} // namespace mockd
