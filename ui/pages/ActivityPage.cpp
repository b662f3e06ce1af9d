#include "ActivityPage.h"

#include "core/account/AccountOverview.h"
#include "ui/pages/AccountFacts.h"

#include <QLocale>
#include <QVBoxLayout>

namespace vigil {

ActivityPage::ActivityPage(AccountService* account, QWidget* parent) : QWidget(parent)
{
    auto* facts = new AccountFacts(
        account,
        tr("Activity"),
        tr("Sign-ins and other security events on your account."),
        [](AccountFacts& page, const AccountOverview& overview) {
            page.setFact(
                tr("This computer"),
                overview.signedInAt.isValid()
                    ? tr("Signed in %1").arg(QLocale().toString(overview.signedInAt.toLocalTime(), QLocale::LongFormat))
                    : tr("Signed in (the server didn't say when)"));
            page.setFact(tr("Signed in as"), overview.account.email);
            page.setNote(tr("Something you don't recognize? Check <a href=\"%1\">your devices</a> and "
                            "<a href=\"%2\">how your account is protected</a>.")
                             .arg(linkTo(Section::Devices), linkTo(Section::Security)));
        },
        this);
    connect(facts, &AccountFacts::sectionRequested, this, &ActivityPage::sectionRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(facts);
}

ActivityPage::~ActivityPage() = default;

} // namespace vigil
