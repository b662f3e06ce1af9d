#include "MockdProcess.h"
#include "ServiceClient.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTest>

// Two vigil-mockd on one database (a SQLite file here; one PostgreSQL database under the label
// "postgres"): what decides security is read from the database, not from one process's memory.
class TestServiceSharedStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    MockdProcess m_first;
    MockdProcess m_second;

    static QString demoEmail() { return QString::fromLatin1(ServiceClient::demoEmail); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QStringList db{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("shared.sqlite"))};
        QVERIFY2(m_first.start(db), qPrintable(m_first.errorString()));
        // The second finds the database seeded and migrated by the first.
        QVERIFY2(m_second.start(db), qPrintable(m_second.errorString()));
    }

    // Guessing on one instance and then trying the other must not reset the count.
    void signInFailuresOnOneInstanceThrottleTheOther()
    {
        ServiceClient first(m_first.baseUrl());
        ServiceClient second(m_second.baseUrl());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(first.loginReply(demoEmail(), QStringLiteral("guess-%1").arg(i)).status, 401);
        const ServiceReply blocked = second.loginReply(demoEmail(), QString::fromLatin1(ServiceClient::demoPassword));
        QCOMPARE(blocked.status, 429);
        QCOMPARE(blocked.error(), QStringLiteral("too_many_attempts"));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_second.stop(), 0);
        QCOMPARE(m_first.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServiceSharedStore)
#include "mockd_service_shared_store.moc"
