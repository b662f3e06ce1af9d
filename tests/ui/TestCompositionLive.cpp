// The app's real composition (app/Composition) against a real vigil-mockd with the `support`
// scenario: an account holder, support staff, the holder and the holder again sign in and out, 4
// times over in one process. After every sign-in the right window is up and shows only this
// sign-in's data; after every sign-out nothing of that sign-in is left (the session object, its
// window, services and models are gone, and the application holds as many widgets as before).
#include "../unit/SupportLiveFixture.h"
#include "TestTotp.h"
#include "WidgetFinder.h"
#include "app/Composition.h"
#include "app/HolderSession.h"
#include "app/SupportSession.h"
#include "core/account/AccountService.h"
#include "core/activity/ActivityService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "core/flows/SignOutFlow.h"
#include "core/profiles/ProfileService.h"
#include "core/support/SupportConsole.h"
#include "core/util/EnglishPlurals.h"
#include "ui/demo/DemoInboxWindow.h"
#include "ui/main/MainWindow.h"
#include "ui/pages/DevicesPage.h"
#include "ui/signin/SignInWindow.h"
#include "ui/support/SupportHeaderBar.h"
#include "ui/support/SupportSearchPanel.h"
#include "ui/support/SupportWindow.h"
#include "ui/widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace vigil;

namespace {

// Each staff member signs in twice, and the widget count after the first cycle must hold exactly in
// the three after it: anything a sign-in leaves behind shows in the second cycle already, so more
// cycles would prove nothing more.
constexpr int cycles = 4;
constexpr int timeoutMs = 15000;

// How many of the session-owned widget kinds exist right now, anywhere in the application.
struct WidgetCensus
{
    int mainWindows = 0;
    int supportWindows = 0;
    int devicesPages = 0;
    int inboxes = 0;
    int all = 0;

    static WidgetCensus take()
    {
        WidgetCensus census;
        const auto widgets = QApplication::allWidgets();
        census.all = int(widgets.size());
        for (QWidget* widget : widgets) {
            census.mainWindows += qobject_cast<MainWindow*>(widget) ? 1 : 0;
            census.supportWindows += qobject_cast<SupportWindow*>(widget) ? 1 : 0;
            census.devicesPages += qobject_cast<DevicesPage*>(widget) ? 1 : 0;
            census.inboxes += qobject_cast<DemoInboxWindow*>(widget) ? 1 : 0;
        }
        return census;
    }
};

QStringList tableIds(const QTableView* table)
{
    QStringList ids;
    const QAbstractItemModel* model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(DeviceListModel::IdRole).toString());
    return ids;
}

} // namespace

class TestCompositionLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
        QVERIFY2(m_fixture.start(), qPrintable(m_fixture.mockd->errorString()));
        m_client = std::make_unique<Composition>(&m_fixture.network, &m_fixture.settings, &m_fixture.store, false);
        m_client->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_client->signInWindow()));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        QCOMPARE(m_fixture.mockd->stop(), 0);
    }

    void holderSupportHolderHolder()
    {
        for (int cycle = 0; cycle < cycles; ++cycle) {
            const Staff staff = cycle % 2 == 0 ? Staff::Ada : Staff::Bo;
            const std::function<void()> steps[] = {[this] { signInHolder(); },
                                                   [this] { signOut(); },
                                                   [this, staff] { signInSupport(staff); },
                                                   [this] { signOut(); },
                                                   [this] { signInHolder(); },
                                                   [this] { signOut(); },
                                                   [this] { signInHolder(); },
                                                   [this] { signOut(); }};
            for (const auto& step : steps) {
                step();
                if (QTest::currentTestFailed()) {
                    qWarning("failed in cycle %d", cycle + 1);
                    return;
                }
            }
            // The first cycle may create what Qt makes once per application (tooltips, styles).
            if (cycle == 0)
                m_signedOutWidgets = WidgetCensus::take().all;
            else
                QCOMPARE(WidgetCensus::take().all, m_signedOutWidgets);
        }
    }

