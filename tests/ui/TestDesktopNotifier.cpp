#include "ui/alerts/DesktopNotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace vigil;

namespace {

// org.freedesktop.Notifications as a desktop would offer it, recording every Notify.
class FakeNotifications final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        uint id = 0;
        QString appName;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
    };
    QList<Call> calls;

public Q_SLOTS:
    uint Notify(const QString& appName,
                uint replacesId,
                const QString& appIcon,
                const QString& summary,
                const QString& body,
                const QStringList& actions,
                const QVariantMap& hints,
                int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(expireTimeout)
        calls.append({uint(100 + calls.size()), appName, summary, body, actions, hints});
        Q_EMIT notified();
        return calls.constLast().id;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { Q_UNUSED(id) }

Q_SIGNALS:
    void notified();
};

} // namespace

// The freedesktop path of DesktopNotifier against a fake notification service on a private bus
// (a dbus-daemon of the test's own): Notify's summary, body and actions, and ActionInvoked back.
class TestDesktopNotifier final : public QObject
{
    Q_OBJECT

private:
    QProcess m_daemon;
    QString m_address;
    FakeNotifications m_fake;

    static SignInAlert single()
    {
        return {{QStringLiteral("dev_new")},
                QStringLiteral("New sign-in to your account"),
                QStringLiteral("Pixel 8 signed in from Lisbon, Portugal at 14:05.")};
    }

    QDBusConnection serviceBus() const { return QDBusConnection(QStringLiteral("fake-notifications")); }

