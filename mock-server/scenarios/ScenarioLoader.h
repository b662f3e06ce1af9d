#pragma once

#include "base/Expected.h"
#include "scenarios/Scenario.h"

#include <QHash>

namespace mockd {

// Reads scenario files. Problems are reported with the file and the JSON path
// ("household.json: accounts[0].devices[3].type: 'fridge' is not one of tv, phone, …").
// Full JSON Schema validation comes with mock-server/scenarios/schema.json.
class ScenarioLoader final
{
public:
    static inline const QString builtInHousehold = QStringLiteral(":/scenarios/household.json");

    static Expected<Scenario, QString> loadFile(const QString& path);
    static Expected<Scenario, QString> parse(const QByteArray& json, const QString& source);

    // Hashes every account password and recovery code (argon2id), reusing hashes of passwords and
    // code sets seen before, so a reset or reload does not pay for hashing again.
    Expected<Ok, QString> hashPasswords(Scenario& scenario);

private:
    QHash<QByteArray, QString> m_hashCache;                 // SHA-256 of the password → argon2id hash
    QHash<QByteArray, QList<RecoveryCode>> m_recoveryCache; // SHA-256 of account id + codes → hashed codes
};

} // namespace mockd
