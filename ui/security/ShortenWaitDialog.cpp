#include "ShortenWaitDialog.h"

#include "core/security/ShortenWaitFlow.h"
#include "ui/signout/CodeValidator.h"
#include "ui/signout/SignOutStyle.h"
#include "ui/widgets/InlineMessage.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

constexpr int codeLength = 6;

QString timeText(const QDateTime& at)
{
    // "14:05" today; with the date when the hour crosses midnight.
    if (at.date() == QDate::currentDate())
        return QLocale().toString(at.time(), QLocale::ShortFormat);
    return QLocale().toString(at, QLocale::ShortFormat);
}

} // namespace

using State = ShortenWaitFlow::State;
using Problem = ShortenWaitFlow::Problem;

ShortenWaitDialog::ShortenWaitDialog(ShortenWaitFlow* flow, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_status(SignOutStyle::sentence({}, this)), m_code(new QLineEdit(this)),
      m_verify(new QPushButton(tr("Verify"), this)), m_send(new QPushButton(tr("Send a New Code"), this)),
      m_close(new QPushButton(tr("Close"), this)), m_message(new InlineMessage(this))
{
    setWindowTitle(tr("Email Me a Code"));
    setAccessibleName(tr("Email me a code"));
    setMinimumWidth(520);

    auto* heading = SignOutStyle::heading(tr("Let This Device Act Sooner"), this);
    m_why = SignOutStyle::sentence(
        tr("Every device signed in to your account is new, so none of them can sign out other devices yet. A code "
           "sent to your account's email lets this device do that in one hour. The email says which device asked, "
           "so someone else who has your password can't do this unnoticed."),
        this);
    m_why->setAccessibleName(tr("Why a code"));
    m_status->setAccessibleName(tr("Status"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setAccessibleName(tr("Code from the email"));
    m_code->setValidator(new CodeValidator(codeLength, m_code));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_code->setMaxLength(32); // pasted text is reduced to the digits by the validator
    m_verify->setAccessibleName(tr("Verify"));
    m_send->setAccessibleName(tr("Send a new code"));
    m_send->setAutoDefault(false);
    m_close->setAccessibleName(tr("Close"));
    m_close->setAutoDefault(false);

    auto* codeRow = new QHBoxLayout;
    codeRow->addWidget(m_code, 1);
    codeRow->addWidget(m_verify);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_send);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_why);
    layout->addSpacing(6);
    layout->addWidget(m_status);
    layout->addLayout(codeRow);
    layout->addWidget(m_message);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_verify, &QPushButton::clicked, this, [this] { m_flow->verify(m_code->text()); });
    connect(m_code, &QLineEdit::returnPressed, m_verify, &QPushButton::click);
    connect(m_code, &QLineEdit::textChanged, this, &ShortenWaitDialog::follow);
    connect(m_send, &QPushButton::clicked, this, [this] {
        m_code->clear();
        m_flow->sendCode();
    });
    connect(m_close, &QPushButton::clicked, this, &ShortenWaitDialog::reject);
    connect(m_flow, &ShortenWaitFlow::stateChanged, this, &ShortenWaitDialog::follow);
    follow();
}

ShortenWaitDialog::~ShortenWaitDialog() = default;

ShortenWaitDialog* ShortenWaitDialog::open(ApiClient* api, QWidget* parent)
{
    auto* flow = new ShortenWaitFlow(api);
    auto* dialog = new ShortenWaitDialog(flow, parent);
    flow->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    flow->sendCode();
    return dialog;
}

void ShortenWaitDialog::follow()
{
    const State state = m_flow->state();
    const bool entering = state == State::CodeSent || state == State::Verifying;
    switch (state) {
    case State::Idle:
        m_status->setText(tr("Vigil can email a code to your account's address."));
        break;
    case State::Sending:
        m_status->setText(tr("Sending a code to your account's email…"));
        break;
    case State::CodeSent:
    case State::Verifying:
        m_status->setText(tr("We emailed a code to %1. Enter it here.").arg(m_flow->destination()));
        break;
    case State::Shortened:
        m_status->setText(tr("Done. You can sign other devices out from %1.").arg(timeText(m_flow->newUntil())));
        break;
    case State::Refused:
        m_status->setText(tr("The wait wasn't shortened."));
        break;
    }
    m_status->setAccessibleDescription(m_status->text()); // Qt 6.4: QLabel text is not on AT-SPI
    // A refusal says an established device exists: "every device is new" would contradict it.
    m_why->setVisible(state != State::Refused);
    m_code->setVisible(entering);
    m_verify->setVisible(entering);
    m_code->setEnabled(state == State::CodeSent);
    m_verify->setEnabled(state == State::CodeSent && m_code->hasAcceptableInput() &&
                         m_flow->problem() != Problem::CodeDead);
    m_send->setVisible(state == State::Idle || entering);
    m_send->setEnabled(state != State::Verifying);
    m_send->setText(state == State::Idle ? tr("Email Me a Code") : tr("Send a New Code"));
    m_close->setText(state == State::Shortened || state == State::Refused ? tr("Close") : tr("Cancel"));
    m_close->setAccessibleName(m_close->text());
    QPushButton* main = state == State::Shortened || state == State::Refused ? m_close
                        : m_verify->isEnabled()                              ? m_verify
                                                                             : m_send;
    main->setDefault(true);
    if (entering && m_code->isEnabled() && isVisible() && !m_code->hasFocus() && !m_verify->hasFocus())
        m_code->setFocus(Qt::OtherFocusReason);
    showProblem();
    fitHeight();
}

void ShortenWaitDialog::fitHeight()
{
    QLayout* box = layout();
    if (!box)
        return;
    box->activate();
    const int needed = box->hasHeightForWidth() ? box->totalHeightForWidth(width()) : box->totalSizeHint().height();
    setMinimumHeight(needed);
    if (height() < needed)
        resize(width(), needed);
}

void ShortenWaitDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    fitHeight();
}

void ShortenWaitDialog::showProblem()
{
    switch (m_flow->problem()) {
    case Problem::None:
        if (m_flow->state() == State::Shortened)
            m_message->showMessage(InlineMessage::Kind::Info,
                                   tr("Until then this device can see everything but can't sign out other devices or "
                                      "change security settings."));
        else
            m_message->clear();
        break;
    case Problem::WrongCode:
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("That code isn't right. %n attempt(s) left.", nullptr, m_flow->attemptsLeft()));
        break;
    case Problem::CodeDead:
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("This code no longer works: it expired or was entered wrongly too often. Send a "
                                  "new code."));
        break;
    case Problem::EstablishedExists:
        m_message->showMessage(InlineMessage::Kind::Info,
                               tr("A device that has been signed in to your account for longer is still signed in. "
                                  "Use it to sign out other devices, or to confirm this one from it."));
        break;
    case Problem::AlreadyShort:
        m_message->showMessage(InlineMessage::Kind::Info,
                               tr("This device's wait ends within the hour anyway, so a code wouldn't shorten it."));
        break;
    case Problem::TooManyAttempts:
    case Problem::NoConnection:
    case Problem::Other:
        m_message->showMessage(InlineMessage::Kind::Error, m_flow->errorText());
        break;
    }
}

void ShortenWaitDialog::reject()
{
    if (m_flow->state() != State::Shortened)
        m_flow->cancel();
    QDialog::reject();
}

} // namespace vigil
