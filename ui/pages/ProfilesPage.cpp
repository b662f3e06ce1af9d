#include "ProfilesPage.h"

#include "core/account/AccountOverview.h"
#include "ui/pages/AccountFacts.h"

#include <QVBoxLayout>

namespace vigil {

ProfilesPage::ProfilesPage(AccountService* account, QWidget* parent) : QWidget(parent)
{
    auto* facts = new AccountFacts(
        account,
        tr("Profiles"),
        tr("The people who watch on your account."),
        [](AccountFacts& page, const AccountOverview& overview) {
            page.setFact(tr("Profiles"), tr("%n profile(s) on your account.", nullptr, overview.profilesCount));
            page.setNote(tr("Signing out devices never removes profiles, viewing history or preferences. "
                            "Everyone finds their profile as they left it when they sign in again."));
        },
        this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(facts);
}

ProfilesPage::~ProfilesPage() = default;

} // namespace vigil
