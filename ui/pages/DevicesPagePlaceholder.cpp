// The placeholder DevicesPage MainWindow builds before the live device list is wired in.
#include "DevicesPage.h"
#include "core/account/AccountOverview.h"
#include "core/auth/DeviceDescription.h"
#include "ui/pages/AccountFacts.h"

#include <QLocale>
#include <QVBoxLayout>

namespace vigil {

DevicesPage::DevicesPage(AccountService* account, QWidget* parent) : QWidget(parent)
{
    auto* facts = new AccountFacts(
        account,
        tr("Devices"),
        tr("Every device signed in to your account."),
        [](AccountFacts& page, const AccountOverview& overview) {
            page.setFact(tr("Signed in"),
                         tr("%n device(s) signed in to your account.", nullptr, overview.devicesCount));
            const QJsonObject self = DeviceDescription::thisComputer();
            QString thisComputer = self.value(QLatin1String("name")).toString() + QStringLiteral(" · ") +
                                   self.value(QLatin1String("os")).toString();
            if (overview.signedInAt.isValid())
                thisComputer +=
                    QStringLiteral(" · ") +
                    tr("signed in %1").arg(QLocale().toString(overview.signedInAt.toLocalTime(), QLocale::ShortFormat));
            page.setFact(tr("This computer"), thisComputer);
            page.setNote(tr("Don't recognize that many devices? Someone else may be using your account. "
                            "<a href=\"%1\">What to do</a>")
                             .arg(linkTo(Section::Help)));
        },
        this);
    connect(facts, &AccountFacts::sectionRequested, this, &DevicesPage::sectionRequested);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(facts);
}

} // namespace vigil
