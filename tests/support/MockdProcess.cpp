#include "MockdProcess.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <csignal>

namespace {

// Under the ctest label "postgres" the same service tests run against a PostgreSQL server
// (tools/test-postgres) instead of SQLite: VIGIL_TEST_PG_HOST names its socket folder. Each
// ":memory:" database becomes a fresh PostgreSQL database, each database file one named after
// the file (so a test that restarts the service on the same file finds its data again).
QString postgresHost()
{
    return qEnvironmentVariable("VIGIL_TEST_PG_HOST");
}

QString postgresDatabaseFor(const QString& sqliteLocation, QString& error)
{
    static int fresh = 0;
    const QString name =
        sqliteLocation == QLatin1String(":memory:")
            ? QStringLiteral("t_%1_%2").arg(QCoreApplication::applicationPid()).arg(++fresh)
            : QStringLiteral("f_") +
                  QString::fromLatin1(QCryptographicHash::hash(QFileInfo(sqliteLocation).absoluteFilePath().toUtf8(),
                                                               QCryptographicHash::Sha256)
                                          .toHex()
                                          .left(24));
    const QString connection = QStringLiteral("mockd-process-admin");
    {
        QSqlDatabase db = QSqlDatabase::contains(connection)
                              ? QSqlDatabase::database(connection)
                              : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(postgresHost());
        db.setUserName(QStringLiteral("vigil"));
        db.setDatabaseName(QStringLiteral("postgres"));
        if (!db.isOpen() && !db.open()) {
            error = QStringLiteral("cannot reach the test PostgreSQL server: ") + db.lastError().text();
            return {};
        }
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = ?"));
        exists.addBindValue(name);
        if (!exists.exec()) {
            error = exists.lastError().text();
            return {};
        }
        if (!exists.next()) {
            QSqlQuery create(db);
            if (!create.exec(QStringLiteral("CREATE DATABASE %1").arg(name))) {
                error = QStringLiteral("cannot create database %1: %2").arg(name, create.lastError().text());
                return {};
            }
        }
    }
    return QStringLiteral("postgresql://vigil@/%1?host=%2")
        .arg(name, QString::fromLatin1(QUrl::toPercentEncoding(postgresHost())));
}

} // namespace

QString MockdProcess::databaseFor(const QString& sqliteLocation, QString& error)
{
    return postgresHost().isEmpty() ? sqliteLocation : postgresDatabaseFor(sqliteLocation, error);
}

MockdProcess::MockdProcess() : m_process(std::make_unique<QProcess>()) {}

MockdProcess::~MockdProcess()
{
    if (m_process->state() != QProcess::NotRunning)
        stop(5000);
}

QString MockdProcess::executable()
{
    return qEnvironmentVariable("VIGIL_MOCKD");
}

bool MockdProcess::start(const QStringList& extraArgs, int timeoutMs)
{
    return launch(extraArgs, timeoutMs) && waitUntilListening(timeoutMs);
}

bool MockdProcess::launch(const QStringList& extraArgs, int timeoutMs)
{
    const QString exe = executable();
    if (exe.isEmpty()) {
        m_error = QStringLiteral("VIGIL_MOCKD is not set");
        return false;
    }
    QStringList args{QStringLiteral("--port"),
                     QStringLiteral("0"),
                     QStringLiteral("--db"),
                     QStringLiteral(":memory:"),
                     QStringLiteral("--admin-key"),
                     QString::fromLatin1(adminKey)};
    args += extraArgs;
    if (!postgresHost().isEmpty()) {
        for (qsizetype i = 0; i + 1 < args.size(); ++i) {
            if (args.at(i) != QLatin1String("--db"))
                continue;
            args[i + 1] = postgresDatabaseFor(args.at(i + 1), m_error);
            if (args.at(i + 1).isEmpty())
                return false;
        }
    }
#ifdef Q_OS_WIN
    // No SIGTERM on Windows: stop() closes stdin instead (mock-server/base/ParentWatch.h).
    args << QStringLiteral("--parent-watch-fd") << QStringLiteral("0");
#endif
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(exe, args);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = m_process->errorString();
        return false;
    }
    return true;
}

bool MockdProcess::waitUntilListening(int timeoutMs)
{
    static const QRegularExpression listening(QStringLiteral("listening on (http://[^\\s]+)"));
    QDeadlineTimer deadline(timeoutMs);
    QByteArray firstLine;
    while (!deadline.hasExpired()) {
        if (m_process->canReadLine()) {
            firstLine = m_process->readLine();
            m_output += firstLine;
            break;
        }
        if (!m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
    }
    const auto match = listening.match(QString::fromUtf8(firstLine));
    if (!match.hasMatch()) {
        m_error = QStringLiteral("vigil-mockd did not report its port: ") + QString::fromUtf8(firstLine) +
                  QString::fromUtf8(m_process->readAllStandardError());
        m_process->kill();
        m_process->waitForFinished();
        return false;
    }
    m_baseUrl = QUrl(match.captured(1));
    return true;
}

QByteArray MockdProcess::output()
{
    m_output += m_process->readAllStandardOutput();
    m_output += m_process->readAllStandardError();
    return m_output;
}

int MockdProcess::stop(int timeoutMs)
{
    if (m_process->state() == QProcess::NotRunning)
        return m_process->exitCode();
#ifdef Q_OS_WIN
    m_process->closeWriteChannel();
#else
    m_process->terminate();
#endif
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished();
        output();
        return -1;
    }
    output();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}
