#include "ServerAddress.h"

#include <QHostAddress>

namespace vigil {

bool ServerAddress::isLoopback(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Expected<QUrl, ServerAddress::Problem> ServerAddress::parse(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Unexpected{Problem::Empty};

    QUrl url;
    if (text.contains(QLatin1String("://"))) {
        url = QUrl(text, QUrl::StrictMode);
    } else {
        // No scheme: HTTPS, except for this computer where the bundled service speaks plain HTTP.
        const QUrl probe(QStringLiteral("http://") + text, QUrl::StrictMode);
        const bool loopback = probe.isValid() && isLoopback(probe.host());
        url = QUrl((loopback ? QStringLiteral("http://") : QStringLiteral("https://")) + text, QUrl::StrictMode);
    }
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return Unexpected{Problem::Malformed};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Unexpected{Problem::UnsupportedScheme};
    if (scheme == QLatin1String("http") && !isLoopback(url.host()))
        return Unexpected{Problem::InsecureRemote};
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    return url;
}

QString ServerAddress::describe(Problem problem)
{
    switch (problem) {
    case Problem::Empty:
        return tr("Enter the address of your account server.");
    case Problem::Malformed:
        return tr("That isn't a valid server address. Use a form like vigil.example.com or 127.0.0.1:8765.");
    case Problem::UnsupportedScheme:
        return tr("The server address must start with https:// (or http:// for this computer).");
    case Problem::InsecureRemote:
        return tr("Vigil only uses unencrypted http:// for servers on this computer. Use https:// instead.");
    }
    return {};
}

QString ServerAddress::hostAndPort(const QUrl& url)
{
    const int defaultPort = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80;
    return url.host(QUrl::FullyEncoded) + QLatin1Char(':') + QString::number(url.port(defaultPort));
}

} // namespace vigil
