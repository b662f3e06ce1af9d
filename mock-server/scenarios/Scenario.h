#pragma once

#include "store/Records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace mockd {

// A scenario as read from its JSON file. Times are kept as written ("-3d" relative to the moment
// of seeding, or RFC 3339) and resolved when the scenario is seeded, so a demo always looks fresh.
struct ScenarioDevice
{
    Device device; // times not yet set
    QString firstSignIn;
    QString signedInAt;
    QString lastActive;
    bool signedIn = true;
    int sessions = 1; // sessions of a signed-in device (load scenarios: many sign-ins, one device)
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
};

struct Scenario
{
    QString name;
    QString description;
    QString source;    // file name or resource path, for messages
    QByteArray digest; // SHA-256 of the file, to notice a database seeded from another scenario
    QList<ScenarioAccount> accounts;
};

} // namespace mockd