    void invoke(uint id, const QString& key)
    {
        QDBusMessage signal = QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/Notifications"),
                                                         QStringLiteral("org.freedesktop.Notifications"),
                                                         QStringLiteral("ActionInvoked"));
        signal << id << key;
        QVERIFY(serviceBus().send(signal));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        // tools/bootstrap installs it; without it nothing here is tested, which must not pass.
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is not installed (tools/bootstrap installs it)");
        m_daemon.start(daemon,
                       {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY(m_daemon.waitForStarted());
        while (!m_daemon.canReadLine())
            QVERIFY2(m_daemon.waitForReadyRead(10000), "dbus-daemon printed no address");
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(!m_address.isEmpty());

        QDBusConnection bus = QDBusConnection::connectToBus(m_address, QStringLiteral("fake-notifications"));
        QVERIFY(bus.isConnected());
        QVERIFY(bus.registerObject(
            QStringLiteral("/org/freedesktop/Notifications"), &m_fake, QDBusConnection::ExportAllSlots));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));
    }

    void cleanupTestCase()
    {
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("vigil"));
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished();
        }
    }

    void init()
    {
        m_fake.calls.clear();
        if (!serviceBus().interface()->isServiceRegistered(QStringLiteral("org.freedesktop.Notifications")))
            QVERIFY(serviceBus().registerService(QStringLiteral("org.freedesktop.Notifications")));
    }

    void notifyCarriesTheAlertAndItsActions()
    {
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        notifier.show(single());
        QVERIFY(notified.wait());
        QCOMPARE(m_fake.calls.size(), 1);
        const FakeNotifications::Call& call = m_fake.calls.constFirst();
        QCOMPARE(call.appName, QStringLiteral("Vigil"));
        QCOMPARE(call.summary, QStringLiteral("New sign-in to your account"));
        QCOMPARE(call.body, QStringLiteral("Pixel 8 signed in from Lisbon, Portugal at 14:05."));
        // "Was this you?": both answers, each opening a further step (the step-up, the confirmation).
        QCOMPARE(call.actions,
                 (QStringList{"default",
                              "Show Devices",
                              DesktopNotifier::confirmAction,
                              "Yes, It Was Me…",
                              DesktopNotifier::notWeAction,
                              "No, Sign It Out…"}));
        QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(), QStringLiteral("io.github.vigil.Vigil"));
    }

    void aDeviceNamedLikeMarkupIsShownAsWritten()
    {
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        notifier.show({{QStringLiteral("dev_new")},
                       QStringLiteral("New sign-in to your account"),
                       QStringLiteral("<b>x</b> & <a href=\"https://evil.example\">y</a> signed in.")});
        QVERIFY(notified.wait());
        QCOMPARE(m_fake.calls.constFirst().body,
                 QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href=&quot;https://evil.example&quot;&gt;y&lt;/a&gt; "
                                "signed in."));
    }

    void thisWasntMeAsksToSignTheDeviceOut()
    {
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        QSignalSpy signOut(&notifier, &DesktopNotifier::signOutRequested);
        QSignalSpy devices(&notifier, &DesktopNotifier::devicesRequested);
        notifier.show(single());
        QVERIFY(notified.wait());
        // The fake answers Notify before it sends anything else, so the notifier knows the id first.
        const uint id = m_fake.calls.constFirst().id;
        invoke(id + 50, DesktopNotifier::notWeAction); // another application's notification
        invoke(id, DesktopNotifier::notWeAction);
        QVERIFY(signOut.wait());
        QCOMPARE(signOut.size(), 1);
        QCOMPARE(signOut.constFirst().constFirst().toString(), QStringLiteral("dev_new"));
        QCOMPARE(devices.size(), 0);
    }

    void yesItWasMeAsksToConfirmTheDevice()
    {
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        QSignalSpy confirm(&notifier, &DesktopNotifier::confirmRequested);
        QSignalSpy signOut(&notifier, &DesktopNotifier::signOutRequested);
        notifier.show(single());
        QVERIFY(notified.wait());
        const uint id = m_fake.calls.constFirst().id;
        invoke(id + 50, DesktopNotifier::confirmAction); // another application's notification
        invoke(id, DesktopNotifier::confirmAction);
        QVERIFY(confirm.wait());
        QCOMPARE(confirm.size(), 1);
        QCOMPARE(confirm.constFirst().constFirst().toString(), QStringLiteral("dev_new"));
        QCOMPARE(signOut.size(), 0);
    }

    void aNewVigilOffersNoAnswer()
    {
        // This computer signed in recently itself: the service would refuse both answers.
        SignInAlert alert = single();
        alert.thisDeviceIsNew = true;
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        QSignalSpy confirm(&notifier, &DesktopNotifier::confirmRequested);
        QSignalSpy signOut(&notifier, &DesktopNotifier::signOutRequested);
        QSignalSpy devices(&notifier, &DesktopNotifier::devicesRequested);
        notifier.show(alert);
        QVERIFY(notified.wait());
        const FakeNotifications::Call call = m_fake.calls.constFirst();
        QCOMPARE(call.actions, (QStringList{"default", "Show Devices"}));
        // A stale or forged action key changes nothing either.
        invoke(call.id, DesktopNotifier::confirmAction);
        QVERIFY(devices.wait());
        QCOMPARE(confirm.size(), 0);
        QCOMPARE(signOut.size(), 0);
    }

    void aBurstOffersTheDeviceList()
    {
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notified(&m_fake, &FakeNotifications::notified);
        QSignalSpy signOut(&notifier, &DesktopNotifier::signOutRequested);
        QSignalSpy devices(&notifier, &DesktopNotifier::devicesRequested);
        notifier.show({{QStringLiteral("dev_a"), QStringLiteral("dev_b")},
                       QStringLiteral("2 new devices signed in"),
                       QStringLiteral("Pixel 8 (Lisbon) and Chrome (Porto).")});
        QVERIFY(notified.wait());
        const FakeNotifications::Call call = m_fake.calls.constFirst();
        QCOMPARE(call.summary, QStringLiteral("2 new devices signed in"));
        QVERIFY(!call.actions.contains(DesktopNotifier::notWeAction));
        QVERIFY(!call.actions.contains(DesktopNotifier::confirmAction));
        invoke(call.id, DesktopNotifier::defaultAction);
        QVERIFY(devices.wait());
        QCOMPARE(signOut.size(), 0);
    }

    void withoutTheServiceNothingPretends()
    {
        QVERIFY(serviceBus().unregisterService(QStringLiteral("org.freedesktop.Notifications")));
        DesktopNotifier notifier;
        notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("vigil")));
        QSignalSpy notShown(&notifier, &DesktopNotifier::notShown);
        notifier.show(single()); // no service and no tray (offscreen): said so, not lost silently
        QVERIFY(notShown.wait());
        QCOMPARE(notShown.constFirst().constFirst().value<SignInAlert>().deviceIds, QStringList{"dev_new"});
        QCOMPARE(m_fake.calls.size(), 0);
    }
};

QTEST_MAIN(TestDesktopNotifier)

#include "TestDesktopNotifier.moc"
