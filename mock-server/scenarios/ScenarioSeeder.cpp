#include "scenarios/ScenarioSeeder.h"

#include "auth/AuthPolicy.h"
#include "auth/Base32.h"
#include "auth/LoginThrottle.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "base/Ids.h"
#include "base/TimeFormat.h"
#include "scenarios/Scenario.h"
#include "store/Database.h"
#include "store/EstablishedCookieStore.h"
#include "store/SnapshotRows.h"
#include "store/Store.h"
#include "store/ThrottleStore.h"

#include <QRandomGenerator>

namespace mockd {

namespace {

qint64 resolve(const QString& spec, qint64 now, qint64 fallback)
{
    if (spec.isEmpty())
        return fallback;
    return TimeFormat::parseRelativeOrAbsolute(spec, now).value_or(fallback);
}

} // namespace

ScenarioSeeder::ScenarioSeeder(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

Expected<Ok, QString> ScenarioSeeder::seed(const Scenario& scenario)
{
    const qint64 now = m_clock.nowMs();
    m_onlineSessions.clear();
    Transaction transaction(m_store.database());
    for (const ScenarioAccount& source : scenario.accounts) {
        Account account = source.account;
        if (account.passwordHash.isEmpty())
            return unexpected(
                QStringLiteral("%1: the password of %2 was not hashed").arg(scenario.source, account.email));
        account.createdAtMs = resolve(source.createdAt, now, now);
        if (source.totpWithheld) {
            // The snapshot left the authenticator's secret out: 2-step stays on with a new one.
            QByteArray key(20, Qt::Uninitialized);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), key.size() / 4);
            account.totpSecret = Base32::encode(key);
        }
        if (auto ok = m_store.accounts().insert(account); !ok)
            return unexpected(QStringLiteral("%1: %2: %3").arg(scenario.source, account.email, ok.error()));
        if (source.hashedRecoveryCodes.size() != source.recoveryCodes.size())
            return unexpected(
                QStringLiteral("%1: the recovery codes of %2 were not hashed").arg(scenario.source, account.email));
        for (const RecoveryCode& code : source.hashedRecoveryCodes) {
            if (auto ok = m_store.accounts().insertRecoveryCode(code); !ok)
                return unexpected(
                    QStringLiteral("%1: recovery code of %2: %3").arg(scenario.source, account.email, ok.error()));
        }
        if (auto ok = seedSnapshotAccount(source); !ok)
            return unexpected(QStringLiteral("%1: %2: %3").arg(scenario.source, account.email, ok.error()));
        for (Profile profile : source.profiles) {
            profile.createdAtMs = account.createdAtMs;
            if (auto ok = m_store.accounts().insertProfile(profile); !ok)
                return unexpected(QStringLiteral("%1: profile %2: %3").arg(scenario.source, profile.id, ok.error()));
        }
        for (const ScenarioDevice& seeded : source.devices) {
            Device device = seeded.device;
            device.firstSignInMs = resolve(seeded.firstSignIn, now, now);
            device.lastActiveMs = qMax(device.firstSignInMs, resolve(seeded.lastActive, now, now));
            if (auto ok = m_store.devices().save(device); !ok)
                return unexpected(QStringLiteral("%1: device %2: %3").arg(scenario.source, device.id, ok.error()));
            for (int n = 0; seeded.signedIn && n < seeded.sessions; ++n) {
                if (auto ok = seedSession(account.id, device, seeded, now); !ok)
                    return unexpected(QStringLiteral("%1: %2").arg(scenario.source, ok.error()));
            }
            for (const ScenarioSignIn& signIn : seeded.history) {
                AuditEntry entry;
                entry.accountId = account.id;
                entry.deviceId = device.id;
                entry.atMs = resolve(signIn.at, now, now);
                entry.type = signIn.success ? QStringLiteral("sign_in") : QStringLiteral("sign_in_failed");
                entry.ip = signIn.ip.isEmpty() ? device.ip : signIn.ip;
                entry.details = {
                    {QStringLiteral("method"), signIn.method},
                    {QStringLiteral("result"), signIn.success ? QStringLiteral("success") : QStringLiteral("failed")},
                    {QStringLiteral("device_name"), device.name}};
                if (auto ok = m_store.audit().append(entry); !ok)
                    return unexpected(
                        QStringLiteral("%1: history of %2: %3").arg(scenario.source, device.id, ok.error()));
            }
        }
        if (auto ok = seedSnapshotSessions(source); !ok)
            return unexpected(QStringLiteral("%1: %2: %3").arg(scenario.source, account.email, ok.error()));
        for (const ScenarioAuditEntry& line : source.audit) {
            AuditEntry entry;
            entry.accountId = account.id;
            entry.deviceId = line.deviceId;
            entry.atMs = resolve(line.at, now, now);
            entry.type = line.type;
            entry.actor = line.actor;
            entry.ip = line.ip;
            entry.details = line.details;
            if (auto ok = m_store.audit().append(entry); !ok)
                return unexpected(
                    QStringLiteral("%1: audit of %2: %3").arg(scenario.source, account.email, ok.error()));
        }
        if (!source.establishedDeviceCookie.isEmpty()) {
            const QByteArray hash = Tokens::hash(source.establishedDeviceCookie);
            const DeviceCookie cookie{hash, account.id, now, now + AuthPolicy::deviceCookieSeconds * 1000};
            auto ok = m_store.deviceCookies().issue(cookie, {}, AuthPolicy::deviceCookiesPerAccount);
            if (ok)
                ok = EstablishedCookieStore(m_store.database()).add(account.id, hash);
            if (!ok)
                return unexpected(
                    QStringLiteral("%1: device cookie of %2: %3").arg(scenario.source, account.email, ok.error()));
        }
        if (source.throttleFailures > 0) {
            // As if the failures had just happened: the account is blocked for the delay they earn.
            ThrottleState state;
            state.key = LoginThrottle::keysFor(account.email, QHostAddress()).account;
            state.failures = source.throttleFailures;
            state.lastFailureMs = now;
            state.blockedUntilMs = now + LoginThrottle::delaySeconds(state.failures) * 1000;
            if (auto ok = m_store.throttle().put(state); !ok)
                return unexpected(
                    QStringLiteral("%1: throttle of %2: %3").arg(scenario.source, account.email, ok.error()));
        }
    }
    if (auto ok = m_store.setMeta(QStringLiteral("scenario_digest"), QString::fromLatin1(scenario.digest.toHex())); !ok)
        return ok;
    if (auto ok = m_store.setMeta(QStringLiteral("scenario_name"), scenario.name); !ok)
        return ok;
    if (auto ok = m_store.setMeta(QStringLiteral("scenario_document"), QString::fromUtf8(scenario.document)); !ok)
        return ok;
    if (!transaction.commit()) {
        (void)m_store.reload();
        return unexpected(QStringLiteral("could not commit the scenario"));
    }
    // Restored sessions and cookies went to the database as rows; the stores read them now.
    const bool restored = std::any_of(scenario.accounts.begin(), scenario.accounts.end(), [](const auto& a) {
        return !a.sessions.isEmpty() || !a.deviceCookies.isEmpty();
    });
    return restored ? m_store.reload() : Ok{};
}

