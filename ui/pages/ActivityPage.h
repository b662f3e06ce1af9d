#pragma once

#include "ui/main/Section.h"

#include <QWidget>

namespace vigil {

class AccountService;

// What this computer's session did on the account: when it signed in, and to which server.
class ActivityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityPage)

public:
    explicit ActivityPage(AccountService* account, QWidget* parent = nullptr);
    ~ActivityPage() override;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);
};

} // namespace vigil
