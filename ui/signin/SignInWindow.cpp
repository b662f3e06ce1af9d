#include "SignInWindow.h"

#include "core/settings/AppSettings.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil {

SignInWindow::SignInWindow(SignInFlow* flow, AppSettings* settings, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_settings(settings)
{
    setWindowTitle(tr("Sign In — Vigil"));
    setWindowIcon(Icons::app());
    setMinimumWidth(460);

    auto* logo = new QLabel(this);
    logo->setPixmap(Icons::app().pixmap(56, 56));
    logo->setAccessibleName(tr("Vigil"));
    m_heading = new QLabel(tr("Sign In to Vigil"), this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    auto* tagline = new QLabel(tr("See every device on your account, and sign out the ones you don't trust."), this);
    tagline->setWordWrap(true);
    tagline->setForegroundRole(QPalette::PlaceholderText);

    auto* titleBox = new QVBoxLayout;
    titleBox->setSpacing(2);
    titleBox->addWidget(m_heading);
    titleBox->addWidget(tagline);
    auto* top = new QHBoxLayout;
    top->setSpacing(14);
    top->addWidget(logo, 0, Qt::AlignTop);
    top->addLayout(titleBox, 1);

    m_demo = new InlineMessage(this);
    m_notice = new InlineMessage(this);
    m_error = new InlineMessage(this);

    m_steps = new QStackedWidget(this);
    m_credentialsPage = buildCredentialsPage();
    m_codePage = buildCodePage();
    m_steps->addWidget(m_credentialsPage);
    m_steps->addWidget(m_codePage);

    m_busy = new QWidget(this);
    m_busyText = new QLabel(m_busy);
    m_progress = new QProgressBar(m_busy);
    m_progress->setRange(0, 0); // indeterminate: the service gives no progress to report
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_progress->setAccessibleName(tr("Working"));
    auto* busyLayout = new QVBoxLayout(m_busy);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(m_busyText);
    busyLayout->addWidget(m_progress);
    m_busy->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    layout->setSpacing(14);
    layout->addLayout(top);
    layout->addWidget(m_demo);
    layout->addWidget(m_notice);
    layout->addWidget(m_steps);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addStretch(1);

    connect(m_flow, &SignInFlow::stateChanged, this, &SignInWindow::render);
    connect(m_flow, &SignInFlow::problemOccurred, this, &SignInWindow::onProblem);
    connect(m_flow, &SignInFlow::notice, this, &SignInWindow::showNotice);

    prefill(m_settings->serverUrl().toString(), m_settings->lastEmail(), m_settings->rememberSignIn());
    render(m_flow->state());
}

SignInWindow::~SignInWindow() = default;

QWidget* SignInWindow::buildCredentialsPage()
{
    auto* page = new QWidget(this);
    m_server = new QLineEdit(page);
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(tr("e.g. vigil.example.com or 127.0.0.1:8765"));
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_email = new QLineEdit(page);
    m_email->setAccessibleName(tr("Email"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    m_password = new QLineEdit(page);
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhHiddenText);
    m_remember = new QCheckBox(tr("Remember me"), page);
    m_remember->setAccessibleName(tr("Remember me"));
    m_remember->setAccessibleDescription(
        tr("Keeps you signed in on this computer. Vigil stores the sign-in in your system keychain, never in a file."));
    m_remember->setToolTip(m_remember->accessibleDescription());
    m_signIn = new QPushButton(tr("Sign In"), page);
    m_signIn->setAccessibleName(tr("Sign In"));
    m_signIn->setDefault(true);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Server address:"), m_server);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);

    setTabOrder(m_server, m_email);
    setTabOrder(m_email, m_password);
    setTabOrder(m_password, m_remember);
    setTabOrder(m_remember, m_signIn);
    connect(m_signIn, &QPushButton::clicked, this, &SignInWindow::submit);
    return page;
}

QWidget* SignInWindow::buildCodePage()
{
    auto* page = new QWidget(this);
    m_codePrompt = new QLabel(
        tr("Your account uses 2-step verification. Enter the 6-digit code from your authenticator app."), page);
    m_codePrompt->setWordWrap(true);
    m_code = new QLineEdit(page);
    m_code->setAccessibleName(tr("Verification code"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setMaxLength(32); // recovery codes are longer than 6 digits
    m_code->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    // Digits, plus the letters and dashes of a recovery code; spaces from a paste are allowed too.
    m_code->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9A-Za-z\\- ]*")), m_code));
    m_back = new QPushButton(tr("Back"), page);
    m_back->setAccessibleName(tr("Back"));
    m_back->setToolTip(tr("Return to email and password"));
    m_verify = new QPushButton(tr("Verify"), page);
    m_verify->setAccessibleName(tr("Verify"));
    m_verify->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Verification code:"), m_code);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_verify);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_codePrompt);
    layout->addLayout(form);
    layout->addLayout(buttons);

    setTabOrder(m_code, m_back);
    setTabOrder(m_back, m_verify);
    connect(m_verify, &QPushButton::clicked, this, &SignInWindow::submit);
    // Verify only once a whole code is there (6 digits; recovery codes are longer).
    const auto updateVerify = [this] {
        QString code = m_code->text();
        code.remove(QLatin1Char(' '));
        m_verify->setEnabled(code.size() >= 6);
    };
    connect(m_code, &QLineEdit::textChanged, this, updateVerify);
    updateVerify();
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_error->clear();
        m_flow->cancelCode();
    });
    return page;
}

void SignInWindow::prefill(const QString& server, const QString& email, bool remember)
{
    m_server->setText(server);
    m_email->setText(email);
    m_remember->setChecked(remember);
    focusFirstEmpty();
}

void SignInWindow::showDemo(const QString& server, const QString& email, const QString& password)
{
    m_demo->showMessage(InlineMessage::Kind::Info,
                        tr("Demo mode: Vigil runs its own demo account service on this computer. "
                           "Sign in with %1 and the password %2.")
                            .arg(email, password));
    m_server->setText(server);
    m_email->setText(email);
    m_password->setText(password);
    m_demoPassword = password;
    // Demo sign-ins are never kept: the demo service forgets everything when Vigil quits.
    m_remember->setChecked(false);
    m_remember->setEnabled(false);
}

void SignInWindow::showError(const QString& text)
{
    m_error->showMessage(InlineMessage::Kind::Error, text);
}

void SignInWindow::showNotice(const QString& text)
{
    m_notice->showMessage(InlineMessage::Kind::Warning, text);
}

void SignInWindow::showLoading(const QString& text)
{
    m_steps->setVisible(false);
    m_busyText->setText(text);
    m_busy->setVisible(true);
}

void SignInWindow::endLoading()
{
    render(m_flow->state());
}

QString SignInWindow::busyText() const
{
    return m_busy->isVisibleTo(this) ? m_busyText->text() : QString();
}

void SignInWindow::submit()
{
    if (m_flow->isBusy())
        return;
    m_error->clear();
    if (m_flow->state() != SignInFlow::State::NeedsCode)
        m_flow->signIn({m_server->text(), m_email->text(), m_password->text(), m_remember->isChecked()});
    else if (m_verify->isEnabled())
        m_flow->submitCode(m_code->text());
}

void SignInWindow::keyPressEvent(QKeyEvent* event)
{
    // Enter submits the step from any field (line edits pass Return on to their window); on a
    // button it presses that button.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (auto* button = qobject_cast<QPushButton*>(focusWidget()))
            button->animateClick();
        else
            submit();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void SignInWindow::render(SignInFlow::State state)
{
    using State = SignInFlow::State;
    const bool busy = m_flow->isBusy();
    const bool codeStep = state == State::NeedsCode || state == State::VerifyingCode;
    m_steps->setCurrentWidget(codeStep ? m_codePage : m_credentialsPage);
    m_heading->setText(codeStep ? tr("Enter Your Code") : tr("Sign In to Vigil"));
    m_steps->setEnabled(!busy);
    // Signing in again from the keychain needs no input: show no form that could suggest otherwise.
    m_steps->setVisible(state != State::Restoring);
    m_busy->setVisible(busy);
    switch (state) {
    case State::Restoring:
        m_busyText->setText(tr("Signing you in again…"));
        break;
    case State::SigningIn:
        m_busyText->setText(tr("Signing in…"));
        break;
    case State::VerifyingCode:
        m_busyText->setText(tr("Checking the code…"));
        break;
    case State::NeedsCode:
        m_code->clear();
        m_code->setFocus();
        break;
    case State::SignedOut:
        m_password->clear();
        m_password->setText(m_demoPassword);
        focusFirstEmpty();
        break;
    case State::SignedIn:
        m_password->clear();
        m_error->clear();
        break;
    }
}

void SignInWindow::onProblem(const SignInFlow::Problem& problem)
{
    m_error->showMessage(InlineMessage::Kind::Error, problem.message);
    if (QWidget* field = fieldWidget(problem.field)) {
        field->setFocus();
        if (auto* edit = qobject_cast<QLineEdit*>(field))
            edit->selectAll();
    }
}

QWidget* SignInWindow::fieldWidget(SignInFlow::Field field) const
{
    switch (field) {
    case SignInFlow::Field::Server:
        return m_server;
    case SignInFlow::Field::Email:
        return m_email;
    case SignInFlow::Field::Password:
        return m_password;
    case SignInFlow::Field::Code:
        return m_code;
    case SignInFlow::Field::None:
        break;
    }
    return nullptr;
}

void SignInWindow::focusFirstEmpty()
{
    for (QLineEdit* edit : {m_server, m_email, m_password}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_signIn->setFocus();
}

} // namespace vigil
