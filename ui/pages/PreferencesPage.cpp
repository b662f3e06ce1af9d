#include "PreferencesPage.h"

#include "core/account/AccountSettingsService.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"
#include "core/settings/Translations.h"
#include "core/stepup/StepUpFlow.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/ScrollArea.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

PreferencesPage::PreferencesPage(AppSettings* settings, SignInFlow* flow, Session* session, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_session(session), m_settings(settings)
{
    auto* serverBox = new QGroupBox(tr("Account Server"), this);
    m_server = new QLineEdit(serverBox);
    m_server->setReadOnly(true);
    m_server->setAccessibleName(tr("Current server address"));
    auto* serverNote =
        new QLabel(tr("To use another server, sign out and enter its address when you sign in."), serverBox);
    serverNote->setWordWrap(true);
    serverNote->setForegroundRole(QPalette::PlaceholderText);
    auto* serverForm = new QFormLayout(serverBox);
    serverForm->addRow(tr("Server address:"), m_server);
    serverForm->addRow(serverNote);

    auto* signInBox = new QGroupBox(tr("Sign-In"), this);
    m_remember = new QCheckBox(tr("Remember sign-in on this computer"), signInBox);
    m_remember->setAccessibleName(tr("Remember sign-in on this computer"));
    m_rememberNote = new QLabel(signInBox);
    m_rememberNote->setWordWrap(true);
    m_rememberNote->setForegroundRole(QPalette::PlaceholderText);
    m_signInEnds = new QLabel(signInBox);
    m_signInEnds->setObjectName(QStringLiteral("signInEnds"));
    m_signInEnds->setTextFormat(Qt::PlainText);
    m_signInEnds->setWordWrap(true);
    m_signOut = new QPushButton(Icons::themed(QStringLiteral("log-out")), tr("Sign Out of Vigil"), signInBox);
    m_signOut->setAccessibleName(tr("Sign Out of Vigil"));
    m_signOut->setAccessibleDescription(tr("Signs this computer out of your account and removes the saved sign-in "
                                           "from the keychain. Your other devices stay signed in."));
    auto* signOutNote = new QLabel(m_signOut->accessibleDescription(), signInBox);
    signOutNote->setWordWrap(true);
    signOutNote->setForegroundRole(QPalette::PlaceholderText);
    auto* signOutRow = new QHBoxLayout;
    signOutRow->addWidget(m_signOut);
    signOutRow->addStretch(1);
    auto* signInLayout = new QVBoxLayout(signInBox);
    signInLayout->addWidget(m_remember);
    signInLayout->addWidget(m_rememberNote);
    signInLayout->addWidget(m_signInEnds);
    signInLayout->addSpacing(8);
    signInLayout->addLayout(signOutRow);
    signInLayout->addWidget(signOutNote);

    // The boxes scroll under the header: with a large font they are taller than a small window.
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(serverBox);
    contentLayout->addWidget(signInBox);
    contentLayout->addWidget(buildAlertsBox());
    contentLayout->addWidget(buildAutoSignOutBox());
    contentLayout->addWidget(buildLanguageBox());
    contentLayout->addStretch(1);
    auto* scroll = new ScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Preferences"), tr("How Vigil connects and signs in."), this));
    layout->addWidget(scroll, 1);

    connect(m_remember, &QCheckBox::toggled, m_flow, &SignInFlow::setRemember);
    connect(m_remember, &QCheckBox::toggled, this, &PreferencesPage::renderSignInEnd);
    connect(m_session, &Session::tokensChanged, this, &PreferencesPage::renderSignInEnd);
    connect(m_signOut, &QPushButton::clicked, m_flow, &SignInFlow::signOut);
    connect(m_session, &Session::signedIn, this, &PreferencesPage::render);
    connect(m_flow, &SignInFlow::notice, this, &PreferencesPage::render);
    render();
}

PreferencesPage::~PreferencesPage() = default;

QWidget* PreferencesPage::buildLanguageBox()
{
    auto* box = new QGroupBox(tr("Language"), this);
    m_language = new QComboBox(box);
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System Default"), QString());
    // Each language in its own name, so anyone can find theirs whatever the current language.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    const QString current = m_settings->language();
    m_language->setCurrentIndex(
        qMax(0, m_language->findData(Translations::available().contains(current) ? current : QString())));
    m_languageNote = new QLabel(tr("Restart Vigil to change the language."), box);
    m_languageNote->setWordWrap(true);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);
    m_languageNote->setVisible(false);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Language:"), m_language);
    form->addRow(m_languageNote);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, current](int index) {
        const QString language = m_language->itemData(index).toString();
        m_settings->setLanguage(language);
        m_languageNote->setVisible(language != current);
    });
    return box;
}

