#pragma once

#include "base/Expected.h"
#include "scenarios/Scenario.h"

#include <QHash>

namespace mockd {

// Reads scenario files (format: schema.json next to this file). Problems are reported with the file
// and the JSON path ("household.json: accounts[0].devices[3].type: 'fridge' is not one of tv, phone, …").
// Reading never touches a running service: callers swap the result in only when it loaded.
class ScenarioLoader final
{
public:
    static inline const QString builtInHousehold = QStringLiteral(":/scenarios/household.json");

    // The scenarios compiled into vigil-mockd, by name ("household", "compromised", …).
    static QStringList shippedNames();
    // A shipped name becomes its resource path; anything else is taken as a file path.
    static QString resolve(const QString& nameOrPath);

    static Expected<Scenario, ScenarioError> loadFile(const QString& path);
    static Expected<Scenario, ScenarioError> parse(const QByteArray& json, const QString& source);

    // Hashes every account password and recovery code (argon2id), reusing hashes of passwords and
    // code sets seen before, so a reset or reload does not pay for hashing again.
    Expected<Ok, QString> hashPasswords(Scenario& scenario);

private:
    QHash<QByteArray, QString> m_hashCache;                 // SHA-256 of the password → argon2id hash
    QHash<QByteArray, QList<RecoveryCode>> m_recoveryCache; // SHA-256 of account id + codes → hashed codes
};

} // namespace mockd
