#include "ui/security/QrCodeWidget.h"

#include <QPainter>

namespace vigil {

namespace {
constexpr int quietZone = 4;
constexpr int preferredModulePixels = 4;
} // namespace

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent)
{
    setAccessibleName(tr("QR code"));
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QrCodeWidget::~QrCodeWidget() = default;

void QrCodeWidget::setText(const QString& text)
{
    m_code = QrCode::encode(text);
    setAccessibleDescription(m_code.isNull() ? tr("The QR code could not be made.")
                                             : tr("A QR code to scan with your authenticator app."));
    updateGeometry();
    update();
}

QSize QrCodeWidget::sizeHint() const
{
    const int side = (qMax(21, m_code.size()) + 2 * quietZone) * preferredModulePixels;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent* event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (m_code.isNull())
        return;
    const int modules = m_code.size() + 2 * quietZone;
    const int scale = qMax(1, qMin(width(), height()) / modules);
    const QImage image = m_code.toImage(scale, quietZone);
    painter.drawImage((width() - image.width()) / 2, (height() - image.height()) / 2, image);
}

} // namespace vigil
