// The auto sign-out setting against a real vigil-mockd: changing "Sign out devices unused for" on the Preferences
// page asks "Confirm It's You" while there is no step-up token; cancelling keeps the service's value;
// verifying with the password saves the choice (with X-Step-Up), and the next change inside the
// token's life saves without asking.
#include "ConfirmDevice.h"
#include "MockdProcess.h"
#include "SignInStack.h"
#include "WidgetFinder.h"
#include "core/account/AccountSettingsService.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestAutoSignOutUiLive final : public QObject
{
    Q_OBJECT

private:
    MockdProcess m_mockd;
    QNetworkAccessManager m_network;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;

    void login()
    {
        QUrl url = m_mockd.baseUrl();
        url.setPath(QStringLiteral("/v1/auth/login"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        const QJsonObject body{{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                               {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")},
                               {QStringLiteral("device"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Computer")},
                                            {QStringLiteral("type"), QStringLiteral("computer")}}}};
        QNetworkReply* reply = m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        reply->deleteLater();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        auto tokens = TokenPair::fromJson(QJsonDocument::fromJson(reply->readAll()).object());
        QVERIFY(tokens);
        QVERIFY(confirmDevice(m_network, m_mockd.baseUrl(), tokens->deviceId));
        m_session->setTokens(m_mockd.baseUrl(), tokens.value());
    }

    // What the service says now, read through a separate client object.
    int serviceDays(StepUpService* stepUp)
    {
        AccountSettingsService probe(m_api.get(), m_session.get(), stepUp);
        probe.reload();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(probe.state() != AccountSettingsService::State::Loading, 10000); }();
        [&] { QCOMPARE(probe.state(), AccountSettingsService::State::Loaded); }();
        return probe.autoSignOutDays();
    }

    static void choose(QComboBox* box, int days)
    {
        const int index = box->findData(days);
        QVERIFY(index >= 0);
        box->setCurrentIndex(index);
        Q_EMIT box->activated(index);
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
        login();
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_session.reset();
        QCOMPARE(m_mockd.stop(), 0);
    }

    void changeIsSavedAfterStepUp()
    {
        SignInStack stack; // the page's sign-in objects (server field, remember box); not used here
        StepUpService stepUp(m_api.get());
        AccountSettingsService service(m_api.get(), m_session.get(), &stepUp);
        QWidget window;
        auto* page = new PreferencesPage(stack.settings.get(), stack.flow.get(), m_session.get(), &window);
        page->setStepUpMethods({QStringLiteral("password"), QStringLiteral("email")});
        page->setAccountSettings(&service); // signed in: loads
        QSignalSpy dialogs(page, &PreferencesPage::dialogOpened);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* box = findByName<QComboBox>(page, QStringLiteral("Sign out devices unused for"));
        QVERIFY(box);
        QTRY_VERIFY_WITH_TIMEOUT(box->isEnabled(), 10000);
        QCOMPARE(box->currentData().toInt(), 0); // never, by default

        // No token yet: the dialog; cancelled, the service keeps "never".
        choose(box, 90);
        QCOMPARE(dialogs.size(), 1);
        QPointer<StepUpDialog> dialog = qobject_cast<StepUpDialog*>(dialogs.constLast().constFirst().value<QDialog*>());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->reject();
        QCOMPARE(box->currentData().toInt(), 0);
        QCOMPARE(service.state(), AccountSettingsService::State::Loaded);
        QCOMPARE(serviceDays(&stepUp), 0);

        // Verified with the password: saved on the service.
        choose(box, 90);
        QCOMPARE(dialogs.size(), 2);
        dialog = qobject_cast<StepUpDialog*>(dialogs.constLast().constFirst().value<QDialog*>());
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* password = findByName<QRadioButton>(dialog, QStringLiteral("Password"));
        QVERIFY(password);
        password->setChecked(true);
        dialog->page()->defaultButton()->click();
        StepUpFlow* flow = page->stepUpFlow();
        QTRY_VERIFY_WITH_TIMEOUT(!flow->isBusy(), 10000);
        QCOMPARE(flow->state(), StepUpFlow::State::Verifying);
        QTest::keyClicks(dialog->page()->secretField(), QStringLiteral("vigil-demo-2026"));
        QTest::keyClick(dialog->page()->secretField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(stepUp.validToken().has_value(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), AccountSettingsService::State::Loaded, 10000);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(service.autoSignOutDays(), 90);
        QCOMPARE(box->currentData().toInt(), 90);
        QCOMPARE(serviceDays(&stepUp), 90);

        // Inside the token's life: saved without asking again.
        choose(box, 365);
        QTRY_COMPARE_WITH_TIMEOUT(service.state(), AccountSettingsService::State::Loaded, 10000);
        QCOMPARE(dialogs.size(), 2);
        QCOMPARE(service.autoSignOutDays(), 365);
        QCOMPARE(serviceDays(&stepUp), 365);
        QVERIFY(!service.error());
    }
};

QTEST_MAIN(TestAutoSignOutUiLive)
#include "TestAutoSignOutUiLive.moc"
