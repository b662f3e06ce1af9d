#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace mockd {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// A request as the service sees it, copied out of Qt's request object so that a handler may answer
// later (Qt reuses its request object for the next request on the connection).
struct HttpRequest
{
    QByteArray method; // "GET", "POST", …
    QString path;      // percent-encoded, as sent
    QString query;     // percent-encoded, without "?"; '+' already turned into %20 (normalizedQuery)
    HeaderList headers;
    QByteArray body;
    QHostAddress peer;

    // First value of a header, compared case-insensitively; empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QUrlQuery queryItems() const { return QUrlQuery(query); }
    // The client address as text; IPv4-mapped IPv6 addresses are shown as IPv4.
    QString peerText() const;

    // A query as it arrives, with each '+' written as %20: form encoding (HTML forms, curl
    // --data-urlencode -G, Python's urlencode) sends a space as '+', which QUrlQuery leaves alone.
    // Done once where requests come in, so every reader of `query` decodes alike; a literal plus
    // arrives as %2B.
    static QString normalizedQuery(QString encoded);
};

} // namespace mockd
