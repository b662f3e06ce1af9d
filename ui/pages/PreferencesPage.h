#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class Session;
class SignInFlow;

// Where Vigil connects, whether it remembers the sign-in, and "Sign Out of Vigil".
class PreferencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesPage)

public:
    PreferencesPage(SignInFlow* flow, Session* session, QWidget* parent = nullptr);
    ~PreferencesPage() override;

private:
    void render();

    SignInFlow* m_flow;
    Session* m_session;
    QLineEdit* m_server;
    QCheckBox* m_remember;
    QLabel* m_rememberNote;
    QPushButton* m_signOut;
};

} // namespace vigil
