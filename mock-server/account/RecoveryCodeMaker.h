#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mockd {

class Store;

// A fresh set of ten recovery codes: the codes in clear (shown once) and their argon2id hashes.
struct RecoveryCodeSet
{
    QStringList codes;
    QByteArray salt;
    QList<QByteArray> hashes;

    bool isEmpty() const { return codes.isEmpty(); }
};

// Makes recovery codes. Ten argon2id hashes take a few hundred milliseconds and 19 MiB each, so
// make() runs on the HashingPool: the service keeps answering everyone else meanwhile.
class RecoveryCodeMaker final
{
public:
    static constexpr int count = 10;

    // A new set (an empty one when hashing failed). Slow: call it on the HashingPool.
    static RecoveryCodeSet make();
    // Replaces the account's codes with `set`, inside the caller's transaction; false when the store
    // refused.
    static bool replace(Store& store, const QString& accountId, const RecoveryCodeSet& set);
};

} // namespace mockd
