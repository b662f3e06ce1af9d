#include "base/VisibleText.h"

#include <QList>

namespace mockd::VisibleText {

namespace {

bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Format:
    case QChar::Other_Control:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

} // namespace

QString strip(QStringView text)
{
    const QList<uint> codePoints = text.toUcs4();
    QString out;
    out.reserve(text.size());
    for (const uint c : codePoints) {
        if (!isInvisible(char32_t(c)))
            out.append(QStringView(QChar::fromUcs4(char32_t(c))));
    }
    return out;
}

} // namespace mockd::VisibleText
