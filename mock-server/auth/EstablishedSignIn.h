#pragma once

#include <QByteArray>
#include <QString>

namespace mockd {

class Clock;
class Store;

// A sign-in that presented the device cookie of an established computer (a scenario names it: the
// demo's own computer) is established at once, and the cookie it was given (`issuedHash`) takes
// over the mark. Nothing happens for any other cookie: an ordinary one proves the computer signed
// in before, not that its owner is the one signing in, so that sign-in stays new.
void keepEstablished(Store& store,
                     const Clock& clock,
                     const QString& accountId,
                     const QString& sessionId,
                     const QByteArray& presentedHash,
                     const QByteArray& issuedHash);

} // namespace mockd
