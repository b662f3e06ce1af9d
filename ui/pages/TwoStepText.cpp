#include "TwoStepText.h"

#include <QStringList>

namespace vigil {

QString TwoStepText::summary(const TwoStepMethods& methods)
{
    if (!methods.any())
        return tr("Your password alone signs you in. A second step stops someone who only has your password.");
    QStringList names;
    if (methods.totp)
        names << tr("authenticator app");
    if (methods.sms)
        names << tr("text message");
    if (methods.email)
        names << tr("email");
    return tr("Second step: %1.").arg(names.join(QStringLiteral(", ")));
}

} // namespace vigil
