#include "PreferencesPage.h"

#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/Translations.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/PageHeader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

PreferencesPage::PreferencesPage(SignInFlow* flow, Session* session, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_session(session)
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
    signInLayout->addSpacing(8);
    signInLayout->addLayout(signOutRow);
    signInLayout->addWidget(signOutNote);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Preferences"), tr("How Vigil connects and signs in."), this));
    layout->addWidget(serverBox);
    layout->addWidget(signInBox);
    layout->addWidget(buildLanguageBox());
    layout->addStretch(1);

    connect(m_remember, &QCheckBox::toggled, m_flow, &SignInFlow::setRemember);
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
    const QString current = m_settings.language();
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
        m_settings.setLanguage(language);
        m_languageNote->setVisible(language != current);
    });
    return box;
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
}

} // namespace vigil
