// Support mode's core over a faked network: SupportService (rules, search, summary, request paths
// with the reason), DeviceService and ActivityService pointed at a customer's support routes, and
// SupportConsole dropping a customer's rows when closed.
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/flows/SupportSignOutSender.h"
#include "core/stepup/StepUpService.h"
#include "core/support/SupportConsole.h"
#include "core/support/SupportService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>
#include <memory>

using namespace vigil;

namespace {

const QString reason = QStringLiteral("Customer called about an unknown TV");

QJsonObject deviceJson(const QString& id)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), QString(QStringLiteral("Device ") + id)},
            {QStringLiteral("type"), QStringLiteral("tv")},
            {QStringLiteral("ip"), QStringLiteral("203.0.113.x")},
            {QStringLiteral("first_sign_in"), QStringLiteral("2026-01-01T10:00:00Z")},
            {QStringLiteral("last_active"), QStringLiteral("2026-11-25T10:00:00Z")},
            {QStringLiteral("status"), QStringLiteral("idle")},
            {QStringLiteral("is_current"), false}};
}

QJsonObject customerJson(bool summary)
{
    QJsonObject json{{QStringLiteral("id"), QStringLiteral("acc_demo")},
                     {QStringLiteral("email"), QStringLiteral("d***@vigil.test")},
                     {QStringLiteral("display_name"), QStringLiteral("Demo Household")},
                     {QStringLiteral("devices_count"), 2}};
    if (summary) {
        json.insert(QStringLiteral("phone"), QStringLiteral("+44 •••• ••12"));
        json.insert(QStringLiteral("two_step"),
                    QJsonObject{{QStringLiteral("totp"), true},
                                {QStringLiteral("sms"), false},
                                {QStringLiteral("email"), true}});
        json.insert(QStringLiteral("profiles_count"), 4);
        json.insert(QStringLiteral("created_at"), QStringLiteral("2024-09-12T08:00:00Z"));
    }
    return json;
}

// The support routes as the contract describes them; everything else is a 403 (support token).
FakeResponse supportRoutes(const FakeRequest& request)
{
    const QUrlQuery query(request.url);
    const QString path = request.path();
    if (query.queryItemValue(QStringLiteral("reason"), QUrl::FullyDecoded).trimmed().size() < 10)
        return FakeResponse::json(422,
                                  {{QStringLiteral("error"), QStringLiteral("invalid_field")},
                                   {QStringLiteral("field"), QStringLiteral("reason")},
                                   {QStringLiteral("message"), QStringLiteral("reason must be 10–500 characters.")}});
    if (path == QLatin1String("/v1/support/accounts"))
        return FakeResponse::json(200, {{QStringLiteral("accounts"), QJsonArray{customerJson(false)}}});
    if (path == QLatin1String("/v1/support/accounts/acc_demo"))
        return FakeResponse::json(200, customerJson(true));
    if (path == QLatin1String("/v1/support/accounts/acc_demo/devices"))
        return FakeResponse::json(
            200,
            {{QStringLiteral("devices"),
              QJsonArray{deviceJson(QStringLiteral("dev_a")), deviceJson(QStringLiteral("dev_b"))}}});
    if (path == QLatin1String("/v1/support/accounts/acc_demo/history"))
        return FakeResponse::json(
            200,
            {{QStringLiteral("entries"),
              QJsonArray{QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-11-25T09:00:00Z")},
                                     {QStringLiteral("ip"), QStringLiteral("203.0.113.x")},
                                     {QStringLiteral("method"), QStringLiteral("password")}}}}});
    if (path == QLatin1String("/v1/support/accounts/acc_demo/activity"))
        return FakeResponse::json(200, {{QStringLiteral("entries"), QJsonArray{}}});
    return FakeResponse::error(403, "forbidden", "Support accounts can't use this route.");
}

} // namespace

