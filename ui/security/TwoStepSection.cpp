#include "TwoStepSection.h"

#include "RecoveryCodesDialog.h"
#include "TotpEnrolmentDialog.h"
#include "core/security/TwoStepService.h"
#include "core/stepup/StepUpFlow.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

namespace {

QLabel* value(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // the service's values (a masked phone number)
    label->setAccessibleName(name);
    return label;
}

} // namespace

TwoStepSection::TwoStepSection(TwoStepService* service, StepUpFlow* stepUp, QWidget* parent)
    : QGroupBox(tr("2-Step Verification"), parent), m_service(service), m_stepUp(stepUp),
      m_totp(value(tr("Authenticator app"), this)), m_sms(value(tr("Text message codes"), this)),
      m_email(value(tr("Email codes"), this)), m_codesLeft(value(tr("Recovery codes left"), this)),
      m_emailBox(new QCheckBox(tr("Email codes"), this)), m_smsBox(new QCheckBox(tr("Text message codes"), this)),
      m_message(new InlineMessage(this)), m_setUp(new QPushButton(tr("Set Up Authenticator App…"), this)),
      m_turnOff(new QPushButton(tr("Turn Off…"), this)), m_newCodes(new QPushButton(tr("New Recovery Codes…"), this))
{
    setAccessibleName(tr("2-step verification"));
    m_message->setAccessibleName(tr("2-step verification problem"));
    m_setUp->setAccessibleName(tr("Set Up Authenticator App"));
    m_turnOff->setAccessibleName(tr("Turn Off Authenticator App"));
    m_newCodes->setAccessibleName(tr("New Recovery Codes"));
    auto* form = new QFormLayout;
    form->addRow(tr("Authenticator app:"), m_totp);
    form->addRow(tr("Text message codes:"), m_sms);
    form->addRow(tr("Email codes:"), m_email);
    form->addRow(tr("Recovery codes:"), m_codesLeft);
    m_emailBox->setAccessibleName(tr("Email codes"));
    m_emailBox->setChecked(true);
    m_emailBox->setEnabled(false);
    m_emailBox->setToolTip(tr("Email codes stay on: your verified address is your way back in."));
    m_smsBox->setAccessibleName(tr("Text message codes"));
    auto* fallbacks = new QHBoxLayout;
    fallbacks->addWidget(new QLabel(tr("If you can't use the app, also accept:"), this));
    fallbacks->addWidget(m_emailBox);
    fallbacks->addWidget(m_smsBox);
    fallbacks->addStretch(1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_setUp);
    buttons->addWidget(m_turnOff);
    buttons->addWidget(m_newCodes);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(fallbacks);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_service, &TwoStepService::statusChanged, this, &TwoStepSection::refresh);
    connect(m_setUp, &QPushButton::clicked, this, &TwoStepSection::setUp);
    connect(m_turnOff, &QPushButton::clicked, this, &TwoStepSection::turnOff);
    connect(m_newCodes, &QPushButton::clicked, this, &TwoStepSection::newCodes);
    connect(m_smsBox, &QCheckBox::clicked, this, &TwoStepSection::switchTextMessageCodes);
    refresh();
}

TwoStepSection::~TwoStepSection() = default;

QString TwoStepSection::statusText() const
{
    return QStringList{m_totp->text(), m_sms->text(), m_email->text(), m_codesLeft->text()}.join(QLatin1String("; "));
}

void TwoStepSection::refresh()
{
    const auto& status = m_service->status();
    if (!status) {
        const QString unknown = m_service->loadError() ? tr("Unknown") : tr("Loading…");
        for (QLabel* label : {m_totp, m_sms, m_email, m_codesLeft})
            label->setText(unknown);
        if (const auto error = m_service->loadError())
            m_message->showMessage(InlineMessage::Kind::Error, error->userText());
        m_setUp->setEnabled(false);
        m_smsBox->setEnabled(false);
        m_turnOff->setVisible(false);
        m_newCodes->setVisible(false);
        return;
    }
    m_stepUp->setAvailableMethods(m_service->stepUpMethods());
    m_totp->setText(status->totp ? tr("✓ On") : tr("Off"));
    if (status->sms)
        m_sms->setText(tr("✓ On (%1)").arg(status->phoneMasked));
    else if (status->phoneMasked.isEmpty())
        m_sms->setText(tr("Off — add a verified phone number"));
    else
        m_sms->setText(tr("Off (%1)").arg(status->phoneMasked));
    m_email->setText(status->email ? tr("✓ On") : tr("Off"));
    m_codesLeft->setText(status->totp ? tr("%n left", nullptr, status->recoveryCodesLeft) : tr("None"));
    for (QLabel* label : {m_totp, m_sms, m_email, m_codesLeft})
        label->setAccessibleDescription(label->text());
    // The service has the last word; the box only shows what it said.
    m_smsBox->setChecked(status->sms);
    m_smsBox->setEnabled(status->sms || !status->phoneMasked.isEmpty());
    m_smsBox->setToolTip(status->phoneMasked.isEmpty() ? tr("Needs a verified phone number")
                                                       : tr("Codes sent to %1").arg(status->phoneMasked));
    m_setUp->setEnabled(true);
    m_setUp->setVisible(!status->totp);
    m_turnOff->setVisible(status->totp);
    m_newCodes->setVisible(status->totp);
}

