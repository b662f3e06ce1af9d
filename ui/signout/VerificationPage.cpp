#include "VerificationPage.h"

#include "CodeValidator.h"
#include "SignOutStyle.h"
#include "core/securitykeys/Authenticator.h"
#include "core/stepup/StepUpFlow.h"
#include "ui/security/SecurityKeyPrompt.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QButtonGroup>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil {

using State = StepUpFlow::State;
using ProblemKind = StepUpFlow::ProblemKind;

VerificationPage::VerificationPage(StepUpFlow* flow, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_problem(new InlineMessage(this)), m_busy(new QProgressBar(this)),
      m_steps(new QStackedWidget(this))
{
    auto* icon = new QLabel(this);
    icon->setPixmap(Icons::themed(QStringLiteral("key-round")).pixmap(32, 32));
    icon->setAccessibleName(tr("Verification"));
    auto* title = SignOutStyle::heading(tr("Confirm It's You"), this);
    title->setAccessibleName(tr("Confirm it's you"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    titleRow->addWidget(title, 1);
    m_intro = SignOutStyle::sentence(tr("Before Vigil signs devices out, confirm that it's you."), this);
    m_intro->setAccessibleName(tr("Why Vigil asks"));

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setVisible(false);
    m_problem->setAccessibleName(tr("Verification problem"));

    buildChoice();
    buildEntry();
    m_steps->addWidget(m_choice);
    m_steps->addWidget(m_entry);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    layout->addWidget(m_intro);
    layout->addWidget(m_problem);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_busy);

    connect(m_flow, &StepUpFlow::stateChanged, this, &VerificationPage::refresh);
    connect(m_flow, &StepUpFlow::verificationChanged, this, &VerificationPage::refresh);
    connect(m_flow, &StepUpFlow::problemChanged, this, &VerificationPage::refresh);
    connect(m_flow, &StepUpFlow::countdownsChanged, this, &VerificationPage::refresh);
    refresh();
}

VerificationPage::~VerificationPage() = default;

void VerificationPage::setPurpose(const QString& intro, const QString& verifyDescription)
{
    m_intro->setText(intro);
    m_intro->setAccessibleDescription(intro);
    m_verify->setAccessibleDescription(verifyDescription);
}

void VerificationPage::buildChoice()
{
    m_choice = new QWidget(this);
    m_methodBox = new QGroupBox(tr("How do you want to confirm?"), m_choice);
    m_methodBox->setAccessibleName(tr("Verification method"));
    m_methodLayout = new QVBoxLayout(m_methodBox);
    m_methods = new QButtonGroup(this);
    m_methods->setExclusive(true);
    m_continue = new QPushButton(tr("Continue"), m_choice);
    m_continue->setAccessibleName(tr("Continue"));
    m_continue->setAccessibleDescription(tr("Uses the chosen method"));
    m_cancelChoice = new QPushButton(tr("Cancel"), m_choice);
    m_cancelChoice->setAccessibleName(tr("Cancel"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancelChoice);
    buttons->addWidget(m_continue);
    auto* layout = new QVBoxLayout(m_choice);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_methodBox);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_continue, &QPushButton::clicked, this, &VerificationPage::continueWithMethod);
    connect(m_cancelChoice, &QPushButton::clicked, this, &VerificationPage::cancelRequested);
}

void VerificationPage::buildEntry()
{
    m_entry = new QWidget(this);
    m_methodTitle = new QLabel(m_entry);
    QFont bold = m_methodTitle->font();
    bold.setBold(true);
    m_methodTitle->setFont(bold);
    m_methodTitle->setAccessibleName(tr("Verification method"));
    m_prompt = SignOutStyle::sentence({}, m_entry);
    m_prompt->setAccessibleName(tr("Where the code was sent"));
    m_input = new QLineEdit(m_entry);
    m_input->setMinimumWidth(220);
    m_input->setClearButtonEnabled(false);
    m_attempts = SignOutStyle::sentence({}, m_entry);
    m_attempts->setAccessibleName(tr("Attempts left"));
    m_key = new SecurityKeyPrompt(m_entry);
    m_resend = new QPushButton(tr("Resend Code"), m_entry);
    m_resend->setAccessibleName(tr("Resend code"));
    m_anotherMethod = new QPushButton(tr("Use Another Method…"), m_entry);
    m_anotherMethod->setAccessibleName(tr("Use another method"));
    m_anotherMethod->setFlat(true);
    m_anotherMethod->setCursor(Qt::PointingHandCursor);
    QPalette link = m_anotherMethod->palette();
    link.setColor(QPalette::ButtonText, link.color(QPalette::Link));
    m_anotherMethod->setPalette(link);
    m_verify = new QPushButton(tr("Verify"), m_entry);
    m_verify->setAccessibleName(tr("Verify"));
    m_verify->setAccessibleDescription(tr("Checks what you entered, then signs the devices out"));
    m_cancelEntry = new QPushButton(tr("Cancel"), m_entry);
    m_cancelEntry->setAccessibleName(tr("Cancel"));
    // Where the keyboard starts while a security key is asked: Return there (or in the key's PIN
    // field) must not cancel.
    m_cancelEntry->setAutoDefault(false);
    m_anotherMethod->setAutoDefault(false);
    m_resend->setAutoDefault(false);

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_resend);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_anotherMethod);
    buttons->addStretch(1);
    buttons->addWidget(m_cancelEntry);
    buttons->addWidget(m_verify);
    auto* layout = new QVBoxLayout(m_entry);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_methodTitle);
    layout->addWidget(m_prompt);
    layout->addLayout(inputRow);
    layout->addWidget(m_key);
    layout->addWidget(m_attempts);
    layout->addStretch(1);
    layout->addLayout(buttons);

    setTabOrder(m_input, m_resend);
    setTabOrder(m_resend, m_anotherMethod);
    setTabOrder(m_anotherMethod, m_cancelEntry);
    setTabOrder(m_cancelEntry, m_verify);

    connect(
        m_input, &QLineEdit::textChanged, this, [this] { m_verify->setEnabled(m_flow->canSubmit(m_input->text())); });
    connect(m_input, &QLineEdit::returnPressed, this, &VerificationPage::submit);
    connect(m_verify, &QPushButton::clicked, this, &VerificationPage::submit);
    connect(m_resend, &QPushButton::clicked, this, [this] {
        // A key has no code to resend: it is asked again (with a new challenge when needed).
        if (m_flow->method() && m_flow->method()->usesSecurityKey())
            m_flow->retrySecurityKey();
        else
            m_flow->resend();
    });
    connect(m_anotherMethod, &QPushButton::clicked, m_flow, &StepUpFlow::chooseAnotherMethod);
    connect(m_key, &SecurityKeyPrompt::pinEntered, m_flow, &StepUpFlow::providePin);
    connect(m_key, &SecurityKeyPrompt::retryRequested, m_flow, &StepUpFlow::retrySecurityKey);
    connect(m_cancelEntry, &QPushButton::clicked, this, &VerificationPage::cancelRequested);
}

