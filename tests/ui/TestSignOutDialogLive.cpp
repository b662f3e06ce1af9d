// The sign-out dialog against a real vigil-mockd: the demo household signs one device out with an
// emailed code read from the service's outbox, after one wrong code.
#include "ConfirmDevice.h"
#include "MockdProcess.h"
#include "WidgetFinder.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/devices/Device.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/signout/SignOutConfirmationPage.h"
#include "ui/signout/SignOutDialog.h"
#include "ui/signout/SignOutResultsView.h"
#include "ui/signout/VerificationPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace vigil;
using State = SignOutFlow::State;

class TestSignOutDialogLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }
    void init();
    void cleanup();
    void signsOutOneDeviceWithAnEmailedCode();

private:
    QJsonObject call(const QByteArray& method,
                     const QString& path,
                     const QJsonObject& body = {},
                     const QList<QPair<QByteArray, QByteArray>>& headers = {});
    QString lastEmailedCode();

    QNetworkAccessManager m_network;
    std::unique_ptr<MockdProcess> m_mockd;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<StepUpService> m_stepUp;
    HolderSignOutSender m_sender;
    std::unique_ptr<SignOutFlow> m_flow;
    std::unique_ptr<SignOutDialog> m_dialog;
    QString m_accessToken;
};

void TestSignOutDialogLive::init()
{
    m_mockd = std::make_unique<MockdProcess>();
    QVERIFY2(m_mockd->start(), qPrintable(m_mockd->errorString()));
    const QJsonObject login = call("POST",
                                   QStringLiteral("/v1/auth/login"),
                                   {{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                                    {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")},
                                    {QStringLiteral("device"),
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Computer")},
                                                 {QStringLiteral("type"), QStringLiteral("computer")}}}});
    auto tokens = TokenPair::fromJson(login);
    QVERIFY2(tokens, QJsonDocument(login).toJson().constData());
    QVERIFY(confirmDevice(m_network, m_mockd->baseUrl(), tokens->deviceId));
    m_accessToken = login.value(QStringLiteral("access_token")).toString();
    m_session = std::make_unique<Session>();
    m_session->setTokens(m_mockd->baseUrl(), tokens.value());
    m_api = std::make_unique<ApiClient>(&m_network, m_session.get());
    m_api->setBaseUrl(m_mockd->baseUrl());
    m_stepUp = std::make_unique<StepUpService>(m_api.get());
    m_flow = std::make_unique<SignOutFlow>(m_api.get(), m_stepUp.get(), m_session.get(), &m_sender);
    m_dialog = std::make_unique<SignOutDialog>(m_flow.get());
}

void TestSignOutDialogLive::cleanup()
{
    m_dialog.reset();
    m_flow.reset();
    m_stepUp.reset();
    m_api.reset();
    m_session.reset();
    if (m_mockd)
        QCOMPARE(m_mockd->stop(), 0);
    m_mockd.reset();
}

void TestSignOutDialogLive::signsOutOneDeviceWithAnEmailedCode()
{
    // Another device of the household, with its place, as the Devices page would pass it.
    const QJsonArray devices = call("GET", QStringLiteral("/v1/devices")).value(QStringLiteral("devices")).toArray();
    QVERIFY(devices.size() >= 12);
    std::optional<Device> target;
    for (const QJsonValue& value : devices) {
        auto device = Device::fromJson(value.toObject());
        if (device && !device->isCurrent && device->id != m_session->deviceId() && !device->locationText().isEmpty()) {
            target = device;
            break;
        }
    }
    QVERIFY(target);
    m_flow->start(SignOutFlow::Scope::selected({{target->id, target->displayName(), target->locationText()}}));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->currentPage(), SignOutDialog::Page::Confirmation);
    const QString confirmation = m_dialog->confirmationPage()->text();
    QVERIFY2(confirmation.contains(target->displayName() + QStringLiteral(" — ") + target->locationText()),
             qPrintable(confirmation));
    QVERIFY(confirmation.contains(QStringLiteral("This device is not included")));

    m_dialog->confirmationPage()->signOutButton()->click();
    QCOMPARE(m_dialog->currentPage(), SignOutDialog::Page::Verification);
    auto* email = findByName<QRadioButton>(m_dialog.get(), QStringLiteral("Email code"));
    QVERIFY(email);
    email->setChecked(true);
    findByName<QPushButton>(m_dialog.get(), QStringLiteral("Continue"))->click();
    auto* prompt = findByName<QLabel>(m_dialog.get(), QStringLiteral("Where the code was sent"));
    QVERIFY(prompt);
    QTRY_VERIFY_WITH_TIMEOUT(prompt->text().contains(QStringLiteral("We sent a code to d***@vigil.test")), 10000);
    auto* resend = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Resend code"));
    QVERIFY(resend->text().startsWith(QStringLiteral("Resend in 0:")));
    QVERIFY(!resend->isEnabled());

    const QString code = lastEmailedCode();
    QCOMPARE(code.size(), 6);
    QLineEdit* field = findByName<QLineEdit>(m_dialog.get(), QStringLiteral("Verification code"));
    auto* verify = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Verify"));

    // A wrong code first: the service says how many tries are left.
    const QString wrong = code == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    QTest::keyClicks(field, wrong);
    verify->click();
    auto* problem = m_dialog->verificationPage()->findChild<InlineMessage*>();
    QTRY_VERIFY_WITH_TIMEOUT(problem->text().contains(QStringLiteral("attempts left")), 10000);
    QCOMPARE(m_flow->state(), State::Verifying);

    // The real code, pasted the way an email client copies it.
    field->clear();
    QApplication::clipboard()->setText(code.left(3) + QLatin1Char(' ') + code.mid(3));
    field->paste();
    QCOMPARE(field->text(), code);
    QVERIFY(verify->isEnabled());
    verify->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->currentPage(), SignOutDialog::Page::Results, 10000);
    QListView* list = m_dialog->resultsView()->list();
    QCOMPARE(list->model()->rowCount(), 1);
    const QString row = list->model()->index(0, 0).data().toString();
    QVERIFY2(row.startsWith(target->displayName()), qPrintable(row));
    QVERIFY2(row.endsWith(QStringLiteral("Signed out")) ||
                 row.endsWith(QStringLiteral("Pending — will sign out when it reconnects")),
             qPrintable(row));
}

QJsonObject TestSignOutDialogLive::call(const QByteArray& method,
                                        const QString& path,
                                        const QJsonObject& body,
                                        const QList<QPair<QByteArray, QByteArray>>& headers)
{
    QUrl url = m_mockd->baseUrl();
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    if (!m_accessToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    for (const auto& header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply* reply =
        method == "GET"
            ? m_network.get(request)
            : m_network.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QString TestSignOutDialogLive::lastEmailedCode()
{
    const QJsonArray messages = call("GET",
                                     QStringLiteral("/__admin/outbox"),
                                     {},
                                     {{QByteArray("X-Admin-Key"), QByteArray(MockdProcess::adminKey)}})
                                    .value(QStringLiteral("messages"))
                                    .toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(QStringLiteral("channel")).toString() == QLatin1String("email"))
            return message.value(QStringLiteral("code")).toString();
    }
    return {};
}

QTEST_MAIN(TestSignOutDialogLive)
#include "TestSignOutDialogLive.moc"