void TwoStepSection::showError(const QString& what, const ApiError& error)
{
    m_message->showMessage(InlineMessage::Kind::Error, tr("%1 %2").arg(what, error.userText()));
}

void TwoStepSection::setUp()
{
    m_message->clear();
    StepUpDialog::ensure(
        window(), m_stepUp, tr("Before Vigil sets up an authenticator app, confirm that it's you."), [this] {
            m_service->startEnrolment(this, [this](const Expected<TotpEnrolment, ApiError>& enrolment) {
                if (!enrolment) {
                    showError(tr("The authenticator app could not be set up."), enrolment.error());
                    return;
                }
                auto* dialog = new TotpEnrolmentDialog(m_service, enrolment.value(), window());
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->setWindowModality(Qt::WindowModal);
                connect(dialog, &QDialog::accepted, this, [this, dialog] { showCodes(dialog->recoveryCodes()); });
                dialog->open();
                Q_EMIT dialogOpened(dialog);
            });
        });
}

void TwoStepSection::turnOff()
{
    m_message->clear();
    auto* box = new QMessageBox(QMessageBox::Warning,
                                tr("Turn Off Authenticator App?"),
                                tr("Vigil will stop asking for codes from your authenticator app, and your recovery "
                                   "codes will stop working. Signing in will need only your password and email codes."),
                                QMessageBox::NoButton,
                                window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    QPushButton* off = box->addButton(tr("Turn Off"), QMessageBox::DestructiveRole);
    off->setAccessibleName(tr("Turn Off"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(off, &QPushButton::clicked, this, [this] {
        StepUpDialog::ensure(
            window(), m_stepUp, tr("Before Vigil turns off the authenticator app, confirm that it's you."), [this] {
                m_service->disableTotp(this, [this](const Expected<bool, ApiError>& done) {
                    if (!done)
                        showError(tr("The authenticator app is still on."), done.error());
                    else
                        m_message->showMessage(InlineMessage::Kind::Info, tr("The authenticator app is off."));
                });
            });
    });
    box->open();
    Q_EMIT dialogOpened(box);
}

void TwoStepSection::newCodes()
{
    m_message->clear();
    StepUpDialog::ensure(
        window(), m_stepUp, tr("Before Vigil makes new recovery codes, confirm that it's you."), [this] {
            m_service->regenerateRecoveryCodes(this, [this](const Expected<QStringList, ApiError>& codes) {
                if (!codes) {
                    showError(tr("No new recovery codes were made."), codes.error());
                    return;
                }
                showCodes(codes.value());
            });
        });
}

void TwoStepSection::switchTextMessageCodes(bool on)
{
    m_message->clear();
    // Back to what the service said until it says otherwise (a cancelled step-up changes nothing).
    m_smsBox->setChecked(m_service->status() && m_service->status()->sms);
    StepUpDialog::ensure(window(),
                         m_stepUp,
                         on ? tr("Before Vigil turns on text message codes, confirm that it's you.")
                            : tr("Before Vigil turns off text message codes, confirm that it's you."),
                         [this, on] {
                             m_service->setTextMessageCodes(
                                 on, this, [this](const Expected<TwoStepStatus, ApiError>& status) {
                                     if (!status)
                                         showError(tr("Text message codes were not changed."), status.error());
                                 });
                         });
}

void TwoStepSection::showCodes(const QStringList& codes)
{
    auto* dialog = new RecoveryCodesDialog(codes, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

} // namespace vigil
