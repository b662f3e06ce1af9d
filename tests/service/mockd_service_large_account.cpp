#include "ServiceFixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

// The device list and the account's device count of a real vigil-mockd at a size where they can no
// longer be worked out per request: pages of a large account are complete, ordered and stable
// while devices sign in; GET /v1/me counts follow sign-ins and sign-outs; a device whose session
// runs out leaves the list even when nothing else changed.
class TestServiceLargeAccount final : public ServiceFixture
{
    Q_OBJECT

private:
    static constexpr int largeSize = 3000;
    static constexpr const char* email = "large@vigil.test";
    static constexpr const char* password = "large-account-2026";

    static QByteArray scenario()
    {
        QJsonArray devices;
        for (int i = 0; i < largeSize; ++i) {
            // Ten devices per first-sign-in time: the id breaks the tie, and not in creation order.
            devices.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("dev_large_%1").arg((i * 7919) % largeSize)},
                            {QStringLiteral("name"), QStringLiteral("TV %1").arg(i)},
                            {QStringLiteral("type"), i % 3 ? QStringLiteral("tv") : QStringLiteral("phone")},
                            {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
                            {QStringLiteral("first_sign_in"), QStringLiteral("-%1m").arg(10000 - i / 10)},
                            {QStringLiteral("last_active"), QStringLiteral("-1m")},
                            {QStringLiteral("status"), QStringLiteral("idle")}});
        }
        const QJsonObject account{{QStringLiteral("id"), QStringLiteral("acc_large")},
                                  {QStringLiteral("email"), QString::fromLatin1(email)},
                                  {QStringLiteral("password"), QString::fromLatin1(password)},
                                  {QStringLiteral("display_name"), QStringLiteral("Large")},
                                  {QStringLiteral("devices"), devices}};
        return QJsonDocument(QJsonObject{{QStringLiteral("name"), QStringLiteral("large-account")},
                                         {QStringLiteral("accounts"), QJsonArray{account}}})
            .toJson(QJsonDocument::Compact);
    }

    QString signIn(const QString& name)
    {
        return client()
            .login(QString::fromLatin1(email),
                   QString::fromLatin1(password),
                   {{QStringLiteral("name"), name}, {QStringLiteral("type"), QStringLiteral("computer")}})
            .access;
    }

    ServiceReply get(const QString& path, const QString& access)
    {
        return client().send("GET", path, {}, {{"Authorization", "Bearer " + access.toLatin1()}});
    }

    int devicesCount(const QString& access)
    {
        return get(QStringLiteral("/v1/me"), access).json().value(QStringLiteral("devices_count")).toInt(-1);
    }

    int listTotal(const QString& access)
    {
        return get(QStringLiteral("/v1/devices?limit=1"), access).json().value(QStringLiteral("total")).toInt(-1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("large.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(scenario()) > 0);
        file.close();
        QVERIFY(startService({QStringLiteral("--scenario"), path}, 60000));
    }

    void init() { QVERIFY(client().reset()); }

    void pagesAreCompleteOrderedAndStableWhileDevicesSignIn()
    {
        const QString access = signIn(QStringLiteral("Walker"));
        QVERIFY(!access.isEmpty());
        QCOMPARE(listTotal(access), largeSize + 1);

        QStringList walked;
        QList<QPair<QString, QString>> keys; // (first_sign_in, id): the order of the contract
        QString cursor;
        int pages = 0;
        int newcomers = 0;
        do {
            const ServiceReply page = get(QStringLiteral("/v1/devices?limit=700") +
                                              (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor),
                                          access);
            QCOMPARE(page.status, 200);
            for (const QJsonValue& value : page.json().value(QStringLiteral("devices")).toArray()) {
                const QJsonObject device = value.toObject();
                walked.append(device.value(QStringLiteral("id")).toString());
                keys.append({device.value(QStringLiteral("first_sign_in")).toString(), walked.constLast()});
            }
            cursor = page.json().value(QStringLiteral("next_cursor")).toString();
            // Between pages, a device signs in: it comes after every device there was.
            if (pages < 2 && !signIn(QStringLiteral("Newcomer %1").arg(pages)).isEmpty())
                ++newcomers;
            QVERIFY(++pages < 20);
        } while (!cursor.isEmpty());

        QCOMPARE(newcomers, 2);
        QCOMPARE(QSet<QString>(walked.begin(), walked.end()).size(), walked.size()); // no duplicates
        QCOMPARE(walked.size(), largeSize + 1 + newcomers);                          // no gaps
        for (int i = 0; i < largeSize; ++i)
            QVERIFY2(walked.contains(QStringLiteral("dev_large_%1").arg(i)), qPrintable(QString::number(i)));
        for (qsizetype i = 1; i < keys.size(); ++i) {
            // Times are whole seconds of one RFC 3339 format (they sort as text); within one
            // second the seeded devices, all on whole minutes, are ordered by id.
            const auto& [time, id] = keys[i];
            const auto& [previousTime, previousId] = keys[i - 1];
            QVERIFY2(previousTime <= time, qPrintable(previousId + QStringLiteral(" / ") + id));
            if (previousTime == time && id.startsWith(QLatin1String("dev_large_")))
                QVERIFY2(previousId < id, qPrintable(previousId + QStringLiteral(" / ") + id));
        }
    }

    void filteredTotalsCountEveryPage()
    {
        const QString access = signIn(QStringLiteral("Counter"));
        const ServiceReply phones = get(QStringLiteral("/v1/devices?type=phone&limit=10"), access);
        QCOMPARE(phones.json().value(QStringLiteral("total")).toInt(), largeSize / 3);
        const ServiceReply tvs = get(QStringLiteral("/v1/devices?type=tv&status=idle,offline&limit=10"), access);
        QCOMPARE(tvs.json().value(QStringLiteral("total")).toInt(), largeSize - largeSize / 3);
    }

    void meCountsFollowSignInsAndSignOuts()
    {
        const QString first = signIn(QStringLiteral("First"));
        QCOMPARE(devicesCount(first), largeSize + 1);
        const QString second = signIn(QStringLiteral("Second"));
        QCOMPARE(devicesCount(first), largeSize + 2);
        // The same device signing in again is still one device.
        const QString again = signIn(QStringLiteral("Second"));
        QCOMPARE(devicesCount(first), largeSize + 2);
        QCOMPARE(
            client()
                .send("POST", QStringLiteral("/v1/auth/logout"), {}, {{"Authorization", "Bearer " + second.toLatin1()}})
                .status,
            204);
        QCOMPARE(devicesCount(first), largeSize + 2); // its other session still counts
        QCOMPARE(
            client()
                .send("POST", QStringLiteral("/v1/auth/logout"), {}, {{"Authorization", "Bearer " + again.toLatin1()}})
                .status,
            204);
        QCOMPARE(devicesCount(first), largeSize + 1);
        QCOMPARE(listTotal(first), largeSize + 1);
    }

    void aDeviceWhoseSessionRanOutLeavesTheList()
    {
        // The seeded devices' sessions run for 30 days; a device signing in on day 29 outlives them.
        QVERIFY(client().advanceClock(29 * 24 * 3600));
        const auto tokens = client().login(QString::fromLatin1(email),
                                           QString::fromLatin1(password),
                                           {{QStringLiteral("name"), QStringLiteral("Survivor")},
                                            {QStringLiteral("type"), QStringLiteral("computer")}});
        QString access = tokens.access;
        QString refresh = tokens.refresh;
        QCOMPARE(listTotal(access), largeSize + 1);
        const QByteArray before = get(QStringLiteral("/v1/devices?limit=1"), access).header("ETag");

        QVERIFY(client().advanceClock(2 * 24 * 3600));
        QVERIFY(client().refreshTokens(access, refresh));
        const ServiceReply after = get(QStringLiteral("/v1/devices?limit=1"), access);
        QCOMPARE(after.json().value(QStringLiteral("total")).toInt(), 1);
        QVERIFY(after.header("ETag") != before);
        QCOMPARE(devicesCount(access), 1);
    }
};

QTEST_GUILESS_MAIN(TestServiceLargeAccount)
#include "mockd_service_large_account.moc"
