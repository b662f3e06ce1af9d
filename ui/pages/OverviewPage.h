#pragma once

#include "ui/main/Section.h"

#include <QWidget>

class QLabel;

namespace vigil {

class AccountService;
class LoadState;
class StatTile;

// The account at a glance (`GET /v1/me`): who is signed in, how many devices and profiles, and
// whether 2-step verification protects it, each with a way to the page about it.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    explicit OverviewPage(AccountService* account, QWidget* parent = nullptr);
    ~OverviewPage() override;

Q_SIGNALS:
    void sectionRequested(vigil::Section section);

private:
    void render();

    AccountService* m_account;
    LoadState* m_state;
    QLabel* m_name;
    QLabel* m_email;
    StatTile* m_devices;
    StatTile* m_profiles;
    StatTile* m_twoStep;
};

} // namespace vigil