QPushButton* VerificationPage::defaultButton() const
{
    // With a key, Return sends its PIN (the only thing typed), never Cancel.
    if (m_flow->state() == State::Verifying && m_flow->method() && m_flow->method()->usesSecurityKey())
        return m_key->pinButton();
    return m_flow->state() == State::Verifying ? m_verify : m_continue;
}

QWidget* VerificationPage::initialFocusWidget() const
{
    if (m_flow->state() == State::Verifying) {
        if (m_flow->method() && m_flow->method()->usesSecurityKey()) {
            QWidget* target = m_key->focusTarget();
            return target ? target : static_cast<QWidget*>(m_cancelEntry);
        }
        return m_input;
    }
    if (QAbstractButton* checked = m_methods->checkedButton())
        return checked;
    return m_continue;
}

void VerificationPage::refresh()
{
    const State state = m_flow->state();
    if (state != State::ChoosingMethod && state != State::Verifying)
        return;
    m_busy->setVisible(m_flow->isBusy());
    if (state == State::ChoosingMethod) {
        m_configuredMethod.clear();
        refreshMethods();
        const bool wasEntry = m_steps->currentWidget() == m_entry;
        m_steps->setCurrentWidget(m_choice);
        if (wasEntry && isVisible())
            initialFocusWidget()->setFocus(Qt::OtherFocusReason);
    } else {
        const bool wasChoice = m_steps->currentWidget() == m_choice;
        m_steps->setCurrentWidget(m_entry);
        refreshEntry();
        if (wasChoice && isVisible())
            initialFocusWidget()->setFocus(Qt::OtherFocusReason);
    }
    refreshProblem();
}

