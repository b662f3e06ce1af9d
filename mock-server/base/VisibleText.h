#pragma once

#include <QString>
#include <QStringView>

// Names that other people read (devices, profiles, households) keep only what can be seen. Format
// characters (Unicode category Cf: the bidi embeddings and overrides U+202A–202E and isolates
// U+2066–2069, zero-width U+200B–200F, the byte-order mark U+FEFF, soft hyphens, tags) can make a
// name read as something it is not ("TV\u202Eexe.tsil" shows as "TVlist.exe") or make two names
// that look the same differ; control characters (Cc) and line or paragraph separators break the
// line they are shown in.
namespace mockd::VisibleText {

// `text` without any of those characters (whole code points, so no surrogate is left alone).
QString strip(QStringView text);

} // namespace mockd::VisibleText
