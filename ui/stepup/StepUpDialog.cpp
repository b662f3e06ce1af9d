#include "StepUpDialog.h"

#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "ui/signout/VerificationPage.h"
#include "ui/widgets/Icons.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

using State = StepUpFlow::State;

StepUpDialog::StepUpDialog(StepUpFlow* flow, const QString& reason, QWidget* parent)
    : QDialog(parent), m_flow(flow), m_page(new VerificationPage(flow, this))
{
    setWindowTitle(tr("Confirm It's You"));
    setAccessibleName(tr("Confirm it's you"));
    setWindowIcon(Icons::themed(QStringLiteral("key-round")));
    setMinimumSize(460, 360);
    m_page->setPurpose(reason, tr("Checks what you entered, then continues"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_page);
    connect(m_page, &VerificationPage::cancelRequested, this, &StepUpDialog::reject);
    connect(m_flow, &StepUpFlow::stateChanged, this, &StepUpDialog::followState);
    connect(m_flow, &StepUpFlow::verified, this, &StepUpDialog::accept);
}

StepUpDialog::~StepUpDialog() = default;

StepUpDialog*
StepUpDialog::ensure(QWidget* parent, StepUpFlow* flow, const QString& reason, std::function<void()> onVerified)
{
    if (flow->service()->validToken()) {
        onVerified();
        return nullptr;
    }
    flow->cancel();
    auto* dialog = new StepUpDialog(flow, reason, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    connect(dialog, &QDialog::accepted, dialog, [onVerified = std::move(onVerified)] { onVerified(); });
    flow->start();
    dialog->open();
    return dialog;
}

void StepUpDialog::followState()
{
    QPushButton* button = m_page->defaultButton();
    if (m_flow->state() == State::ChoosingMethod || m_flow->state() == State::Verifying) {
        button->setDefault(false);
        button->setDefault(true);
    }
}

void StepUpDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    followState();
    m_page->initialFocusWidget()->setFocus(Qt::OtherFocusReason);
}

void StepUpDialog::reject()
{
    if (m_flow->state() != State::Verified)
        m_flow->cancel();
    QDialog::reject();
}

} // namespace vigil