private:
    enum class Staff
    {
        Ada,
        Bo
    };

    void signInHolder()
    {
        QVERIFY(!m_fixture.holderAccess().isEmpty()); // a device signs in elsewhere
        m_client->signInFlow()->signIn({m_fixture.mockd->baseUrl().toString(),
                                        SupportLiveFixture::holderEmail,
                                        SupportLiveFixture::holderPassword,
                                        false});
        QTRY_COMPARE_WITH_TIMEOUT(m_client->signInFlow()->state(), SignInFlow::State::SignedIn, timeoutMs);
        HolderSession* holder = m_client->holder();
        QVERIFY(holder);
        QVERIFY(!m_client->support());
        MainWindow* window = holder->window();
        QVERIFY(window->isVisible());
        QVERIFY(!m_client->signInWindow()->isVisible());
        QCOMPARE(window->currentSection(), Section::Overview);
        const WidgetCensus census = WidgetCensus::take();
        QCOMPARE(census.mainWindows, 1);
        QCOMPARE(census.supportWindows, 0);
        QCOMPARE(census.devicesPages, 1);
        QCOMPARE(census.inboxes, 0); // not a demo

        // The devices table: exactly the devices the service lists now. A sign-in from elsewhere
        // before each holder sign-in adds one, so a table left from an earlier sign-in would differ.
        QTRY_COMPARE_WITH_TIMEOUT(holder->devices()->state(), DeviceService::State::Ready, timeoutMs);
        const QStringList listed = serviceDeviceIds();
        QVERIFY(!listed.isEmpty());
        QVERIFY2(listed.size() > m_lastHolderDevices, qPrintable(listed.join(u',')));
        m_lastHolderDevices = int(listed.size());
        QStringList shown = tableIds(window->pages().devices->table());
        shown.sort();
        QCOMPARE(shown, listed);
        QVERIFY(shown.contains(m_client->session()->deviceId()));
        auto* email = findByName<QLabel>(window, QStringLiteral("Account email"));
        QVERIFY(email);
        QTRY_COMPARE_WITH_TIMEOUT(email->text(), SupportLiveFixture::holderEmail, timeoutMs);

        remember(holder);
        m_signOut = [window] {
            auto* account = findByName<QToolButton>(window, QStringLiteral("Account"));
            QAction* signOut = nullptr;
            for (QAction* action : account->menu()->actions())
                signOut = action->text() == QLatin1String("Sign Out of Vigil") ? action : signOut;
            QVERIFY(signOut);
            signOut->trigger();
        };
    }

    void signInSupport(Staff staff)
    {
        const bool ada = staff == Staff::Ada;
        // The service takes each authenticator code once: on to the next 30-second step.
        QCOMPARE(m_fixture
                     .call("POST",
                           QStringLiteral("/__admin/clock"),
                           {{QStringLiteral("advance_seconds"), 60}},
                           {},
                           {{"X-Admin-Key", MockdProcess::adminKey}})
                     .status,
                 200);
        m_client->signInFlow()->signIn({m_fixture.mockd->baseUrl().toString(),
                                        ada ? SupportLiveFixture::adaEmail : QStringLiteral("bo.support@vigil.test"),
                                        SupportLiveFixture::supportPassword,
                                        false});
        QTRY_COMPARE_WITH_TIMEOUT(m_client->signInFlow()->state(), SignInFlow::State::NeedsCode, timeoutMs);
        const qint64 now = m_fixture.serverSeconds();
        m_client->signInFlow()->submitCode(ada ? TestTotp::code(SupportLiveFixture::adaTotpKey, now)
                                               : TestTotp::codeForSecret(QStringLiteral("MFRGGZDFMZTWQ2LK"), now));
        QTRY_COMPARE_WITH_TIMEOUT(m_client->signInFlow()->state(), SignInFlow::State::SignedIn, timeoutMs);
        SupportSession* support = m_client->support();
        QVERIFY(support);
        QVERIFY(!m_client->holder());
        SupportWindow* window = support->window();
        QVERIFY(window->isVisible());
        QVERIFY(!m_client->signInWindow()->isVisible());
        QCOMPARE(window->windowTitle(), QStringLiteral("Vigil — Support Mode"));
        const WidgetCensus census = WidgetCensus::take();
        QCOMPARE(census.mainWindows, 0);
        QCOMPARE(census.supportWindows, 1);
        QCOMPARE(census.devicesPages, 1);

        // This staff member's name; nothing of the last one's search or customer.
        const QString name = ada ? QStringLiteral("Ada (Support)") : QStringLiteral("Bo (Support)");
        QVERIFY2(window->headerBar()->text().contains(name), qPrintable(window->headerBar()->text()));
        QCOMPARE(window->searchPanel()->queryEdit()->text(), QString());
        QCOMPARE(window->searchPanel()->results()->topLevelItemCount(), 0);
        QCOMPARE(window->devicesPage()->table()->model()->rowCount(), 0);
        // Something on screen for the next staff member not to see.
        window->searchPanel()->queryEdit()->setText(SupportLiveFixture::holderEmail);

        remember(support);
        m_signOut = [window] {
            auto* button = findByName<QPushButton>(window, QStringLiteral("Sign Out of Vigil"));
            QVERIFY(button);
            button->click();
        };
    }

    void signOut()
    {
        QVERIFY(m_signOut);
        std::exchange(m_signOut, nullptr)();
        QCOMPARE(m_client->signInFlow()->state(), SignInFlow::State::SignedOut);
        QVERIFY(m_client->signInWindow()->isVisible());
        QVERIFY(!m_client->holder());
        QVERIFY(!m_client->support());
        // The session goes as soon as control is back in the event loop, and everything with it.
        QTRY_VERIFY(!m_session);
        int left = 0;
        for (const QPointer<QObject>& object : std::as_const(m_parts))
            left += object ? 1 : 0;
        QCOMPARE(left, 0);
        const WidgetCensus census = WidgetCensus::take();
        QCOMPARE(census.mainWindows, 0);
        QCOMPARE(census.supportWindows, 0);
        QCOMPARE(census.devicesPages, 0);
        QCOMPARE(census.inboxes, 0);
    }

    void remember(HolderSession* holder)
    {
        m_session = holder;
        keep({holder->window(),
              holder->account(),
              holder->deviceModel(),
              holder->devices(),
              holder->events(),
              holder->signOut(),
              holder->profiles(),
              holder->activity()});
    }

    // The account's devices by id, read over plain HTTP with the client's own token.
    QStringList serviceDeviceIds()
    {
        const auto answer =
            m_fixture.call("GET", QStringLiteral("/v1/devices?limit=1000"), {}, m_client->session()->accessToken());
        QStringList ids;
        for (const QJsonValue& device : answer.json.value(QStringLiteral("devices")).toArray())
            ids.append(device.toObject().value(QStringLiteral("id")).toString());
        ids.sort();
        return ids;
    }

    void keep(std::initializer_list<QObject*> objects)
    {
        m_parts.clear();
        for (QObject* object : objects)
            m_parts.append(object);
    }

    void remember(SupportSession* support)
    {
        m_session = support;
        keep({support->window(), support->console()});
    }

    SupportLiveFixture m_fixture;
    std::unique_ptr<Composition> m_client;
    QPointer<QObject> m_session;
    QList<QPointer<QObject>> m_parts;
    std::function<void()> m_signOut;
    int m_lastHolderDevices = 0;
    int m_signedOutWidgets = 0;
};

QTEST_MAIN(TestCompositionLive)
#include "TestCompositionLive.moc"
