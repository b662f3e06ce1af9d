#include "scenarios/SnapshotWriter.h"

#include "base/Role.h"
#include "base/TimeFormat.h"
#include "store/SnapshotRows.h"
#include "store/Store.h"

#include <QSet>
#include <algorithm>
#include <limits>
#include <tuple>

namespace mockd::SnapshotWriter {

namespace {

QString time(qint64 ms)
{
    return TimeFormat::toRfc3339Ms(ms);
}

// Only the fields that say something: a restore reads an absent one as its default.
void insertIf(QJsonObject& o, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        o.insert(key, value);
}

void insertTimeIf(QJsonObject& o, const QString& key, qint64 ms)
{
    if (ms != 0)
        o.insert(key, time(ms));
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex());
}

QJsonObject device(const Device& d, const QSet<QString>& profiles)
{
    QJsonObject o{{QStringLiteral("id"), d.id},
                  {QStringLiteral("name"), d.name},
                  {QStringLiteral("type"), d.type},
                  {QStringLiteral("first_sign_in"), time(d.firstSignInMs)},
                  {QStringLiteral("last_active"), time(d.lastActiveMs)},
                  {QStringLiteral("status"), d.status},
                  // Its sessions follow in the account's "sessions", exactly as they were.
                  {QStringLiteral("signed_in"), false}};
    insertIf(o, QStringLiteral("os"), d.os);
    insertIf(o, QStringLiteral("os_version"), d.osVersion);
    insertIf(o, QStringLiteral("app"), d.app);
    insertIf(o, QStringLiteral("app_version"), d.appVersion);
    insertIf(o, QStringLiteral("ip"), d.ip);
    insertIf(o, QStringLiteral("status_title"), d.statusTitle);
    if (profiles.contains(d.lastProfileId))
        o.insert(QStringLiteral("last_profile"), d.lastProfileId);
    QJsonObject location;
    insertIf(location, QStringLiteral("city"), d.city);
    insertIf(location, QStringLiteral("region"), d.region);
    insertIf(location, QStringLiteral("country"), d.country);
    insertIf(location, QStringLiteral("country_code"), d.countryCode);
    if (d.latitude)
        location.insert(QStringLiteral("latitude"), *d.latitude);
    if (d.longitude)
        location.insert(QStringLiteral("longitude"), *d.longitude);
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    return o;
}

QJsonObject session(const Session& s, const SnapshotRows::Tokens& tokens, const Store& store)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("device"), s.deviceId},
                  {QStringLiteral("issued_at"), time(s.issuedAtMs)},
                  {QStringLiteral("expires_at"), time(s.expiresAtMs)},
                  {QStringLiteral("auth_method"), s.authMethod},
                  {QStringLiteral("last_seen_at"), time(s.lastSeenAtMs)}};
    insertIf(o, QStringLiteral("ip"), s.ip);
    insertTimeIf(o, QStringLiteral("revoked_at"), s.revokedAtMs);
    insertIf(o, QStringLiteral("revoked_reason"), s.revokedReason);
    const SessionTrust trust = store.sessionTrust().of(s.id);
    if (trust.agedMs != 0)
        o.insert(QStringLiteral("aged_ms"), double(trust.agedMs));
    insertTimeIf(o, QStringLiteral("confirmed_at"), trust.confirmedAtMs);
    insertIf(o, QStringLiteral("confirmed_by"), trust.confirmedBy);
    for (const GuestSession& guest : store.guests().all()) {
        if (guest.sessionId == s.id)
            o.insert(QStringLiteral("guest_until"), time(guest.untilMs));
    }
    QJsonArray access;
    for (const AccessToken& t : tokens.access)
        access.append(QJsonObject{{QStringLiteral("sha256"), hex(t.hash)},
                                  {QStringLiteral("issued_at"), time(t.issuedAtMs)},
                                  {QStringLiteral("expires_at"), time(t.expiresAtMs)}});
    QJsonArray refresh;
    for (const RefreshToken& t : tokens.refresh) {
        QJsonObject token{{QStringLiteral("sha256"), hex(t.hash)},
                          {QStringLiteral("issued_at"), time(t.issuedAtMs)},
                          {QStringLiteral("expires_at"), time(t.expiresAtMs)}};
        insertTimeIf(token, QStringLiteral("rotated_at"), t.rotatedAtMs);
        refresh.append(token);
    }
    o.insert(QStringLiteral("access_tokens"), access);
    o.insert(QStringLiteral("refresh_tokens"), refresh);
    return o;
}

