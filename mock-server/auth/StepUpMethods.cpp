#include "auth/StepUpMethods.h"

#include "store/Store.h"

namespace mockd::StepUpMethods {

QStringList available(const Store& store, const Account& account)
{
    QStringList methods;
    if (store.securityKeys().count(account.id) > 0)
        methods.append(QStringLiteral("security_key"));
    methods.append(QStringLiteral("password"));
    if (account.hasTotp())
        methods.append(QStringLiteral("totp"));
    if (!account.email.isEmpty() && account.emailVerified)
        methods.append(QStringLiteral("email"));
    if (!account.phone.isEmpty() && account.phoneVerified && account.smsTwoStep)
        methods.append(QStringLiteral("sms"));
    if (store.accounts().unusedRecoveryCodes(account.id) > 0)
        methods.append(QStringLiteral("recovery"));
    return methods;
}

} // namespace mockd::StepUpMethods
