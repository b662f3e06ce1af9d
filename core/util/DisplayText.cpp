#include "DisplayText.h"

namespace vigil {
namespace {

enum class Kind
{
    Keep,
    Drop,
    Space,
};

Kind kindOf(char16_t c)
{
    if (c == u'\t' || c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029)
        return Kind::Space;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        return Kind::Drop; // other control characters
    switch (c) {
    case 0x061c: // Arabic letter mark
    case 0x200b: // zero-width space
    case 0x200e: // left-to-right mark
    case 0x200f: // right-to-left mark
    case 0x2060: // word joiner
    case 0xfeff: // zero-width no-break space (BOM)
        return Kind::Drop;
    default:
        break;
    }
    // Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069).
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return Kind::Drop;
    return Kind::Keep;
}

} // namespace

QString DisplayText::withoutControls(const QString& text)
{
    qsizetype first = 0;
    while (first < text.size() && kindOf(text.at(first).unicode()) == Kind::Keep)
        ++first;
    if (first == text.size())
        return text;
    QString out = text.left(first);
    out.reserve(text.size());
    for (qsizetype i = first; i < text.size(); ++i) {
        const QChar c = text.at(i);
        switch (kindOf(c.unicode())) {
        case Kind::Keep:
            out.append(c);
            break;
        case Kind::Space:
            out.append(QLatin1Char(' '));
            break;
        case Kind::Drop:
            break;
        }
    }
    return out;
}

} // namespace vigil
