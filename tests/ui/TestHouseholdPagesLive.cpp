// The Profiles and Activity pages against a real vigil-mockd: the demo household's profiles and
// its seeded sign-ins arrive through the real contract, and a wrong password shows up as a failed
// sign-in when the Activity page filters for it.
#include "HouseholdPageFixture.h"
#include "MockdProcess.h"
#include "WidgetFinder.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/auth/TokenPair.h"
#include "core/profiles/ProfileListModel.h"
#include "core/profiles/ProfileService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/pages/ActivityChart.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/ProfileCard.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/widgets/Icons.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestHouseholdPagesLive final : public QObject
{
    Q_OBJECT

private:
    MockdProcess m_mockd;
    QNetworkAccessManager m_network;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;

    int login(const QString& password)
    {
        QUrl url = m_mockd.baseUrl();
        url.setPath(QStringLiteral("/v1/auth/login"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QJsonObject body{{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                               {QStringLiteral("password"), password},
                               {QStringLiteral("device"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Computer")},
                                            {QStringLiteral("type"), QStringLiteral("computer")}}}};
        QNetworkReply* reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        [&] { QVERIFY(finished.wait(10000)); }();
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            auto tokens = TokenPair::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
            if (tokens)
                m_session->setTokens(m_mockd.baseUrl(), tokens.value());
        }
        return status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
        QVERIFY2(m_mockd.start(), qPrintable(m_mockd.errorString()));
        m_session = std::make_unique<Session>();
        m_api = std::make_unique<ApiClient>(&m_network, m_session.get());
        m_api->setBaseUrl(m_mockd.baseUrl());
        QCOMPARE(login(QStringLiteral("vigil-demo-2026")), 200);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_session.reset();
        QCOMPARE(m_mockd.stop(), 0);
    }

    void profilesOfTheDemoHousehold()
    {
        ProfileService service(m_api.get(), m_session.get());
        ProfilesPage page(&service);
        page.resize(860, 560);
        page.show();
        QTRY_COMPARE_WITH_TIMEOUT(page.findChildren<ProfileCard*>().size(), 4, 10000);
        QCOMPARE(service.state(), ProfileService::State::Ready);
        const ProfileListModel* model = service.model();
        QCOMPARE(model->index(3).data().toString(), QStringLiteral("Mia"));
        QVERIFY(model->index(3).data(ProfileListModel::KidsRole).toBool());
        QCOMPARE(model->index(3).data(ProfileListModel::LastDeviceRole).toString(), QStringLiteral("Mia's iPad"));
        HouseholdPageFixture::screenshot(&page, QStringLiteral("profiles-page-live"));
    }

    void activityOfTheDemoHousehold()
    {
        QCOMPARE(login(QStringLiteral("not-the-password")), 401);
        ActivityService service(m_api.get(), m_session.get());
        ActivityPage page(&service);
        page.resize(1100, 720);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(service.model()->rowCount() >= 14, 10000); // 12 seeded, ours, the failure
        QVERIFY(page.chart()->summary().contains(QStringLiteral("Germany")));
        HouseholdPageFixture::screenshot(&page, QStringLiteral("activity-page-live"));

        auto* type = findByName<QComboBox>(&page, QStringLiteral("Event type"));
        type->setCurrentIndex(type->findText(QStringLiteral("Failed sign-in")));
        QTRY_COMPARE_WITH_TIMEOUT(service.model()->rowCount(), 1, 10000);
        QCOMPARE(service.state(), ActivityService::State::Ready);
        const QModelIndex failed = service.model()->index(0, ActivityModel::DetailsColumn);
        QCOMPARE(failed.data().toString(), QStringLiteral("A sign-in failed (Password)"));
    }
};

QTEST_MAIN(TestHouseholdPagesLive)
#include "TestHouseholdPagesLive.moc"
