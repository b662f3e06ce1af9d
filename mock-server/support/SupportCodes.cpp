#include "support/SupportCodes.h"

#include "auth/Tokens.h"
#include "support/SupportPolicy.h"

#include <cstring>
#include <sodium.h>

namespace mockd::SupportCodes {

QString generate()
{
    const auto count = quint32(std::strlen(alphabet));
    QString code;
    code.reserve(SupportPolicy::codeLength);
    for (int i = 0; i < SupportPolicy::codeLength; ++i)
        code.append(QLatin1Char(alphabet[randombytes_uniform(count)])); // uniform, no modulo bias
    return code;
}

QString display(const QString& canonical)
{
    return canonical.left(4) + QLatin1Char('-') + canonical.mid(4);
}

QString normalize(QStringView typed)
{
    QString code;
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        const QChar upper = c.toUpper();
        if (upper.unicode() > 127 || !std::strchr(alphabet, char(upper.unicode())) || upper.unicode() == 0)
            return {};
        code.append(upper);
        if (code.size() > SupportPolicy::codeLength)
            return {};
    }
    return code.size() == SupportPolicy::codeLength ? code : QString();
}

QByteArray hash(const QString& canonical)
{
    return Tokens::hash(canonical);
}

} // namespace mockd::SupportCodes
