#include "core/devices/SearchKey.h"

#include <QHash>

namespace vigil {

namespace {

// Compatibility decomposition, combining marks dropped, case folded: "É" → "e", "ﬁ" → "fi".
QString foldSlowly(QStringView text)
{
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
    return stripped.toCaseFolded();
}

// Decomposition and case folding work character by character, so the fold of one non-ASCII
// character can be remembered: names like "Ana’s iPhone" or "São Paulo" then cost a lookup, not
// a normalisation pass with its allocations.
const QString& foldedCharacter(char16_t c)
{
    thread_local QHash<char16_t, QString> cache;
    auto it = cache.constFind(c);
    if (it == cache.constEnd()) {
        const QChar character(c);
        it = cache.insert(c, foldSlowly(QStringView(&character, 1)));
    }
    return *it;
}

} // namespace

QString SearchKey::fold(QStringView text)
{
    QString key;
    key.reserve(text.size());
    appendFolded(key, text);
    return key;
}

void SearchKey::appendFolded(QString& key, QStringView text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        // A run of ASCII, the common case: one resize, then plain writes.
        qsizetype end = i;
        while (end < size && text[end].unicode() < 0x80) {
            ++end;
        }
        if (end > i) {
            const qsizetype start = key.size();
            key.resize(start + (end - i));
            QChar* out = key.data() + start;
            for (; i < end; ++i) {
                const char16_t c = text[i].unicode();
                *out++ = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
            }
            continue;
        }
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
            key.append(foldSlowly(text.mid(i, 2)));
            i += 2;
        } else {
            key.append(foldedCharacter(c));
            ++i;
        }
    }
}

} // namespace vigil
