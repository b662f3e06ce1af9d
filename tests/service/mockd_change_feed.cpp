#include "MockdProcess.h"
#include "store/Database.h"
#include "store/EventLog.h"
#include "store/Store.h"

#include <QObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mockd;

// Two Stores on one database (a SQLite file; one PostgreSQL database under the label "postgres")
// stand for two vigil-mockd: what one publishes, the other hears, in order, once committed.
class TestChangeFeed final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_first;
    std::unique_ptr<Store> m_second;
    int m_round = 0;

    using Change = QList<QVariant>;
    static Change change(const char* topic, const char* key)
    {
        return {QString::fromLatin1(topic), QString::fromLatin1(key)};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        // A database per test function, so none sees another's rows.
        const QString location =
            MockdProcess::databaseFor(m_dir.filePath(QStringLiteral("feed-%1.sqlite").arg(++m_round)), error);
        QVERIFY2(!location.isEmpty(), qPrintable(error));
        auto first = Store::open(location);
        QVERIFY2(first.hasValue(), first.hasValue() ? "" : qPrintable(first.error()));
        m_first = std::move(*first);
        auto second = Store::open(location);
        QVERIFY2(second.hasValue(), second.hasValue() ? "" : qPrintable(second.error()));
        m_second = std::move(*second);
        QVERIFY(m_first->changes().origin() != m_second->changes().origin());
    }

    void cleanup()
    {
        m_second.reset();
        m_first.reset();
    }

    void anotherInstanceHearsAChangeAndTheWriterDoesNot()
    {
        QSignalSpy heard(&m_second->changes(), &ChangeFeed::changed);
        QSignalSpy echoed(&m_first->changes(), &ChangeFeed::changed);
        QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("s1")).hasValue());
        QTRY_COMPARE(heard.size(), 1);
        QCOMPARE(heard.at(0), change("session", "s1"));
        m_first->changes().catchUp();
        QCOMPARE(echoed.size(), 0);
    }

    void changesArriveInTheOrderTheyWereCommitted()
    {
        QSignalSpy heard(&m_second->changes(), &ChangeFeed::changed);
        QVERIFY(m_first->changes().publish(QLatin1StringView("device"), QStringLiteral("d1")).hasValue());
        QVERIFY(m_second->changes().publish(QLatin1StringView("device"), QStringLiteral("mine")).hasValue());
        {
            Transaction transaction(m_first->database());
            QVERIFY(m_first->changes().publish(QLatin1StringView("account"), QStringLiteral("a1")).hasValue());
            QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("s2")).hasValue());
            // The same entity twice in one transaction is one change.
            QVERIFY(m_first->changes().publish(QLatin1StringView("account"), QStringLiteral("a1")).hasValue());
            QVERIFY(transaction.commit());
        }
        QTRY_COMPARE(heard.size(), 3);
        QCOMPARE(heard.at(0), change("device", "d1"));
        QCOMPARE(heard.at(1), change("account", "a1"));
        QCOMPARE(heard.at(2), change("session", "s2"));
    }

    // Nothing is told of a change that did not happen.
    void aRolledBackChangeIsNeverHeard()
    {
        QSignalSpy heard(&m_second->changes(), &ChangeFeed::changed);
        {
            Transaction transaction(m_first->database());
            QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("gone")).hasValue());
        }
        QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("kept")).hasValue());
        QTRY_COMPARE(heard.size(), 1);
        QCOMPARE(heard.at(0), change("session", "kept"));
        m_second->changes().catchUp();
        QCOMPARE(heard.size(), 1);
    }

    // A caller that must be current reads the feed itself, without the event loop.
    void catchUpAppliesAtOnce()
    {
        QSignalSpy heard(&m_second->changes(), &ChangeFeed::changed);
        QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("s3")).hasValue());
        m_second->changes().catchUp();
        QCOMPARE(heard.size(), 1);
        QCOMPARE(heard.at(0), change("session", "s3"));
    }

    // What was published before an instance opened the database is in its tables already.
    void aNewInstanceStartsAfterTheNewestChange()
    {
        QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("old")).hasValue());
        auto third = Store::open(m_first->database().location());
        QVERIFY2(third.hasValue(), third.hasValue() ? "" : qPrintable(third.error()));
        QSignalSpy heard(&(*third)->changes(), &ChangeFeed::changed);
        QVERIFY(m_first->changes().publish(QLatin1StringView("session"), QStringLiteral("new")).hasValue());
        QTRY_COMPARE(heard.size(), 1);
        QCOMPARE(heard.at(0), change("session", "new"));
    }

    // A batch of events (a sign-out's device.removed) is numbered at once on either instance: its
    // seqs are consecutive, after everything the other numbered, and every event is stored under its
    // own seq and readable by the other (more rows than one statement's slice: several of them).
    void aBatchOfEventsIsNumberedInOneRangeAcrossInstances()
    {
        EventLog first(m_first->database(), 1000);
        EventLog second(m_second->database(), 1000);
        const QString account = QStringLiteral("acc_1");
        const auto text = [](qsizetype i, qint64 seq) {
            return QByteArray::number(i).append(':').append(QByteArray::number(seq));
        };
        QCOMPARE(first.append(account, [](qint64 seq) { return QByteArray::number(seq); })->first, 1);
        const auto batch = second.appendMany(account, 300, text);
        QVERIFY2(batch.hasValue(), batch.hasValue() ? "" : qPrintable(batch.error()));
        QCOMPARE(batch->size(), 300);
        for (qsizetype i = 0; i < batch->size(); ++i) {
            QCOMPARE(batch->at(i).first, 2 + i);
            QCOMPARE(batch->at(i).second, text(i, 2 + i));
        }
        QCOMPARE(first.appendMany(account, 3, text)->constFirst().first, 302);
        QCOMPARE(second.lastSeq(account), 304);
        QCOMPARE(first.append(QStringLiteral("acc_2"), [](qint64 seq) { return QByteArray::number(seq); })->first, 1);
        const QList<EventLog::Event> stored = first.after(account, 0);
        QCOMPARE(stored.size(), 304);
        for (qsizetype i = 0; i < stored.size(); ++i)
            QCOMPARE(stored.at(i).first, i + 1);
        QCOMPARE(stored.at(150).second, text(149, 151));
        QCOMPARE(stored.at(302).second, text(1, 303));
        QVERIFY(first.appendMany(account, 0, text)->isEmpty());
    }

    // A batch that passes a pruning point drops what is beyond `keep`, as single events do.
    void aBatchPrunesWhatIsBeyondKeep()
    {
        EventLog log(m_first->database(), 10);
        const QString account = QStringLiteral("acc_1");
        QVERIFY(log.appendMany(account, 100, [](qsizetype, qint64 seq) { return QByteArray::number(seq); }).hasValue());
        auto rows = m_second->database().exec(
            QStringLiteral("SELECT COUNT(*), MIN(seq) FROM events WHERE account_id = ?"), {account});
        QVERIFY(rows.hasValue());
        QVERIFY((*rows)->next());
        QCOMPARE((*rows)->value(0).toLongLong(), 10);
        QCOMPARE((*rows)->value(1).toLongLong(), 91);
        (*rows)->finish();
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "mockd_change_feed.moc"
