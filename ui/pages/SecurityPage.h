#pragma once

#include "ui/main/Section.h"

#include <QWidget>

namespace vigil {

class AccountService;

// How the account is protected: which second factors are on, and where to read what to do.
class SecurityPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecurityPage)

public:
    explicit SecurityPage(AccountService* account, QWidget* parent = nullptr);
    ~SecurityPage() override;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);
};

} // namespace vigil
