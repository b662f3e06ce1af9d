#include "store/PostgresUrl.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace mockd {

bool PostgresUrl::looksLikeOne(const QString& location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

Expected<PostgresUrl, QString> PostgresUrl::parse(const QString& location)
{
    // QUrl refuses a percent-encoded '/' in the host, which libpq accepts for socket folders, so
    // the authority is split by hand.
    static const QRegularExpression shape(
        QStringLiteral("^postgres(?:ql)?://(?:([^@/]*)@)?(\\[[^\\]]*\\]|[^:/?]*)(?::([0-9]+))?/([^?/]+)(?:\\?(.*))?$"));
    const auto match = shape.match(location);
    if (!match.hasMatch())
        return unexpected(QStringLiteral("not a database address of the form postgresql://USER@HOST:PORT/NAME"));
    PostgresUrl url;
    const QString userInfo = match.captured(1);
    if (userInfo.contains(QLatin1Char(':')))
        return unexpected(QStringLiteral("the database address may not hold a password; set PGPASSWORD or use "
                                         "~/.pgpass"));
    url.user = QUrl::fromPercentEncoding(userInfo.toUtf8());
    url.host = QUrl::fromPercentEncoding(match.captured(2).toUtf8());
    if (url.host.startsWith(QLatin1Char('[')))
        url.host = url.host.mid(1, url.host.size() - 2);
    if (match.hasCaptured(3)) {
        bool ok = false;
        url.port = match.captured(3).toInt(&ok);
        if (!ok || url.port < 1 || url.port > 65535)
            return unexpected(QStringLiteral("the database port must be 1 to 65535"));
    }
    url.name = QUrl::fromPercentEncoding(match.captured(4).toUtf8());
    const QUrlQuery query(match.captured(5));
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("host"))
            url.host = value;
        else if (key == QLatin1String("port"))
            url.port = value.toInt();
        else if (key == QLatin1String("user"))
            url.user = value;
        else if (key == QLatin1String("sslmode")) {
            static const QStringList modes{QStringLiteral("disable"),
                                           QStringLiteral("allow"),
                                           QStringLiteral("prefer"),
                                           QStringLiteral("require"),
                                           QStringLiteral("verify-ca"),
                                           QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return unexpected(QStringLiteral("sslmode must be one of %1").arg(modes.join(QStringLiteral(", "))));
            url.sslMode = value;
        } else if (key == QLatin1String("password"))
            return unexpected(QStringLiteral("the database address may not hold a password; set PGPASSWORD or use "
                                             "~/.pgpass"));
        else
            return unexpected(QStringLiteral("unknown database address parameter: %1").arg(key));
    }
    return url;
}

QString PostgresUrl::display() const
{
    QString out = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        out += user + QLatin1Char('@');
    out += host.startsWith(QLatin1Char('/')) ? QString::fromLatin1(QUrl::toPercentEncoding(host)) : host;
    if (port > 0)
        out += QLatin1Char(':') + QString::number(port);
    return out + QLatin1Char('/') + name;
}

} // namespace mockd
