#include "store/DeviceListing.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <algorithm>

using namespace mockd;

// The listing that GET /v1/devices and GET /v1/me read, checked against the plain definition
// (a device is listed while one of its sessions is not revoked, issued at or after not_before and
// not expired) after every kind of change, and paged at a large size while devices keep arriving.
class TestDeviceListing final : public QObject
{
    Q_OBJECT

private:
    Account m_account;
    QHash<QString, Device> m_devices;
    QHash<QString, Session> m_sessions;
    DeviceListing m_listing;
    qint64 m_now = 1'000'000'000;

    void saveDevice(const Device& device)
    {
        m_devices.insert(device.id, device);
        m_listing.deviceSaved(device);
    }

    void saveSession(const Session& session)
    {
        m_sessions.insert(session.id, session);
        m_listing.sessionSaved(session);
    }

    Device makeDevice(int n, qint64 firstSignInMs)
    {
        Device device;
        device.id = QStringLiteral("dev_%1").arg(n, 6, 10, QLatin1Char('0'));
        device.accountId = m_account.id;
        device.name = QStringLiteral("Device %1").arg(n);
        device.type = Device::types().at(n % Device::types().size());
        device.status = Device::statuses().at((n / 7) % Device::statuses().size());
        device.firstSignInMs = firstSignInMs;
        return device;
    }

    Session makeSession(const Device& device, int n, qint64 issuedAtMs, qint64 expiresAtMs)
    {
        Session session;
        session.id = QStringLiteral("ses_%1").arg(n);
        session.accountId = m_account.id;
        session.deviceId = device.id;
        session.issuedAtMs = issuedAtMs;
        session.expiresAtMs = expiresAtMs;
        return session;
    }

    // The definition, the slow way.
    QStringList expected(DeviceListing::Filter filter = {}) const
    {
        QSet<QString> live;
        for (const Session& s : m_sessions) {
            if (!s.isRevoked() && s.issuedAtMs >= m_account.notBeforeMs && s.expiresAtMs > m_now)
                live.insert(s.deviceId);
        }
        QList<const Device*> out;
        for (const Device& d : m_devices) {
            const auto status = Device::statuses().indexOf(d.status);
            const auto type = Device::types().indexOf(d.type);
            if (live.contains(d.id) && (filter.statuses == 0 || (filter.statuses & (1u << status))) &&
                (filter.types == 0 || (filter.types & (1u << type))))
                out.append(&d);
        }
        std::sort(out.begin(), out.end(), [](const Device* a, const Device* b) {
            return a->firstSignInMs != b->firstSignInMs ? a->firstSignInMs < b->firstSignInMs : a->id < b->id;
        });
        QStringList ids;
        for (const Device* d : out)
            ids.append(d->id);
        return ids;
    }

    // Every page, by the keyset cursor of the last device of the one before.
    QStringList walk(DeviceListing::Filter filter, qsizetype limit)
    {
        QStringList all;
        std::optional<DeviceListing::Key> after;
        for (;;) {
            const DeviceListing::Page page = m_listing.page(m_account, m_now, filter, after, limit);
            all += page.deviceIds;
            if (!page.more)
                return all;
            const Device& last = m_devices[page.deviceIds.constLast()];
            after = DeviceListing::Key{last.firstSignInMs, last.id};
        }
    }

    void compareAll()
    {
        const QList<DeviceListing::Filter> filters{{}, {0b0001, 0}, {0, 0b1000001}, {0b0110, 0b0000110}};
        for (const DeviceListing::Filter& filter : filters) {
            const QStringList want = expected(filter);
            QCOMPARE(m_listing.page(m_account, m_now, filter, std::nullopt, -1).deviceIds, want);
            QCOMPARE(m_listing.count(m_account, m_now, filter), want.size());
        }
        const QStringList listed = expected();
        const QSet<QString> listedSet(listed.begin(), listed.end());
        for (const Device& d : std::as_const(m_devices))
            QCOMPARE(m_listing.isListed(d, m_account, m_now), listedSet.contains(d.id));
    }

private Q_SLOTS:
    void init()
    {
        m_account = Account();
        m_account.id = QStringLiteral("acc_test");
        m_devices.clear();
        m_sessions.clear();
        m_listing.clear();
        m_now = 1'000'000'000;
    }