void VerificationPage::refreshMethods()
{
    QStringList ids;
    const auto methods = m_flow->availableMethods();
    for (const VerificationMethod* method : methods)
        ids.append(method->id());
    if (ids != m_methodIds) {
        QString previous = selectedMethod();
        // The account's keys arrived after the choice was shown: the key comes first and is chosen.
        const QString key = QStringLiteral("security_key");
        if (ids.contains(key) && !m_methodIds.contains(key))
            previous = key;
        const auto old = m_methods->buttons();
        for (QAbstractButton* button : old) {
            m_methods->removeButton(button);
            delete button;
        }
        m_methodIds = ids;
        for (int i = 0; i < methods.size(); ++i) {
            auto* radio = new QRadioButton(methods.at(i)->label(), m_methodBox);
            radio->setAccessibleName(methods.at(i)->label());
            m_methods->addButton(radio, i);
            m_methodLayout->addWidget(radio);
            if (ids.at(i) == previous || (previous.isEmpty() && i == 0))
                radio->setChecked(true);
        }
        if (!m_methods->checkedButton() && !m_methods->buttons().isEmpty())
            m_methods->buttons().first()->setChecked(true);
    }
    const bool locked = m_flow->lockoutSecondsLeft() > 0;
    m_methodBox->setEnabled(!m_flow->isBusy());
    m_continue->setEnabled(!locked && !m_flow->isBusy() && m_methods->checkedButton());
}

QString VerificationPage::selectedMethod() const
{
    const int id = m_methods->checkedId();
    return id >= 0 && id < m_methodIds.size() ? m_methodIds.at(id) : QString();
}

void VerificationPage::continueWithMethod()
{
    const QString id = selectedMethod();
    if (!id.isEmpty())
        m_flow->chooseMethod(id);
}

void VerificationPage::configureInput()
{
    const VerificationMethod* method = m_flow->method();
    if (!method || method->id() == m_configuredMethod)
        return;
    m_configuredMethod = method->id();
    m_input->clear();
    delete m_input->validator();
    m_input->setValidator(nullptr);
    m_methodTitle->setText(method->label());
    if (method->isSecretMasked()) {
        m_input->setEchoMode(QLineEdit::Password);
        m_input->setAccessibleName(tr("Password"));
        m_input->setPlaceholderText(tr("Password"));
        m_input->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        m_input->setMaxLength(1024);
    } else {
        m_input->setEchoMode(QLineEdit::Normal);
        m_input->setAccessibleName(tr("Verification code"));
        m_input->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
        if (method->codeFormat() == VerificationMethod::CodeFormat::Digits) {
            m_input->setValidator(new CodeValidator(method->codeLength(), m_input));
            m_input->setInputMethodHints(m_input->inputMethodHints() | Qt::ImhDigitsOnly);
            m_input->setPlaceholderText(tr("%n-digit code", nullptr, method->codeLength()));
            m_input->setMaxLength(256); // a pasted sentence is cut down to its digits by the validator
        } else {
            m_input->setPlaceholderText(tr("Code"));
            m_input->setMaxLength(256);
        }
    }
}

