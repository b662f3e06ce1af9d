#include "scenarios/SnapshotAccountReader.h"

#include "base/TimeFormat.h"
#include "scenarios/Scenario.h"
#include "scenarios/ScenarioReader.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace mockd::SnapshotAccountReader {

namespace {

constexpr int maxAutoSignOutDays = 3650;

QString at(const QString& path, const QString& key, qsizetype index)
{
    return QStringLiteral("%1.%2[%3]").arg(path, key).arg(index);
}

// An RFC 3339 time in milliseconds; 0 when absent and not required.
qint64 moment(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& key, bool required)
{
    const QString text = r.string(o, path, key, required);
    if (text.isEmpty())
        return 0;
    const auto ms = TimeFormat::parseRfc3339(text);
    if (!ms) {
        r.fail(ScenarioReader::join(path, key), QStringLiteral("'%1' is not an RFC 3339 time").arg(text));
        return 0;
    }
    return *ms;
}

// Hex of a hash or salt, as the snapshot writes them.
QByteArray hex(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& key, int bytes)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9a-f]+$"));
    const QString text = r.string(o, path, key, true);
    if (r.ok() && (text.size() != bytes * 2 || !shape.match(text).hasMatch()))
        r.fail(ScenarioReader::join(path, key), QStringLiteral("must be %1 lower-case hex digits").arg(bytes * 2));
    return QByteArray::fromHex(text.toLatin1());
}

