#include "auth/MfaChallenges.h"

#include "auth/AuthPolicy.h"
#include "auth/Tokens.h"
#include "base/Clock.h"
#include "log/LogCategories.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace mockd {

namespace {

// What the client said about its device at login, kept until the second factor creates it.
QByteArray deviceJson(const Device& d)
{
    QJsonObject o{{QStringLiteral("name"), d.name},
                  {QStringLiteral("type"), d.type},
                  {QStringLiteral("os"), d.os},
                  {QStringLiteral("os_version"), d.osVersion},
                  {QStringLiteral("app"), d.app},
                  {QStringLiteral("app_version"), d.appVersion},
                  {QStringLiteral("ip"), d.ip},
                  {QStringLiteral("city"), d.city},
                  {QStringLiteral("region"), d.region},
                  {QStringLiteral("country"), d.country},
                  {QStringLiteral("country_code"), d.countryCode},
                  {QStringLiteral("status"), d.status},
                  {QStringLiteral("status_title"), d.statusTitle}};
    if (d.latitude)
        o.insert(QStringLiteral("latitude"), *d.latitude);
    if (d.longitude)
        o.insert(QStringLiteral("longitude"), *d.longitude);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Device deviceFrom(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const auto text = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    Device d;
    d.name = text("name");
    d.type = text("type");
    d.os = text("os");
    d.osVersion = text("os_version");
    d.app = text("app");
    d.appVersion = text("app_version");
    d.ip = text("ip");
    d.city = text("city");
    d.region = text("region");
    d.country = text("country");
    d.countryCode = text("country_code");
    d.status = text("status");
    d.statusTitle = text("status_title");
    if (o.contains(QStringLiteral("latitude")))
        d.latitude = o.value(QStringLiteral("latitude")).toDouble();
    if (o.contains(QStringLiteral("longitude")))
        d.longitude = o.value(QStringLiteral("longitude")).toDouble();
    return d;
}

} // namespace

MfaChallenges::MfaChallenges(Database& database, const Clock& clock) : m_database(database), m_clock(clock) {}

QString MfaChallenges::create(MfaChallenge challenge)
{
    dropExpired();
    QString token = Tokens::generate(Tokens::Kind::Mfa);
    challenge.tokenHash = Tokens::hash(token);
    challenge.expiresAtMs = m_clock.nowMs() + AuthPolicy::mfaChallengeSeconds * 1000;
    if (auto ok = m_database.run(
            QStringLiteral("INSERT INTO mfa_challenges (token_hash, account_id, email, device, requested_device, ip,"
                           " device_cookie_hash, methods, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {challenge.tokenHash,
             challenge.accountId,
             challenge.email,
             QString::fromUtf8(deviceJson(challenge.device)),
             challenge.requestedDevice,
             challenge.ip,
             challenge.deviceCookieHash,
             challenge.methods.join(QLatin1Char(',')),
             challenge.expiresAtMs});
        !ok) {
        qCWarning(lcAuth) << "cannot store a 2-step sign-in:" << ok.error();
        return {};
    }
    return token;
}

std::optional<MfaChallenge> MfaChallenges::find(QStringView token)
{
    if (!Tokens::hasShape(Tokens::Kind::Mfa, token))
        return std::nullopt;
    const QByteArray hash = Tokens::hash(token);
    auto rows = m_database.exec(QStringLiteral("SELECT token_hash, account_id, email, device, requested_device, ip,"
                                               " device_cookie_hash, methods, expires_at, failed_attempts"
                                               " FROM mfa_challenges WHERE token_hash = ?"),
                                {hash});
    if (!rows || !(*rows)->next())
        return std::nullopt;
    const QSqlQuery& q = **rows;
    MfaChallenge c;
    c.tokenHash = q.value(0).toByteArray();
    c.accountId = q.value(1).toString();
    c.email = q.value(2).toString();
    c.device = deviceFrom(q.value(3).toString().toUtf8());
    c.requestedDevice = q.value(4).toString();
    c.ip = q.value(5).toString();
    c.deviceCookieHash = q.value(6).toByteArray();
    c.methods = q.value(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.expiresAtMs = q.value(8).toLongLong();
    c.failedAttempts = q.value(9).toInt();
    (*rows)->finish();
    if (c.expiresAtMs <= m_clock.nowMs() || !Tokens::sameHash(c.tokenHash, hash)) {
        remove(c.tokenHash);
        return std::nullopt;
    }
    return c;
}

int MfaChallenges::recordWrongCode(const QByteArray& tokenHash)
{
    auto rows = m_database.exec(QStringLiteral("UPDATE mfa_challenges SET failed_attempts = failed_attempts + 1"
                                               " WHERE token_hash = ? RETURNING failed_attempts"),
                                {tokenHash});
    if (!rows || !(*rows)->next())
        return AuthPolicy::mfaMaxAttempts; // gone meanwhile: nothing more will pass
    const int failures = (*rows)->value(0).toInt();
    (*rows)->finish();
    return failures;
}

bool MfaChallenges::remove(const QByteArray& tokenHash)
{
    auto query = m_database.exec(QStringLiteral("DELETE FROM mfa_challenges WHERE token_hash = ?"), {tokenHash});
    if (!query)
        return false;
    const bool removed = (*query)->numRowsAffected() > 0;
    (*query)->finish();
    return removed;
}

void MfaChallenges::clear()
{
    (void)m_database.run(QStringLiteral("DELETE FROM mfa_challenges"));
}

void MfaChallenges::dropExpired()
{
    (void)m_database.run(QStringLiteral("DELETE FROM mfa_challenges WHERE expires_at <= ?"), {m_clock.nowMs()});
}

} // namespace mockd
