#include "base/Clock.h"
#include "scenarios/ScenarioLoader.h"
#include "scenarios/ScenarioSeeder.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace mockd;

class TestStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFileDatabaseUsesWalAndTheLatestSchema()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = Store::open(dir.filePath(QStringLiteral("a.sqlite")));
        QVERIFY2(store.hasValue(), store.hasValue() ? "" : qPrintable(store.error()));
        QCOMPARE((*store)->database().journalMode(), QStringLiteral("wal"));
        auto version = (*store)->database().exec(QStringLiteral("SELECT MAX(version) FROM schema_version"));
        QVERIFY(version.hasValue() && (*version)->next());
        QCOMPARE((*version)->value(0).toInt(), Migrations::latestVersion());
        (*version)->finish();
        QVERIFY((*store)->isEmpty());
    }

    // The database holds password and token hashes: other local users may not read it, nor its
    // write-ahead log (where the newest rows are) or shared-memory index, whatever the umask.
    void theFilesAreForTheOwnerOnly()
    {
#ifdef Q_OS_UNIX
        const mode_t previous = ::umask(022);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("private.sqlite"));
        {
            auto store = Store::open(path);
            ::umask(previous);
            QVERIFY2(store.hasValue(), store.hasValue() ? "" : qPrintable(store.error()));
            for (const char* suffix : {"", "-wal", "-shm"}) {
                struct stat info
                {};
                const QByteArray file = QFile::encodeName(path + QLatin1String(suffix));
                QVERIFY2(::stat(file.constData(), &info) == 0, file.constData());
                QVERIFY2((info.st_mode & 0777) == 0600,
                         qPrintable(
                             QStringLiteral("%1 is %2").arg(QString::fromLatin1(file)).arg(info.st_mode & 0777, 0, 8)));
            }
        }
        // A file made readable by someone else is closed again on the next start.
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        auto again = Store::open(path);
        QVERIFY(again.hasValue());
        struct stat info
        {};
        QVERIFY(::stat(QFile::encodeName(path).constData(), &info) == 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
#endif
    }

    void migrationsRunOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("b.sqlite"));
        {
            auto first = Store::open(path);
            QVERIFY(first.hasValue());
        }
        auto database = Database::open(path);
        QVERIFY(database.hasValue());
        const auto before = Migrations::apply(**database);
        QVERIFY(before.hasValue());
        QCOMPARE(*before, Migrations::latestVersion());
    }

    void theHouseholdScenarioSeedsAndSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.sqlite"));
        Clock clock;
        ScenarioLoader loader;
        auto scenario = ScenarioLoader::loadFile(ScenarioLoader::builtInHousehold);
        QVERIFY2(scenario.hasValue(), scenario.hasValue() ? "" : qPrintable(scenario.error().text()));
        QVERIFY(loader.hashPasswords(*scenario).hasValue());
        {
            auto store = Store::open(path);
            QVERIFY(store.hasValue());
            ScenarioSeeder seeder(**store, clock);
            const auto seeded = seeder.seed(*scenario);
            QVERIFY2(seeded.hasValue(), seeded.hasValue() ? "" : qPrintable(seeded.error()));
        }
        auto reopened = Store::open(path);
        QVERIFY(reopened.hasValue());
        Store& store = **reopened;
        const Account* demo = store.accounts().byEmail(QStringLiteral("  Demo@Vigil.TEST "));
        QVERIFY(demo);
        QCOMPARE(demo->displayName, QStringLiteral("Demo Household"));
        QVERIFY(!demo->hasTotp());
        QCOMPARE(store.accounts().profilesCount(demo->id), 4);
        const auto devices = store.devices().forAccount(demo->id);
        QCOMPARE(devices.size(), 12);
        QSet<QString> countries;
        for (const Device* device : devices) {
            QVERIFY2(Device::types().contains(device->type), qPrintable(device->id));
            countries.insert(device->countryCode);
        }
        QVERIFY(countries.size() >= 5);
        QCOMPARE(store.sessions().forAccount(demo->id).size(), 12);
        const Account* twoStep = store.accounts().byEmail(QStringLiteral("twostep@vigil.test"));
        QVERIFY(twoStep && twoStep->hasTotp());
        QCOMPARE(twoStep->totpSecret, QStringLiteral("JBSWY3DPEHPK3PXP"));
        QVERIFY(store.audit().count() >= 14);
    }

    void revocationIsWrittenThrough()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.sqlite"));
        QString sessionId;
        {
            auto store = Store::open(path);
            QVERIFY(store.hasValue());
            Account account;
            account.id = QStringLiteral("acc_x");
            account.email = QStringLiteral("x@vigil.test");
            account.displayName = QStringLiteral("X");
            account.passwordHash = QStringLiteral("$argon2id$placeholder");
            QVERIFY((*store)->accounts().insert(account).hasValue());
            Device device;
            device.id = QStringLiteral("dev_x");
            device.accountId = account.id;
            device.name = QStringLiteral("TV");
            device.type = QStringLiteral("tv");
            QVERIFY((*store)->devices().save(device).hasValue());
            Session session;
            session.id = sessionId = QStringLiteral("ses_x");
            session.accountId = account.id;
            session.deviceId = device.id;
            session.issuedAtMs = 1000;
            session.expiresAtMs = 2000;
            session.authMethod = QStringLiteral("password");
            const AccessToken access{QByteArray(32, 'a'), session.id, 1000, 1300};
            const RefreshToken refresh{QByteArray(32, 'r'), session.id, 1000, 2000, 0};
            QVERIFY((*store)->sessions().create(session, access, refresh).hasValue());
            QVERIFY((*store)->sessions().revoke(session.id, 1500, QStringLiteral("sign_out")).hasValue());
            // Renaming the device must not touch its sessions (an upsert, not a replace).
            device.name = QStringLiteral("Living Room TV");
            QVERIFY((*store)->devices().save(device).hasValue());
        }
        auto reopened = Store::open(path);
        QVERIFY(reopened.hasValue());
        const Session* session = (*reopened)->sessions().session(sessionId);
        QVERIFY(session);
        QCOMPARE(session->revokedAtMs, 1500);
        QCOMPARE(session->revokedReason, QStringLiteral("sign_out"));
        QVERIFY((*reopened)->sessions().access(QByteArray(32, 'a')));
        QCOMPARE((*reopened)->devices().byId(QStringLiteral("dev_x"))->name, QStringLiteral("Living Room TV"));
    }

    void findSameIsTheAccountsFirstDeviceDescribedSoAfterRenames()
    {
        auto store = Store::open(QStringLiteral(":memory:"));
        QVERIFY(store.hasValue());
        DeviceStore& devices = (*store)->devices();
        Account account;
        account.id = QStringLiteral("acc_s");
        account.email = QStringLiteral("s@vigil.test");
        account.displayName = QStringLiteral("S");
        account.passwordHash = QStringLiteral("$argon2id$placeholder");
        QVERIFY((*store)->accounts().insert(account).hasValue());
        const auto device = [&account](const char* id, const char* name) {
            Device d;
            d.id = QString::fromLatin1(id);
            d.accountId = account.id;
            d.name = QString::fromLatin1(name);
            d.type = QStringLiteral("phone");
            d.os = QStringLiteral("Android");
            d.app = QStringLiteral("Vigil");
            return d;
        };
        Device first = device("dev_1", "Phone");
        QVERIFY(devices.save(first).hasValue());
        QVERIFY(devices.save(device("dev_2", "Tablet")).hasValue());
        QVERIFY(devices.save(device("dev_3", "Phone")).hasValue());
        QCOMPARE(devices.findSame(account.id, device("", "Phone"))->id, QStringLiteral("dev_1"));
        QVERIFY(!devices.findSame(account.id, device("", "Laptop")));
        QVERIFY(!devices.findSame(QStringLiteral("acc_other"), device("", "Phone")));

        // Renamed away, the next one described so is found; renamed back, the first again.
        first.name = QStringLiteral("Old Phone");
        QVERIFY(devices.save(first).hasValue());
        QCOMPARE(devices.findSame(account.id, device("", "Phone"))->id, QStringLiteral("dev_3"));
        QCOMPARE(devices.findSame(account.id, device("", "Old Phone"))->id, QStringLiteral("dev_1"));
        first.name = QStringLiteral("Phone");
        QVERIFY(devices.save(first).hasValue());
        QCOMPARE(devices.findSame(account.id, device("", "Phone"))->id, QStringLiteral("dev_1"));
        QVERIFY(!devices.findSame(account.id, device("", "Old Phone")));
        Device tablet = device("dev_2", "Tablet");
        tablet.name = QStringLiteral("Phone"); // the account's second device, now a "Phone" too
        QVERIFY(devices.save(tablet).hasValue());
        QCOMPARE(devices.findSame(account.id, device("", "Phone"))->id, QStringLiteral("dev_1"));
        first.name = QStringLiteral("Mine");
        QVERIFY(devices.save(first).hasValue());
        QCOMPARE(devices.findSame(account.id, device("", "Phone"))->id, QStringLiteral("dev_2"));
    }

    void wipeEmptiesEverything()
    {
        auto store = Store::open(QStringLiteral(":memory:"));
        QVERIFY(store.hasValue());
        Clock clock;
        ScenarioLoader loader;
        auto scenario = ScenarioLoader::loadFile(ScenarioLoader::builtInHousehold);
        QVERIFY(scenario.hasValue() && loader.hashPasswords(*scenario).hasValue());
        QVERIFY(ScenarioSeeder(**store, clock).seed(*scenario).hasValue());
        QVERIFY(!(*store)->isEmpty());
        QVERIFY((*store)->wipe().hasValue());
        QVERIFY((*store)->isEmpty());
        QCOMPARE((*store)->audit().count(), 0);
        QVERIFY((*store)->reload().hasValue());
        QVERIFY((*store)->isEmpty());
    }

    void deviceCookiesAreReplacedAndBoundedPerAccount()
    {
        auto store = Store::open(QStringLiteral(":memory:"));
        QVERIFY(store.hasValue());
        Clock clock;
        ScenarioLoader loader;
        auto scenario = ScenarioLoader::loadFile(ScenarioLoader::builtInHousehold);
        QVERIFY(scenario.hasValue() && loader.hashPasswords(*scenario).hasValue());
        QVERIFY(ScenarioSeeder(**store, clock).seed(*scenario).hasValue());
        const QString account = (*store)->accounts().byEmail(QStringLiteral("demo@vigil.test"))->id;
        DeviceCookieStore& cookies = (*store)->deviceCookies();
        const auto hashOf = [](int i) {
            return QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
        };
        // Sign-ins without a cookie each add one; the oldest go beyond the bound. The scenario's
        // established computer already holds one (issued at seeding, the newest), so 19 of these stay.
        for (int i = 0; i < 25; ++i)
            QVERIFY(cookies.issue({hashOf(i), account, 1000 + i, 1'000'000}, {}, 20).hasValue());
        QVERIFY(!cookies.byHash(hashOf(5)));
        QVERIFY(cookies.byHash(hashOf(6)));
        QCOMPARE(cookies.byHash(hashOf(24))->accountId, account);
        // A sign-in with a cookie replaces it.
        QVERIFY(cookies.issue({hashOf(100), account, 2000, 1'000'000}, hashOf(24), 20).hasValue());
        QVERIFY(!cookies.byHash(hashOf(24)));
        QVERIFY(cookies.byHash(hashOf(100)));
        QVERIFY(cookies.byHash(hashOf(6)));
        // Expired ones are pruned.
        QVERIFY(cookies.issue({hashOf(200), account, 3000, 5000}, {}, 20).hasValue());
        QVERIFY(cookies.pruneExpired(5000).hasValue());
        QVERIFY(!cookies.byHash(hashOf(200)));
        QVERIFY(cookies.byHash(hashOf(100)));
    }

    void brokenScenariosNameTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("x.json: not valid JSON");
        QTest::newRow("bad type") << QByteArray(R"({"name":"x","accounts":[{"id":"a","email":"a@b","password":"p",
            "display_name":"A","devices":[{"id":"d","name":"D","type":"fridge","first_sign_in":"-1d",
            "last_active":"-1h"}]}]})")
                                  << QStringLiteral("x.json: accounts[0].devices[0].type: 'fridge' is not one of tv");
        QTest::newRow("missing email") << QByteArray(R"({"name":"x","accounts":[{"id":"a","password":"p",
            "display_name":"A"}]})") << QStringLiteral("x.json: accounts[0].email: is required");
        QTest::newRow("bad time") << QByteArray(R"({"name":"x","accounts":[{"id":"a","email":"a@b","password":"p",
            "display_name":"A","devices":[{"id":"d","name":"D","type":"tv","first_sign_in":"yesterday",
            "last_active":"-1h"}]}]})")
                                  << QStringLiteral("x.json: accounts[0].devices[0].first_sign_in:");
        QTest::newRow("unknown profile") << QByteArray(R"({"name":"x","accounts":[{"id":"a","email":"a@b",
            "password":"p","display_name":"A","devices":[{"id":"d","name":"D","type":"tv","first_sign_in":"-1d",
            "last_active":"-1h","last_profile":"prf_nobody"}]}]})")
                                         << QStringLiteral("accounts[0].devices[0].last_profile");
    }

    void brokenScenariosNameTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const auto parsed = ScenarioLoader::parse(json, QStringLiteral("x.json"));
        QVERIFY(!parsed.hasValue());
        QVERIFY2(parsed.error().text().contains(expected), qPrintable(parsed.error().text()));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "mockd_store.moc"