QWidget* PreferencesPage::buildAlertsBox()
{
    auto* box = new QGroupBox(tr("Alerts"), this);
    m_alerts = new QCheckBox(tr("Alert me when a device signs in to my account"), box);
    m_alerts->setAccessibleName(tr("Alert me when a device signs in to my account"));
    m_alerts->setChecked(m_settings->signInAlerts());
    auto* note = new QLabel(tr("A desktop notification asks \u201cWas this you?\u201d, names the device, its place "
                               "and the time, and lets you confirm it or sign it out. While alerts are on, Vigil "
                               "keeps running in the tray when you close its window."),
                            box);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* layout = new QVBoxLayout(box);
    layout->addWidget(m_alerts);
    layout->addWidget(note);
    connect(m_alerts, &QCheckBox::toggled, m_settings, &AppSettings::setSignInAlerts);
    connect(m_settings, &AppSettings::signInAlertsChanged, m_alerts, &QCheckBox::setChecked);
    return box;
}

QWidget* PreferencesPage::buildAutoSignOutBox()
{
    auto* box = new QGroupBox(tr("Unused Devices"), this);
    m_autoSignOut = new QComboBox(box);
    m_autoSignOut->setAccessibleName(tr("Sign out devices unused for"));
    for (const int days : AccountSettingsService::autoSignOutChoices())
        m_autoSignOut->addItem(days > 0 ? tr("%n day(s)", nullptr, days) : tr("Never"), days);
    m_autoSignOut->setEnabled(false);
    m_autoSignOutMessage = new InlineMessage(box);
    auto* note = new QLabel(tr("Your account signs out devices that nobody has used for this long. Anyone "
                               "using one again will need the password. Profiles and viewing history are kept."),
                            box);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Sign out devices unused for:"), m_autoSignOut);
    form->addRow(m_autoSignOutMessage);
    form->addRow(note);
    connect(m_autoSignOut, &QComboBox::activated, this, [this](int index) {
        changeAutoSignOut(m_autoSignOut->itemData(index).toInt());
    });
    return box;
}

void PreferencesPage::changeAutoSignOut(int days, const std::optional<ApiError>& refusal)
{
    if (!m_accountSettings || !m_stepUpFlow)
        return renderAutoSignOut();
    if (m_accountSettings->isKnown() && days == m_accountSettings->autoSignOutDays())
        return renderAutoSignOut();
    m_autoSignOutMessage->clear();
    {
        // The choice stays in view while Vigil asks; cancelling puts the saved value back.
        const QSignalBlocker blocker(m_autoSignOut);
        m_autoSignOut->setCurrentIndex(qMax(0, m_autoSignOut->findData(days)));
    }
    if (!m_stepUpMethods.isEmpty())
        m_stepUpFlow->setAvailableMethods(m_stepUpMethods);
    const QPointer<PreferencesPage> self(this);
    QDialog* dialog =
        StepUpDialog::ensure(window(),
                             m_stepUpFlow,
                             tr("Before Vigil changes when unused devices are signed out, confirm that it's you."),
                             [self, days] {
                                 if (!self || !self->m_accountSettings)
                                     return;
                                 self->m_accountSettings->setAutoSignOutDays(days);
                                 self->renderAutoSignOut(); // the saved value, should it not be sent
                             });
    if (!dialog)
        return;
    if (refusal)
        m_stepUpFlow->reportProblem(StepUpFlow::ProblemKind::StepUpRequired, refusal);
    connect(dialog, &QDialog::rejected, this, &PreferencesPage::renderAutoSignOut);
    Q_EMIT dialogOpened(dialog);
}

