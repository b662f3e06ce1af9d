#pragma once

#include <QString>

namespace mockd::Ids {

// A new random identifier such as "ses_5f0c2a9be4d17c30" (64 random bits, hex). Identifiers are
// not secrets; they only have to be unique and not guessable in sequence.
QString generate(QStringView prefix);

} // namespace mockd::Ids
