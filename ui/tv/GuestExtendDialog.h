#pragma once

#include "core/devices/Device.h"

#include <QDialog>
#include <QStringList>

class QLabel;
class QPushButton;

namespace vigil {

class GuestEndPicker;
class InlineMessage;
class StepUpFlow;
class TvSignInService;

// "Extend…" on a guest device: a new end (later, or sooner), after confirming it's you.
class GuestExtendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestExtendDialog)

public:
    GuestExtendDialog(const Device& device,
                      TvSignInService* service,
                      const QStringList& stepUpMethods,
                      QWidget* parent = nullptr);
    ~GuestExtendDialog() override;

    GuestEndPicker* picker() const { return m_picker; }
    QPushButton* saveButton() const { return m_save; }
    InlineMessage* problem() const { return m_problem; }

private:
    void save();
    void send();

    Device m_device;
    TvSignInService* m_service;
    StepUpFlow* m_stepUp;
    GuestEndPicker* m_picker;
    InlineMessage* m_problem;
    QPushButton* m_save;
    QDateTime m_end;
};

} // namespace vigil
