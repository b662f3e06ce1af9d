// Every sign-out entry point of the Devices page, offscreen: each starts the one SignOutFlow with
// the right devices, named and placed, and "Don't recognize this device?" ends in next steps.
#include "DevicesPageFixture.h"
#include "core/flows/HolderSignOutSender.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "core/stepup/StepUpService.h"
#include "ui/devices/SignOutActions.h"
#include "ui/devices/SignOutRowDelegate.h"
#include "ui/devices/UnrecognizedDeviceGuide.h"

#include <QAction>
#include <QJsonArray>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using State = SignOutFlow::State;
using Kind = SignOutFlow::Scope::Kind;

namespace {

QStringList idsOf(const QList<SignOutFlow::Target>& targets)
{
    QStringList ids;
    for (const auto& target : targets)
        ids.append(target.deviceId);
    ids.sort();
    return ids;
}

FakeResponse json(const QJsonObject& body)
{
    return FakeResponse::json(200, body);
}

} // namespace

class TestDevicesPageSignOut final : public DevicesPageFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
    }

    void init()
    {
        setUp();
        m_stepUp = std::make_unique<StepUpService>(m_api.get());
        m_flow = std::make_unique<SignOutFlow>(m_api.get(), m_stepUp.get(), m_session.get(), &m_sender);
        m_actions = std::make_unique<SignOutActions>(m_flow.get(), m_model.get());
        m_page->setSignOutActions(m_actions.get());
        load();
    }

    void cleanup()
    {
        m_page.reset(); // before the flow its buttons and guide follow
        m_actions.reset();
        m_flow.reset();
        m_stepUp.reset();
        tearDown();
    }

    void rowButtonSignsOutThatDevice()
    {
        QTableView* table = m_page->table();
        const int row = rowOf(QStringLiteral("dev_tv"));
        QVERIFY(row >= 0);
        const QModelIndex index = table->model()->index(row, DeviceListModel::LastActiveColumn);
        QStyleOptionViewItem option;
        option.initFrom(table->viewport());
        option.rect = table->visualRect(index);
        option.fontMetrics = table->fontMetrics();
        const QRect button = m_page->rowDelegate()->buttonRect(option);
        QVERIFY(option.rect.contains(button));
        // On a row that is not selected there is no button: the click only selects the row.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(m_flow->state(), State::Idle);
        QVERIFY(table->selectionModel()->isRowSelected(row, {}));
        // A click on the selected row outside the button does nothing more.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, option.rect.topLeft() + QPoint(4, 4));
        QCOMPARE(m_flow->state(), State::Idle);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, button.center());
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(m_flow->scope().kind, Kind::Devices);
        QCOMPARE(idsOf(m_flow->scope().devices), QStringList{QStringLiteral("dev_tv")});
        QCOMPARE(m_flow->scope().devices.first().name, QStringLiteral("Living Room TV"));
        QVERIFY(!m_flow->scope().devices.first().place.isEmpty());
    }

    void detailsPaneButton()
    {
        openRow(rowOf(QStringLiteral("dev_phone")));
        auto* button = findByName<QPushButton>(m_page.get(), QStringLiteral("Sign Out This Device"));
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        button->click();
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(idsOf(m_flow->scope().devices), QStringList{QStringLiteral("dev_phone")});
        QCOMPARE(m_flow->scope().devices.first().place, QStringLiteral("Porto, Portugal"));
        // One sign-out at a time: the entry points wait while this one is being confirmed.
        QVERIFY(!button->isEnabled());
        QVERIFY(!m_page->signOutAllButton()->isEnabled());
        m_flow->cancel();
        QVERIFY(button->isEnabled());
        QVERIFY(m_page->signOutAllButton()->isEnabled());
    }

    void selectionAndDeleteKey()
    {
        QTableView* table = m_page->table();
        QVERIFY(!m_page->signOutSelectedButton()->isVisible());
        table->setFocus();
        table->selectionModel()->select(table->model()->index(rowOf(QStringLiteral("dev_tv")), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(rowOf(QStringLiteral("dev_br")), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(m_page->signOutSelectedButton()->text(), QStringLiteral("Sign Out Selected (2)…"));
        QVERIFY(m_page->signOutSelectedButton()->isVisible());
        QTest::keyClick(table, Qt::Key_Delete);
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(idsOf(m_flow->scope().devices), (QStringList{QStringLiteral("dev_br"), QStringLiteral("dev_tv")}));
        m_flow->cancel();
        m_page->signOutSelectedButton()->click();
        QCOMPARE(m_flow->scope().devices.size(), 2);
    }

    void headerButtonsComeFirstInTabOrder()
    {
        // Reading order: the header's buttons, then the filter, the search and the table.
        QList<QWidget*> order;
        QWidget* widget = m_page.get();
        for (int i = 0; i < 200 && (widget = widget->nextInFocusChain()) != m_page.get();) {
            if (m_page->isAncestorOf(widget) && (widget->focusPolicy() & Qt::TabFocus))
                order.append(widget), ++i;
        }
        const auto at = [&order](QWidget* w) { return order.indexOf(w); };
        auto* search = findByName<QLineEdit>(m_page.get(), QStringLiteral("Search devices"));
        QVERIFY(at(m_page->signOutSelectedButton()) >= 0);
        QVERIFY(at(m_page->signOutSelectedButton()) < at(m_page->signOutAllButton()));
        QVERIFY(at(m_page->signOutAllButton()) < at(search));
        QVERIFY(at(search) < at(m_page->table()));
        QVERIFY(at(m_page->table()) <
                at(findByName<QPushButton>(m_page.get(), QStringLiteral("Sign Out This Device"))));
    }

    void allDevicesMenu()
    {
        QMenu* menu = m_page->signOutAllButton()->menu();
        QVERIFY(menu);
        const QList<QAction*> actions = menu->actions();
        QCOMPARE(actions.size(), 2);
        QCOMPARE(actions.at(0)->text(), QStringLiteral("All Other Devices…"));
        actions.at(0)->trigger();
        QCOMPARE(m_flow->scope().kind, Kind::Others);
        QVERIFY(!idsOf(m_flow->scope().devices).contains(QStringLiteral("dev_me")));
        QCOMPARE(m_flow->scope().devices.size(), 4);
        QVERIFY(!m_flow->includesThisDevice());
        m_flow->cancel();
        actions.at(1)->trigger();
        QCOMPARE(m_flow->scope().kind, Kind::All);
        QCOMPARE(m_flow->scope().devices.size(), 5);
        QVERIFY(m_flow->includesThisDevice());
        for (const auto& target : m_flow->scope().devices)
            QCOMPARE(target.isThisDevice, target.deviceId == QLatin1String("dev_me"));
    }

    void unrecognizedDeviceEndsInNextSteps()
    {
        m_extraHandler = [](const FakeRequest& request) -> std::optional<FakeResponse> {
            if (request.path() == QLatin1String("/v1/step-up"))
                return json({{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                             {QStringLiteral("method"), QStringLiteral("password")},
                             {QStringLiteral("expires_in"), 600}});
            if (request.path() == QLatin1String("/v1/step-up/verify"))
                return json(
                    {{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
            if (request.path().endsWith(QLatin1String("/sign-out")))
                return json({{QStringLiteral("request_id"), QStringLiteral("req_1")},
                             {QStringLiteral("results"),
                              QJsonArray{QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_br")},
                                                     {QStringLiteral("name"), QStringLiteral("Unknown Browser")},
                                                     {QStringLiteral("result"), QStringLiteral("pending")}}}}});
            return std::nullopt;
        };
        QSignalSpy sections(&m_navigator, &SectionNavigator::requested);
        openRow(rowOf(QStringLiteral("dev_br")));
        Q_EMIT m_page->detailsPane()->unrecognizedRequested(QStringLiteral("dev_br"));
        QCOMPARE(m_flow->state(), State::Confirming);
        QCOMPARE(idsOf(m_flow->scope().devices), QStringList{QStringLiteral("dev_br")});
        QVERIFY(sections.isEmpty()); // not sent to Help any more: the sign-out comes first

        m_flow->confirm();
        QCOMPARE(m_flow->state(), State::ChoosingMethod);
        m_flow->stepUpFlow()->chooseMethod(QStringLiteral("password"));
        QTRY_VERIFY(m_flow->stepUpFlow()->canSubmit(QStringLiteral("correct horse"))); // the challenge has arrived
        m_flow->stepUpFlow()->submitSecret(QStringLiteral("correct horse"));
        QTRY_VERIFY2(m_flow->state() == State::Reporting, qPrintable(m_flow->problem().message));
        QVERIFY(!m_page->unrecognizedGuide()->nextSteps()); // not on top of the results
        m_flow->finish();
        QCOMPARE(m_flow->state(), State::Done);
        QMessageBox* prompt = m_page->unrecognizedGuide()->nextSteps();
        QVERIFY(prompt);
        QVERIFY(prompt->text().contains(QLatin1String("Unknown Browser")));
        QPushButton* password = nullptr;
        for (QAbstractButton* button : prompt->buttons()) {
            if (button->text() == QStringLiteral("Change Password…"))
                password = qobject_cast<QPushButton*>(button);
        }
        QVERIFY(password);
        password->click();
        QCOMPARE(sections.size(), 1);
        QCOMPARE(sections.first().first().value<Section>(), Section::Security);
    }

    void cancelledUnrecognizedGivesNoAdvice()
    {
        Q_EMIT m_page->detailsPane()->unrecognizedRequested(QStringLiteral("dev_br"));
        QCOMPARE(m_flow->state(), State::Confirming);
        m_flow->cancel();
        QCOMPARE(m_flow->state(), State::Idle);
        QVERIFY(!m_page->unrecognizedGuide()->nextSteps());
    }

private:
    int rowOf(const QString& id) const
    {
        const QAbstractItemModel* model = m_page->table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(DeviceListModel::IdRole).toString() == id)
                return row;
        }
        return -1;
    }

    std::unique_ptr<StepUpService> m_stepUp;
    HolderSignOutSender m_sender;
    std::unique_ptr<SignOutFlow> m_flow;
    std::unique_ptr<SignOutActions> m_actions;
};

QTEST_MAIN(TestDevicesPageSignOut)
#include "TestDevicesPageSignOut.moc"
