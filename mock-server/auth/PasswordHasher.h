#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace mockd {

class HashingPool;

// argon2id through libsodium (t = 2, m = 19 MiB, p = 1: the OWASP minimum), libsodium's encoded
// string with its own random salt. Passwords are NFKC-normalized (NIST 800-63B §5.1.1.2) and never
// truncated; more than 128 characters are refused before any hashing. The asynchronous calls run on
// the service's HashingPool, so a sign-in never stalls the event loop.
class PasswordHasher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordHasher)

public:
    enum class Error
    {
        Empty,
        TooLong,
        Failed
    };
    static constexpr int maxLength = 128;
    static constexpr unsigned long long opsLimit = 2;
    static constexpr size_t memLimit = size_t(19) * 1024 * 1024;

    explicit PasswordHasher(HashingPool& pool, QObject* parent = nullptr);
    ~PasswordHasher() override;

    static Expected<QByteArray, Error> hash(const QString& password);
    // False for a wrong password, a password over the limit (without hashing) or a malformed hash.
    static bool verify(const QByteArray& encodedHash, const QString& password);
    static bool isTooLong(const QString& password);

    // Same as verify() and hash(), on the pool; `done` runs on the event loop (not at all if
    // `context` is gone by then). False, and `done` never runs, when the pool's queue is full:
    // answer HashingPool::busyError().
    [[nodiscard]] bool verifyAsync(const QByteArray& encodedHash,
                                   const QString& password,
                                   QObject* context,
                                   std::function<void(bool)> done);
    [[nodiscard]] bool
    hashAsync(const QString& password, QObject* context, std::function<void(Expected<QByteArray, Error>)> done);

    HashingPool& pool() const { return m_pool; }

    // A hash of a random password, verified against when the account does not exist, so unknown and
    // known accounts cost the same time.
    const QByteArray& dummyHash() const { return m_dummyHash; }

private:
    HashingPool& m_pool;
    QByteArray m_dummyHash;
};

} // namespace mockd
