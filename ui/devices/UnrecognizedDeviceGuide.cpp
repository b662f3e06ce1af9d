#include "UnrecognizedDeviceGuide.h"

#include "SignOutActions.h"
#include "core/flows/SignOutResultsModel.h"

#include <QMessageBox>
#include <QPushButton>

namespace vigil {

UnrecognizedDeviceGuide::UnrecognizedDeviceGuide(SignOutActions* actions, QWidget* window, QObject* parent)
    : QObject(parent), m_actions(actions), m_window(window)
{
    connect(m_actions->flow(), &SignOutFlow::stateChanged, this, &UnrecognizedDeviceGuide::onFlowState);
}

UnrecognizedDeviceGuide::~UnrecognizedDeviceGuide() = default;

void UnrecognizedDeviceGuide::begin(const QString& deviceId)
{
    const auto targets = m_actions->targets({deviceId});
    if (targets.isEmpty() || !m_actions->canStart())
        return;
    m_deviceName = targets.first().name;
    m_actions->signOutDevices({deviceId});
    // Set after start(): starting ends any earlier guided sign-out.
    m_deviceId = deviceId;
}

void UnrecognizedDeviceGuide::onFlowState()
{
    if (m_deviceId.isEmpty())
        return;
    switch (m_actions->flow()->state()) {
    case SignOutFlow::State::Done:
        showNextSteps();
        m_deviceId.clear();
        break;
    case SignOutFlow::State::Idle:
    case SignOutFlow::State::ReturnToSignIn:
    case SignOutFlow::State::Failed:
        m_deviceId.clear(); // cancelled, or nothing was signed out: no advice on top of the error
        break;
    default:
        break;
    }
}

void UnrecognizedDeviceGuide::showNextSteps()
{
    bool signedOut = false;
    for (const auto& row : m_actions->flow()->results()->results()) {
        if (row.deviceId == m_deviceId && row.result != DeviceSignOutResult::Result::Failed)
            signedOut = true;
    }
    if (!signedOut)
        return;
    auto* prompt = new QMessageBox(m_window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setIcon(QMessageBox::Information);
    prompt->setWindowTitle(tr("Keep Them Out"));
    prompt->setTextFormat(Qt::PlainText); // holds the device's name
    prompt->setText(tr("“%1” is signed out.").arg(m_deviceName));
    prompt->setInformativeText(tr("Whoever used it may still know your password. Change it now, and turn on 2-step "
                                  "verification so a password alone is never enough."));
    QPushButton* password = prompt->addButton(tr("Change Password…"), QMessageBox::AcceptRole);
    QPushButton* twoStep = prompt->addButton(tr("Review 2-Step Verification…"), QMessageBox::ActionRole);
    prompt->addButton(tr("Not Now"), QMessageBox::RejectRole);
    prompt->setDefaultButton(password);
    connect(password, &QPushButton::clicked, this, &UnrecognizedDeviceGuide::passwordChangeRequested);
    connect(twoStep, &QPushButton::clicked, this, &UnrecognizedDeviceGuide::twoStepReviewRequested);
    m_prompt = prompt;
    prompt->open();
}

} // namespace vigil
