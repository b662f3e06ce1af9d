#pragma once

#include "ui/main/Section.h"

#include <QWidget>

namespace vigil {

class AccountService;

// Devices, as far as the account overview tells: how many are signed in, and which one is this
// computer. The live device list (status, places, history, sign-out) builds on this page.
class DevicesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DevicesPage)

public:
    explicit DevicesPage(AccountService* account, QWidget* parent = nullptr);
    ~DevicesPage() override;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);
};

} // namespace vigil
