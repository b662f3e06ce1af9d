#include "ServiceFixture.h"
#include "SimulatorProcess.h"
#include "TvCodes.h"

#include <QJsonArray>
#include <QObject>
#include <QTest>
#include <memory>

// `vigil-mockd simulate --tv` against a real vigil-mockd: the TV shows a code, the holder approves
// it as a guest, the TV streams, and when the service clock passes the guest's end the TV is told
// and stops. Polls run on the simulator's real clock (5 s apart), so each test waits for one poll.
class TestSimulatorTv final : public ServiceFixture
{
    Q_OBJECT

private:
    ServiceClient::Tokens m_me;

    QStringList tvArgs() const
    {
        return {QStringLiteral("--server"),
                m_mockd.baseUrl().toString(),
                QStringLiteral("--tv"),
                QStringLiteral("--tv-name"),
                QStringLiteral("Hotel Room TV"),
                QStringLiteral("--address"),
                QStringLiteral("203.0.113.7")};
    }

    static QProcessEnvironment withAdminKey()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("VIGIL_ADMIN_KEY"), QString::fromLatin1(MockdProcess::adminKey));
        return environment;
    }

    // The code the TV printed, looked up by the holder: the authorization id.
    QString lookUpPrintedCode(SimulatorProcess& tv)
    {
        const auto printed =
            tv.waitFor(QStringLiteral("^sim: tv Hotel Room TV code: ([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}) "));
        [&] { QCOMPARE(printed.size(), 1); }();
        if (printed.isEmpty())
            return {};
        const ServiceReply lookup = TvCodes::lookup(client(), m_me.access, printed.first().captured(1));
        [&] { QCOMPARE(lookup.status, 200); }();
        return lookup.json().value(QStringLiteral("id")).toString();
    }

    // The device as the holder's list shows it (the household has a seeded "Hotel Room TV" too).
    QJsonObject listed(const QString& id)
    {
        const QJsonArray devices =
            client().get(QStringLiteral("/v1/devices"), m_me.access).json().value(QStringLiteral("devices")).toArray();
        for (const QJsonValue& device : devices) {
            if (device.toObject().value(QStringLiteral("id")).toString() == id)
                return device.toObject();
        }
        return {};
    }

    int listedCount()
    {
        return int(
            client().get(QStringLiteral("/v1/devices"), m_me.access).json().value(QStringLiteral("total")).toInt(-1));
    }

    static void checkNoTokens(SimulatorProcess& tv)
    {
        const QString output = tv.allOutput();
        for (const char* prefix : {"vdg_", "vat_", "vrt_"})
            QVERIFY2(!output.contains(QLatin1String(prefix)), prefix);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(startService()); }

    void init() { QVERIFY(resetAndSignInEstablished(m_me)); }

    void anApprovedGuestTvStreamsUntilItsTimeIsUp()
    {
        SimulatorProcess tv(tvArgs(), withAdminKey());
        const QString id = lookUpPrintedCode(tv);
        QVERIFY(!id.isEmpty());
        const ServiceReply approved =
            TvCodes::approve(client(),
                             m_me.access,
                             client().passwordStepUp(m_me.access),
                             id,
                             {{QStringLiteral("profile"), QStringLiteral("prf_demo_sam")},
                              {QStringLiteral("access"), QStringLiteral("guest")},
                              {QStringLiteral("guest_until"), TvCodes::inSeconds(client(), 2 * 60 * 60)}});
        QCOMPARE(approved.status, 200);
        const QString tvId = approved.json().value(QStringLiteral("id")).toString();

        QCOMPARE(tv.waitFor(QStringLiteral("^sim: tv Hotel Room TV approved: guest until ")).size(), 1);
        QCOMPARE(tv.waitFor(QStringLiteral("^sim: device Hotel Room TV status streaming")).size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(
            listed(tvId).value(QStringLiteral("status")).toString(), QStringLiteral("streaming"), 10000);
        QCOMPARE(listed(tvId).value(QStringLiteral("access")).toString(), QStringLiteral("guest"));

        QVERIFY(client().advanceClock(2 * 60 * 60 + 1));
        QCOMPARE(tv.waitFor(QStringLiteral("^sim: device Hotel Room TV refused: guest_ended$")).size(), 1);
        QVERIFY(tv.waitForExit());
        QCOMPARE(tv.process().exitCode(), 0);
        checkNoTokens(tv);
    }

    void aDeniedTvGivesUp()
    {
        const int before = listedCount();
        SimulatorProcess tv(tvArgs(), withAdminKey());
        const QString id = lookUpPrintedCode(tv);
        QVERIFY(!id.isEmpty());
        QCOMPARE(TvCodes::deny(client(), m_me.access, id).status, 204);
        QCOMPARE(tv.waitFor(QStringLiteral("^sim: tv Hotel Room TV not signed in: access_denied$")).size(), 1);
        QVERIFY(tv.waitForExit());
        QCOMPARE(tv.process().exitCode(), 0);
        QCOMPARE(listedCount(), before);
    }
};

QTEST_GUILESS_MAIN(TestSimulatorTv)
#include "TestSimulatorTv.moc"
