#include "core/flows/SignOutResultsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace vigil;
using Result = DeviceSignOutResult::Result;

namespace {

DeviceSignOutResult entry(const QString& id, const QString& name, Result result, const QString& reason = {})
{
    return {id, name, result, reason};
}

QList<DeviceSignOutResult> four()
{
    return {entry(QStringLiteral("dev_2"), QStringLiteral("Living Room TV"), Result::SignedOut),
            entry(QStringLiteral("dev_3"), QStringLiteral("Kid's Tablet"), Result::Pending),
            entry(QStringLiteral("dev_4"),
                  QStringLiteral("Office PC"),
                  Result::Failed,
                  QStringLiteral("Device not reachable")),
            entry(QStringLiteral("dev_5"), QStringLiteral("Bedroom TV"), Result::SignedOut)};
}

} // namespace

class TestSignOutFlowResults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistent();
    void textsAndCounts();
    void progressUpdatesInPlace();
    void signedOutStaysSignedOut();
    void mergeAppendsAndUpdates();
    void parsesServiceAnswer();
    void refusesMalformedAnswer();
};

void TestSignOutFlowResults::modelIsConsistent()
{
    SignOutResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(four());
    model.applyResult(QStringLiteral("dev_3"), Result::SignedOut);
    model.setRetrying({QStringLiteral("dev_4")}, true);
    model.mergeResults({entry(QStringLiteral("dev_4"), {}, Result::Pending),
                        entry(QStringLiteral("dev_9"), QStringLiteral("Phone"), Result::Failed, QStringLiteral("x"))});
    QCOMPARE(model.rowCount(), 5);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSignOutFlowResults::textsAndCounts()
{
    SignOutResultsModel model;
    QCOMPARE(model.summaryText(), QStringLiteral("No devices"));
    model.setResults(four());
    QCOMPARE(model.summaryText(), QStringLiteral("2 signed out, 1 pending, 1 failed"));
    QCOMPARE(model.failedIds(), QStringList{QStringLiteral("dev_4")});
    QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("Living Room TV"));
    QCOMPARE(model.data(model.index(0), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Living Room TV: signed out"));
    QCOMPARE(model.data(model.index(1), SignOutResultsModel::StatusTextRole).toString(),
             QStringLiteral("Pending — will sign out when it reconnects"));
    QCOMPARE(model.data(model.index(1), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Kid's Tablet: pending, will sign out when it reconnects"));
    QCOMPARE(model.data(model.index(2), SignOutResultsModel::StatusTextRole).toString(),
             QStringLiteral("Failed: Device not reachable"));
    QCOMPARE(model.data(model.index(2), Qt::AccessibleTextRole).toString(),
             QStringLiteral("Office PC: failed, Device not reachable"));
    QCOMPARE(model.data(model.index(2), SignOutResultsModel::ResultRole).toInt(), int(Result::Failed));
    QCOMPARE(model.data(model.index(2), SignOutResultsModel::ReasonRole).toString(),
             QStringLiteral("Device not reachable"));
    QCOMPARE(model.data(model.index(2), SignOutResultsModel::DeviceIdRole).toString(), QStringLiteral("dev_4"));
    QVERIFY(model.roleNames().contains(SignOutResultsModel::StatusTextRole));
}

void TestSignOutFlowResults::progressUpdatesInPlace()
{
    SignOutResultsModel model;
    model.setResults(four());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy summary(&model, &SignOutResultsModel::summaryChanged);
    QVERIFY(model.applyResult(QStringLiteral("dev_3"), Result::SignedOut));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(summary.size(), 1);
    QCOMPARE(model.summaryText(), QStringLiteral("3 signed out, 1 failed"));
    QCOMPARE(model.data(model.index(1), Qt::DisplayRole).toString(), QStringLiteral("Kid's Tablet"));
    QVERIFY(!model.applyResult(QStringLiteral("dev_unknown"), Result::SignedOut));
}

void TestSignOutFlowResults::signedOutStaysSignedOut()
{
    SignOutResultsModel model;
    model.setResults(four());
    QVERIFY(model.applyResult(QStringLiteral("dev_2"), Result::Pending));
    QCOMPARE(model.results().at(0).result, Result::SignedOut);
}

void TestSignOutFlowResults::mergeAppendsAndUpdates()
{
    SignOutResultsModel model;
    model.setResults(four());
    model.mergeResults({entry(QStringLiteral("dev_4"), {}, Result::SignedOut)});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.results().at(2).name, QStringLiteral("Office PC")); // a nameless answer keeps the name
    QCOMPARE(model.results().at(2).result, Result::SignedOut);
    QVERIFY(model.results().at(2).reason.isEmpty());
    QVERIFY(model.failedIds().isEmpty());
}

void TestSignOutFlowResults::parsesServiceAnswer()
{
    const QJsonObject json{{QStringLiteral("request_id"), QStringLiteral("req_1")},
                           {QStringLiteral("results"),
                            QJsonArray{QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_2")},
                                                   {QStringLiteral("name"), QStringLiteral("Living Room TV")},
                                                   {QStringLiteral("result"), QStringLiteral("failed")},
                                                   {QStringLiteral("reason"), QStringLiteral("Device not found")}}}}};
    const auto response = DeviceSignOutResult::responseFromJson(json);
    QVERIFY(response.hasValue());
    QCOMPARE(response->requestId, QStringLiteral("req_1"));
    QCOMPARE(response->results.size(), 1);
    QCOMPARE(response->results.first().result, Result::Failed);
    QCOMPARE(response->results.first().reason, QStringLiteral("Device not found"));
}

void TestSignOutFlowResults::refusesMalformedAnswer()
{
    QVERIFY(!DeviceSignOutResult::responseFromJson(QJsonObject{}).hasValue());
    const QJsonObject badResult{{QStringLiteral("results"),
                                 QJsonArray{QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_2")},
                                                        {QStringLiteral("result"), QStringLiteral("vanished")}}}}};
    const auto response = DeviceSignOutResult::responseFromJson(badResult);
    QVERIFY(!response.hasValue());
    QCOMPARE(response.error().code(), ApiError::Code::InvalidResponse);
}

QTEST_GUILESS_MAIN(TestSignOutFlowResults)
#include "TestSignOutFlowResults.moc"
