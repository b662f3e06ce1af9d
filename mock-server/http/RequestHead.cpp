#include "http/RequestHead.h"

#include <QList>

namespace mockd {

RequestHead RequestHead::parse(QByteArrayView block)
{
    RequestHead head;
    const auto lines = QByteArray::fromRawData(block.data(), block.size()).split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (i == 0) {
            const auto parts = line.split(' ');
            head.method = parts.value(0);
            head.target = parts.value(1);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && head.contentLength == -1) {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            head.contentLength = ok && length >= 0 ? length : -2;
        } else if (name == "expect") {
            head.expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    return head;
}

} // namespace mockd
