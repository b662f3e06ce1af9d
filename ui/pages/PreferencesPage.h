#pragma once

#include "core/settings/AppSettings.h"

#include <QSettings>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class Session;
class SignInFlow;

// Where Vigil connects, whether it remembers the sign-in, the interface language, and "Sign Out of
// Vigil".
class PreferencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesPage)

public:
    PreferencesPage(SignInFlow* flow, Session* session, QWidget* parent = nullptr);
    ~PreferencesPage() override;

private:
    void render();
    QWidget* buildLanguageBox();

    SignInFlow* m_flow;
    Session* m_session;
    QLineEdit* m_server;
    QCheckBox* m_remember;
    QLabel* m_rememberNote;
    QPushButton* m_signOut;
    // The language is read once at start-up (app/main.cpp) from the application's settings; the
    // page writes it to the same store, so the choice is there at the next start.
    QSettings m_qsettings;
    AppSettings m_settings{&m_qsettings};
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
};

} // namespace vigil