void readRecoveryCodes(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    if (!o.contains(QStringLiteral("recovery_code_hashes")))
        return;
    const QString where = path + QStringLiteral(".recovery_code_hashes");
    const QJsonObject codes = r.child(o, path, QStringLiteral("recovery_code_hashes"));
    r.knownKeys(codes, where, {QStringLiteral("salt"), QStringLiteral("codes")});
    const QByteArray salt = hex(r, codes, where, QStringLiteral("salt"), 16);
    const QJsonArray list = r.array(codes, where, QStringLiteral("codes"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString item = at(where, QStringLiteral("codes"), i);
        const QJsonObject c = r.object(list.at(i), item);
        r.knownKeys(c, item, {QStringLiteral("hash"), QStringLiteral("used_at")});
        a.snapshotRecoveryCodes.append({a.account.id,
                                        salt,
                                        hex(r, c, item, QStringLiteral("hash"), 32),
                                        moment(r, c, item, QStringLiteral("used_at"), false)});
    }
}

QList<AccessToken> readAccess(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& sessionId)
{
    QList<AccessToken> tokens;
    const QJsonArray list = r.array(o, path, QStringLiteral("access_tokens"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString item = at(path, QStringLiteral("access_tokens"), i);
        const QJsonObject t = r.object(list.at(i), item);
        r.knownKeys(t, item, {QStringLiteral("sha256"), QStringLiteral("issued_at"), QStringLiteral("expires_at")});
        tokens.append({hex(r, t, item, QStringLiteral("sha256"), 32),
                       sessionId,
                       moment(r, t, item, QStringLiteral("issued_at"), true),
                       moment(r, t, item, QStringLiteral("expires_at"), true)});
    }
    return tokens;
}

QList<RefreshToken> readRefresh(ScenarioReader& r, const QJsonObject& o, const QString& path, const QString& sessionId)
{
    QList<RefreshToken> tokens;
    const QJsonArray list = r.array(o, path, QStringLiteral("refresh_tokens"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString item = at(path, QStringLiteral("refresh_tokens"), i);
        const QJsonObject t = r.object(list.at(i), item);
        r.knownKeys(t,
                    item,
                    {QStringLiteral("sha256"),
                     QStringLiteral("issued_at"),
                     QStringLiteral("expires_at"),
                     QStringLiteral("rotated_at")});
        tokens.append({hex(r, t, item, QStringLiteral("sha256"), 32),
                       sessionId,
                       moment(r, t, item, QStringLiteral("issued_at"), true),
                       moment(r, t, item, QStringLiteral("expires_at"), true),
                       moment(r, t, item, QStringLiteral("rotated_at"), false)});
    }
    return tokens;
}

void readSessions(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    QSet<QString> devices;
    for (const ScenarioDevice& device : std::as_const(a.devices))
        devices.insert(device.device.id);
    const QJsonArray list = r.array(o, path, QStringLiteral("sessions"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString where = at(path, QStringLiteral("sessions"), i);
        const QJsonObject s = r.object(list.at(i), where);
        r.knownKeys(s,
                    where,
                    {QStringLiteral("id"),
                     QStringLiteral("device"),
                     QStringLiteral("issued_at"),
                     QStringLiteral("expires_at"),
                     QStringLiteral("auth_method"),
                     QStringLiteral("ip"),
                     QStringLiteral("last_seen_at"),
                     QStringLiteral("revoked_at"),
                     QStringLiteral("revoked_reason"),
                     QStringLiteral("aged_ms"),
                     QStringLiteral("confirmed_at"),
                     QStringLiteral("confirmed_by"),
                     QStringLiteral("guest_until"),
                     QStringLiteral("access_tokens"),
                     QStringLiteral("refresh_tokens")});
        ScenarioSession restored;
        Session& session = restored.session;
        session.id = r.string(s, where, QStringLiteral("id"), true);
        session.accountId = a.account.id;
        session.deviceId = r.string(s, where, QStringLiteral("device"), true);
        if (r.ok() && !devices.contains(session.deviceId))
            r.fail(where + QStringLiteral(".device"),
                   QStringLiteral("'%1' is not a device of this account").arg(session.deviceId));
        session.issuedAtMs = moment(r, s, where, QStringLiteral("issued_at"), true);
        session.expiresAtMs = moment(r, s, where, QStringLiteral("expires_at"), true);
        session.authMethod = r.string(s, where, QStringLiteral("auth_method"), true);
        session.ip = r.string(s, where, QStringLiteral("ip"), false);
        session.lastSeenAtMs = moment(r, s, where, QStringLiteral("last_seen_at"), true);
        session.revokedAtMs = moment(r, s, where, QStringLiteral("revoked_at"), false);
        session.revokedReason = r.string(s, where, QStringLiteral("revoked_reason"), false);
        restored.agedMs =
            r.integer(s, where, QStringLiteral("aged_ms"), 0, std::numeric_limits<int>::max()).value_or(0);
        restored.confirmedAtMs = moment(r, s, where, QStringLiteral("confirmed_at"), false);
        restored.confirmedBy = r.string(s, where, QStringLiteral("confirmed_by"), false);
        restored.guestUntilMs = moment(r, s, where, QStringLiteral("guest_until"), false);
        restored.access = readAccess(r, s, where, session.id);
        restored.refresh = readRefresh(r, s, where, session.id);
        a.sessions.append(restored);
    }
}

void readCookies(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    const QJsonArray list = r.array(o, path, QStringLiteral("device_cookies"));
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        const QString where = at(path, QStringLiteral("device_cookies"), i);
        const QJsonObject c = r.object(list.at(i), where);
        r.knownKeys(c,
                    where,
                    {QStringLiteral("sha256"),
                     QStringLiteral("issued_at"),
                     QStringLiteral("expires_at"),
                     QStringLiteral("established")});
        ScenarioDeviceCookie cookie;
        cookie.cookie.hash = hex(r, c, where, QStringLiteral("sha256"), 32);
        cookie.cookie.accountId = a.account.id;
        cookie.cookie.issuedAtMs = moment(r, c, where, QStringLiteral("issued_at"), true);
        cookie.cookie.expiresAtMs = moment(r, c, where, QStringLiteral("expires_at"), true);
        cookie.established = r.boolean(c, where, QStringLiteral("established"), false);
        a.deviceCookies.append(cookie);
    }
}

} // namespace

const QStringList& keys()
{
    static const QStringList list{QStringLiteral("password_hash"),
                                  QStringLiteral("recovery_code_hashes"),
                                  QStringLiteral("not_before"),
                                  QStringLiteral("auto_sign_out_days"),
                                  QStringLiteral("sessions"),
                                  QStringLiteral("device_cookies")};
    return list;
}

void read(ScenarioReader& r, const QJsonObject& o, const QString& path, ScenarioAccount& a)
{
    const QString hash = r.string(o, path, QStringLiteral("password_hash"), false);
    if (!hash.isEmpty()) {
        if (!hash.startsWith(QLatin1String("$argon2id$")))
            r.fail(path + QStringLiteral(".password_hash"), QStringLiteral("is not an argon2id hash ($argon2id$…)"));
        a.account.passwordHash = hash;
        a.passwordHashed = true;
    }
    readRecoveryCodes(r, o, path, a);
    a.account.notBeforeMs = moment(r, o, path, QStringLiteral("not_before"), false);
    a.account.autoSignOutDays =
        r.integer(o, path, QStringLiteral("auto_sign_out_days"), 0, maxAutoSignOutDays).value_or(0);
    readSessions(r, o, path, a);
    readCookies(r, o, path, a);
}

} // namespace mockd::SnapshotAccountReader
