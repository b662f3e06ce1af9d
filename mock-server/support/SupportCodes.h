#pragma once

#include <QByteArray>
#include <QString>

// Support codes as the holder reads them out: 8 characters of an alphabet without look-alikes
// (no 0/O, 1/I/L), shown as "7KQ2-M9XF"; accepted with or without the dash, any case, spaces
// ignored. Only their SHA-256 is stored.
namespace mockd::SupportCodes {

inline constexpr const char* alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

// A fresh code from the CSPRNG, canonical form ("7KQ2M9XF").
QString generate();
// "7KQ2M9XF" → "7KQ2-M9XF".
QString display(const QString& canonical);
// The canonical form of what someone typed, or an empty string when it cannot be a code.
QString normalize(QStringView typed);
QByteArray hash(const QString& canonical);

} // namespace mockd::SupportCodes
