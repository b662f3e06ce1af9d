// The auto sign-out setting on the client: the Preferences choice "Sign out devices unused for" (load, save with
// progress, revert on failure, step-up first: "Confirm It's You" without a token, cancelling
// reverts and sends nothing, a refused token asks again), the alerts switch, and "Will be signed out
// in 12 days" in the device table and the details pane's words. Over a faked network; see
// TestAutoSignOutUiLive.cpp for the same against vigil-mockd.
#include "SignInStack.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "core/account/AccountSettingsService.h"
#include "core/devices/Device.h"
#include "core/devices/DeviceListModel.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "core/util/EnglishPlurals.h"
#include "ui/devices/DeviceTableModel.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/signout/VerificationPage.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;

class TestAutoSignOutUi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<StepUpService> m_stepUp;
    bool m_saveFails = false;
    bool m_refuseToken = false; // the service's copy of the token ran out
    QJsonValue m_days = QJsonValue(QJsonValue::Null);

    FakeNetworkAccessManager& nam() { return *m_stack->nam; }

    QComboBox* combo(QWidget* page)
    {
        return findByName<QComboBox>(page, QStringLiteral("Sign out devices unused for"));
    }

    static void choose(QComboBox* box, int days)
    {
        const int index = box->findData(days);
        QVERIFY(index >= 0);
        box->setCurrentIndex(index);
        Q_EMIT box->activated(index); // what a click on the item sends
    }

    // Earns the step-up token "vst_1" the fake service accepts.
    void earnToken()
    {
        bool done = false;
        m_stepUp->begin(QStringLiteral("password"), this, [&](const Expected<StepUpChallenge, ApiError>& result) {
            QVERIFY(result.hasValue());
            m_stepUp->verify(result.value().challenge,
                             QStringLiteral("pw"),
                             this,
                             [&](const Expected<void, ApiError>&) { done = true; });
        });
        QTRY_VERIFY(done);
        QVERIFY(m_stepUp->validToken().has_value());
    }

    // The page's "Confirm It's You" dialog, once it is on screen.
    static StepUpDialog* openedDialog(const QSignalSpy& dialogs)
    {
        if (dialogs.isEmpty())
            return nullptr;
        auto* dialog = qobject_cast<StepUpDialog*>(dialogs.constLast().constFirst().value<QDialog*>());
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    // Confirms with the password through the dialog, as a person would.
    static void verifyWithPassword(StepUpDialog* dialog, StepUpFlow* flow)
    {
        auto* password = findByName<QRadioButton>(dialog, QStringLiteral("Password"));
        QVERIFY(password);
        password->setChecked(true);
        dialog->page()->defaultButton()->click();
        QTRY_VERIFY(!flow->isBusy());
        QCOMPARE(flow->state(), StepUpFlow::State::Verifying);
        QTest::keyClicks(dialog->page()->secretField(), QStringLiteral("pw"));
        QTest::keyClick(dialog->page()->secretField(), Qt::Key_Return);
    }

    int puts() const
    {
        int count = 0;
        for (const FakeRequest& request : m_stack->nam->requests())
            count += request.method == "PUT" ? 1 : 0;
        return count;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        m_saveFails = false;
        m_refuseToken = false;
        m_days = QJsonValue(QJsonValue::Null);
        m_stack = std::make_unique<SignInStack>();
        m_stepUp = std::make_unique<StepUpService>(m_stack->api.get());
        m_stack->api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
        auto tokens = TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_a"), QStringLiteral("vrt_a")));
        QVERIFY(tokens);
        m_stack->session->setTokens(m_stack->api->baseUrl(), tokens.value());
        nam().setHandler([this](const FakeRequest& request) {
            if (request.path() == QLatin1String("/v1/step-up"))
                return FakeResponse::json(200,
                                          {{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                           {QStringLiteral("method"), QStringLiteral("password")},
                                           {QStringLiteral("expires_in"), 600},
                                           {QStringLiteral("resend_after"), 0}});
            if (request.path() == QLatin1String("/v1/step-up/verify"))
                return FakeResponse::json(
                    200,
                    {{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
            if (request.path() != QLatin1String("/v1/account/settings"))
                return FakeResponse::error(404, "not_found");
            if (request.method == "PUT") {
                if (request.header("X-Step-Up") != "vst_1" || m_refuseToken)
                    return FakeResponse::error(403, "step_up_required", "Confirm it is you.");
                if (m_saveFails)
                    return FakeResponse::error(500, "internal_error", "Something went wrong on the server.");
                m_days = request.json().value(QStringLiteral("auto_sign_out_days"));
            }
            return FakeResponse::json(200, {{QStringLiteral("auto_sign_out_days"), m_days}});
        });
    }

    void cleanup()
    {
        m_stepUp.reset();
        m_stack.reset();
    }

    void choiceIsLoadedAndSaved()
    {
        m_days = 60;
        AccountSettingsService service(m_stack->api.get(), m_stack->session.get(), m_stepUp.get());
        PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
        QComboBox* box = combo(&page);
        QVERIFY(box);
        QVERIFY(!box->isEnabled()); // nothing to show yet
        QCOMPARE(box->count(), 6);
        QCOMPARE(box->itemText(0), QStringLiteral("30 days"));
        QCOMPARE(box->itemText(5), QStringLiteral("Never"));
        page.setAccountSettings(&service); // signed in: loads
        QTRY_VERIFY(box->isEnabled());
        QCOMPARE(box->currentData().toInt(), 60);

        earnToken(); // verified a minute ago: no dialog this time
        QSignalSpy dialogs(&page, &PreferencesPage::dialogOpened);
        choose(box, 90);
        QCOMPARE(dialogs.size(), 0);
        QCOMPARE(service.state(), AccountSettingsService::State::Saving);
        QVERIFY(!box->isEnabled());
        auto* message = page.findChild<InlineMessage*>();
        QVERIFY(message);
        QCOMPARE(message->text(), QStringLiteral("Saving…"));
        QTRY_VERIFY(box->isEnabled());
        QCOMPARE(m_days.toInt(), 90);
        QCOMPARE(box->currentData().toInt(), 90);
        QVERIFY(message->text().isEmpty());
        QCOMPARE(puts(), 1);
        QCOMPARE(nam().requests().constLast().method, QByteArray("PUT"));
        QCOMPARE(nam().requests().constLast().header("X-Step-Up"), QByteArray("vst_1"));

        choose(box, 0); // Never is null on the wire
        QTRY_VERIFY(box->isEnabled());
        QVERIFY(m_days.isNull());
        QCOMPARE(nam().requests().constLast().json().value(QStringLiteral("auto_sign_out_days")), QJsonValue());
        QVERIFY(nam().requests().constLast().json().contains(QStringLiteral("auto_sign_out_days")));
    }

    void aRefusedSaveComesBack()
    {
        m_days = 90;
        AccountSettingsService service(m_stack->api.get(), m_stack->session.get(), m_stepUp.get());
        PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
        page.setAccountSettings(&service);
        QComboBox* box = combo(&page);
        QTRY_VERIFY(box->isEnabled());
        earnToken();
        m_saveFails = true;
        QSignalSpy failed(&service, &AccountSettingsService::saveFailed);
        choose(box, 30);
        QVERIFY(failed.wait());
        QCOMPARE(puts(), 1);
        QCOMPARE(box->currentData().toInt(), 90); // back as it was
        QVERIFY(box->isEnabled());
        auto* message = page.findChild<InlineMessage*>();
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QVERIFY2(message->text().startsWith(QStringLiteral("The setting could not be saved")),
                 qPrintable(message->text()));
        QCOMPARE(service.autoSignOutDays(), 90);
    }

    void changeAsksForStepUpFirst()
    {
        m_days = 90;
        AccountSettingsService service(m_stack->api.get(), m_stack->session.get(), m_stepUp.get());
        QWidget window;
        auto* page = new PreferencesPage(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get(), &window);
        page->setStepUpMethods({QStringLiteral("password"), QStringLiteral("email")});
        page->setAccountSettings(&service);
        QSignalSpy dialogs(page, &PreferencesPage::dialogOpened);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QComboBox* box = combo(page);
        QTRY_VERIFY(box->isEnabled());

        // No token: "Confirm It's You" first, with the reason; nothing is sent yet.
        choose(box, 30);
        QCOMPARE(dialogs.size(), 1);
        QPointer<StepUpDialog> dialog = openedDialog(dialogs);
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Confirm It's You"));
        auto* why = findByName<QLabel>(dialog, QStringLiteral("Why Vigil asks"));
        QVERIFY(why);
        QVERIFY2(why->text().contains(QStringLiteral("changes when unused devices are signed out")),
                 qPrintable(why->text()));
        QCOMPARE(page->stepUpFlow()->state(), StepUpFlow::State::ChoosingMethod);
        QCOMPARE(page->stepUpFlow()->availableMethods().size(), 2);
        QCOMPARE(box->currentData().toInt(), 30); // the choice stays in view while Vigil asks
        QCOMPARE(puts(), 0);

        // Cancelled: back to the saved value, nothing sent.
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(box->currentData().toInt(), 90);
        QVERIFY(box->isEnabled());
        QCOMPARE(puts(), 0);
        QCOMPARE(service.autoSignOutDays(), 90);
        QCOMPARE(page->stepUpFlow()->state(), StepUpFlow::State::Idle);

        // Verified in the dialog: saved, with the token.
        choose(box, 180);
        QCOMPARE(dialogs.size(), 2);
        dialog = openedDialog(dialogs);
        QVERIFY(dialog);
        verifyWithPassword(dialog, page->stepUpFlow());
        QTRY_COMPARE(puts(), 1);
        QTRY_COMPARE(service.state(), AccountSettingsService::State::Loaded);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(m_days.toInt(), 180);
        QCOMPARE(box->currentData().toInt(), 180);
        QCOMPARE(service.autoSignOutDays(), 180);
    }

    void aRefusedTokenAsksAgain()
    {
        m_days = 90;
        AccountSettingsService service(m_stack->api.get(), m_stack->session.get(), m_stepUp.get());
        QWidget window;
        auto* page = new PreferencesPage(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get(), &window);
        page->setStepUpMethods({QStringLiteral("password")});
        page->setAccountSettings(&service);
        QSignalSpy dialogs(page, &PreferencesPage::dialogOpened);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QComboBox* box = combo(page);
        QTRY_VERIFY(box->isEnabled());
        earnToken();
        m_refuseToken = true; // the client still thinks it is valid; the service does not

        QSignalSpy asked(&service, &AccountSettingsService::stepUpRequired);
        QSignalSpy failed(&service, &AccountSettingsService::saveFailed);
        choose(box, 60);
        QVERIFY(asked.wait());
        QCOMPARE(puts(), 1);
        QCOMPARE(asked.constFirst().at(0).toInt(), 60);
        QVERIFY(!m_stepUp->validToken()); // dropped
        QCOMPARE(failed.size(), 0);       // not an error to show: a question to ask
        QCOMPARE(service.autoSignOutDays(), 90);
        QCOMPARE(dialogs.size(), 1);
        QPointer<StepUpDialog> dialog = openedDialog(dialogs);
        QVERIFY(dialog);
        QCOMPARE(page->stepUpFlow()->problem().kind, StepUpFlow::ProblemKind::StepUpRequired);
        QCOMPARE(box->currentData().toInt(), 60);

        // Verified again: the same choice is saved.
        m_refuseToken = false;
        verifyWithPassword(dialog, page->stepUpFlow());
        QTRY_COMPARE(puts(), 2);
        QTRY_COMPARE(service.state(), AccountSettingsService::State::Loaded);
        QCOMPARE(m_days.toInt(), 60);
        QCOMPARE(box->currentData().toInt(), 60);

        // Refused again and cancelled this time: the saved value comes back.
        m_refuseToken = true;
        choose(box, 365);
        QTRY_COMPARE(dialogs.size(), 2);
        dialog = openedDialog(dialogs);
        QVERIFY(dialog);
        QCOMPARE(box->currentData().toInt(), 365);
        dialog->reject();
        QCOMPARE(box->currentData().toInt(), 60);
        QCOMPARE(puts(), 3);
        QCOMPARE(service.autoSignOutDays(), 60);
    }

    void alertsSwitchIsSaved()
    {
        AppSettings* settings = m_stack->settings.get(); // the app's one AppSettings
        PreferencesPage page(settings, m_stack->flow.get(), m_stack->session.get());
        auto* box = findByName<QCheckBox>(&page, QStringLiteral("Alert me when a device signs in to my account"));
        QVERIFY(box);
        QVERIFY(box->isChecked()); // on by default
        QSignalSpy changed(settings, &AppSettings::signInAlertsChanged);
        box->click();
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.constFirst().constFirst().toBool(), false);
        QCOMPARE(settings->signInAlerts(), false);
        box->click();
        QCOMPARE(settings->signInAlerts(), true);
        // Changed elsewhere (another page, the tray): the switch follows.
        settings->setSignInAlerts(false);
        QVERIFY(!box->isChecked());
        QCOMPARE(changed.size(), 3);
    }

    void tableSaysWhenADeviceWillBeSignedOut()
    {
        const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
        auto device = [&](const QString& id, int daysLeft) {
            Device d;
            d.id = id;
            d.name = id;
            d.type = Device::Type::Tv;
            d.status = Device::Status::Offline;
            d.firstSignIn = now.addDays(-200);
            d.lastActive = now.addDays(-20);
            if (daysLeft != 0)
                d.autoSignOutAt = now.addSecs(qint64(daysLeft) * 86400 - 3600); // 11 d 23 h: "12 days"
            return d;
        };
        DeviceListModel list;
        list.setRelativeTime(RelativeTime([now] { return now; }));
        list.setDevices({device(QStringLiteral("near"), 12),
                         device(QStringLiteral("far"), 40),
                         device(QStringLiteral("never"), 0)});
        DeviceTableModel table;
        table.setSourceModel(&list); // "now" comes from the list's clock
        const QModelIndex near = table.index(0, DeviceListModel::LastActiveColumn);
        QVERIFY(table.data(near, Qt::ToolTipRole).toString().endsWith(QStringLiteral("Will be signed out in 12 days")));
        QVERIFY(table.data(near, Qt::AccessibleDescriptionRole)
                    .toString()
                    .contains(QStringLiteral("Will be signed out in 12 days")));
        QVERIFY(!table.data(near, Qt::DecorationRole).value<QIcon>().isNull());
        for (int row : {1, 2}) {
            const QModelIndex other = table.index(row, DeviceListModel::LastActiveColumn);
            QVERIFY(!table.data(other, Qt::ToolTipRole).toString().contains(QStringLiteral("signed out")));
            QVERIFY(table.data(other, Qt::DecorationRole).value<QIcon>().isNull());
        }
        // The pane uses the same words.
        QCOMPARE(device(QStringLiteral("x"), 1).autoSignOutText(now),
                 QStringLiteral("Will be signed out within a day"));
        QCOMPARE(device(QStringLiteral("x"), 14).autoSignOutText(now), QStringLiteral("Will be signed out in 14 days"));
        QCOMPARE(device(QStringLiteral("x"), 15).autoSignOutText(now), QString());
    }
};

QTEST_MAIN(TestAutoSignOutUi)

#include "TestAutoSignOutUi.moc"
