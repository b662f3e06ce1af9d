#pragma once

#include "ui/security/QrCode.h"

#include <QWidget>

namespace vigil {

// Shows a QR code, scaled to whole pixels per module so phone cameras read it crisply.
class QrCodeWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QrCodeWidget)

public:
    explicit QrCodeWidget(QWidget* parent = nullptr);
    ~QrCodeWidget() override;

    void setText(const QString& text);
    const QrCode& code() const { return m_code; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QrCode m_code;
};

} // namespace vigil
