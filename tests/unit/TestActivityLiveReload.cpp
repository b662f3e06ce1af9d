// The Activity page follows events that create activity, debounced, keeping its filter.
#include "FakeNetworkAccessManager.h"
#include "HouseholdFixtures.h"
#include "TestTokens.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/alerts/ActivityLiveReload.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"

#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace vigil;

class TestActivityLiveReload final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    QJsonArray m_entries;

    int requests() const { return m_nam->count(QStringLiteral("/v1/activity")); }

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
        m_entries = HouseholdFixtures::week();
        m_nam->setHandler(
            [this](const FakeRequest& request) { return HouseholdFixtures::activityPage(request, m_entries); });
    }

    void cleanup()
    {
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

    void activityEventsReloadTheFirstPageOnce()
    {
        ActivityService activity(m_api.get(), m_session.get());
        ActivityService::Filter filter;
        filter.types = QStringList{QStringLiteral("sign_in")};
        activity.setFilter(filter);
        QTRY_COMPARE(activity.state(), ActivityService::State::Ready);
        const int before = requests();
        const int rows = activity.model()->rowCount();

        ActivityLiveReload live(&activity);
        live.setDebounceInterval(30);
        QSignalSpy reloaded(&live, &ActivityLiveReload::reloaded);
        m_entries.prepend(HouseholdFixtures::entry(
            QStringLiteral("7"), QStringLiteral("2026-11-25T11:00:00Z"), QStringLiteral("sign_in")));
        // A burst: one reload.
        live.applyEvent(QStringLiteral("device.signed_in"));
        live.applyEvent(QStringLiteral("device.removed"));
        live.applyEvent(QStringLiteral("signout.progress"));
        QVERIFY(reloaded.wait());
        QTRY_COMPARE(activity.state(), ActivityService::State::Ready);
        QCOMPARE(reloaded.size(), 1);
        QCOMPARE(requests(), before + 1);
        QCOMPARE(activity.model()->rowCount(), rows + 1);
        // The filter stayed.
        QCOMPARE(activity.filter().types, QStringList{QStringLiteral("sign_in")});
        QCOMPARE(QUrlQuery(m_nam->requests().constLast().url).queryItemValue(QStringLiteral("type")),
                 QStringLiteral("sign_in"));
    }

    void otherEventsDoNot()
    {
        ActivityService activity(m_api.get(), m_session.get());
        activity.reload();
        QTRY_COMPARE(activity.state(), ActivityService::State::Ready);
        ActivityLiveReload live(&activity);
        live.setDebounceInterval(10);
        QSignalSpy reloaded(&live, &ActivityLiveReload::reloaded);
        live.applyEvent(QStringLiteral("device.updated"));
        live.applyEvent(QStringLiteral("session.revoked"));
        QVERIFY(!ActivityLiveReload::createsActivity(QStringLiteral("device.updated")));
        // A later activity event shows the earlier ones started no timer of their own.
        live.applyEvent(QStringLiteral("device.signed_in"));
        QVERIFY(reloaded.wait());
        QCOMPARE(reloaded.size(), 1);
    }

    void notBeforeThePageLoadedOnce()
    {
        ActivityService activity(m_api.get(), m_session.get());
        ActivityLiveReload live(&activity);
        QSignalSpy reloaded(&live, &ActivityLiveReload::reloaded);
        live.reloadNow(); // the page loads it when first shown
        QCOMPARE(reloaded.size(), 0);
        QCOMPARE(requests(), 0);
        activity.reload();
        QCOMPARE(activity.state(), ActivityService::State::Loading);
        live.reloadNow(); // one load at a time
        QCOMPARE(reloaded.size(), 0);
        QTRY_COMPARE(activity.state(), ActivityService::State::Ready);
        live.reloadNow();
        QCOMPARE(reloaded.size(), 1);
    }

    void notAfterLoadMore()
    {
        QJsonArray many;
        for (int i = 150; i > 0; --i)
            many.append(HouseholdFixtures::entry(
                QString::number(i),
                QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).addSecs(i * 600).toString(Qt::ISODate),
                QStringLiteral("sign_in")));
        m_entries = many;
        ActivityService activity(m_api.get(), m_session.get());
        activity.reload();
        QTRY_COMPARE(activity.state(), ActivityService::State::Ready);
        activity.loadMore();
        QTRY_COMPARE(activity.model()->rowCount(), 150);
        ActivityLiveReload live(&activity);
        QSignalSpy reloaded(&live, &ActivityLiveReload::reloaded);
        live.reloadNow(); // the user is reading older pages: they stay
        QCOMPARE(reloaded.size(), 0);
        QCOMPARE(activity.model()->rowCount(), 150);
    }
};

QTEST_GUILESS_MAIN(TestActivityLiveReload)

#include "TestActivityLiveReload.moc"
