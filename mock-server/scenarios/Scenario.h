#pragma once

#include "faults/FaultRule.h"
#include "store/DeviceCookieStore.h"
#include "store/Records.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

// A scenario as read from its JSON file (the format is documented by schema.json next to this
// file). Times are kept as written ("-3d" relative to the moment of seeding, or RFC 3339) and
// resolved when the scenario is seeded, so a demo always looks fresh.

// One past sign-in of a device, shown by GET /v1/devices/{id}/history.
struct ScenarioSignIn
{
    QString at;
    QString ip;
    QString method = QStringLiteral("password");
    bool success = true;
};

struct ScenarioDevice
{
    Device device; // times not yet set
    QString firstSignIn;
    QString signedInAt;
    QString lastActive;
    bool signedIn = true;
    int sessions = 1; // sessions of a signed-in device (load scenarios: many sign-ins, one device)
    QList<ScenarioSignIn> history;
};

// Any other line of the account's security history (sign-outs, password changes, …).
struct ScenarioAuditEntry
{
    QString at;
    QString type;
    QString actor = QStringLiteral("holder");
    QString deviceId;
    QString ip;
    QJsonObject details;
};

// A session restored from a snapshot exactly as it was: its tokens by hash, so whoever held them
// is still signed in (and a revoked or rotated one is still refused), never the tokens themselves.
struct ScenarioSession
{
    Session session;
    QList<AccessToken> access;
    QList<RefreshToken> refresh;
    qint64 agedMs = 0;
    qint64 confirmedAtMs = 0;
    QString confirmedBy;
    qint64 guestUntilMs = 0; // 0: not a guest
};

// A device cookie restored from a snapshot, by hash.
struct ScenarioDeviceCookie
{
    DeviceCookie cookie;
    bool established = false;
};

struct ScenarioAccount
{
    Account account; // passwordHash filled by ScenarioLoader::hashPasswords()
    QString password;
    QStringList recoveryCodes;               // canonical form (lower case, no dashes), plaintext as in the file
    QList<RecoveryCode> hashedRecoveryCodes; // filled by ScenarioLoader::hashPasswords()
    QString createdAt;
    QList<Profile> profiles;
    QList<ScenarioDevice> devices;
    QList<ScenarioAuditEntry> audit;
    int throttleFailures = 0; // consecutive failed sign-ins just before seeding ("locked-out")
    // A device cookie (vdc_…) of a computer that signed in before and is established: a sign-in
    // presenting it is established at once (the demo's own computer; vigil --demo sends it).
    QString establishedDeviceCookie;

    // What only a snapshot carries (absent from hand-written scenarios).
    bool passwordHashed = false;               // account.passwordHash came from the file
    bool totpWithheld = false;                 // an authenticator app was set up; a new secret is drawn
    QList<RecoveryCode> snapshotRecoveryCodes; // as stored: salt, hash, when used
    QList<ScenarioSession> sessions;
    QList<ScenarioDeviceCookie> deviceCookies;
};

// The simulated devices POST /__admin/simulator {"action":"start"} runs when the request names none.
struct ScenarioSimulator
{
    QString account; // email; empty: the first account
    int devices = 3;
    QString profile = QStringLiteral("steady");
};

struct Scenario
{
    QString name;
    QString description;
    QString source;    // file name or resource path, for messages
    QByteArray digest; // SHA-256 of the file, to notice a database seeded from another scenario
    // The file itself, kept in the database by the seeder: another instance on the same database
    // takes the scenario from there when this one loads it.
    QByteArray document;
    QList<ScenarioAccount> accounts;
    QList<FaultRule> faults;
    std::optional<ScenarioSimulator> simulator;
    // A snapshot's clock: the service time it was taken at, where a restore sets the clock.
    std::optional<qint64> clockMs;

    const ScenarioAccount* account(const QString& email) const;
};

// Why a scenario was refused: the file, the JSON path ("accounts[2].devices[5].type") and what is wrong.
struct ScenarioError
{
    QString source;
    QString path; // empty when the file as a whole is the problem (unreadable, not JSON)
    QString message;

    // "household.json: accounts[2].devices[5].type: 'fridge' is not one of tv, phone, …"
    QString text() const;
    // The same without the file, for the admin API where the body is the file.
    QString withoutSource() const;
};

} // namespace mockd
