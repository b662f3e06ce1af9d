#include "EnglishPlurals.h"

namespace vigil {

EnglishPlurals::EnglishPlurals(QObject* parent) : QTranslator(parent) {}

EnglishPlurals::~EnglishPlurals() = default;

QString EnglishPlurals::translate(const char*, const char* sourceText, const char*, int n) const
{
    if (n < 0 || !sourceText)
        return {};
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")))
        return {};
    text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    return text;
}

} // namespace vigil
