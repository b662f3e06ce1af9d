#include "scenarios/ScenarioLoader.h"

#include "auth/PasswordHasher.h"
#include "auth/StepUp.h"
#include "base/TimeFormat.h"
#include "scenarios/ScenarioAccountReader.h"
#include "scenarios/ScenarioReader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace mockd {

namespace {

constexpr int maxSimulatedDevices = 200;

void readFaults(ScenarioReader& r, const QJsonObject& root, Scenario& scenario)
{
    const QJsonArray faults = r.array(root, {}, QStringLiteral("faults"));
    for (qsizetype i = 0; i < faults.size() && r.ok(); ++i) {
        const QString where = QStringLiteral("faults[%1]").arg(i);
        const QJsonObject json = r.object(faults.at(i), where);
        if (!r.ok())
            return;
        auto rule = FaultRule::fromJson(json);
        if (!rule) {
            const ApiError& error = rule.error();
            QString message = error.message;
            if (message.endsWith(QLatin1Char('.')))
                message.chop(1);
            // FieldReader messages start with the field name, which the path already carries.
            if (!error.field.isEmpty() && message.startsWith(error.field + QLatin1Char(' ')))
                message = message.mid(error.field.size() + 1);
            r.fail(error.field.isEmpty() ? where : where + QLatin1Char('.') + error.field, message);
            return;
        }
        scenario.faults.append(*rule);
    }
}

void readSimulator(ScenarioReader& r, const QJsonObject& root, Scenario& scenario)
{
    if (!root.contains(QStringLiteral("simulator")))
        return;
    const QString where = QStringLiteral("simulator");
    const QJsonObject json = r.child(root, {}, where);
    r.knownKeys(json, where, {QStringLiteral("account"), QStringLiteral("devices"), QStringLiteral("profile")});
    ScenarioSimulator simulator;
    simulator.account = r.string(json, where, QStringLiteral("account"), false);
    if (!simulator.account.isEmpty() && r.ok() && !scenario.account(simulator.account))
        r.fail(where + QStringLiteral(".account"),
               QStringLiteral("'%1' is not an account of this scenario").arg(simulator.account));
    simulator.devices =
        r.integer(json, where, QStringLiteral("devices"), 1, maxSimulatedDevices).value_or(simulator.devices);
    const QString profile = r.string(json, where, QStringLiteral("profile"), false);
    if (!profile.isEmpty()) {
        r.oneOf(profile, ScenarioAccountReader::simulatorProfiles(), where + QStringLiteral(".profile"));
        simulator.profile = profile;
    }
    scenario.simulator = simulator;
}

void readClock(ScenarioReader& r, const QJsonObject& root, Scenario& scenario)
{
    if (!root.contains(QStringLiteral("clock")))
        return;
    const QString where = QStringLiteral("clock");
    const QJsonObject json = r.child(root, {}, where);
    r.knownKeys(json, where, {QStringLiteral("now"), QStringLiteral("moved")});
    const QString now = r.string(json, where, QStringLiteral("now"), true);
    (void)r.boolean(json, where, QStringLiteral("moved"), false);
    if (!r.ok())
        return;
    scenario.clockMs = TimeFormat::parseRfc3339(now);
    if (!scenario.clockMs)
        r.fail(where + QStringLiteral(".now"), QStringLiteral("'%1' is not an RFC 3339 time").arg(now));
}

} // namespace

QStringList ScenarioLoader::shippedNames()
{
    QStringList names;
    const QStringList files = QDir(QStringLiteral(":/scenarios")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString& file : files) {
        if (file != QLatin1String("schema.json"))
            names.append(file.chopped(5));
    }
    return names;
}

QString ScenarioLoader::resolve(const QString& nameOrPath)
{
    if (!nameOrPath.isEmpty() && !QFileInfo::exists(nameOrPath) && shippedNames().contains(nameOrPath))
        return QStringLiteral(":/scenarios/%1.json").arg(nameOrPath);
    return nameOrPath;
}

Expected<Scenario, ScenarioError> ScenarioLoader::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (!path.startsWith(QLatin1Char(':')) && !QFileInfo::exists(path))
            return unexpected(ScenarioError{path,
                                            {},
                                            QStringLiteral("no such file, and not a shipped scenario (one of %1)")
                                                .arg(shippedNames().join(QStringLiteral(", ")))});
        return unexpected(ScenarioError{path, {}, file.errorString()});
    }
    const QString source = path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).fileName();
    return parse(file.readAll(), source);
}

