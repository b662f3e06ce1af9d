#pragma once

#include "core/api/ApiError.h"

#include <QStringList>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;

namespace vigil {

class AccountSettingsService;
class AppSettings;
class InlineMessage;
class Session;
class SignInFlow;
class StepUpFlow;

// Where Vigil connects, whether it remembers the sign-in (and until when), the interface language,
// and "Sign Out of Vigil".
class PreferencesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesPage)

public:
    // `settings` is the app's one AppSettings: the page shows and changes the language and the
    // sign-in alerts there, and follows changes made elsewhere.
    PreferencesPage(AppSettings* settings, SignInFlow* flow, Session* session, QWidget* parent = nullptr);
    ~PreferencesPage() override;

    // The account's auto sign-out rule lives on the service; the box stays disabled until this is set.
    // A change asks for step-up first (through the service's StepUpService).
    void setAccountSettings(AccountSettingsService* service);
    // The verification methods the account has (the service refuses others).
    void setStepUpMethods(const QStringList& methods);
    StepUpFlow* stepUpFlow() const { return m_stepUpFlow; }

Q_SIGNALS:
    // A dialog the page opened (for tests).
    void dialogOpened(QDialog* dialog);

private:
    void render();
    void renderSignInEnd();
    void renderAutoSignOut();
    void changeAutoSignOut(int days, const std::optional<ApiError>& refusal = std::nullopt);
    QWidget* buildLanguageBox();
    QWidget* buildAlertsBox();
    QWidget* buildAutoSignOutBox();

    SignInFlow* m_flow;
    Session* m_session;
    QLineEdit* m_server;
    QCheckBox* m_remember;
    QLabel* m_rememberNote;
    QLabel* m_signInEnds; // "You'll need to sign in again on …"
    QPushButton* m_signOut;
    // The language is read once at start-up (app/main.cpp) from the same store, so a choice made
    // here is there at the next start.
    AppSettings* m_settings;
    QComboBox* m_language = nullptr;
    QLabel* m_languageNote = nullptr;
    QCheckBox* m_alerts = nullptr;
    AccountSettingsService* m_accountSettings = nullptr;
    StepUpFlow* m_stepUpFlow = nullptr;
    QStringList m_stepUpMethods;
    QComboBox* m_autoSignOut = nullptr;
    InlineMessage* m_autoSignOutMessage = nullptr;
};

} // namespace vigil
