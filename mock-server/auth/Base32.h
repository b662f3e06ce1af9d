#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace mockd::Base32 {

// RFC 4648 base32 as used for TOTP secrets: case-insensitive, spaces and "=" padding ignored.
std::optional<QByteArray> decode(QStringView text);
QString encode(const QByteArray& bytes);

} // namespace mockd::Base32
