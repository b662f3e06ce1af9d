#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class Authenticator;
class InlineMessage;

// What a security key needs from the person right now, rendered from an Authenticator's state:
// insert it, touch it, its PIN (with the tries left), or why it stopped, with "Try Again" when
// that can help. Used by "Add a Key" and by "Confirm It's You"; it only forwards what the person
// does (pinEntered, retryRequested).
class SecurityKeyPrompt final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityKeyPrompt)

public:
    explicit SecurityKeyPrompt(QWidget* parent = nullptr);
    ~SecurityKeyPrompt() override;

    // nullptr: nothing is asked of a key (the prompt says to insert and touch it).
    void setAuthenticator(Authenticator* authenticator);
    void refresh();

    QLabel* promptLabel() const { return m_prompt; }
    QLineEdit* pinField() const { return m_pin; }
    QPushButton* pinButton() const { return m_pinButton; }
    QPushButton* retryButton() const { return m_retry; }
    InlineMessage* problem() const { return m_problem; }
    // The PIN field while the key asks for it, else the retry button when shown, else nullptr.
    QWidget* focusTarget() const;

Q_SIGNALS:
    void pinEntered(const QString& pin);
    void retryRequested();

private:
    void submitPin();

    QPointer<Authenticator> m_authenticator;
    QLabel* m_icon;
    QLabel* m_prompt;
    QLineEdit* m_pin;
    QPushButton* m_pinButton;
    InlineMessage* m_problem;
    QPushButton* m_retry;
};

} // namespace vigil
