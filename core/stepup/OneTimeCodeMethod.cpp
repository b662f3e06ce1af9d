#include "core/stepup/OneTimeCodeMethod.h"

namespace vigil {

QString OneTimeCodeMethod::id() const
{
    return m_channel == Channel::Email ? QStringLiteral("email") : QStringLiteral("sms");
}

QString OneTimeCodeMethod::label() const
{
    return m_channel == Channel::Email ? tr("Email code") : tr("Text message code");
}

} // namespace vigil
