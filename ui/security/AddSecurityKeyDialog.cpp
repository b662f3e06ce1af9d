#include "AddSecurityKeyDialog.h"

#include "SecurityKeyPrompt.h"
#include "core/securitykeys/SecurityKeyRegistrationFlow.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil {

using State = SecurityKeyRegistrationFlow::State;

AddSecurityKeyDialog::AddSecurityKeyDialog(SecurityKeyRegistrationFlow* flow, StepUpFlow* stepUp, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_stepUp(stepUp), m_steps(new QStackedWidget(this)), m_keyStep(new QWidget(this)),
      m_prompt(new SecurityKeyPrompt(m_keyStep)), m_nameStep(new QWidget(this)), m_name(new QLineEdit(m_nameStep)),
      m_done(new QLabel(this)), m_problem(new InlineMessage(this)), m_busy(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_primary(new QPushButton(this))
{
    setWindowTitle(tr("Add a Security Key"));
    setAccessibleName(tr("Add a security key"));
    setWindowIcon(Icons::themed(QStringLiteral("key-round")));
    setMinimumSize(460, 240);

    auto* keyLayout = new QVBoxLayout(m_keyStep);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_prompt);
    keyLayout->addStretch(1);

    auto* nameText =
        new QLabel(tr("Your key is ready. Give it a name you'll recognize, such as where you keep it."), m_nameStep);
    nameText->setWordWrap(true);
    auto* nameLabel = new QLabel(tr("&Name:"), m_nameStep);
    nameLabel->setBuddy(m_name);
    m_name->setAccessibleName(tr("Security key name"));
    m_name->setMaxLength(64);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_name, 1);
    auto* nameLayout = new QVBoxLayout(m_nameStep);
    nameLayout->setContentsMargins(0, 0, 0, 0);
    nameLayout->addWidget(nameText);
    nameLayout->addLayout(nameRow);
    nameLayout->addStretch(1);

    m_done->setWordWrap(true);
    m_done->setTextFormat(Qt::PlainText); // the name is the person's own text
    m_done->setAccessibleName(tr("Security key added"));

    m_steps->addWidget(m_keyStep);
    m_steps->addWidget(m_nameStep);
    m_steps->addWidget(m_done);

    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Working"));
    m_problem->setAccessibleName(tr("Security key problem"));
    m_cancel->setAccessibleName(tr("Cancel"));
    // Return in the PIN field must never cancel: Cancel is never the default.
    m_cancel->setAutoDefault(false);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_primary);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_busy);
    layout->addLayout(buttons);

    connect(m_flow, &SecurityKeyRegistrationFlow::stateChanged, this, &AddSecurityKeyDialog::refresh);
    connect(m_flow, &SecurityKeyRegistrationFlow::keyStateChanged, this, &AddSecurityKeyDialog::refresh);
    connect(m_prompt, &SecurityKeyPrompt::pinEntered, m_flow, &SecurityKeyRegistrationFlow::providePin);
    connect(m_prompt, &SecurityKeyPrompt::retryRequested, this, &AddSecurityKeyDialog::retry);
    connect(m_name, &QLineEdit::textChanged, this, &AddSecurityKeyDialog::refresh);
    connect(m_name, &QLineEdit::returnPressed, this, &AddSecurityKeyDialog::primary);
    connect(m_primary, &QPushButton::clicked, this, &AddSecurityKeyDialog::primary);
    connect(m_cancel, &QPushButton::clicked, this, &AddSecurityKeyDialog::reject);
    refresh();
}

AddSecurityKeyDialog::~AddSecurityKeyDialog() = default;

void AddSecurityKeyDialog::refresh()
{
    const State state = m_flow->state();
    m_busy->setVisible(state == State::Preparing || state == State::Saving);
    m_prompt->setAuthenticator(m_flow->authenticator());
    // A key's own failure is said by the prompt next to "Try Again"; the service's below.
    const bool keyFailure = state == State::Failed && !m_flow->needsStepUp() && m_flow->authenticator() &&
                            m_flow->authenticator()->state() == Authenticator::State::Failed;
    const QString problem = state == State::Failed && !keyFailure ? m_flow->problemText() : QString();
    if (problem.isEmpty())
        m_problem->clear();
    else if (m_problem->text() != problem)
        m_problem->showMessage(InlineMessage::Kind::Error, problem);

    m_cancel->setVisible(state != State::Done);
    m_primary->setAutoDefault(true);
    switch (state) {
    case State::Idle:
    case State::Preparing:
    case State::UsingKey:
    case State::Failed:
        m_steps->setCurrentWidget(m_keyStep);
        // Waiting for the key: nothing to press but Cancel (the PIN has its own Continue).
        m_primary->setVisible(state == State::Failed && !keyFailure && m_flow->canRetry());
        m_primary->setText(m_flow->needsStepUp() ? tr("Confirm It's You…") : tr("Try Again"));
        // While the key asks for its PIN, Return sends it.
        if (!m_prompt->pinButton()->isHidden())
            m_prompt->pinButton()->setDefault(true);
        else if (m_primary->isVisible())
            m_primary->setDefault(true);
        m_primary->setAccessibleName(m_primary->text());
        m_primary->setEnabled(true);
        break;
    case State::Naming:
    case State::Saving:
        if (m_steps->currentWidget() != m_nameStep) {
            m_steps->setCurrentWidget(m_nameStep);
            if (m_name->text().isEmpty())
                m_name->setText(m_flow->suggestedName());
            m_name->selectAll();
            m_name->setFocus(Qt::OtherFocusReason);
        }
        m_name->setReadOnly(state == State::Saving);
        m_primary->setVisible(true);
        m_primary->setText(tr("Add Key"));
        m_primary->setAccessibleName(tr("Add key"));
        m_primary->setEnabled(state == State::Naming && SecurityKeyRegistrationFlow::isValidName(m_name->text()));
        m_primary->setDefault(true);
        break;
    case State::Done:
        m_steps->setCurrentWidget(m_done);
        m_done->setText(tr("“%1” is added. The next time Vigil asks you to confirm it's you, you can use this key.")
                            .arg(m_flow->savedKey() ? m_flow->savedKey()->name : QString()));
        m_done->setAccessibleDescription(m_done->text());
        m_primary->setVisible(true);
        m_primary->setText(tr("Done"));
        m_primary->setAccessibleName(tr("Done"));
        m_primary->setEnabled(true);
        m_primary->setDefault(true);
        m_primary->setFocus(Qt::OtherFocusReason);
        break;
    }
    if (state == State::Failed && isVisible() && !focusWidget()) {
        if (QWidget* target = m_prompt->focusTarget())
            target->setFocus(Qt::OtherFocusReason);
    }
}

void AddSecurityKeyDialog::primary()
{
    switch (m_flow->state()) {
    case State::Naming:
        m_flow->save(m_name->text());
        break;
    case State::Done:
        accept();
        break;
    case State::Failed:
        retry();
        break;
    default:
        break;
    }
}

void AddSecurityKeyDialog::retry()
{
    if (!m_flow->needsStepUp()) {
        m_flow->retry();
        return;
    }
    StepUpDialog::ensure(this,
                         m_stepUp,
                         tr("Before Vigil adds a security key, confirm that it's you."),
                         [flow = m_flow] { flow->retry(); });
}

void AddSecurityKeyDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    m_cancel->setFocus(Qt::OtherFocusReason);
}

void AddSecurityKeyDialog::reject()
{
    if (m_flow->state() != State::Done)
        m_flow->cancel();
    QDialog::reject();
}

} // namespace vigil
