#include "ServiceFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QSet>
#include <QTest>
#include <QUrlQuery>
#include <memory>

// GET /v1/profiles and GET /v1/activity against a real vigil-mockd: shapes, filters, paging,
// validation, other accounts never visible, and profiles untouched by every sign-out scope.
class TestServiceProfilesActivity final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;

    ServiceClient::Tokens signIn(const QString& name, const QString& type = QStringLiteral("tablet"))
    {
        return client().loginDemo(name, type);
    }

    QString stepUp(const QString& access) { return client().passwordStepUp(access); }

    int signOut(const QString& path, const QJsonObject& body, const QString& access)
    {
        const RawHeaders headers{{"Content-Type", "application/json"},
                                 {"Authorization", "Bearer " + access.toLatin1()},
                                 {"X-Step-Up", stepUp(access).toLatin1()}};
        return client().send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), headers).status;
    }

    QJsonObject profiles(const QString& access)
    {
        const ServiceReply reply = client().get(QStringLiteral("/v1/profiles"), access);
        [&] { QCOMPARE(reply.status, 200); }();
        return reply.json();
    }

    ServiceReply activity(const QString& query, const QString& access = {})
    {
        return client().get(QStringLiteral("/v1/activity") + (query.isEmpty() ? QString() : u'?' + query),
                            access.isEmpty() ? m_me.access : access);
    }

    QJsonArray entries(const QString& query, const QString& access = {})
    {
        const ServiceReply reply = activity(query, access);
        [&] { QCOMPARE(reply.status, 200); }();
        return reply.json().value(QStringLiteral("entries")).toArray();
    }

    void expectInvalid(const QString& query, const QString& field)
    {
        const ServiceReply reply = activity(query);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), QStringLiteral("invalid_field"));
        QCOMPARE(reply.json().value(QStringLiteral("field")).toString(), field);
    }

    void reportStreaming(const QString& access, const QString& profile)
    {
        const RawHeaders headers{{"Content-Type", "application/json"},
                                 {"Authorization", "Bearer " + access.toLatin1()}};
        const QJsonObject body{{QStringLiteral("status"), QStringLiteral("streaming")},
                               {QStringLiteral("profile"), profile},
                               {QStringLiteral("title"), QStringLiteral("Night Trains")}};
        QCOMPARE(client()
                     .send("PUT",
                           QStringLiteral("/v1/devices/current/status"),
                           QJsonDocument(body).toJson(QJsonDocument::Compact),
                           headers)
                     .status,
                 204);
    }

    static QString encoded(const QDateTime& time)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(time.toUTC().toString(Qt::ISODate)));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(resetAndSignInEstablished(m_me)); }

    void profilesHaveTheirShape()
    {
        const QJsonArray list = profiles(m_me.access).value(QStringLiteral("profiles")).toArray();
        QCOMPARE(list.size(), 4);
        QStringList names;
        int kids = 0;
        for (const QJsonValue& value : list) {
            const QJsonObject profile = value.toObject();
            for (const char* key : {"id", "name", "avatar", "kids", "last_device", "last_active"})
                QVERIFY2(profile.contains(QLatin1String(key)), key);
            QVERIFY(!profile.value(QStringLiteral("id")).toString().isEmpty());
            QVERIFY(!profile.value(QStringLiteral("avatar")).toString().isEmpty());
            QVERIFY(profile.value(QStringLiteral("kids")).isBool());
            kids += profile.value(QStringLiteral("kids")).toBool() ? 1 : 0;
            names.append(profile.value(QStringLiteral("name")).toString());
            const QJsonValue device = profile.value(QStringLiteral("last_device"));
            QVERIFY(device.isNull() || device.isObject());
            if (device.isObject()) {
                QVERIFY(!device.toObject().value(QStringLiteral("id")).toString().isEmpty());
                QVERIFY(!device.toObject().value(QStringLiteral("name")).toString().isEmpty());
                QVERIFY(QDateTime::fromString(profile.value(QStringLiteral("last_active")).toString(), Qt::ISODate)
                            .isValid());
            }
        }
        QCOMPARE(names, (QStringList{"Sam", "Alex", "Leo", "Mia"}));
        QCOMPARE(kids, 1);
        QCOMPARE(client().get(QStringLiteral("/v1/profiles")).status, 401);
    }

    void playingMovesTheProfilesLastDevice()
    {
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Hall Tablet"));
        reportStreaming(tablet.access, QStringLiteral("Leo"));
        const QJsonArray list = profiles(m_me.access).value(QStringLiteral("profiles")).toArray();
        const QJsonObject leo = list.at(2).toObject();
        QCOMPARE(leo.value(QStringLiteral("name")).toString(), QStringLiteral("Leo"));
        QCOMPARE(leo.value(QStringLiteral("last_device")).toObject().value(QStringLiteral("id")).toString(),
                 tablet.deviceId);
        QCOMPARE(leo.value(QStringLiteral("last_device")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Hall Tablet"));
    }

    void profilesUnchangedAcrossEverySignOutScope()
    {
        // A device that was last used with a profile is among those signed out.
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        reportStreaming(tablet.access, QStringLiteral("Sam"));
        const ServiceClient::Tokens phone = signIn(QStringLiteral("Spare Phone"), QStringLiteral("phone"));
        QVERIFY(!phone.access.isEmpty());
        const QJsonObject before = profiles(m_me.access);
        QVERIFY(QJsonDocument(before).toJson().contains(tablet.deviceId.toUtf8()));

        QCOMPARE(signOut(QStringLiteral("/v1/devices/%1/sign-out").arg(tablet.deviceId), {}, m_me.access), 200);
        QCOMPARE(profiles(m_me.access), before);

        QCOMPARE(signOut(QStringLiteral("/v1/devices/sign-out"),
                         {{QStringLiteral("scope"), QStringLiteral("others")}},
                         m_me.access),
                 200);
        QCOMPARE(client().get(QStringLiteral("/v1/me"), phone.access).status, 401);
        QCOMPARE(profiles(m_me.access), before);

        QCOMPARE(signOut(QStringLiteral("/v1/devices/sign-out"),
                         {{QStringLiteral("scope"), QStringLiteral("all")}},
                         m_me.access),
                 200);
        QCOMPARE(client().get(QStringLiteral("/v1/profiles"), m_me.access).status, 401);
        const ServiceClient::Tokens again = signIn(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QCOMPARE(profiles(again.access), before);
    }

    void activityHasItsShapeNewestFirstAndNoSecret()
    {
        const ServiceReply reply = activity(QStringLiteral("limit=200"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().contains(QStringLiteral("next_cursor")));
        QVERIFY(reply.json().value(QStringLiteral("next_cursor")).isNull());
        const QJsonArray list = reply.json().value(QStringLiteral("entries")).toArray();
        QVERIFY(list.size() >= 13); // twelve seeded sign-ins and this test's own
        QDateTime previous;
        for (const QJsonValue& value : list) {
            const QJsonObject entry = value.toObject();
            for (const char* key : {"id", "time", "type", "device", "ip", "location", "detail"})
                QVERIFY2(entry.contains(QLatin1String(key)), key);
            const QDateTime time = QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODate);
            QVERIFY(time.isValid());
            if (previous.isValid())
                QVERIFY(time <= previous);
            previous = time;
            QVERIFY(!entry.value(QStringLiteral("detail")).toString().isEmpty());
        }
        const QJsonObject newest = list.at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("type")).toString(), QStringLiteral("sign_in"));
        QCOMPARE(newest.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString(),
                 m_me.deviceId);
        QCOMPARE(newest.value(QStringLiteral("method")).toString(), QStringLiteral("password"));
        QVERIFY(!reply.body.contains(m_me.sessionId.toUtf8()));
        QCOMPARE(client().leakedSecrets(reply.body), QStringList());
        QCOMPARE(client().get(QStringLiteral("/v1/activity")).status, 401);
    }

    void activityRecordsFailuresAndSignOuts()
    {
        QCOMPARE(client()
                     .loginReply(QString::fromLatin1(ServiceClient::demoEmail), QStringLiteral("not-the-password"))
                     .status,
                 401);
        const ServiceReply started = client().postJson(
            QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("password")}}, m_me.access);
        client().postJson(QStringLiteral("/v1/step-up/verify"),
                          {{QStringLiteral("challenge"), started.json().value(QStringLiteral("challenge")).toString()},
                           {QStringLiteral("secret"), QStringLiteral("wrong-password-123")}},
                          m_me.access);
        const ServiceClient::Tokens tablet = signIn(QStringLiteral("Kitchen Tablet"));
        QCOMPARE(signOut(QStringLiteral("/v1/devices/%1/sign-out").arg(tablet.deviceId), {}, m_me.access), 200);

        const QJsonArray failed = entries(QStringLiteral("type=sign_in_failed"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).toObject().value(QStringLiteral("detail")).toString(),
                 QStringLiteral("Sign-in failed: wrong password"));
        QVERIFY(failed.at(0).toObject().value(QStringLiteral("device")).isNull());

        const QJsonArray verification = entries(QStringLiteral("type=verification_failed"));
        QCOMPARE(verification.size(), 1);
        QCOMPARE(verification.at(0).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("password"));

        const QJsonArray revoked = entries(QStringLiteral("type=revoked"));
        QCOMPARE(revoked.size(), 1);
        QVERIFY(revoked.at(0).toObject().value(QStringLiteral("detail")).toString().contains(u"Kitchen Tablet"));

        // Several types at once, comma-separated or repeated.
        QCOMPARE(entries(QStringLiteral("type=sign_in_failed,revoked")).size(), 2);
        QCOMPARE(entries(QStringLiteral("type=sign_in_failed&type=verification_failed")).size(), 2);
        const QJsonArray signIns = entries(QStringLiteral("type=sign_in&limit=200"));
        for (const QJsonValue& entry : signIns)
            QCOMPARE(entry.toObject().value(QStringLiteral("type")).toString(), QStringLiteral("sign_in"));

        // The device filter: its sign-in and the sign-out that named it.
        const QJsonArray ofTablet = entries(QStringLiteral("device=") + tablet.deviceId);
        QCOMPARE(ofTablet.size(), 2);
        QCOMPARE(ofTablet.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("revoked"));
        QCOMPARE(ofTablet.at(1).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("sign_in"));
    }

    void activityFiltersByTime()
    {
        const QDateTime now = QDateTime::fromSecsSinceEpoch(client().serverTimeSeconds(), Qt::UTC);
        const QJsonArray all = entries(QStringLiteral("limit=200"));
        const QJsonArray lastHour = entries(QStringLiteral("from=") + encoded(now.addSecs(-3600)));
        QCOMPARE(lastHour.size(), 1); // only this test's sign-in; the seeded ones are days old
        QCOMPARE(entries(QStringLiteral("from=") + encoded(now.addSecs(3600))).size(), 0);
        const QJsonArray older = entries(QStringLiteral("limit=200&to=") + encoded(now.addSecs(-3600)));
        QCOMPARE(older.size() + lastHour.size(), all.size());
        const QJsonArray window = entries(
            QStringLiteral("from=%1&to=%2&limit=200").arg(encoded(now.addDays(-400)), encoded(now.addSecs(-3600))));
        for (const QJsonValue& entry : window) {
            const QDateTime time =
                QDateTime::fromString(entry.toObject().value(QStringLiteral("time")).toString(), Qt::ISODate);
            QVERIFY(time >= now.addDays(-400) && time <= now.addSecs(-3600));
        }
    }

    void activityPagesWithACursor()
    {
        for (int i = 0; i < 3; ++i)
            client().loginReply(QString::fromLatin1(ServiceClient::demoEmail), QStringLiteral("wrong-%1").arg(i));
        QStringList everything;
        const QJsonArray all = entries(QStringLiteral("limit=200"));
        for (const QJsonValue& entry : all)
            everything.append(entry.toObject().value(QStringLiteral("id")).toString());

        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            const ServiceReply reply = activity(QStringLiteral("limit=4") +
                                                (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(reply.status, 200);
            const QJsonArray page = reply.json().value(QStringLiteral("entries")).toArray();
            QVERIFY(page.size() <= 4);
            for (const QJsonValue& entry : page)
                paged.append(entry.toObject().value(QStringLiteral("id")).toString());
            cursor = reply.json().value(QStringLiteral("next_cursor")).toString();
            QVERIFY(++pages < 50);
        } while (!cursor.isEmpty());
        QCOMPARE(paged, everything);
        QCOMPARE(pages, int((everything.size() + 3) / 4));

        // A cursor with a type filter keeps skipping what the filter hides.
        const ServiceReply first = activity(QStringLiteral("type=sign_in_failed&limit=2"));
        QCOMPARE(first.json().value(QStringLiteral("entries")).toArray().size(), 2);
        const QString next = first.json().value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!next.isEmpty());
        const QJsonArray rest = entries(QStringLiteral("type=sign_in_failed&limit=2&cursor=") + next);
        QCOMPARE(rest.size(), 1);
        QCOMPARE(rest.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("sign_in_failed"));
    }

    void activityRefusesInvalidQueries()
    {
        expectInvalid(QStringLiteral("type=bogus"), QStringLiteral("type"));
        expectInvalid(QStringLiteral("type=sign_in,step_up_started"), QStringLiteral("type"));
        expectInvalid(QStringLiteral("from=yesterday"), QStringLiteral("from"));
        expectInvalid(QStringLiteral("to=2026-01-01T00:00:00"), QStringLiteral("to")); // no zone
        expectInvalid(QStringLiteral("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), QStringLiteral("to"));
        expectInvalid(QStringLiteral("limit=0"), QStringLiteral("limit"));
        expectInvalid(QStringLiteral("limit=201"), QStringLiteral("limit"));
        expectInvalid(QStringLiteral("limit=ten"), QStringLiteral("limit"));
        expectInvalid(QStringLiteral("cursor=not-a-cursor"), QStringLiteral("cursor"));
        expectInvalid(QStringLiteral("device=dev_nobody"), QStringLiteral("device"));
    }

    void anotherAccountIsNeverVisible()
    {
        // The 2-step account's failures stay in its own log...
        QCOMPARE(client()
                     .loginReply(QString::fromLatin1(ServiceClient::twoStepEmail), QStringLiteral("not-the-password"))
                     .status,
                 401);
        QCOMPARE(entries(QStringLiteral("type=sign_in_failed")).size(), 0);
        // ...its devices cannot be named in a filter (answered like an unknown id)...
        expectInvalid(QStringLiteral("device=dev_twostep_laptop"), QStringLiteral("device"));
        // ...and nothing of it shows up anywhere in the holder's pages.
        const ServiceReply mine = activity(QStringLiteral("limit=200"));
        QVERIFY(!mine.body.contains("twostep"));
        const QByteArray profileBody = client().get(QStringLiteral("/v1/profiles"), m_me.access).body;
        QVERIFY(!profileBody.contains("twostep"));
        QVERIFY(!profileBody.contains("Tess"));
    }
};

QTEST_GUILESS_MAIN(TestServiceProfilesActivity)
#include "mockd_service_profiles_activity.moc"
