#pragma once

#include <QImage>
#include <QList>
#include <QString>

namespace vigil {

// A QR code symbol (libqrencode, error correction M, 8-bit mode) as a square matrix of modules.
class QrCode final
{
public:
    // An empty code (size 0) when the text cannot be encoded.
    static QrCode encode(const QString& text);

    bool isNull() const { return m_size == 0; }
    int size() const { return m_size; }
    int version() const { return m_version; }
    bool isDark(int x, int y) const { return m_modules.at(qsizetype(y) * m_size + x); }

    // Black modules on white, `scale` pixels each, with a quiet zone of `margin` modules (the
    // standard asks for 4).
    QImage toImage(int scale, int margin = 4) const;

    bool operator==(const QrCode& other) const = default;

private:
    int m_size = 0;
    int m_version = 0;
    QList<bool> m_modules;
};

} // namespace vigil
