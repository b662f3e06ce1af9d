#pragma once

#include "base/Expected.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace mockd {

class Clock;
class LoginThrottle;
class PasswordHasher;
class Router;
class SignOutRoutes;
class StepUp;
class Store;
struct RequestContext;

// POST /v1/account/password ({current, new, sign_out: none|others|all}) behind a step-up token
// (X-Step-Up). The current password must verify (wrong ones count towards the sign-in throttle of
// the account); the new one has 8..128 characters, differs from the current one and is not in the
// shipped common-password blocklist (:/passwords/common.txt). Then the chosen devices are signed
// out through SignOutRoutes, which answers with the same per-device results as a sign-out.
class PasswordRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordRoutes)

public:
    static constexpr int minLength = 8;

    PasswordRoutes(Store& store,
                   const Clock& clock,
                   PasswordHasher& hasher,
                   LoginThrottle& throttle,
                   StepUp& stepUp,
                   SignOutRoutes& signOut,
                   QObject* parent = nullptr);
    ~PasswordRoutes() override;

    void registerRoutes(Router& router);
    // Lower case, as in the file; the comparison is case-insensitive.
    bool isBlocked(const QString& password) const;

private:
    struct Change
    {
        QString accountId;
        QString newPassword;
        QString signOut;
        QString verification;
    };

    void change(const RequestContext& context);
    void finish(const RequestContext& context, const Change& change, bool currentMatches);
    // Writes the new password's hash (made on the HashingPool) and signs the chosen devices out.
    void store(const RequestContext& context, const Change& change, const QByteArray& hash);
    Expected<Ok, QString>
    auditChange(const RequestContext& context, const Change& change, const QString& type, QJsonObject details);

    Store& m_store;
    const Clock& m_clock;
    PasswordHasher& m_hasher;
    LoginThrottle& m_throttle;
    StepUp& m_stepUp;
    SignOutRoutes& m_signOut;
    QSet<QString> m_blocklist;
};

} // namespace mockd
