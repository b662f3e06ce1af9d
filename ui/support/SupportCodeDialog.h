#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace vigil {

class InlineMessage;

// "Sign Out Devices With Customer's Code…": asks for the one-time code the customer created in
// their own Vigil (Security → Give support a code) and what to sign out — the selected devices or
// all of them. Continue stays disabled until the input can be a code (XXXX-XXXX from the code
// alphabet; dash, spaces and case do not matter). The sign-out itself then runs through the
// ordinary sign-out dialog.
class SupportCodeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportCodeDialog)

public:
    // `selectedCount`: devices selected on the Devices page (0: only "All devices" is offered).
    explicit SupportCodeDialog(int selectedCount, QWidget* parent = nullptr);
    ~SupportCodeDialog() override;

    // The code without dash, upper case ("7KQ2M9XF"); empty while the input is not a code.
    QString code() const;
    bool allDevices() const;
    // The last attempt's problem ("This support code has expired"), inline above the field.
    void showError(const QString& text);

    QLineEdit* codeEdit() const { return m_code; }
    QPushButton* continueButton() const { return m_continue; }
    QRadioButton* selectedOption() const { return m_selected; }
    QRadioButton* allOption() const { return m_all; }
    QLabel* formatHint() const { return m_hint; }

private:
    void validate();

    QLineEdit* m_code;
    QRadioButton* m_selected;
    QRadioButton* m_all;
    QLabel* m_hint;
    InlineMessage* m_error;
    QPushButton* m_continue;
};

} // namespace vigil
