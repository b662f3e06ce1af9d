#include "ui/security/QrCode.h"

#include <memory>
#include <qrencode.h>

namespace vigil {

QrCode QrCode::encode(const QString& text)
{
    QrCode code;
    const QByteArray utf8 = text.toUtf8();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> symbol(
        QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!symbol || symbol->width <= 0)
        return code;
    code.m_size = symbol->width;
    code.m_version = symbol->version;
    const qsizetype count = qsizetype(symbol->width) * symbol->width;
    code.m_modules.reserve(count);
    // Bit 0 of each byte is the module's colour; the other bits describe its role.
    for (qsizetype i = 0; i < count; ++i)
        code.m_modules.append((symbol->data[i] & 1) != 0);
    return code;
}

QImage QrCode::toImage(int scale, int margin) const
{
    if (isNull() || scale <= 0 || margin < 0)
        return {};
    const int side = (m_size + 2 * margin) * scale;
    QImage image(side, side, QImage::Format_Mono);
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    image.fill(0);
    for (int y = 0; y < m_size; ++y) {
        for (int x = 0; x < m_size; ++x) {
            if (!isDark(x, y))
                continue;
            for (int dy = 0; dy < scale; ++dy) {
                for (int dx = 0; dx < scale; ++dx)
                    image.setPixel((x + margin) * scale + dx, (y + margin) * scale + dy, 1);
            }
        }
    }
    return image;
}

} // namespace vigil
