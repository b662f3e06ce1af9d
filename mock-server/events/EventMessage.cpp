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
        // Outside 0…maxResumeFrom the value is ignored, as a negative one always was (converting a
        // double at or beyond 2^63 to qint64 is undefined behaviour).
        const QJsonValue resume = message.value(QLatin1String("resume_from"));
        if (resume.isDouble() && resume.toDouble() >= 0 && resume.toDouble() <= double(maxResumeFrom))
            out.resumeFrom = qint64(resume.toDouble());
        return out;
    }
    out.kind = type == QLatin1String("ping") ? Kind::Ping : Kind::Other;
    return out;
}

} // namespace mockd
