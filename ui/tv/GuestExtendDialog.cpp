#include "GuestExtendDialog.h"

#include "core/stepup/StepUpFlow.h"
#include "core/tv/GuestEnd.h"
#include "core/tv/TvSignInService.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/tv/GuestEndPicker.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

GuestExtendDialog::GuestExtendDialog(const Device& device,
                                     TvSignInService* service,
                                     const QStringList& stepUpMethods,
                                     QWidget* parent)
    : QDialog(parent), m_device(device), m_service(service), m_stepUp(new StepUpFlow(service->stepUp(), this))
{
    setWindowTitle(tr("Change Guest Access"));
    setAccessibleName(tr("Change guest access"));
    setWindowIcon(Icons::themed(QStringLiteral("clock")));
    setMinimumWidth(460);
    if (!stepUpMethods.isEmpty())
        m_stepUp->setAvailableMethods(stepUpMethods);
    const QDateTime now = service->now();
    auto* text = new QLabel(tr("%1 signs out by itself %2. Choose when its guest access ends instead.")
                                .arg(device.displayName(), GuestEnd::whenText(device.guestUntil, now)),
                            this);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);
    text->setAccessibleName(tr("Current end"));
    m_picker = new GuestEndPicker([service] { return service->now(); }, this);
    m_problem = new InlineMessage(this);
    auto* cancel = new QPushButton(tr("Cancel"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setAccessibleName(tr("Save guest end"));
    m_save->setDefault(true);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_picker);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addLayout(buttons);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &GuestExtendDialog::save);
    connect(m_picker, &GuestEndPicker::endChanged, m_problem, &InlineMessage::clear);
}

GuestExtendDialog::~GuestExtendDialog() = default;

void GuestExtendDialog::save()
{
    m_end = m_picker->end();
    m_problem->clear();
    const QPointer<GuestExtendDialog> self(this);
    StepUpDialog::ensure(
        this,
        m_stepUp,
        tr("Before Vigil changes guest access for %1, confirm that it's you.").arg(m_device.displayName()),
        [self] {
            if (self)
                self->send();
        });
}

void GuestExtendDialog::send()
{
    m_save->setEnabled(false);
    m_service->changeGuestEnd(m_device.id, m_end, this, [this](const Expected<Device, ApiError>& result) {
        m_save->setEnabled(true);
        if (result) {
            accept();
            return;
        }
        m_problem->showMessage(InlineMessage::Kind::Error,
                               tr("Guest access was not changed. %1").arg(result.error().userText()));
    });
}

} // namespace vigil
