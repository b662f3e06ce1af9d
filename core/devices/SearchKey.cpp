#include "core/devices/SearchKey.h"

namespace vigil {

QString SearchKey::fold(QStringView text)
{
    QString key;
    appendFolded(key, text);
    return key;
}

void SearchKey::appendFolded(QString& key, QStringView text)
{
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        // The common case, kept allocation-free beyond the key's own growth.
        const qsizetype start = key.size();
        key.resize(start + text.size());
        QChar* out = key.data() + start;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            *out++ = QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
        }
        return;
    }
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString stripped;
    stripped.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category != QChar::Mark_NonSpacing && category != QChar::Mark_SpacingCombining &&
            category != QChar::Mark_Enclosing) {
            stripped.append(c);
        }
    }
    key.append(stripped.toCaseFolded());
}

} // namespace vigil
