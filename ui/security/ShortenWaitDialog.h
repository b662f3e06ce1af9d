#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class ApiClient;
class InlineMessage;
class ShortenWaitFlow;

// "Email Me a Code…": every device of the account is new, so this one asks for a code to the
// account's email and, with it, may sign other devices out in one hour instead of at the end of
// the full wait. Follows ShortenWaitFlow: sending, code entry (wrong code, expired, too many
// tries), the new time, or why the service refused (an established device can act instead).
class ShortenWaitDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortenWaitDialog)

public:
    explicit ShortenWaitDialog(ShortenWaitFlow* flow, QWidget* parent = nullptr);
    ~ShortenWaitDialog() override;

    // A dialog with its own flow, deleted when closed, that sends the code at once.
    static ShortenWaitDialog* open(ApiClient* api, QWidget* parent);

    QLabel* statusLabel() const { return m_status; }
    QLineEdit* codeField() const { return m_code; }
    QPushButton* verifyButton() const { return m_verify; }
    QPushButton* sendButton() const { return m_send; }
    InlineMessage* message() const { return m_message; }

    void reject() override;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void follow();
    // Wrapped sentences need more height than the layout's minimum says: grow to fit them.
    void fitHeight();
    void showProblem();

    ShortenWaitFlow* m_flow;
    QLabel* m_why = nullptr;
    QLabel* m_status;
    QLineEdit* m_code;
    QPushButton* m_verify;
    QPushButton* m_send;
    QPushButton* m_close;
    InlineMessage* m_message;
};

} // namespace vigil
