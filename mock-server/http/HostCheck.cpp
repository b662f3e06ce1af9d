#include "http/HostCheck.h"

namespace mockd::HostCheck {

bool isLoopbackAddress(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).isLoopback() : address.isLoopback();
}

bool isLoopbackName(QByteArrayView host)
{
    host = host.trimmed();
    qsizetype nameEnd = 0;
    if (host.startsWith('[')) {
        nameEnd = host.indexOf(']') + 1;
        if (nameEnd == 0)
            return false;
    } else {
        nameEnd = host.indexOf(':');
        if (nameEnd < 0)
            nameEnd = host.size();
    }
    const QByteArrayView name = host.first(nameEnd);
    const QByteArrayView port = host.sliced(nameEnd);
    if (!port.isEmpty()) {
        if (port.size() < 2 || port.size() > 6 || port.front() != ':')
            return false;
        for (const char c : port.sliced(1)) {
            if (c < '0' || c > '9')
                return false;
        }
    }
    if (name.compare("localhost", Qt::CaseInsensitive) == 0)
        return true;
    // An address literal of this machine (127.0.0.2 when bound there); a rebinding page has a name.
    const QByteArrayView literal = name.startsWith('[') ? name.sliced(1, name.size() - 2) : name;
    // The usual names first: parsing an address costs more than the rest of the check.
    if (literal == "127.0.0.1" || literal == "::1")
        return true;
    const QHostAddress address(QString::fromLatin1(literal.data(), literal.size()));
    return !address.isNull() && isLoopbackAddress(address);
}

} // namespace mockd::HostCheck
