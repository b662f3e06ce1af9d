#include "PlainToolTip.h"

#include <QTextDocument>

namespace vigil {

QString PlainToolTip::of(const QString& text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace vigil
