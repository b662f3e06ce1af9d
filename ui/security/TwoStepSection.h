#pragma once

#include <QGroupBox>

class QCheckBox;
class QDialog;
class QLabel;
class QPushButton;

namespace vigil {

class InlineMessage;
class StepUpFlow;
class TwoStepService;
class ApiError;

// "2-Step Verification" on the Security page: which methods are on, recovery codes left, and the
// actions behind step-up (set up, turn off, new recovery codes).
class TwoStepSection final : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TwoStepSection)

public:
    TwoStepSection(TwoStepService* service, StepUpFlow* stepUp, QWidget* parent = nullptr);
    ~TwoStepSection() override;

    QPushButton* setUpButton() const { return m_setUp; }
    QPushButton* turnOffButton() const { return m_turnOff; }
    QPushButton* newCodesButton() const { return m_newCodes; }
    QCheckBox* smsBox() const { return m_smsBox; }
    QCheckBox* emailBox() const { return m_emailBox; }
    QString statusText() const;

Q_SIGNALS:
    // A dialog this section opened (for tests and focus).
    void dialogOpened(QDialog* dialog);

private:
    void refresh();
    void setUp();
    void turnOff();
    void newCodes();
    void showCodes(const QStringList& codes);
    void switchTextMessageCodes(bool on);
    void showError(const QString& what, const ApiError& error);

    TwoStepService* m_service;
    StepUpFlow* m_stepUp;
    QLabel* m_totp;
    QLabel* m_sms;
    QLabel* m_email;
    QLabel* m_codesLeft;
    QCheckBox* m_emailBox;
    QCheckBox* m_smsBox;
    InlineMessage* m_message;
    QPushButton* m_setUp;
    QPushButton* m_turnOff;
    QPushButton* m_newCodes;
};

} // namespace vigil
