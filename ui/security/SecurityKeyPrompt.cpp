#include "SecurityKeyPrompt.h"

#include "core/securitykeys/Authenticator.h"
#include "core/securitykeys/AuthenticatorText.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

using State = Authenticator::State;

SecurityKeyPrompt::SecurityKeyPrompt(QWidget* parent)
    : QWidget(parent), m_icon(new QLabel(this)), m_prompt(new QLabel(this)), m_pin(new QLineEdit(this)),
      m_pinButton(new QPushButton(tr("Continue"), this)), m_problem(new InlineMessage(this)),
      m_retry(new QPushButton(tr("Try Again"), this))
{
    m_icon->setPixmap(Icons::themed(QStringLiteral("key-round")).pixmap(48, 48));
    m_icon->setAccessibleName(tr("Security key"));
    m_prompt->setWordWrap(true);
    m_prompt->setTextFormat(Qt::PlainText);
    m_prompt->setAccessibleName(tr("What to do with your security key"));
    QFont larger = m_prompt->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_prompt->setFont(larger);
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAccessibleName(tr("Security key PIN"));
    m_pin->setPlaceholderText(tr("PIN"));
    m_pin->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_pin->setMaxLength(63); // CTAP2: a PIN is at most 63 bytes
    m_pinButton->setAccessibleName(tr("Continue with this PIN"));
    m_problem->setAccessibleName(tr("Security key problem"));
    m_retry->setAccessibleName(tr("Try again with your security key"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_icon, 0, Qt::AlignTop);
    top->addWidget(m_prompt, 1);
    auto* pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pin, 1);
    pinRow->addWidget(m_pinButton);
    auto* retryRow = new QHBoxLayout;
    retryRow->addWidget(m_retry);
    retryRow->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(pinRow);
    layout->addWidget(m_problem);
    layout->addLayout(retryRow);

    connect(m_pin, &QLineEdit::returnPressed, this, &SecurityKeyPrompt::submitPin);
    connect(m_pinButton, &QPushButton::clicked, this, &SecurityKeyPrompt::submitPin);
    connect(m_pin, &QLineEdit::textChanged, this, [this] { m_pinButton->setEnabled(!m_pin->text().isEmpty()); });
    connect(m_retry, &QPushButton::clicked, this, &SecurityKeyPrompt::retryRequested);
    refresh();
}

SecurityKeyPrompt::~SecurityKeyPrompt() = default;

void SecurityKeyPrompt::setAuthenticator(Authenticator* authenticator)
{
    if (m_authenticator == authenticator)
        return;
    if (m_authenticator)
        m_authenticator->disconnect(this);
    m_authenticator = authenticator;
    if (m_authenticator)
        connect(m_authenticator, &Authenticator::stateChanged, this, &SecurityKeyPrompt::refresh);
    m_pin->clear();
    refresh();
}

void SecurityKeyPrompt::refresh()
{
    const State state = m_authenticator ? m_authenticator->state() : State::Idle;
    const bool askingPin = state == State::PinNeeded || state == State::WrongPin;
    const QString prompt = m_authenticator ? AuthenticatorText::prompt(*m_authenticator)
                                           : AuthenticatorText::tr("Insert your security key and touch it.");
    m_prompt->setText(prompt);
    m_prompt->setAccessibleDescription(prompt);
    m_prompt->setVisible(!prompt.isEmpty());
    const bool pinWasVisible = !m_pin->isHidden();
    m_pin->setVisible(askingPin);
    m_pinButton->setVisible(askingPin);
    m_pinButton->setEnabled(!m_pin->text().isEmpty());
    if (state == State::WrongPin)
        m_pin->selectAll();
    if (askingPin && !pinWasVisible && isVisible())
        m_pin->setFocus(Qt::OtherFocusReason);

    const QString failure = m_authenticator ? AuthenticatorText::failure(*m_authenticator) : QString();
    if (failure.isEmpty())
        m_problem->clear();
    else if (m_problem->text() != failure)
        m_problem->showMessage(InlineMessage::Kind::Error, failure);
    const bool failed = state == State::Failed;
    m_retry->setVisible(failed && AuthenticatorText::canRetry(m_authenticator->failure()));
}

QWidget* SecurityKeyPrompt::focusTarget() const
{
    if (!m_pin->isHidden())
        return m_pin;
    if (!m_retry->isHidden())
        return m_retry;
    return nullptr;
}

void SecurityKeyPrompt::submitPin()
{
    QString pin = m_pin->text();
    if (pin.isEmpty())
        return;
    // A password-mode field wipes its buffer in place when cleared, and the copy shares it.
    pin.detach();
    // The PIN goes to the key once; it is not kept in the field for the next try.
    m_pin->clear();
    Q_EMIT pinEntered(pin);
}

} // namespace vigil