class TestSupportCore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_nam = std::make_unique<FakeNetworkAccessManager>();
        m_nam->setHandler(supportRoutes);
        m_session = std::make_unique<Session>();
        m_api = std::make_unique<ApiClient>(m_nam.get(), m_session.get());
        m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        m_session->setTokens(m_api->baseUrl(), tokens.value());
        m_console = std::make_unique<SupportConsole>(m_api.get(), m_session.get());
    }
    void cleanup()
    {
        m_console.reset();
        m_api.reset();
        m_session.reset();
        m_nam.reset();
    }

    void rules()
    {
        QVERIFY(!SupportService::validateQuery(QStringLiteral(" de ")).isEmpty());
        QVERIFY(SupportService::validateQuery(QStringLiteral("dem")).isEmpty());
        QVERIFY(!SupportService::validateReason(QStringLiteral("  too short  ")).isEmpty());
        QVERIFY(SupportService::validateReason(QStringLiteral("0123456789")).isEmpty());
        QVERIFY(!SupportService::validateReason(QString(501, u'x')).isEmpty());
        QVERIFY(SupportService::validateReason(QString(500, u'x')).isEmpty());

        QCOMPARE(SupportService::normalizeCode(QStringLiteral("7kq2-m9xf")), QStringLiteral("7KQ2M9XF"));
        QCOMPARE(SupportService::normalizeCode(QStringLiteral(" 7KQ2 M9XF ")), QStringLiteral("7KQ2M9XF"));
        QVERIFY(!SupportService::normalizeCode(QStringLiteral("7KQ2-M9X")));   // 7 characters
        QVERIFY(!SupportService::normalizeCode(QStringLiteral("7KQ2-M9XFF"))); // 9
        QVERIFY(!SupportService::normalizeCode(QStringLiteral("0KQ2-M9XF")));  // 0 is not in the alphabet
        QVERIFY(!SupportService::normalizeCode(QStringLiteral("IKQ2-M9XF")));  // nor I
        QCOMPARE(SupportService::formatCode(QStringLiteral("7KQ2M9XF")), QStringLiteral("7KQ2-M9XF"));
    }

    void searchSendsQueryAndReason()
    {
        SupportService* support = m_console->support();
        QSignalSpy state(support, &SupportService::searchStateChanged);
        support->search(QStringLiteral(" demo@ "), QStringLiteral("  ") + reason + QStringLiteral(" "));
        QCOMPARE(support->searchState(), SupportService::State::Busy);
        QTRY_COMPARE(support->searchState(), SupportService::State::Ready);
        const FakeRequest& sent = m_nam->requests().constLast();
        QCOMPARE(sent.path(), QStringLiteral("/v1/support/accounts"));
        const QUrlQuery query(sent.url);
        QCOMPARE(query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded), QStringLiteral("demo@"));
        QCOMPARE(query.queryItemValue(QStringLiteral("reason"), QUrl::FullyDecoded), reason);
        QCOMPARE(support->results().size(), 1);
        QCOMPARE(support->results().constFirst().maskedEmail, QStringLiteral("d***@vigil.test"));
        QCOMPARE(support->results().constFirst().devicesCount, 2);
        QVERIFY(!support->results().constFirst().hasSummary);
    }

    void shortReasonFailsWithTheServiceMessage()
    {
        SupportService* support = m_console->support();
        support->search(QStringLiteral("demo@"), QStringLiteral("short"));
        QTRY_COMPARE(support->searchState(), SupportService::State::Failed);
        QVERIFY(support->searchError());
        QCOMPARE(support->searchError()->code(), ApiError::Code::InvalidField);
        QCOMPARE(support->searchError()->field(), QStringLiteral("reason"));
        QCOMPARE(support->searchError()->serverMessage(), QStringLiteral("reason must be 10–500 characters."));
    }

    void openLoadsSummaryAndDevicesWithTheReason()
    {
        const auto customer = SupportCustomer::fromJson(customerJson(false));
        QVERIFY(customer);
        QSignalSpy loaded(m_console->devices(), &DeviceService::loaded);
        m_console->open(*customer, reason);
        QCOMPARE(m_console->support()->accountPath(), QStringLiteral("/v1/support/accounts/acc_demo"));
        QVERIFY(loaded.wait());
        QTRY_COMPARE(m_console->support()->summaryState(), SupportService::State::Ready);
        QCOMPARE(m_console->support()->customer()->maskedPhone, QStringLiteral("+44 •••• ••12"));
        QCOMPARE(m_console->support()->customer()->profilesCount, 4);
        QVERIFY(m_console->support()->customer()->twoStep.totp);
        QCOMPARE(m_console->deviceModel()->rowCount(), 2);
        QCOMPARE(m_console->deviceModel()->deviceAt(0).ip, QStringLiteral("203.0.113.x"));
        QVERIFY(m_console->devices()->isReadOnly());
        for (const FakeRequest& request : m_nam->requests()) {
            QVERIFY2(request.path().startsWith(QLatin1String("/v1/support/")), qPrintable(request.path()));
            QCOMPARE(QUrlQuery(request.url).queryItemValue(QStringLiteral("reason"), QUrl::FullyDecoded), reason);
        }

        // History: the support route, with device=, in the holder's `entries` shape.
        QSignalSpy history(m_console->devices(), &DeviceService::historyLoaded);
        m_console->devices()->fetchHistory(QStringLiteral("dev_a"));
        QVERIFY(history.wait());
        const FakeRequest& sent = m_nam->requests().constLast();
        QCOMPARE(sent.path(), QStringLiteral("/v1/support/accounts/acc_demo/history"));
        QCOMPARE(QUrlQuery(sent.url).queryItemValue(QStringLiteral("device")), QStringLiteral("dev_a"));
        const auto entries = history.constFirst().at(1).value<QList<DeviceService::HistoryEntry>>();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().ip, QStringLiteral("203.0.113.x"));

        // Rename is refused here: nothing is sent.
        const qsizetype before = m_nam->requests().size();
        QSignalSpy renameFailed(m_console->devices(), &DeviceService::renameFailed);
        m_console->devices()->rename(QStringLiteral("dev_a"), QStringLiteral("Mine now"));
        QVERIFY(renameFailed.wait());
        QCOMPARE(renameFailed.constFirst().at(1).value<ApiError>().code(), ApiError::Code::Forbidden);
        QCOMPARE(m_nam->requests().size(), before);
    }

    void activityReadsTheSupportRoute()
    {
        const auto customer = SupportCustomer::fromJson(customerJson(false));
        m_console->open(*customer, reason, true);
        QTRY_COMPARE(m_console->activity()->state(), ActivityService::State::Ready);
        const auto& requests = m_nam->requests();
        const auto found = std::find_if(requests.cbegin(), requests.cend(), [](const FakeRequest& request) {
            return request.path() == QLatin1String("/v1/support/accounts/acc_demo/activity");
        });
        QVERIFY(found != requests.cend());
        QCOMPARE(QUrlQuery(found->url).queryItemValue(QStringLiteral("reason"), QUrl::FullyDecoded), reason);
    }

    void closeDropsTheCustomer()
    {
        const auto customer = SupportCustomer::fromJson(customerJson(false));
        QSignalSpy loaded(m_console->devices(), &DeviceService::loaded);
        m_console->open(*customer, reason);
        QVERIFY(loaded.wait());
        QCOMPARE(m_console->deviceModel()->rowCount(), 2);
        m_console->close();
        QVERIFY(!m_console->support()->hasCustomer());
        QVERIFY(m_console->support()->reason().isEmpty());
        QCOMPARE(m_console->deviceModel()->rowCount(), 0);
        // And a session that ends does the same.
        m_console->open(*customer, reason);
        QVERIFY(loaded.wait());
        m_session->clear();
        // Right after the windows switched (queued), never left behind.
        QTRY_VERIFY(!m_console->support()->hasCustomer());
        QCOMPARE(m_console->deviceModel()->rowCount(), 0);
    }

    void signOutFlowSendsTheCodeInsteadOfAStepUp()
    {
        m_nam->setHandler([](const FakeRequest& request) {
            if (request.path() != QLatin1String("/v1/support/accounts/acc_demo/sign-out"))
                return FakeResponse::error(403, "forbidden");
            QJsonArray results;
            const QJsonArray ids = request.json().value(QStringLiteral("devices")).toArray();
            for (const QJsonValue& id : ids)
                results.append(QJsonObject{{QStringLiteral("device_id"), id},
                                           {QStringLiteral("name"), QStringLiteral("Living Room TV")},
                                           {QStringLiteral("result"), QStringLiteral("signed_out")}});
            return FakeResponse::json(
                200, {{QStringLiteral("request_id"), QStringLiteral("req_1")}, {QStringLiteral("results"), results}});
        });
        StepUpService stepUp(m_api.get());
        SupportSignOutSender sender;
        SignOutFlow flow(m_api.get(), &stepUp, m_session.get(), &sender);
        sender.setAuthorization(
            SupportSignOutSender::Authorization{QStringLiteral("acc_demo"), reason, QStringLiteral("7KQ2M9XF")});

        // There is no "every other device" for support.
        flow.start(SignOutFlow::Scope::others());
        QCOMPARE(flow.state(), SignOutFlow::State::Idle);

        // The session's own device id among the customer's is still not "this device".
        flow.start(SignOutFlow::Scope::selected({{QStringLiteral("dev_1"), QStringLiteral("Living Room TV")}}));
        QCOMPARE(flow.state(), SignOutFlow::State::Confirming);
        QVERIFY(!flow.includesThisDevice());
        flow.confirm();
        QCOMPARE(flow.state(), SignOutFlow::State::Submitting); // no step-up
        QTRY_COMPARE(flow.state(), SignOutFlow::State::Reporting);
        const FakeRequest& sent = m_nam->requests().constLast();
        QCOMPARE(sent.method, QByteArray("POST"));
        QVERIFY(sent.header("X-Step-Up").isEmpty());
        const QJsonObject body = sent.json();
        QCOMPARE(body.value(QStringLiteral("code")).toString(), QStringLiteral("7KQ2M9XF"));
        QCOMPARE(body.value(QStringLiteral("scope")).toString(), QStringLiteral("devices"));
        QCOMPARE(body.value(QStringLiteral("devices")).toArray(), QJsonArray{QStringLiteral("dev_1")});
        QCOMPARE(body.value(QStringLiteral("reason")).toString(), reason);
        QVERIFY(!body.contains(QStringLiteral("ids")));
        QCOMPARE(flow.results()->rowCount(), 1);
        QVERIFY(m_session->isSignedIn());

        flow.start(SignOutFlow::Scope::all());
        QVERIFY(!flow.includesThisDevice());
        flow.confirm();
        QTRY_COMPARE(flow.state(), SignOutFlow::State::Reporting);
        QCOMPARE(m_nam->requests().constLast().json().value(QStringLiteral("scope")).toString(), QStringLiteral("all"));
        QVERIFY(!m_nam->requests().constLast().json().contains(QStringLiteral("devices")));
        QVERIFY(m_session->isSignedIn()); // "all" is the customer's, never a reason to leave

        // The holder's own sign-out over the same services: a step-up first.
        HolderSignOutSender holderSender;
        SignOutFlow holderFlow(m_api.get(), &stepUp, m_session.get(), &holderSender);
        holderFlow.start(SignOutFlow::Scope::selected({{QStringLiteral("dev_2"), QStringLiteral("Phone")}}));
        holderFlow.confirm();
        QCOMPARE(holderFlow.state(), SignOutFlow::State::ChoosingMethod);
    }

    void holderDefaultsAreUnchanged()
    {
        DeviceListModel model;
        DeviceService devices(m_api.get(), &model);
        QCOMPARE(devices.source().listPath, QStringLiteral("/v1/devices"));
        QVERIFY(!devices.isReadOnly());
        ActivityService activity(m_api.get(), m_session.get());
        QCOMPARE(activity.source().path, QStringLiteral("/v1/activity"));
    }

private:
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<SupportConsole> m_console;
};

QTEST_GUILESS_MAIN(TestSupportCore)
#include "TestSupportCore.moc"
