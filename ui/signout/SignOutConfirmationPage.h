#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace vigil {

class SignOutFlow;

// The first step of every sign-out: says exactly what will happen (how many devices, which, that
// profiles, viewing history and preferences are kept, whether this device is included) before
// anything happens. Cancel is the default button; the destructive button never is.
class SignOutConfirmationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutConfirmationPage)

public:
    explicit SignOutConfirmationPage(SignOutFlow* flow, QWidget* parent = nullptr);
    ~SignOutConfirmationPage() override;

    // Re-reads the flow's scope (the dialog calls it on entering Confirming).
    void refresh();

    QString title() const;
    // Everything the page says, as one text (for tests and the dialog's accessible description).
    QString text() const;
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* signOutButton() const { return m_signOut; }

Q_SIGNALS:
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    SignOutFlow* m_flow;
    QLabel* m_title;
    QLabel* m_lead;
    QLabel* m_devices;
    QLabel* m_consequences;
    QLabel* m_kept;
    QLabel* m_thisDevice;
    QPushButton* m_cancel;
    QPushButton* m_signOut;
};

} // namespace vigil
