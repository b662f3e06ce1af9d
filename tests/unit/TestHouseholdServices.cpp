// ProfileService and ActivityService over a faked network: states, filters as query items, paging
// with the cursor, a new filter dropping the answer for the old one, failures kept typed.
#include "FakeNetworkAccessManager.h"
#include "HouseholdFixtures.h"
#include "TestTokens.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/profiles/ProfileListModel.h"
#include "core/profiles/ProfileService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace vigil;

class TestHouseholdServices final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;

    QUrlQuery lastQuery(const QString& path) const
    {
        for (qsizetype i = m_nam->requests().size() - 1; i >= 0; --i) {
            if (m_nam->requests().at(i).path() == path)
                return QUrlQuery(m_nam->requests().at(i).url);
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_session = std::make_unique<Session>();
        m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
        m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        m_session->setTokens(m_api->baseUrl(), tokens.value());
    }
    void cleanup()
    {
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

    void profilesLoadAndFail()
    {
        ProfileService service(m_api.get(), m_session.get());
        QAbstractItemModelTester tester(service.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::json(200, HouseholdFixtures::household()); });
        QSignalSpy states(&service, &ProfileService::stateChanged);
        QCOMPARE(service.state(), ProfileService::State::Empty);
        service.reload();
        QCOMPARE(service.state(), ProfileService::State::Loading);
        QTRY_COMPARE(service.state(), ProfileService::State::Ready);
        QCOMPARE(service.model()->rowCount(), 4);
        QCOMPARE(m_nam->requests().constLast().header("Authorization"), QByteArray("Bearer vat_a"));

        // A failed reload keeps the list and says why.
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::error(500, "internal", "boom"); });
        service.reload();
        QCOMPARE(service.state(), ProfileService::State::Refreshing);
        QTRY_COMPARE(service.state(), ProfileService::State::Failed);
        QVERIFY(service.error());
        QCOMPARE(service.error()->code(), ApiError::Code::ServerError);
        QCOMPARE(service.model()->rowCount(), 4);

        // Garbage is a failure, not an empty household.
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::json(200, {{QStringLiteral("x"), 1}}); });
        service.reload();
        QTRY_COMPARE(service.state(), ProfileService::State::Failed);
        QCOMPARE(service.error()->code(), ApiError::Code::InvalidResponse);

        m_session->clear();
        QCOMPARE(service.state(), ProfileService::State::Empty);
        QCOMPARE(service.model()->rowCount(), 0);
    }

    void activityFiltersBecomeQueryItems()
    {
        ActivityService service(m_api.get(), m_session.get());
        QAbstractItemModelTester tester(service.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QJsonArray week = HouseholdFixtures::week();
        m_nam->setHandler(
            [week](const FakeRequest& request) { return HouseholdFixtures::activityPage(request, week); });
        ActivityService::Filter filter;
        filter.from = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        filter.to = QDateTime(QDate(2026, 11, 30), QTime(23, 59, 59), Qt::UTC);
        filter.types = {QStringLiteral("sign_in"), QStringLiteral("sign_in_failed")};
        filter.deviceId = QStringLiteral("dev_tv");
        service.setFilter(filter);
        QCOMPARE(service.state(), ActivityService::State::Loading);
        QTRY_COMPARE(service.state(), ActivityService::State::Ready);
        const QUrlQuery query = lastQuery(QStringLiteral("/v1/activity"));
        QCOMPARE(query.queryItemValue(QStringLiteral("from")), QStringLiteral("2026-11-01T00:00:00Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("to")), QStringLiteral("2026-11-30T23:59:59Z"));
        QCOMPARE(query.queryItemValue(QStringLiteral("type")), QStringLiteral("sign_in,sign_in_failed"));
        QCOMPARE(query.queryItemValue(QStringLiteral("device")), QStringLiteral("dev_tv"));
        QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QString::number(ActivityService::pageSize));
        QVERIFY(!query.hasQueryItem(QStringLiteral("cursor")));

        // The same filter again is no new request; an empty filter sends no filter items.
        const int before = m_nam->count(QStringLiteral("/v1/activity"));
        service.setFilter(filter);
        QCOMPARE(m_nam->count(QStringLiteral("/v1/activity")), before);
        service.setFilter({});
        QTRY_COMPARE(service.state(), ActivityService::State::Ready);
        const QUrlQuery plain = lastQuery(QStringLiteral("/v1/activity"));
        for (const char* key : {"from", "to", "type", "device"})
            QVERIFY2(!plain.hasQueryItem(QLatin1String(key)), key);
    }

    void activityPagesWithTheCursor()
    {
        QJsonArray many;
        for (int i = 250; i > 0; --i)
            many.append(HouseholdFixtures::entry(
                QString::number(i),
                QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(i * 600).toString(Qt::ISODate),
                QStringLiteral("sign_in")));
        m_nam->setHandler(
            [many](const FakeRequest& request) { return HouseholdFixtures::activityPage(request, many); });
        ActivityService service(m_api.get(), nullptr);
        QAbstractItemModelTester tester(service.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        service.reload();
        QTRY_COMPARE(service.state(), ActivityService::State::Ready);
        QCOMPARE(service.model()->rowCount(), 100);
        QVERIFY(service.hasMore());
        service.loadMore();
        QCOMPARE(service.state(), ActivityService::State::LoadingMore);
        service.loadMore(); // one page at a time
        QTRY_COMPARE(service.state(), ActivityService::State::Ready);
        QCOMPARE(lastQuery(QStringLiteral("/v1/activity")).queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("100"));
        QCOMPARE(service.model()->rowCount(), 200);
        service.loadMore();
        QTRY_COMPARE(service.model()->rowCount(), 250);
        QVERIFY(!service.hasMore());
        QCOMPARE(m_nam->count(QStringLiteral("/v1/activity")), 3);
        QCOMPARE(service.model()->entries().constLast().id, QStringLiteral("1"));
    }

    void aNewFilterDropsTheOldAnswer()
    {
        ActivityService service(m_api.get(), nullptr);
        m_nam->setHandler([](const FakeRequest&) { return FakeResponse::held(); });
        service.reload();
        QTRY_COMPARE(m_nam->heldCount(), 1);
        ActivityService::Filter failures;
        failures.types = {QStringLiteral("sign_in_failed")};
        const QJsonArray one{HouseholdFixtures::entry(
            QStringLiteral("3"), QStringLiteral("2026-11-24T11:00:00Z"), QStringLiteral("sign_in_failed"))};
        m_nam->setHandler([one](const FakeRequest& request) { return HouseholdFixtures::activityPage(request, one); });
        service.setFilter(failures);
        QTRY_COMPARE(service.state(), ActivityService::State::Ready);
        m_nam->releaseHeld(FakeResponse::json(
            200,
            {{QStringLiteral("entries"), HouseholdFixtures::week()}, {QStringLiteral("next_cursor"), QJsonValue()}}));
        QCoreApplication::processEvents();
        QCOMPARE(service.model()->rowCount(), 1);
        QCOMPARE(service.model()->entries().first().type, QStringLiteral("sign_in_failed"));

        m_nam->setHandler(
            [](const FakeRequest&) { return FakeResponse::error(422, "invalid_field", "type must be one of …"); });
        service.reload();
        QTRY_COMPARE(service.state(), ActivityService::State::Failed);
        QCOMPARE(service.error()->code(), ApiError::Code::InvalidField);
    }
};

QTEST_GUILESS_MAIN(TestHouseholdServices)
#include "TestHouseholdServices.moc"