QJsonArray audit(const Store& store, const QString& accountId, const QSet<QString>& devices)
{
    static const QSet<QString> actors{
        QStringLiteral("holder"), QStringLiteral("support"), QStringLiteral("system"), QStringLiteral("anonymous")};
    QList<AuditEntry> entries =
        store.audit().page(accountId, 0, std::numeric_limits<qint64>::max(), 0, 0, std::numeric_limits<int>::max());
    std::reverse(entries.begin(), entries.end()); // oldest first, as a restore appends them
    QJsonArray out;
    for (const AuditEntry& e : std::as_const(entries)) {
        QJsonObject o{{QStringLiteral("at"), time(e.atMs)},
                      {QStringLiteral("type"), e.type},
                      {QStringLiteral("actor"), actors.contains(e.actor) ? e.actor : QStringLiteral("system")}};
        if (devices.contains(e.deviceId))
            o.insert(QStringLiteral("device"), e.deviceId);
        insertIf(o, QStringLiteral("ip"), e.ip);
        if (!e.details.isEmpty())
            o.insert(QStringLiteral("details"), e.details);
        out.append(o);
    }
    return out;
}

QJsonObject account(const Account& a,
                    Store& store,
                    const QHash<QString, SnapshotRows::Tokens>& tokens,
                    const QList<SnapshotRows::Cookie>& cookies)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("email"), a.email},
                  {QStringLiteral("password_hash"), a.passwordHash},
                  {QStringLiteral("display_name"), a.displayName},
                  {QStringLiteral("role"), roleName(a.role)},
                  {QStringLiteral("created_at"), time(a.createdAtMs)},
                  {QStringLiteral("phone_verified"), a.phoneVerified},
                  {QStringLiteral("email_verified"), a.emailVerified},
                  {QStringLiteral("two_step"),
                   QJsonObject{{QStringLiteral("sms"), a.smsTwoStep}, {QStringLiteral("totp_withheld"), a.hasTotp()}}}};
    insertIf(o, QStringLiteral("phone"), a.phone);
    insertTimeIf(o, QStringLiteral("not_before"), a.notBeforeMs);
    if (a.autoSignOutDays > 0)
        o.insert(QStringLiteral("auto_sign_out_days"), a.autoSignOutDays);
    const QList<RecoveryCode> codes = store.accounts().recoveryCodes(a.id);
    if (!codes.isEmpty()) {
        QJsonArray list;
        for (const RecoveryCode& code : codes) {
            QJsonObject c{{QStringLiteral("hash"), hex(code.hash)}};
            insertTimeIf(c, QStringLiteral("used_at"), code.usedAtMs);
            list.append(c);
        }
        o.insert(QStringLiteral("recovery_code_hashes"),
                 QJsonObject{{QStringLiteral("salt"), hex(codes.constFirst().salt)}, {QStringLiteral("codes"), list}});
    }
    QJsonArray profiles;
    QSet<QString> profileIds;
    for (const Profile& p : store.accounts().profiles(a.id)) {
        QJsonObject profile{
            {QStringLiteral("id"), p.id}, {QStringLiteral("name"), p.name}, {QStringLiteral("kind"), p.kind}};
        insertIf(profile, QStringLiteral("avatar"), p.avatar);
        profiles.append(profile);
        profileIds.insert(p.id);
    }
    o.insert(QStringLiteral("profiles"), profiles);
    QJsonArray devices;
    QSet<QString> deviceIds;
    for (const Device* d : store.devices().forAccount(a.id)) {
        devices.append(device(*d, profileIds));
        deviceIds.insert(d->id);
    }
    o.insert(QStringLiteral("devices"), devices);
    QJsonArray sessions;
    for (const Session* s : store.sessions().forAccount(a.id)) {
        if (deviceIds.contains(s->deviceId))
            sessions.append(session(*s, tokens.value(s->id), store));
    }
    o.insert(QStringLiteral("sessions"), sessions);
    QJsonArray deviceCookies;
    for (const SnapshotRows::Cookie& c : cookies)
        deviceCookies.append(QJsonObject{{QStringLiteral("sha256"), hex(c.cookie.hash)},
                                         {QStringLiteral("issued_at"), time(c.cookie.issuedAtMs)},
                                         {QStringLiteral("expires_at"), time(c.cookie.expiresAtMs)},
                                         {QStringLiteral("established"), c.established}});
    if (!deviceCookies.isEmpty())
        o.insert(QStringLiteral("device_cookies"), deviceCookies);
    o.insert(QStringLiteral("audit"), audit(store, a.id, deviceIds));
    return o;
}

} // namespace

