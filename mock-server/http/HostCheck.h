#pragma once

#include <QByteArrayView>
#include <QHostAddress>

namespace mockd::HostCheck {

// 127.0.0.0/8, ::1 and ::ffff:127.x; the "any" addresses are not loopback.
bool isLoopbackAddress(const QHostAddress& address);

// A Host header that names this machine: localhost, a loopback address (127.0.0.1, [::1], any of
// 127.0.0.0/8), each with or without a port. A service bound to loopback answers only these, so a web page whose name
// an attacker re-points at 127.0.0.1 (DNS rebinding) cannot talk to it: its requests carry the page's name.
bool isLoopbackName(QByteArrayView host);

} // namespace mockd::HostCheck
