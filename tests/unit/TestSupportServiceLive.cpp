// Support mode's core against a real vigil-mockd (scenario `support`): a support sign-in says
// role support, the search answers masked customers, the reason travels with every call and
// reaches the holder's activity, the customer's devices load masked through the ordinary
// DeviceService, and a short reason comes back as the service's clear message.
#include "SupportLiveFixture.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"

#include <QJsonArray>

using namespace vigil;

namespace {
const QString reason = QStringLiteral("Customer called: unknown TV streaming on the account");
}

class TestSupportServiceLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_fixture = std::make_unique<SupportLiveFixture>();
        QVERIFY2(m_fixture->start(), qPrintable(m_fixture->mockd->errorString()));
        QVERIFY(m_fixture->signInSupport());
        m_console = std::make_unique<SupportConsole>(&m_fixture->api, &m_fixture->session);
    }
    void cleanup()
    {
        m_console.reset();
        if (m_fixture)
            QCOMPARE(m_fixture->mockd->stop(), 0);
        m_fixture.reset();
    }

    void signInSaysSupport()
    {
        QCOMPARE(m_fixture->session.account().role, Account::Role::Support);
        QCOMPARE(m_fixture->session.account().displayName, QStringLiteral("Ada (Support)"));
    }

    void searchAnswersMaskedCustomers()
    {
        SupportService* support = m_console->support();
        support->search(QStringLiteral("demo@vigil.test"), reason);
        QTRY_COMPARE_WITH_TIMEOUT(support->searchState(), SupportService::State::Ready, 10000);
        const auto& results = support->results();
        QVERIFY(!results.isEmpty());
        const auto demo = std::find_if(results.cbegin(), results.cend(), [](const SupportCustomer& c) {
            return c.id == QLatin1String("acc_demo");
        });
        QVERIFY(demo != results.cend());
        QCOMPARE(demo->maskedEmail, QStringLiteral("d***@vigil.test"));
        QCOMPARE(demo->displayName, QStringLiteral("Demo Household"));
        QCOMPARE(demo->devicesCount, 2); // the support scenario's household
        for (const SupportCustomer& customer : results)
            QVERIFY2(customer.maskedEmail.contains(QLatin1String("***@")), qPrintable(customer.maskedEmail));
    }

    void shortReasonIsRefusedWithAClearMessage()
    {
        const QString shortReason = QStringLiteral("because");
        QVERIFY(!SupportService::validateReason(shortReason).isEmpty()); // the app says so before sending
        SupportService* support = m_console->support();
        support->search(QStringLiteral("demo@vigil.test"), shortReason); // and the service agrees
        QTRY_COMPARE_WITH_TIMEOUT(support->searchState(), SupportService::State::Failed, 10000);
        QVERIFY(support->searchError());
        QCOMPARE(support->searchError()->code(), ApiError::Code::InvalidField);
        QCOMPARE(support->searchError()->field(), QStringLiteral("reason"));
        QVERIFY(!support->searchError()->serverMessage().isEmpty());
    }

    void openCustomerLoadsMaskedDataAndAuditsTheReason()
    {
        SupportService* support = m_console->support();
        support->search(QStringLiteral("acc_demo"), reason);
        QTRY_COMPARE_WITH_TIMEOUT(support->searchState(), SupportService::State::Ready, 10000);
        QCOMPARE(support->results().size(), 1);

        QSignalSpy loaded(m_console->devices(), &DeviceService::loaded);
        m_console->open(support->results().constFirst(), reason, true);
        QVERIFY(loaded.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(support->summaryState(), SupportService::State::Ready, 10000);
        QVERIFY(support->customer()->hasSummary);
        QCOMPARE(support->customer()->profilesCount, 4);
        QVERIFY(!support->customer()->maskedEmail.contains(QLatin1String("demo@")));

        const DeviceListModel* model = m_console->deviceModel();
        QCOMPARE(model->rowCount(), 2);
        int withIp = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const Device& device = model->deviceAt(row);
            QVERIFY(!model->factsAt(row).isCurrent);
            if (device.ip.isEmpty())
                continue;
            ++withIp;
            QVERIFY2(device.ip.endsWith(QLatin1String(".x")) || device.ip.endsWith(QLatin1String(":x")),
                     qPrintable(device.ip));
        }
        QVERIFY(withIp > 0);

        // The sign-in history of one device comes through the support route, masked too.
        QSignalSpy history(m_console->devices(), &DeviceService::historyLoaded);
        QSignalSpy historyFailed(m_console->devices(), &DeviceService::historyFailed);
        m_console->devices()->fetchHistory(model->deviceAt(0).id);
        QTRY_VERIFY_WITH_TIMEOUT(history.count() + historyFailed.count() > 0, 10000);
        QCOMPARE(historyFailed.count(), 0);
        const auto entries = history.constFirst().at(1).value<QList<DeviceService::HistoryEntry>>();
        for (const auto& entry : entries)
            QVERIFY2(entry.ip.isEmpty() || entry.ip.endsWith(QLatin1String("x")), qPrintable(entry.ip));

        QTRY_COMPARE_WITH_TIMEOUT(m_console->activity()->state(), ActivityService::State::Ready, 10000);

        // The holder reads who looked, and why.
        const QString access = m_fixture->holderAccess();
        QVERIFY(!access.isEmpty());
        const auto activity =
            m_fixture->call("GET", QStringLiteral("/v1/activity?type=support_viewed&limit=100"), {}, access);
        QCOMPARE(activity.status, 200);
        QStringList viewed;
        const QJsonArray list = activity.json.value(QStringLiteral("entries")).toArray();
        for (const QJsonValue& value : list) {
            const QJsonObject details = value.toObject().value(QStringLiteral("details")).toObject();
            if (details.value(QStringLiteral("reason")).toString() == reason)
                viewed << details.value(QStringLiteral("viewed")).toString();
        }
        QVERIFY2(viewed.contains(QStringLiteral("devices")), qPrintable(viewed.join(u',')));
        QVERIFY2(viewed.contains(QStringLiteral("account")), qPrintable(viewed.join(u',')));
    }

private:
    std::unique_ptr<SupportLiveFixture> m_fixture;
    std::unique_ptr<SupportConsole> m_console;
};

QTEST_GUILESS_MAIN(TestSupportServiceLive)
#include "TestSupportServiceLive.moc"
