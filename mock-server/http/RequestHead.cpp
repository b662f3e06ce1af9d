#include "http/RequestHead.h"

namespace mockd {

namespace {

// Views into the block, no copies: this runs for every request, before Qt's own parser.
QByteArrayView nextLine(QByteArrayView& rest)
{
    const qsizetype end = rest.indexOf('\n');
    const QByteArrayView line = end < 0 ? rest : rest.first(end);
    rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
    return line.trimmed();
}

} // namespace

RequestHead RequestHead::parse(QByteArrayView block)
{
    RequestHead head;
    QByteArrayView rest = block;
    const QByteArrayView requestLine = nextLine(rest);
    // "METHOD TARGET VERSION", split on single spaces.
    const qsizetype space = requestLine.indexOf(' ');
    head.method = (space < 0 ? requestLine : requestLine.first(space)).toByteArray();
    if (space >= 0) {
        const QByteArrayView afterMethod = requestLine.sliced(space + 1);
        const qsizetype next = afterMethod.indexOf(' ');
        head.target = (next < 0 ? afterMethod : afterMethod.first(next)).toByteArray();
    }
    while (!rest.isEmpty()) {
        const QByteArrayView line = nextLine(rest);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 && head.contentLength == -1) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            head.contentLength = ok && length >= 0 ? length : -2;
        } else if (name.compare("x-admin-key", Qt::CaseInsensitive) == 0) {
            head.adminKey = value.toByteArray();
        } else if (name.compare("expect", Qt::CaseInsensitive) == 0) {
            head.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    return head;
}

} // namespace mockd