void PreferencesPage::setStepUpMethods(const QStringList& methods)
{
    m_stepUpMethods = methods;
}

void PreferencesPage::setAccountSettings(AccountSettingsService* service)
{
    if (m_accountSettings)
        m_accountSettings->disconnect(this);
    m_accountSettings = service;
    delete m_stepUpFlow;
    m_stepUpFlow = nullptr;
    if (m_accountSettings && m_accountSettings->stepUp())
        m_stepUpFlow = new StepUpFlow(m_accountSettings->stepUp(), this);
    if (m_accountSettings) {
        connect(m_accountSettings, &AccountSettingsService::changed, this, &PreferencesPage::renderAutoSignOut);
        connect(m_accountSettings,
                &AccountSettingsService::stepUpRequired,
                this,
                [this](int days, const ApiError& error) { changeAutoSignOut(days, error); });
        connect(m_accountSettings, &AccountSettingsService::saveFailed, this, [this](const ApiError& error) {
            m_autoSignOutMessage->showMessage(
                InlineMessage::Kind::Error,
                tr("The setting could not be saved: %1 It is back as it was.").arg(error.userText()));
        });
        if (m_accountSettings->state() == AccountSettingsService::State::Empty && m_session->isSignedIn())
            m_accountSettings->reload();
    }
    renderAutoSignOut();
}

void PreferencesPage::renderAutoSignOut()
{
    using State = AccountSettingsService::State;
    const State state = m_accountSettings ? m_accountSettings->state() : State::Empty;
    const bool known = m_accountSettings && m_accountSettings->isKnown();
    if (known) {
        const QSignalBlocker blocker(m_autoSignOut);
        m_autoSignOut->setCurrentIndex(qMax(0, m_autoSignOut->findData(m_accountSettings->autoSignOutDays())));
    }
    m_autoSignOut->setEnabled(known && state == State::Loaded);
    switch (state) {
    case State::Loading:
        m_autoSignOutMessage->showMessage(InlineMessage::Kind::Info, tr("Loading the setting\u2026"));
        break;
    case State::Saving:
        m_autoSignOutMessage->showMessage(InlineMessage::Kind::Info, tr("Saving\u2026"));
        break;
    case State::Failed:
        m_autoSignOutMessage->showMessage(
            InlineMessage::Kind::Error,
            tr("The setting could not be loaded: %1")
                .arg(m_accountSettings->error() ? m_accountSettings->error()->userText() : QString()));
        break;
    case State::Loaded:
    case State::Empty:
        // A save error stays until the next change; a plain load clears the message.
        if (m_autoSignOutMessage->kind() != InlineMessage::Kind::Error)
            m_autoSignOutMessage->clear();
        break;
    }
}

void PreferencesPage::render()
{
    m_server->setText(m_session->serverUrl().toString());
    const QSignalBlocker blocker(m_remember);
    m_remember->setChecked(m_flow->isRemembering());
    m_remember->setEnabled(!m_flow->isEphemeral());
    if (m_flow->isEphemeral())
        m_rememberNote->setText(tr("Demo sign-ins are never remembered: the demo account starts fresh each time."));
    else
        m_rememberNote->setText(tr("Vigil keeps the sign-in in your system keychain, never in a file. "
                                   "Turn this off to be asked for your password next time."));
    renderSignInEnd();
}

void PreferencesPage::renderSignInEnd()
{
    // A remembered sign-in still ends 30 days after the password was typed, however often Vigil
    // was used: say when, so it is no surprise.
    const QDateTime ends = m_session->refreshExpiresAt();
    const bool show = m_session->isSignedIn() && ends.isValid() && m_flow->isRemembering();
    m_signInEnds->setVisible(show);
    m_signInEnds->setText(show ? tr("You'll need to sign in again on %1.")
                                     .arg(QLocale().toString(ends.toLocalTime().date(), QLocale::LongFormat))
                               : QString());
}

} // namespace vigil
