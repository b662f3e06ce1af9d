#include "Establish.h"
#include "EventClient.h"
#include "MockdProcess.h"
#include "ServiceClient.h"
#include "TvCodes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

// Two vigil-mockd on one database (a SQLite file here; one PostgreSQL database under the label
// "postgres") act as one service: one event sequence per account whichever instance numbers it,
// events and revocations reach the sockets of the other instance, resume works on either, and the
// admin API's clock, fault rules and reset apply to both. A TV approved through one instance collects
// its tokens through the other, once; two instances starting on a new database seed it once.
class TestServiceInstances final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QStringList m_db; // the arguments that name the shared database
    MockdProcess m_first;
    MockdProcess m_second;
    std::unique_ptr<ServiceClient> m_a;
    std::unique_ptr<ServiceClient> m_b;
    // Signed in before B starts, so B has read their sessions from the database (how an instance
    // learns of sessions signed in on another while it runs is the store's change feed, not this test's).
    ServiceClient::Tokens m_watcher;
    ServiceClient::Tokens m_player;
    ServiceClient::Tokens m_me;
    ServiceClient::Tokens m_tablet;

    ServiceReply reportStatus(ServiceClient& client, const QString& token, const QByteArray& body)
    {
        return client.send("PUT",
                           QStringLiteral("/v1/devices/current/status"),
                           body,
                           {{"Authorization", "Bearer " + token.toLatin1()}, {"Content-Type", "application/json"}});
    }

    static qint64 seqOf(const QJsonObject& frame) { return frame.value(QStringLiteral("seq")).toInteger(-1); }

    // A TV asks for a code through A and m_me approves it through B; returns the TV's device code.
    QString tvApprovedThroughB()
    {
        const ServiceReply asked = TvCodes::request(*m_a);
        [&] { QCOMPARE(asked.status, 200); }();
        const ServiceReply lookup =
            TvCodes::lookup(*m_b, m_me.access, asked.json().value(QStringLiteral("user_code")).toString());
        [&] { QCOMPARE(lookup.status, 200); }();
        const ServiceReply approved =
            TvCodes::approve(*m_b,
                             m_me.access,
                             m_b->passwordStepUp(m_me.access),
                             lookup.json().value(QStringLiteral("id")).toString(),
                             {{QStringLiteral("profile"), QStringLiteral("prf_demo_alex")},
                              {QStringLiteral("access"), QStringLiteral("until_signed_out")}});
        [&] { QCOMPARE(approved.status, 200); }();
        return asked.json().value(QStringLiteral("device_code")).toString();
    }

    static QNetworkRequest jsonPost(const QUrl& base, const QString& path)
    {
        QNetworkRequest request(base.resolved(QUrl(path)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        return request;
    }

    // Sends every request at once and waits for every answer: its status and JSON body.
    static QList<std::pair<int, QJsonObject>> postAtOnce(const QList<QNetworkRequest>& requests, const QByteArray& body)
    {
        QNetworkAccessManager network;
        QList<QNetworkReply*> replies;
        for (const QNetworkRequest& request : requests)
            replies.append(network.post(request, body));
        const auto allFinished = [&] {
            return std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply* r) { return r->isFinished(); });
        };
        [&] { QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 30000); }();
        QList<std::pair<int, QJsonObject>> answers;
        for (QNetworkReply* reply : std::as_const(replies)) {
            answers.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                            QJsonDocument::fromJson(reply->readAll()).object()});
            delete reply;
        }
        return answers;
    }

    // The accounts and devices in `service`'s snapshot: the whole state.
    static std::pair<qsizetype, qsizetype> accountsAndDevices(ServiceClient& service)
    {
        const QJsonArray accounts = service.admin("POST", QStringLiteral("/__admin/snapshot"))
                                        .json()
                                        .value(QStringLiteral("accounts"))
                                        .toArray();
        qsizetype devices = 0;
        for (const QJsonValue& account : accounts)
            devices += account.toObject().value(QStringLiteral("devices")).toArray().size();
        return {accounts.size(), devices};
    }

    // `me` signs `deviceId` out through `client`'s instance, which must answer it pending; the
    // sign-out's request id, empty when it did not.
    QString pendingSignOutThrough(ServiceClient& client, const QString& deviceId)
    {
        const QString stepUp = client.passwordStepUp(m_me.access);
        const ServiceReply reply = client.send("POST",
                                               QStringLiteral("/v1/devices/%1/sign-out").arg(deviceId),
                                               "{}",
                                               {{"Content-Type", "application/json"},
                                                {"Authorization", "Bearer " + m_me.access.toLatin1()},
                                                {"X-Step-Up", stepUp.toLatin1()}});
        const QJsonArray results = reply.json().value(QStringLiteral("results")).toArray();
        if (reply.status != 200 || results.size() != 1 ||
            results.at(0).toObject().value(QStringLiteral("result")).toString() != QLatin1String("pending"))
            return {};
        return reply.json().value(QStringLiteral("request_id")).toString();
    }

    // Opens the socket and waits for its ready.
    static bool openReady(EventClient& events, const QString& access)
    {
        return events.open(access) && !events.waitFor(QStringLiteral("ready")).isEmpty();
    }

    // The next signout.progress about `deviceId` (empty when none comes).
    static QJsonObject progressFor(EventClient& events, const QString& deviceId)
    {
        for (;;) {
            const QJsonObject progress = events.waitFor(QStringLiteral("signout.progress"));
            if (progress.isEmpty() || progress.value(QStringLiteral("device_id")).toString() == deviceId)
                return progress;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = {QStringLiteral("--db"), m_dir.filePath(QStringLiteral("shared.sqlite"))};
        const QStringList& db = m_db;
        QVERIFY2(m_first.start(db), qPrintable(m_first.errorString()));
        m_a = std::make_unique<ServiceClient>(m_first.baseUrl());
        m_watcher = m_a->loginDemo(QStringLiteral("Watcher"));
        m_player = m_a->loginDemo(QStringLiteral("Player"));
        m_me = m_a->loginDemo(QStringLiteral("Vigil on a Laptop"), QStringLiteral("computer"));
        QVERIFY(establish(*m_a, m_me));
        m_tablet = m_a->loginDemo(QStringLiteral("Kitchen Tablet"));
        QVERIFY(!m_tablet.access.isEmpty());
        QVERIFY2(m_second.start(db), qPrintable(m_second.errorString()));
        m_b = std::make_unique<ServiceClient>(m_second.baseUrl());
    }

    // A socket on A hears what a request to B caused, numbered after what A had numbered.
    void anEventCausedOnBReachesASocketOnA()
    {
        const auto& watcher = m_watcher;
        EventClient onA(m_first.baseUrl());
        QVERIFY(onA.open(watcher.access));
        const qint64 ready = seqOf(onA.waitFor(QStringLiteral("ready")));
        QVERIFY(ready > 0); // the sign-in above was numbered already

        const auto player = m_b->loginDemo(QStringLiteral("Second Player"));
        QCOMPARE(reportStatus(*m_b, player.access, "{\"status\":\"idle\"}").status, 204);
        const QJsonObject signedIn = onA.waitFor(QStringLiteral("device.signed_in"));
        QVERIFY(!signedIn.isEmpty());
        QCOMPARE(signedIn.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString(),
                 player.deviceId);
        // Strictly increasing from A's ready, without a gap: one sequence for both instances.
        qint64 previous = ready;
        for (const QJsonObject& frame : onA.frames()) {
            if (frame.value(QStringLiteral("type")).toString() == QLatin1String("ready"))
                continue;
            QCOMPARE(seqOf(frame), previous + 1);
            previous = seqOf(frame);
        }
        // An event A numbers now comes after B's.
        QCOMPARE(reportStatus(*m_a, watcher.access, "{\"status\":\"idle\"}").status, 204);
        QTRY_VERIFY(
            m_a->get(QStringLiteral("/v1/events"), watcher.access).json().value(QStringLiteral("seq")).toInteger() >
            previous);
    }

    // A device that saw events on A and reconnects to B gets what it missed, nothing more.
    void resumeOnBReplaysWhatASocketOnAMissed()
    {
        const auto& watcher = m_watcher;
        const auto& player = m_player;
        qint64 seen = 0;
        {
            EventClient onA(m_first.baseUrl());
            QVERIFY(onA.open(watcher.access));
            seen = seqOf(onA.waitFor(QStringLiteral("ready")));
        }
        QCOMPARE(
            reportStatus(*m_a, player.access, "{\"status\":\"streaming\",\"profile\":\"Mia\",\"title\":\"E1\"}").status,
            204);
        const qint64 last =
            m_a->get(QStringLiteral("/v1/events"), watcher.access).json().value(QStringLiteral("seq")).toInteger();
        QVERIFY(last > seen);

        EventClient onB(m_second.baseUrl());
        QVERIFY(onB.open(watcher.access, seen));
        QCOMPARE(seqOf(onB.waitFor(QStringLiteral("ready"))), last);
        QJsonObject streaming;
        while (streaming.isEmpty()) {
            const QJsonObject event = onB.waitFor(QStringLiteral("device.updated"));
            QVERIFY(!event.isEmpty());
            const QJsonObject device = event.value(QStringLiteral("device")).toObject();
            if (device.value(QStringLiteral("id")).toString() == player.deviceId &&
                device.value(QStringLiteral("status")).toString() == QLatin1String("streaming"))
                streaming = event;
        }
        QVERIFY(seqOf(streaming) > seen);
        QVERIFY(seqOf(streaming) <= last);
        for (const QJsonObject& frame : onB.frames())
            QVERIFY(frame.value(QStringLiteral("type")).toString() != QLatin1String("resync"));
    }

    // Signed out through B, a device whose socket is on A is told at once.
    void aSignOutThroughBReachesTheSocketOnA()
    {
        const auto& me = m_me;
        const auto& tablet = m_tablet;
        EventClient tabletOnA(m_first.baseUrl());
        QVERIFY(tabletOnA.open(tablet.access));
        QVERIFY(!tabletOnA.waitFor(QStringLiteral("ready")).isEmpty());

        const QString stepUp = m_b->passwordStepUp(me.access);
        QVERIFY(!stepUp.isEmpty());
        const ServiceReply reply = m_b->send("POST",
                                             QStringLiteral("/v1/devices/%1/sign-out").arg(tablet.deviceId),
                                             "{}",
                                             {{"Content-Type", "application/json"},
                                              {"Authorization", "Bearer " + me.access.toLatin1()},
                                              {"X-Step-Up", stepUp.toLatin1()}});
        QCOMPARE(reply.status, 200);
        const QJsonObject revoked = tabletOnA.waitFor(QStringLiteral("session.revoked"));
        QCOMPARE(revoked.value(QStringLiteral("reason")).toString(), QStringLiteral("signed_out"));
        QCOMPARE(tabletOnA.waitForClose(), 4001);
    }

    // RFC 8628 behind a load balancer: approved through B, collected through A. Nothing waited in
    // B's memory: the poll that reaches A makes the pair, which works on both, once.
    void aTvApprovedThroughBCollectsItsTokensThroughA()
    {
        const QString deviceCode = tvApprovedThroughB();
        const ServiceReply tokens = TvCodes::poll(*m_a, deviceCode);
        QCOMPARE(tokens.status, 200);
        QString access = tokens.json().value(QStringLiteral("access_token")).toString();
        QString refresh = tokens.json().value(QStringLiteral("refresh_token")).toString();
        QCOMPARE(tokens.json().value(QStringLiteral("access")).toString(), QStringLiteral("until_signed_out"));
        const ServiceReply onA = m_a->get(QStringLiteral("/v1/me"), access);
        QCOMPARE(onA.status, 200);
        QCOMPARE(onA.json().value(QStringLiteral("session")).toObject().value(QStringLiteral("auth_method")).toString(),
                 QStringLiteral("device_code"));
        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), access).status, 200);
        QVERIFY(m_b->refreshTokens(access, refresh));
        QCOMPARE(m_a->get(QStringLiteral("/v1/me"), access).status, 200);

        const ServiceReply again = TvCodes::poll(*m_b, deviceCode);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.error(), QStringLiteral("invalid_grant"));
        QCOMPARE(TvCodes::poll(*m_a, deviceCode).error(), QStringLiteral("invalid_grant"));
    }

    // Two polls of one approved code at once, one through each instance: one pair, one invalid_grant.
    void twoPollsAtOnceGetOnePair()
    {
        const QString deviceCode = tvApprovedThroughB();
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("grant_type"), TvCodes::grantType},
                                                          {QStringLiteral("device_code"), deviceCode}})
                                    .toJson(QJsonDocument::Compact);
        const QString path = QStringLiteral("/v1/auth/device/token");
        QStringList outcomes;
        for (const auto& [status, answer] :
             postAtOnce({jsonPost(m_first.baseUrl(), path), jsonPost(m_second.baseUrl(), path)}, body)) {
            if (status == 200)
                m_a->rememberSecret(answer.value(QStringLiteral("access_token")).toString());
            outcomes.append(status == 200 ? QStringLiteral("tokens")
                                          : answer.value(QStringLiteral("error")).toString());
        }
        outcomes.sort();
        QCOMPARE(outcomes, (QStringList{QStringLiteral("invalid_grant"), QStringLiteral("tokens")}));
    }

    // The cap on one address's waiting TV codes (20) holds across instances: asked for through both
    // at once, 20 codes are handed out, not one more.
    void oneAddressesWaitingTvCodesAreCappedAcrossInstances()
    {
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("device"),
                                       QJsonObject{{QStringLiteral("name"), QStringLiteral("Lobby TV")},
                                                   {QStringLiteral("type"), QStringLiteral("tv")}}}})
                .toJson(QJsonDocument::Compact);
        QList<QNetworkRequest> requests;
        for (int i = 0; i < 40; ++i) {
            QNetworkRequest request =
                jsonPost((i % 2 ? m_second : m_first).baseUrl(), QStringLiteral("/v1/auth/device"));
            request.setRawHeader("X-Admin-Key", MockdProcess::adminKey);
            request.setRawHeader("X-Simulated-Address", "198.51.100.23");
            requests.append(request);
        }
        int handedOut = 0;
        int refused = 0;
        for (const auto& [status, answer] : postAtOnce(requests, body)) {
            handedOut += status == 200 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        QCOMPARE(handedOut, 20);
        QCOMPARE(refused, 20);
    }

    // Started at once on a new database, two instances seed it once between them: the one that
    // takes the set-up lock first seeds, the other finds it seeded (and both serve it).
    void twoInstancesStartingTogetherSeedOnce()
    {
        QFile scenario(qEnvironmentVariable("VIGIL_SOURCE_DIR") +
                       QStringLiteral("/mock-server/scenarios/intruder.json"));
        QVERIFY(scenario.open(QIODevice::ReadOnly));
        const QJsonArray accounts =
            QJsonDocument::fromJson(scenario.readAll()).object().value(QStringLiteral("accounts")).toArray();
        qsizetype devices = 0;
        for (const QJsonValue& account : accounts)
            devices += account.toObject().value(QStringLiteral("devices")).toArray().size();
        const std::pair<qsizetype, qsizetype> expected{accounts.size(), devices};

        // Three rounds: the race is between two processes' start-ups. A small scenario, quick to seed.
        for (int round = 0; round < 3; ++round) {
            QTemporaryDir fresh;
            QVERIFY(fresh.isValid());
            const QStringList db{QStringLiteral("--db"),
                                 fresh.filePath(QStringLiteral("new.sqlite")),
                                 QStringLiteral("--scenario"),
                                 QStringLiteral("intruder")};
            MockdProcess one;
            MockdProcess two;
            QVERIFY2(one.launch(db), qPrintable(one.errorString()));
            QVERIFY2(two.launch(db), qPrintable(two.errorString()));
            QVERIFY2(one.waitUntilListening(), qPrintable(one.errorString()));
            QVERIFY2(two.waitUntilListening(), qPrintable(two.errorString()));
            ServiceClient first(one.baseUrl());
            ServiceClient second(two.baseUrl());
            QCOMPARE(accountsAndDevices(first), expected);
            QCOMPARE(accountsAndDevices(second), expected);
            QCOMPARE(one.stop(), 0);
            QCOMPARE(two.stop(), 0);
        }
    }

    // A device whose socket is on A, signed out through B: B cannot tell it, so it answers pending,
    // and the app's socket on B hears signout.progress as soon as A has told the device.
    void aDeviceToldOnAIsReportedToTheAppOnB()
    {
        const auto hall = m_a->loginDemo(QStringLiteral("Hall TV"));
        EventClient hallOnA(m_first.baseUrl());
        QVERIFY(openReady(hallOnA, hall.access));
        EventClient appOnB(m_second.baseUrl());
        QVERIFY(openReady(appOnB, m_me.access));

        const QString requestId = pendingSignOutThrough(*m_b, hall.deviceId);
        QVERIFY(!requestId.isEmpty());
        QCOMPARE(hallOnA.waitFor(QStringLiteral("session.revoked")).value(QStringLiteral("reason")).toString(),
                 QStringLiteral("signed_out"));
        const QJsonObject progress = progressFor(appOnB, hall.deviceId);
        QCOMPARE(progress.value(QStringLiteral("request_id")).toString(), requestId);
        QCOMPARE(progress.value(QStringLiteral("result")).toString(), QStringLiteral("signed_out"));
    }

    // Offline when signed out through B, the device comes back on A (a refresh): the app on B hears
    // signout.progress, once, though the device then shows its token to B and to A again.
    void anOfflineDeviceBackOnAIsReportedOnce()
    {
        const auto shed = m_a->loginDemo(QStringLiteral("Garden Shed TV"));
        EventClient appOnB(m_second.baseUrl());
        QVERIFY(openReady(appOnB, m_me.access));

        const QString requestId = pendingSignOutThrough(*m_b, shed.deviceId);
        QVERIFY(!requestId.isEmpty());
        QString access = shed.access;
        QString refresh = shed.refresh;
        QVERIFY(!m_a->refreshTokens(access, refresh));
        QCOMPARE(progressFor(appOnB, shed.deviceId).value(QStringLiteral("request_id")).toString(), requestId);

        // Told already: neither instance owes anything more.
        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), shed.access).status, 401);
        QCOMPARE(m_a->get(QStringLiteral("/v1/me"), shed.access).status, 401);
        // A sign-in numbered after those answers arrives with no second progress before it.
        const auto marker = m_b->loginDemo(QStringLiteral("Marker Phone"));
        for (;;) {
            const QJsonObject signedIn = appOnB.waitFor(QStringLiteral("device.signed_in"));
            QVERIFY(!signedIn.isEmpty());
            if (signedIn.value(QStringLiteral("device")).toObject().value(QStringLiteral("id")).toString() ==
                marker.deviceId)
                break;
        }
        qsizetype progresses = 0;
        for (const QJsonObject& frame : appOnB.frames()) {
            if (frame.value(QStringLiteral("type")).toString() == QLatin1String("signout.progress") &&
                frame.value(QStringLiteral("device_id")).toString() == shed.deviceId)
                ++progresses;
        }
        QCOMPARE(progresses, 1);
    }

    // Pending through B, and B restarts: the device back on the new B is still reported (to the app
    // on A), since the pending sign-out is in the database, not in B's memory.
    void aPendingSignOutOutlivesARestart()
    {
        const auto loft = m_a->loginDemo(QStringLiteral("Loft TV"));
        const QString requestId = pendingSignOutThrough(*m_b, loft.deviceId);
        QVERIFY(!requestId.isEmpty());
        QCOMPARE(m_second.stop(), 0);
        QVERIFY2(m_second.start(m_db), qPrintable(m_second.errorString()));
        m_b = std::make_unique<ServiceClient>(m_second.baseUrl());
        EventClient appOnA(m_first.baseUrl());
        QVERIFY(openReady(appOnA, m_me.access));

        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), loft.access).status, 401);
        QCOMPARE(progressFor(appOnA, loft.deviceId).value(QStringLiteral("request_id")).toString(), requestId);
    }

    void theClockMovedOnAIsTheClockOfB()
    {
        const auto offsetOf = [](ServiceClient& client) {
            return client.admin("GET", QStringLiteral("/__admin/clock"))
                .json()
                .value(QStringLiteral("offset_seconds"))
                .toDouble();
        };
        const double before = offsetOf(*m_b);
        QVERIFY(m_a->advanceClock(7200));
        QTRY_COMPARE(offsetOf(*m_b), before + 7200);
    }

    // A rule set on A applies to a request to B, and its one use is gone from A too.
    void aFaultRuleSetOnAAppliesOnB()
    {
        const auto me = m_b->loginDemo(QStringLiteral("Phone"));
        const QJsonObject rule{
            {QStringLiteral("match"),
             QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                         {QStringLiteral("path"), QStringLiteral("/v1/me")}}},
            {QStringLiteral("action"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("status")}, {QStringLiteral("status"), 503}}},
            {QStringLiteral("times"), 1}};
        QCOMPARE(m_a->admin("POST", QStringLiteral("/__admin/faults"), rule).status, 201);
        // B applies the rule once it has heard of it, once.
        // (Asked once: every request to /v1/me would use the rule up.)
        QTRY_VERIFY(!m_b->admin("GET", QStringLiteral("/__admin/faults"))
                         .json()
                         .value(QStringLiteral("faults"))
                         .toArray()
                         .isEmpty());
        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), me.access).status, 503);
        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), me.access).status, 200);
        QTRY_VERIFY(m_a->admin("GET", QStringLiteral("/__admin/faults"))
                        .json()
                        .value(QStringLiteral("faults"))
                        .toArray()
                        .isEmpty());
        const auto onA = m_a->loginDemo(QStringLiteral("Laptop"));
        QCOMPARE(m_a->get(QStringLiteral("/v1/me"), onA.access).status, 200);
    }

    // A reset on A: B's sockets close as A's do, and what was signed in through B is gone there too.
    void aResetOnAEmptiesB()
    {
        const auto temporary = m_b->loginDemo(QStringLiteral("Temporary"));
        QCOMPARE(m_b->get(QStringLiteral("/v1/me"), temporary.access).status, 200);
        EventClient onB(m_second.baseUrl());
        QVERIFY(onB.open(temporary.access));
        QVERIFY(!onB.waitFor(QStringLiteral("ready")).isEmpty());

        QVERIFY(m_a->reset());
        // Closed as a reset of B itself closes it (1012, which Qt 6.4's client reports as 1002).
        QVERIFY(onB.waitForClose() != -1);
        QTRY_COMPARE(m_b->get(QStringLiteral("/v1/me"), temporary.access).status, 401);
        QCOMPARE(m_b->admin("GET", QStringLiteral("/__admin/clock"))
                     .json()
                     .value(QStringLiteral("offset_seconds"))
                     .toDouble(),
                 0.0);
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_second.stop(), 0);
        QCOMPARE(m_first.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceInstances)
#include "mockd_service_instances.moc"
