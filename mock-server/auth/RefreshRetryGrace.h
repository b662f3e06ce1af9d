#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <deque>

namespace mockd {

// The answers of the latest refreshes, kept for a short while so that a client whose answer was
// lost on the wire can retry with the refresh token it still holds and get the same pair again
// instead of being taken for a thief (api/openapi.yaml, POST /v1/auth/refresh; docs/security.md).
// In memory only: the pair is a secret that never goes to the database, a log or a file.
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

    // Remembers the answer to the exchange of `usedRefreshHash`.
    void remember(const QByteArray& usedRefreshHash, Answer answer);
    // The answer to repeat for `usedRefreshHash` presented again by `ip` at `nowMs`, or nullptr when
    // that is not a retry within the window.
    const Answer* retry(const QByteArray& usedRefreshHash, const QString& ip, qint64 nowMs) const;

private:
    void forget(qint64 nowMs);

    QHash<QByteArray, Answer> m_answers;
    std::deque<QByteArray> m_order; // oldest first
};

} // namespace mockd