    void followsEveryKindOfChange()
    {
        QRandomGenerator random(16);
        int nextSession = 0;
        for (int n = 0; n < 300; ++n) {
            const Device device = makeDevice(n, m_now - random.bounded(1000));
            saveDevice(device);
            for (int k = 0; k < 1 + n % 3; ++k)
                saveSession(
                    makeSession(device, nextSession++, m_now - random.bounded(2000), m_now + random.bounded(5000)));
        }
        compareAll();
        for (int step = 0; step < 400; ++step) {
            const QString deviceId = makeDevice(random.bounded(300), 0).id;
            switch (random.bounded(8)) {
            case 0: { // a status or type change moves the device between filters, not in the order
                Device device = m_devices[deviceId];
                device.status = Device::statuses().at(random.bounded(int(Device::statuses().size())));
                device.type = Device::types().at(random.bounded(int(Device::types().size())));
                saveDevice(device);
                break;
            }
            case 1: // a new sign-in
                saveSession(makeSession(m_devices[deviceId], nextSession++, m_now, m_now + random.bounded(5000)));
                break;
            case 2: { // a refresh moves the expiry
                Session session = m_sessions[QStringLiteral("ses_%1").arg(random.bounded(nextSession))];
                session.expiresAtMs = m_now + random.bounded(5000);
                saveSession(session);
                break;
            }
            case 3: { // revoked
                Session session = m_sessions[QStringLiteral("ses_%1").arg(random.bounded(nextSession))];
                if (!session.isRevoked()) {
                    session.revokedAtMs = m_now;
                    saveSession(session);
                }
                break;
            }
            case 4: // time passes
                m_now += random.bounded(200);
                break;
            case 5: // QA moves the clock back
                m_now -= random.bounded(300);
                break;
            case 6: // "sign out all" now and then
                if (random.bounded(10) == 0)
                    m_account.notBeforeMs = m_now - random.bounded(500);
                break;
            default:
                break;
            }
            compareAll();
        }
    }

    void pagesAtALargeSizeAreCompleteAndOrdered()
    {
        constexpr int devices = 20000;
        for (int n = 0; n < devices; ++n) {
            // Many share a first-sign-in time: the id breaks the tie.
            const Device device = makeDevice(n, m_now - 10'000 + n / 4);
            saveDevice(device);
            saveSession(makeSession(device, n, m_now - 1, m_now + 1'000'000));
        }
        for (qsizetype limit : {1000, 333}) {
            const QStringList walked = walk({}, limit);
            QCOMPARE(walked.size(), devices);
            QCOMPARE(walked, expected());
        }
        const DeviceListing::Filter tvs{0, 0b1};
        QCOMPARE(walk(tvs, 500), expected(tvs));
        QCOMPARE(m_listing.count(m_account, m_now, tvs), expected(tvs).size());
    }

    void pagesStayStableWhileDevicesArrive()
    {
        constexpr int devices = 10000;
        int n = 0;
        for (; n < devices; ++n) {
            const Device device = makeDevice(n, m_now - 100'000 + n);
            saveDevice(device);
            saveSession(makeSession(device, n, m_now - 1, m_now + 1'000'000));
        }
        const QStringList before = expected();
        QStringList walked;
        std::optional<DeviceListing::Key> after;
        for (;;) {
            const DeviceListing::Page page = m_listing.page(m_account, m_now, {}, after, 700);
            walked += page.deviceIds;
            // Between pages: new devices sign in (they come last) and one already shown signs out.
            for (int k = 0; k < 50; ++k, ++n) {
                const Device device = makeDevice(n, m_now + n);
                saveDevice(device);
                saveSession(makeSession(device, n, m_now, m_now + 1'000'000));
            }
            if (!page.deviceIds.isEmpty()) {
                Session gone = m_sessions[QStringLiteral("ses_%1").arg(page.deviceIds.constFirst().mid(4).toInt())];
                gone.revokedAtMs = m_now;
                saveSession(gone);
            }
            if (!page.more)
                break;
            const Device& last = m_devices[page.deviceIds.constLast()];
            after = DeviceListing::Key{last.firstSignInMs, last.id};
        }
        QCOMPARE(QSet<QString>(walked.begin(), walked.end()).size(), walked.size()); // no duplicates
        QCOMPARE(walked.mid(0, before.size()), before);                              // no gaps, in order
        QVERIFY(walked.size() > before.size());                                      // and the newcomers after them
    }
};

QTEST_GUILESS_MAIN(TestDeviceListing)
#include "mockd_device_listing.moc"
