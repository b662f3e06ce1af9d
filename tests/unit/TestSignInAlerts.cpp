#include "core/alerts/SignInAlerts.h"
#include "core/util/EnglishPlurals.h"

#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace vigil;

// Which device.signed_in events become a desktop alert, and their words.
class TestSignInAlerts final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 3, 10), QTime(14, 5), Qt::UTC);
    bool m_enabled = true;
    QString m_thisDevice = QStringLiteral("dev_this");

    std::unique_ptr<SignInAlerts> make()
    {
        auto alerts = std::make_unique<SignInAlerts>([this] { return m_thisDevice; }, [this] { return m_now; });
        alerts->setEnabledSwitch([this] { return m_enabled; });
        alerts->setCoalesceInterval(20);
        return alerts;
    }

    static QJsonObject frame(const QString& id,
                             const QString& name,
                             const QDateTime& lastActive,
                             const QString& city = QStringLiteral("Lisbon"))
    {
        const QJsonObject device{{QStringLiteral("id"), id},
                                 {QStringLiteral("name"), name},
                                 {QStringLiteral("type"), QStringLiteral("phone")},
                                 {QStringLiteral("status"), QStringLiteral("idle")},
                                 {QStringLiteral("first_sign_in"), lastActive.toString(Qt::ISODate)},
                                 {QStringLiteral("last_active"), lastActive.toString(Qt::ISODate)},
                                 {QStringLiteral("location"),
                                  QJsonObject{{QStringLiteral("city"), city},
                                              {QStringLiteral("country"), QStringLiteral("Portugal")},
                                              {QStringLiteral("country_code"), QStringLiteral("PT")}}}};
        return {{QStringLiteral("type"), QStringLiteral("device.signed_in")},
                {QStringLiteral("seq"), 7},
                {QStringLiteral("device"), device}};
    }

    static SignInAlert alertOf(const QSignalSpy& spy, int i = 0) { return spy.at(i).at(0).value<SignInAlert>(); }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        m_enabled = true;
        m_thisDevice = QStringLiteral("dev_this");
    }

    void anotherDeviceSigningInAlerts()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_new"), QStringLiteral("Pixel 8"), m_now.addSecs(-30)));
        QVERIFY(spy.wait());
        QCOMPARE(spy.size(), 1);
        const SignInAlert alert = alertOf(spy);
        QCOMPARE(alert.deviceIds, QStringList{QStringLiteral("dev_new")});
        QVERIFY(alert.isSingle());
        // "Was this you?": this computer is established, so the alert can be answered either way.
        QVERIFY(alert.canAnswer());
        QCOMPARE(alert.title, QStringLiteral("Was this you?"));
        const QString time = QLocale().toString(m_now.addSecs(-30).toLocalTime().time(), QLocale::ShortFormat);
        QCOMPARE(alert.body, QStringLiteral("Pixel 8 signed in from Lisbon, Portugal at %1.").arg(time));
    }

    void aNewVigilTellsWithoutAsking()
    {
        auto alerts = make();
        bool thisIsNew = true;
        alerts->setThisDeviceNewSwitch([&thisIsNew] { return thisIsNew; });
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_new"), QStringLiteral("Pixel 8"), m_now.addSecs(-30)));
        QVERIFY(spy.wait());
        SignInAlert alert = alertOf(spy);
        QVERIFY(alert.thisDeviceIsNew);
        QVERIFY(!alert.canAnswer());
        QCOMPARE(alert.title, QStringLiteral("New sign-in to your account"));
        const QString time = QLocale().toString(m_now.addSecs(-30).toLocalTime().time(), QLocale::ShortFormat);
        QCOMPARE(alert.body,
                 QStringLiteral("Pixel 8 signed in from Lisbon, Portugal at %1. To confirm it or sign it out, use a "
                                "device you've signed in on before.")
                     .arg(time));
        // Read when the alert is worded: once this computer is confirmed, the next one asks.
        thisIsNew = false;
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_other"), QStringLiteral("iPad"), m_now.addSecs(-10)));
        QVERIFY(spy.wait());
        alert = alertOf(spy, 1);
        QVERIFY(alert.canAnswer());
        QCOMPARE(alert.title, QStringLiteral("Was this you?"));
    }

    void otherEventsDoNotAlert()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        for (const char* type : {"device.updated", "device.removed", "signout.progress"})
            alerts->applyEvent(QLatin1String(type), frame(QStringLiteral("dev_x"), QStringLiteral("X"), m_now));
        alerts->flush();
        QCOMPARE(spy.size(), 0);
    }

    void thisDeviceDoesNotAlert()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_this"), QStringLiteral("This laptop"), m_now));
        alerts->flush();
        QCOMPARE(spy.size(), 0);
    }

    void oldReplaysDoNotAlert()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        // Replayed after a reconnect: this sign-in was 11 minutes ago.
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_old"), QStringLiteral("Old"), m_now.addSecs(-11 * 60)));
        alerts->flush();
        QCOMPARE(spy.size(), 0);
        // Nine minutes ago is still news.
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_recent"), QStringLiteral("Recent"), m_now.addSecs(-9 * 60)));
        alerts->flush();
        QCOMPARE(spy.size(), 1);
    }

    void switchedOffDoesNotAlert()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        m_enabled = false;
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_new"), QStringLiteral("Pixel 8"), m_now));
        alerts->flush();
        QCOMPARE(spy.size(), 0);
        // Switched off while one was waiting: it is dropped too.
        m_enabled = true;
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_new"), QStringLiteral("Pixel 8"), m_now));
        m_enabled = false;
        alerts->flush();
        QCOMPARE(spy.size(), 0);
    }

    void burstsAreCoalesced()
    {
        auto alerts = make();
        QSignalSpy spy(alerts.get(), &SignInAlerts::alert);
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_a"), QStringLiteral("Pixel 8"), m_now));
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_b"), QStringLiteral("Fire TV"), m_now, QStringLiteral("Porto")));
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_a"), QStringLiteral("Pixel 8"), m_now)); // the same one again
        alerts->applyEvent(QStringLiteral("device.signed_in"),
                           frame(QStringLiteral("dev_c"), QStringLiteral("Chrome"), m_now));
        QVERIFY(spy.wait());
        QCOMPARE(spy.size(), 1);
        const SignInAlert alert = alertOf(spy);
        QCOMPARE(alert.deviceIds, (QStringList{"dev_a", "dev_b", "dev_c"}));
        QVERIFY(!alert.isSingle());
        QCOMPARE(alert.title, QStringLiteral("3 new devices signed in"));
        QCOMPARE(alert.body,
                 QStringLiteral("Pixel 8 (Lisbon), Fire TV (Porto) and Chrome (Lisbon). Review your devices if you "
                                "don't recognize them."));
    }

    void manyAreSummed()
    {
        QList<Device> devices;
        for (int i = 0; i < 5; ++i) {
            Device device;
            device.id = QStringLiteral("d%1").arg(i);
            device.name = QStringLiteral("TV %1").arg(i);
            device.location.city = QStringLiteral("Rome");
            devices.append(device);
        }
        QCOMPARE(SignInAlerts::burstBody(devices),
                 QStringLiteral("TV 0 (Rome), TV 1 (Rome), TV 2 (Rome) and 2 more. Review your devices if you don't "
                                "recognize them."));
    }
};

QTEST_GUILESS_MAIN(TestSignInAlerts)

#include "TestSignInAlerts.moc"
