#include "SecurityPage.h"

#include "core/account/AccountOverview.h"
#include "ui/pages/AccountFacts.h"
#include "ui/pages/TwoStepText.h"

#include <QVBoxLayout>

namespace vigil {

SecurityPage::SecurityPage(AccountService* account, QWidget* parent) : QWidget(parent)
{
    auto* facts = new AccountFacts(
        account,
        tr("Security"),
        tr("How your account is protected."),
        [](AccountFacts& page, const AccountOverview& overview) {
            const TwoStepMethods& twoStep = overview.account.twoStep;
            page.setFact(tr("2-step verification"),
                         twoStep.any() ? tr("On. %1").arg(TwoStepText::summary(twoStep))
                                       : TwoStepText::summary(twoStep));
            page.setFact(tr("Authenticator app"), twoStep.totp ? tr("On") : tr("Off"));
            page.setFact(tr("Text message codes"), twoStep.sms ? tr("On") : tr("Off"));
            page.setFact(tr("Email codes"), twoStep.email ? tr("On") : tr("Off"));
            page.setNote(tr("Seven habits keep an account safe, from 2-step verification to watching its activity. "
                            "<a href=\"%1\">Read the security tips</a>")
                             .arg(linkTo(Section::Help)));
        },
        this);
    connect(facts, &AccountFacts::sectionRequested, this, &SecurityPage::sectionRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(facts);
}

SecurityPage::~SecurityPage() = default;

} // namespace vigil
