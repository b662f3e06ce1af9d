#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace mockd::Base64Url {

// RFC 4648 §5 without padding, as WebAuthn writes binary values.
QString encode(const QByteArray& data);
// Strict: only the URL-safe alphabet, no padding, no whitespace, a length a real encoding can have;
// nothing for anything else.
std::optional<QByteArray> decode(QStringView text);

} // namespace mockd::Base64Url
