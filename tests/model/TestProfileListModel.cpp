// ProfileListModel and the Profile value type: roles, accessible texts, last-use wording.
#include "HouseholdFixtures.h"
#include "core/profiles/ProfileListModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace vigil;

class TestProfileListModel final : public QObject
{
    Q_OBJECT

private:
    static QList<Profile> household()
    {
        QList<Profile> out;
        const QJsonArray array = HouseholdFixtures::household().value(QStringLiteral("profiles")).toArray();
        for (const QJsonValue& value : array)
            out.append(*Profile::fromJson(value.toObject()));
        return out;
    }

private Q_SLOTS:
    void rolesCarryTheProfile()
    {
        ProfileListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime now(QDate(2026, 11, 25), QTime(10, 2), Qt::UTC);
        model.setRelativeTime(RelativeTime([now] { return now; }, QTimeZone::utc(), QLocale(QLocale::English)));
        model.setProfiles(household());
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex sam = model.index(0);
        QCOMPARE(sam.data().toString(), QStringLiteral("Sam"));
        QCOMPARE(sam.data(ProfileListModel::AvatarRole).toString(), QStringLiteral("fox"));
        QCOMPARE(sam.data(ProfileListModel::KidsRole).toBool(), false);
        QCOMPARE(sam.data(ProfileListModel::LastDeviceRole).toString(), QStringLiteral("Living Room TV"));
        QCOMPARE(sam.data(ProfileListModel::LastActiveRole).toDateTime(),
                 QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
        QCOMPARE(sam.data(ProfileListModel::LastUsedTextRole).toString(),
                 QStringLiteral("Last watched on Living Room TV, 2 min ago"));
        QCOMPARE(model.index(2).data(ProfileListModel::LastUsedTextRole).toString(), QStringLiteral("Not used yet"));
        const QModelIndex mia = model.index(3);
        QCOMPARE(mia.data(ProfileListModel::KidsRole).toBool(), true);
        QCOMPARE(mia.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Mia, kids profile"));
        QVERIFY(mia.data(Qt::AccessibleDescriptionRole)
                    .toString()
                    .startsWith(QStringLiteral("Last watched on Mia's iPad")));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void profilesNeedTheirFields()
    {
        const QJsonObject json =
            HouseholdFixtures::profile(QStringLiteral("p"), QStringLiteral("Ana"), QStringLiteral("fox"), true);
        QVERIFY(Profile::fromJson(json));
        QVERIFY(!Profile::fromJson(json)->wasUsed());
        for (const char* key : {"id", "name", "kids"}) {
            QJsonObject broken = json;
            broken.remove(QLatin1String(key));
            QVERIFY2(!Profile::fromJson(broken), key);
        }
        QJsonObject wrongType = json;
        wrongType.insert(QStringLiteral("kids"), QStringLiteral("yes"));
        QVERIFY(!Profile::fromJson(wrongType));
    }
};

QTEST_GUILESS_MAIN(TestProfileListModel)
#include "TestProfileListModel.moc"