Expected<Scenario, ScenarioError> ScenarioLoader::parse(const QByteArray& json, const QString& source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return unexpected(ScenarioError{
            source,
            {},
            QStringLiteral("not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString())});
    ScenarioReader r(source);
    if (!document.isObject())
        r.fail(QStringLiteral("$"), QStringLiteral("must be an object"));
    const QJsonObject root = document.object();
    r.knownKeys(root,
                {},
                {QStringLiteral("$schema"),
                 QStringLiteral("name"),
                 QStringLiteral("description"),
                 QStringLiteral("accounts"),
                 QStringLiteral("faults"),
                 QStringLiteral("simulator"),
                 QStringLiteral("snapshot"),
                 QStringLiteral("clock"),
                 QStringLiteral("journal")});
    Scenario scenario;
    scenario.source = source;
    scenario.digest = QCryptographicHash::hash(json, QCryptographicHash::Sha256);
    scenario.document = json;
    scenario.name = r.string(root, {}, QStringLiteral("name"), true);
    if (r.ok() && scenario.name.trimmed().isEmpty())
        r.fail(QStringLiteral("name"), QStringLiteral("must not be empty"));
    scenario.description = r.string(root, {}, QStringLiteral("description"), false);
    if (r.ok() && !root.contains(QStringLiteral("accounts")))
        r.fail(QStringLiteral("accounts"), QStringLiteral("is required"));
    const QJsonArray accounts = r.array(root, {}, QStringLiteral("accounts"));
    if (r.ok() && accounts.isEmpty())
        r.fail(QStringLiteral("accounts"), QStringLiteral("must have at least one account"));
    QSet<QString> ids;
    QSet<QString> emails;
    for (qsizetype i = 0; i < accounts.size() && r.ok(); ++i) {
        const QString path = QStringLiteral("accounts[%1]").arg(i);
        ScenarioAccount account = ScenarioAccountReader::read(r, r.object(accounts.at(i), path), path);
        if (!r.ok())
            break;
        const QString email = account.account.email.trimmed().toLower();
        if (emails.contains(email))
            r.fail(path + QStringLiteral(".email"), QStringLiteral("'%1' is used by another account").arg(email));
        emails.insert(email);
        QStringList own{account.account.id};
        for (const Profile& profile : std::as_const(account.profiles))
            own.append(profile.id);
        for (const ScenarioDevice& device : std::as_const(account.devices))
            own.append(device.device.id);
        for (const QString& id : std::as_const(own)) {
            if (ids.contains(id))
                r.fail(path, QStringLiteral("the id '%1' is used twice").arg(id));
            ids.insert(id);
        }
        scenario.accounts.append(account);
    }
    if (r.ok())
        readFaults(r, root, scenario);
    if (r.ok())
        readSimulator(r, root, scenario);
    if (r.ok())
        readClock(r, root, scenario);
    // "snapshot" (when and where it was taken) and "journal" (the redacted requests before it) are
    // for the person reading the file; a restore does not replay them.
    if (r.ok() && root.contains(QStringLiteral("snapshot")))
        (void)r.child(root, {}, QStringLiteral("snapshot"));
    if (r.ok())
        (void)r.array(root, {}, QStringLiteral("journal"));
    if (!r.ok())
        return unexpected(r.error());
    return scenario;
}

Expected<Ok, QString> ScenarioLoader::hashPasswords(Scenario& scenario)
{
    for (ScenarioAccount& account : scenario.accounts) {
        if (!account.recoveryCodes.isEmpty()) {
            const QByteArray codesKey = QCryptographicHash::hash(
                (account.account.id + QLatin1Char('\n') + account.recoveryCodes.join(QLatin1Char('\n'))).toUtf8(),
                QCryptographicHash::Sha256);
            auto cached = m_recoveryCache.constFind(codesKey);
            if (cached == m_recoveryCache.constEnd()) {
                const QByteArray salt = StepUp::newRecoverySalt();
                QList<RecoveryCode> hashed;
                for (const QString& code : std::as_const(account.recoveryCodes)) {
                    const QByteArray hash = StepUp::recoveryCodeHash(salt, code);
                    if (hash.isEmpty())
                        return unexpected(QStringLiteral("%1: cannot hash a recovery code of %2")
                                              .arg(scenario.source, account.account.email));
                    hashed.append({account.account.id, salt, hash, 0});
                }
                cached = m_recoveryCache.insert(codesKey, hashed);
            }
            account.hashedRecoveryCodes = cached.value();
        }
        if (account.passwordHashed)
            continue; // a snapshot's account: the hash came with it
        const QByteArray key = QCryptographicHash::hash(account.password.toUtf8(), QCryptographicHash::Sha256);
        if (const auto cached = m_hashCache.constFind(key); cached != m_hashCache.constEnd()) {
            account.account.passwordHash = cached.value();
            continue;
        }
        const auto hashed = PasswordHasher::hash(account.password);
        if (!hashed)
            return unexpected(
                QStringLiteral("%1: cannot hash the password of %2").arg(scenario.source, account.account.email));
        account.account.passwordHash = QString::fromLatin1(*hashed);
        m_hashCache.insert(key, account.account.passwordHash);
    }
    return Ok{};
}

} // namespace mockd