QJsonObject faultForScenario(const QJsonObject& listed)
{
    QJsonObject rule;
    for (const QString& key : {QStringLiteral("match"), QStringLiteral("action"), QStringLiteral("probability")}) {
        QJsonValue value = listed.value(key);
        if (value.isObject()) {
            QJsonObject object = value.toObject();
            for (const QString& field : object.keys()) {
                if (object.value(field).isNull())
                    object.remove(field);
            }
            value = object;
        }
        rule.insert(key, value);
    }
    const QJsonValue remaining = listed.value(QStringLiteral("remaining"));
    if (remaining.isDouble())
        rule.insert(QStringLiteral("times"), remaining);
    const QJsonValue seed = listed.value(QStringLiteral("seed"));
    if (seed.isDouble())
        rule.insert(QStringLiteral("seed"), seed);
    return rule;
}

Expected<QJsonObject, QString> write(Store& store, const Moment& moment)
{
    SnapshotRows rows(store.database());
    const auto tokens = rows.tokens();
    if (!tokens)
        return unexpected(tokens.error());
    const auto cookies = rows.cookies();
    if (!cookies)
        return unexpected(cookies.error());
    QJsonArray accounts;
    // Oldest account first, as in the scenario it came from (the simulator's default is the first).
    QList<const Account*> all = store.accounts().all();
    std::sort(all.begin(), all.end(), [](const Account* a, const Account* b) {
        return std::tie(a->createdAtMs, a->id) < std::tie(b->createdAtMs, b->id);
    });
    for (const Account* a : std::as_const(all))
        accounts.append(account(*a, store, *tokens, cookies->value(a->id)));
    QJsonArray faults;
    for (const auto& listed : moment.faults) {
        const QJsonObject rule = faultForScenario(listed.toObject());
        // A rule used up (times reached) is gone from the injector; one with nothing left is not in force.
        if (rule.value(QStringLiteral("times")).toDouble(1) >= 1)
            faults.append(rule);
    }
    const QString taken = time(moment.nowMs);
    return QJsonObject{
        {QStringLiteral("name"), QStringLiteral("snapshot")},
        {QStringLiteral("description"),
         QStringLiteral("The state of vigil-mockd (scenario %1) at %2, as POST /__admin/snapshot took it.")
             .arg(moment.scenario, taken)},
        {QStringLiteral("snapshot"),
         QJsonObject{{QStringLiteral("taken_at"), taken},
                     {QStringLiteral("scenario"), moment.scenario},
                     {QStringLiteral("version"), QStringLiteral(VIGIL_VERSION)}}},
        {QStringLiteral("clock"), QJsonObject{{QStringLiteral("now"), taken}, {QStringLiteral("moved"), moment.moved}}},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("faults"), faults},
        {QStringLiteral("journal"), moment.journal},
    };
}

} // namespace mockd::SnapshotWriter
