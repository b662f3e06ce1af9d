#include "SignOutDialog.h"

#include "SignOutConfirmationPage.h"
#include "SignOutResultsView.h"
#include "SignOutStyle.h"
#include "VerificationPage.h"
#include "core/flows/SignOutFlow.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil {

using State = SignOutFlow::State;

SignOutDialog::SignOutDialog(SignOutFlow* flow, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_pages(new QStackedWidget(this)),
      m_confirmation(new SignOutConfirmationPage(flow, m_pages)),
      m_verification(new VerificationPage(flow->stepUpFlow(), m_pages)),
      m_results(new SignOutResultsView(flow, m_pages))
{
    setWindowTitle(tr("Sign Out Devices"));
    setAccessibleName(tr("Sign Out Devices"));
    setWindowIcon(Icons::themed(QStringLiteral("log-out")));
    setMinimumSize(520, 420);
    setSizeGripEnabled(true);

    m_submitting = buildSubmittingPage();
    m_failed = buildFailedPage();
    m_pages->addWidget(m_confirmation);
    m_pages->addWidget(m_verification);
    m_pages->addWidget(m_submitting);
    m_pages->addWidget(m_results);
    m_pages->addWidget(m_failed);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(m_confirmation, &SignOutConfirmationPage::cancelRequested, this, &SignOutDialog::reject);
    connect(m_verification, &VerificationPage::cancelRequested, this, &SignOutDialog::reject);
    connect(m_results, &SignOutResultsView::doneRequested, this, &SignOutDialog::reject);
    connect(m_flow, &SignOutFlow::stateChanged, this, &SignOutDialog::followState);
    connect(m_flow, &SignOutFlow::problemChanged, this, &SignOutDialog::refreshFailed);
    connect(m_flow->stepUpFlow(), &StepUpFlow::countdownsChanged, this, &SignOutDialog::refreshFailed);
    followState();
}

SignOutDialog::~SignOutDialog() = default;

QWidget* SignOutDialog::buildSubmittingPage()
{
    auto* page = new QWidget(m_pages);
    auto* title = SignOutStyle::heading(tr("Signing Out…"), page);
    title->setAccessibleName(tr("Signing out"));
    auto* progress = new QProgressBar(page);
    progress->setRange(0, 0);
    progress->setTextVisible(false);
    progress->setAccessibleName(tr("Signing out"));
    auto* note = SignOutStyle::sentence(tr("Vigil is asking the service to sign the devices out. Devices that are "
                                           "offline are signed out when they next connect."),
                                        page);
    note->setAccessibleName(tr("What is happening"));
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addWidget(title);
    layout->addWidget(progress);
    layout->addWidget(note);
    layout->addStretch(2);
    return page;
}

QWidget* SignOutDialog::buildFailedPage()
{
    auto* page = new QWidget(m_pages);
    auto* icon = new QLabel(page);
    icon->setPixmap(Icons::themed(QStringLiteral("circle-x"), QColor(0xc0, 0x1c, 0x28)).pixmap(32, 32));
    icon->setAccessibleName(tr("Error"));
    auto* title = SignOutStyle::heading(tr("Couldn't Sign Out"), page);
    title->setAccessibleName(tr("Couldn't sign out"));
    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(icon, 0, Qt::AlignTop);
    titleRow->addWidget(title, 1);
    m_failedReason = SignOutStyle::sentence({}, page);
    m_failedReason->setAccessibleName(tr("Reason"));
    m_failedReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = new QPushButton(Icons::themed(QStringLiteral("refresh-cw")), tr("Retry"), page);
    m_retry->setAccessibleName(tr("Retry"));
    m_retry->setAccessibleDescription(tr("Asks the service again to sign the same devices out"));
    m_failedClose = new QPushButton(tr("Close"), page);
    m_failedClose->setAccessibleName(tr("Close"));
    m_emailCode = new QPushButton(tr("Email Me a Code…"), page);
    m_emailCode->setAccessibleName(tr("Email me a code"));
    m_emailCode->setAccessibleDescription(tr("Sends a code to your account's email that lets this device sign out "
                                             "other devices in one hour"));
    m_emailCode->setAutoDefault(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_emailCode);
    buttons->addStretch(1);
    buttons->addWidget(m_failedClose);
    buttons->addWidget(m_retry);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(titleRow);
    layout->addWidget(m_failedReason);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(m_retry, &QPushButton::clicked, m_flow, &SignOutFlow::retry);
    connect(m_failedClose, &QPushButton::clicked, this, &SignOutDialog::reject);
    connect(m_emailCode, &QPushButton::clicked, this, &SignOutDialog::shortenWaitRequested);
    return page;
}

SignOutDialog::Page SignOutDialog::currentPage() const
{
    QWidget* current = m_pages->currentWidget();
    if (current == m_verification)
        return Page::Verification;
    if (current == m_submitting)
        return Page::Submitting;
    if (current == m_results)
        return Page::Results;
    if (current == m_failed)
        return Page::Failed;
    return Page::Confirmation;
}

void SignOutDialog::followState()
{
    QWidget* page = nullptr;
    QPushButton* defaultButton = nullptr;
    switch (m_flow->state()) {
    case State::Idle:
    case State::ReturnToSignIn:
        closeQuietly();
        return;
    case State::Confirming:
        m_confirmation->refresh();
        page = m_confirmation;
        defaultButton = m_confirmation->cancelButton();
        break;
    case State::ChoosingMethod:
    case State::Verifying:
        page = m_verification;
        defaultButton = m_verification->defaultButton();
        break;
    case State::Submitting:
        page = m_submitting;
        break;
    case State::Reporting:
    case State::Done:
        page = m_results;
        defaultButton = m_results->doneButton();
        break;
    case State::Failed:
        refreshFailed();
        page = m_failed;
        defaultButton = m_failedClose;
        break;
    }
    const bool changed = m_pages->currentWidget() != page;
    m_pages->setCurrentWidget(page);
    if (changed)
        focusPage();
    // After the focus moved (a focused button is the default only while it has the focus), and
    // reset first: a button that was default by focus would otherwise not become the main default.
    if (defaultButton) {
        defaultButton->setDefault(false);
        defaultButton->setDefault(true);
    }
}

void SignOutDialog::focusPage()
{
    if (!isVisible())
        return;
    QWidget* current = m_pages->currentWidget();
    if (current == m_confirmation)
        m_confirmation->cancelButton()->setFocus(Qt::OtherFocusReason);
    else if (current == m_verification)
        m_verification->initialFocusWidget()->setFocus(Qt::OtherFocusReason);
    else if (current == m_results)
        m_results->list()->setFocus(Qt::OtherFocusReason);
    else if (current == m_failed)
        m_failedClose->setFocus(Qt::OtherFocusReason); // retrying signs out: a deliberate Tab away
    else
        current->setFocus(Qt::OtherFocusReason);
}

void SignOutDialog::refreshFailed()
{
    if (m_flow->state() != State::Failed)
        return;
    const SignOutFlow::Problem problem = m_flow->problem();
    m_failedReason->setText(problem.message.isEmpty() ? tr("Something went wrong.") : problem.message);
    m_failedReason->setAccessibleDescription(m_failedReason->text()); // Qt 6.4: QLabel text is not on AT-SPI
    m_retry->setVisible(problem.canRetry);
    m_emailCode->setVisible(problem.error && problem.error->offersEmailCode());
    m_retry->setEnabled(problem.canRetry && m_flow->stepUpFlow()->lockoutSecondsLeft() == 0);
}

void SignOutDialog::showEvent(QShowEvent* event)
{
    if (m_flow->state() != State::Idle && m_flow->state() != State::ReturnToSignIn)
        followState();
    QDialog::showEvent(event);
    focusPage();
}

void SignOutDialog::reject()
{
    switch (m_flow->state()) {
    case State::Confirming:
    case State::ChoosingMethod:
    case State::Verifying:
    case State::Failed:
        m_flow->cancel(); // → Idle, which closes the dialog
        break;
    case State::Submitting:
        return;
    case State::Reporting:
        m_flow->finish();
        break;
    case State::Idle:
    case State::Done:
    case State::ReturnToSignIn:
        break;
    }
    closeQuietly();
}

void SignOutDialog::closeQuietly()
{
    if (isVisible())
        QDialog::reject();
}

} // namespace vigil
