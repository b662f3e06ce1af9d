#pragma once

#include "base/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace mockd {

class Database;

// A FIDO2 / WebAuthn credential registered as a step-up method: only public data (the credential id
// and the COSE public key); the private key never leaves the authenticator.
struct SecurityKey
{
    QString id; // sk_…, what the routes name (the credential id is not shown)
    QString accountId;
    QByteArray credentialId;
    QString name;
    int algorithm = 0;    // COSE: -7 ES256, -8 EdDSA
    QByteArray publicKey; // the COSE_Key as the authenticator gave it
    quint32 signCount = 0;
    QString attestationFormat;
    qint64 createdAtMs = 0;
    qint64 lastUsedAtMs = 0; // 0: never
};

// Security keys in SQLite, read on demand: an account has a handful, asked for at step-up.
class SecurityKeyStore final
{
public:
    explicit SecurityKeyStore(Database& database);

    // Fails on a credential id that is registered already (the column is unique).
    Expected<Ok, QString> insert(const SecurityKey& key);
    // The account's keys, oldest first.
    QList<SecurityKey> ofAccount(const QString& accountId) const;
    qsizetype count(const QString& accountId) const;
    std::optional<SecurityKey> byId(const QString& accountId, const QString& id) const;
    // Whichever account holds it.
    std::optional<SecurityKey> byCredentialId(const QByteArray& credentialId) const;
    Expected<Ok, QString> rename(const QString& id, const QString& name);
    Expected<Ok, QString> recordUse(const QString& id, quint32 signCount, qint64 atMs);
    Expected<Ok, QString> remove(const QString& id);

    static QStringList migration();

private:
    QList<SecurityKey> many(const QString& where, const QVariant& value) const;

    Database& m_database;
};

} // namespace mockd