Expected<Ok, QString> ScenarioSeeder::seedSnapshotAccount(const ScenarioAccount& source)
{
    const QString& id = source.account.id;
    for (const RecoveryCode& code : source.snapshotRecoveryCodes) {
        if (auto ok = m_store.accounts().insertRecoveryCode(code); !ok)
            return ok;
    }
    if (source.account.autoSignOutDays > 0)
        return m_store.accounts().setAutoSignOutDays(id, source.account.autoSignOutDays);
    return Ok{};
}

Expected<Ok, QString> ScenarioSeeder::seedSnapshotSessions(const ScenarioAccount& source)
{
    SnapshotRows rows(m_store.database());
    for (const ScenarioSession& restored : source.sessions) {
        const Session& session = restored.session;
        auto ok = rows.insertSession(session);
        for (const AccessToken& token : restored.access)
            ok = ok ? rows.insertAccess(token) : ok;
        for (const RefreshToken& token : restored.refresh)
            ok = ok ? rows.insertRefresh(token) : ok;
        if (ok && (restored.agedMs != 0 || restored.confirmedAtMs != 0))
            ok = m_store.sessionTrust().save(
                {session.id, restored.agedMs, restored.confirmedAtMs, restored.confirmedBy});
        if (ok && restored.guestUntilMs != 0)
            ok = m_store.guests().add({session.id, session.accountId, session.deviceId, restored.guestUntilMs});
        if (!ok)
            return unexpected(QStringLiteral("session %1: %2").arg(session.id, ok.error()));
    }
    for (const ScenarioDeviceCookie& cookie : source.deviceCookies) {
        if (auto ok = rows.insertCookie({cookie.cookie, cookie.established}); !ok)
            return unexpected(QStringLiteral("device cookie: %1").arg(ok.error()));
    }
    return Ok{};
}

Expected<Ok, QString>
ScenarioSeeder::seedSession(const QString& accountId, const Device& device, const ScenarioDevice& seeded, qint64 now)
{
    Session session;
    session.id = Ids::generate(u"ses");
    session.accountId = accountId;
    session.deviceId = device.id;
    session.issuedAtMs = qMax(device.firstSignInMs, resolve(seeded.signedInAt, now, device.firstSignInMs));
    session.expiresAtMs = now + AuthPolicy::refreshTokenSeconds * 1000;
    session.authMethod = QStringLiteral("password");
    session.ip = device.ip;
    session.lastSeenAtMs = device.lastActiveMs;
    const AccessToken access{Tokens::hash(Tokens::generate(Tokens::Kind::Access)),
                             session.id,
                             session.lastSeenAtMs,
                             session.lastSeenAtMs + AuthPolicy::accessTokenSeconds * 1000};
    const QString refreshToken = Tokens::generate(Tokens::Kind::Refresh);
    const RefreshToken refresh{Tokens::hash(refreshToken), session.id, session.issuedAtMs, session.expiresAtMs, 0};
    if (auto ok = m_store.sessions().create(session, access, refresh); !ok)
        return unexpected(QStringLiteral("session of %1: %2").arg(device.id, ok.error()));
    if (device.status != QLatin1String("offline") && !m_onlineSessions.contains(device.id))
        m_onlineSessions.insert(device.id, refreshToken);

    AuditEntry entry;
    entry.accountId = accountId;
    entry.deviceId = device.id;
    entry.atMs = session.issuedAtMs;
    entry.type = QStringLiteral("sign_in");
    entry.ip = device.ip;
    entry.details = {{QStringLiteral("method"), QStringLiteral("password")},
                     {QStringLiteral("result"), QStringLiteral("success")},
                     {QStringLiteral("session_id"), session.id},
                     {QStringLiteral("device_name"), device.name}};
    if (auto ok = m_store.audit().append(entry); !ok)
        return unexpected(ok.error());
    return Ok{};
}

QString ScenarioSeeder::takeOnlineSession(const QString& deviceId)
{
    return m_onlineSessions.take(deviceId);
}

} // namespace mockd
