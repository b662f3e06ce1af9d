#pragma once

#include "core/security/TwoStepService.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class InlineMessage;
class QrCodeWidget;

// Setting up an authenticator app: the QR code of the otpauth URI, the secret as grouped,
// copyable text, and the code the app shows to confirm. Accepted with the recovery codes on hand.
class TotpEnrolmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TotpEnrolmentDialog)

public:
    TotpEnrolmentDialog(TwoStepService* service, const TotpEnrolment& enrolment, QWidget* parent = nullptr);
    ~TotpEnrolmentDialog() override;

    // "JBSW Y3DP EHPK 3PXP".
    static QString groupedSecret(const QString& secret);

    const QStringList& recoveryCodes() const { return m_codes; }
    QrCodeWidget* qrCode() const { return m_qr; }
    QLabel* secretLabel() const { return m_secret; }
    QLineEdit* codeField() const { return m_code; }
    QPushButton* confirmButton() const { return m_confirm; }

private:
    void confirm();

    TwoStepService* m_service;
    TotpEnrolment m_enrolment;
    QStringList m_codes;
    QrCodeWidget* m_qr;
    QLabel* m_secret;
    QLineEdit* m_code;
    InlineMessage* m_message;
    QPushButton* m_confirm;
    bool m_busy = false;
};

} // namespace vigil
