#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace mockd {

// What BodyLimitGuard needs from a request's head before Qt's parser sees it: the request line and
// the headers that decide about the body. Read from untrusted bytes, so it never fails: anything it
// cannot read stays at its "not given" value.
struct RequestHead
{
    QByteArray method;
    QByteArray target;
    qint64 contentLength = -1; // -1: none; -2: unreadable
    bool expectContinue = false;
    QByteArray adminKey; // X-Admin-Key, for the one route that takes big bodies from the admin only

    // `block` is the head without the blank line that ends it.
    static RequestHead parse(QByteArrayView block);
};

} // namespace mockd
