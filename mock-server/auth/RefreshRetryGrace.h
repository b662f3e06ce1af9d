#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace mockd {

class Database;

// The answers of the latest refreshes, kept for a short while so that a client whose answer was
// lost on the wire can retry with the refresh token it still holds and get the same pair again
// instead of being taken for a thief (api/openapi.yaml, POST /v1/auth/refresh; docs/security.md).
// In the database, so that the retry may reach another vigil-mockd than the first try. The pair
// is a secret: it is stored sealed (XSalsa20-Poly1305) with a key derived from the used refresh
// token, which the database does not hold (only its SHA-256), so only the client that retries can
// open it.
class RefreshRetryGrace final
{
public:
    static constexpr qint64 windowMs = 30'000;
    // Refreshes at a rate no service of this size sees in a window; past it the oldest are forgotten.
    static constexpr qsizetype maxAnswers = 100'000;

    struct Answer
    {
        QByteArray nextRefreshHash; // the refresh token issued in exchange
        QString ip;                 // who asked
        qint64 atMs = 0;            // the rotation, by the service clock
        QByteArray body;            // the token pair as it was answered
    };

    explicit RefreshRetryGrace(Database& database);

    // Remembers the answer to the exchange of `usedRefreshToken`.
    void remember(const QString& usedRefreshToken, const Answer& answer);
    // The answer to repeat for `usedRefreshToken` presented again by `ip` at `nowMs`, or none when
    // that is not a retry within the window.
    std::optional<Answer> retry(const QString& usedRefreshToken, const QString& ip, qint64 nowMs) const;

private:
    void forget(qint64 nowMs);

    Database& m_database;
};

} // namespace mockd
