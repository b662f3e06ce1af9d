#pragma once

#include "ui/main/Section.h"

#include <QWidget>

namespace vigil {

class AccountService;

// The household's profiles, and the promise that signing devices out never touches them.
class ProfilesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesPage)

public:
    explicit ProfilesPage(AccountService* account, QWidget* parent = nullptr);
    ~ProfilesPage() override;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);
};

} // namespace vigil