void VerificationPage::refreshEntry()
{
    configureInput();
    const VerificationMethod* method = m_flow->method();
    if (!method)
        return;
    const bool sends = method->needsChallengeSend();
    const bool key = method->usesSecurityKey();
    m_key->setVisible(key);
    m_key->setAuthenticator(m_flow->authenticator());
    m_input->setVisible(!key);
    m_verify->setVisible(!key);
    if (key) {
        m_prompt->setText(tr("Confirm with one of your account's security keys."));
    } else if (method->isSecretMasked()) {
        m_prompt->setText(tr("Enter the password of your Vigil account."));
    } else if (sends) {
        m_prompt->setText(m_flow->destination().isEmpty() ? tr("Sending a code…")
                                                          : tr("We sent a code to %1.").arg(m_flow->destination()));
    } else if (method->codeFormat() == VerificationMethod::CodeFormat::Digits) {
        m_prompt->setText(tr("Enter the %n-digit code it shows now.", nullptr, method->codeLength()));
    } else {
        m_prompt->setText(tr("Enter the code exactly as it is written."));
    }
    m_prompt->setAccessibleName(sends ? tr("Where the code was sent") : tr("What to enter"));

    const bool busy = m_flow->isBusy();
    const bool locked = m_flow->lockoutSecondsLeft() > 0;
    m_input->setReadOnly(busy || locked);

    // After a miss the problem line says it; this stays for when another message replaced it.
    const std::optional<int> attempts = m_flow->attemptsLeft();
    const ProblemKind problem = m_flow->problem().kind;
    const bool saidByProblem =
        problem == ProblemKind::WrongSecret || problem == ProblemKind::ChallengeDead || problem == ProblemKind::Locked;
    m_attempts->setText(attempts ? tr("%n attempt(s) left", nullptr, *attempts) : QString());
    m_attempts->setVisible(attempts && *attempts > 0 && !saidByProblem);

    const bool restart = m_flow->isCodeExpired() || (attempts && *attempts == 0);
    const int wait = m_flow->resendSecondsLeft();
    const Authenticator* authenticator = m_flow->authenticator();
    const bool keyAnswered = !authenticator || authenticator->state() == Authenticator::State::Finished;
    if (key)
        m_resend->setVisible(keyAnswered && !busy && problem != ProblemKind::None && !locked);
    else
        m_resend->setVisible(sends || m_flow->canResend());
    if (key)
        m_resend->setText(tr("Try Again"));
    else if (!sends)
        m_resend->setText(tr("Start Again"));
    else if (restart)
        m_resend->setText(tr("Send New Code"));
    else if (wait > 0 && !m_flow->canResend())
        m_resend->setText(tr("Resend in %1").arg(SignOutStyle::clockText(wait)));
    else
        m_resend->setText(tr("Resend Code"));
    m_resend->setAccessibleDescription(m_resend->text());
    m_resend->setEnabled(key || m_flow->canResend());
    m_anotherMethod->setVisible(m_flow->availableMethods().size() > 1);
    m_anotherMethod->setEnabled(true);
    m_verify->setEnabled(m_flow->canSubmit(m_input->text()));
}

void VerificationPage::refreshProblem()
{
    const StepUpFlow::Problem problem = m_flow->problem();
    if (problem.kind == ProblemKind::None || problem.message.isEmpty()) {
        m_problem->clear();
        return;
    }
    InlineMessage::Kind kind = InlineMessage::Kind::Error;
    switch (problem.kind) {
    case ProblemKind::Locked:
    case ProblemKind::ResendLimited:
    case ProblemKind::CodeExpired:
    case ProblemKind::StepUpRequired:
    case ProblemKind::MethodUnavailable:
        kind = InlineMessage::Kind::Warning;
        break;
    default:
        break;
    }
    if (m_problem->text() != problem.message || m_problem->kind() != kind)
        m_problem->showMessage(kind, problem.message);
}

void VerificationPage::submit()
{
    const QString input = m_input->text();
    if (!m_flow->canSubmit(input))
        return;
    m_flow->submitSecret(input);
    // A retry replaces the whole secret rather than appending to it.
    m_input->selectAll();
}

void VerificationPage::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace vigil
