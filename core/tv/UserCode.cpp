#include "core/tv/UserCode.h"

namespace vigil::UserCode {

QString normalized(QStringView input)
{
    QString code;
    code.reserve(input.size());
    for (const QChar c : input) {
        // Spaces and every kind of dash are what people type or paste between the halves.
        if (c.isSpace() || c.category() == QChar::Punctuation_Dash)
            continue;
        code.append(c.toUpper());
    }
    return code;
}

bool isComplete(QStringView input)
{
    const QString code = normalized(input);
    if (code.size() != length)
        return false;
    for (const QChar c : code) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

QString formatted(QStringView input)
{
    if (!isComplete(input))
        return input.toString();
    const QString code = normalized(input);
    return code.left(length / 2) + QLatin1Char('-') + code.mid(length / 2);
}

} // namespace vigil::UserCode
