#include "base/Ids.h"

#include <QByteArray>
#include <sodium.h>

namespace mockd::Ids {

QString generate(QStringView prefix)
{
    QByteArray bytes(8, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return prefix.toString() + QLatin1Char('_') + QString::fromLatin1(bytes.toHex());
}

} // namespace mockd::Ids
