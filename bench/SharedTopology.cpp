#include "SharedTopology.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QUrl>

namespace signoutbench {

namespace {

QString testPostgres()
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tools/test-postgres");
}

// createdb of the newest PostgreSQL installed (the server tools/test-postgres starts).
QString createdb()
{
    QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList names = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.toInt() < b.toInt(); });
    return names.isEmpty() ? QString() : versions.filePath(names.last() + QStringLiteral("/bin/createdb"));
}

bool run(const QString& program, const QStringList& arguments, QString& error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(180000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        error = program + QStringLiteral(": ") + QString::fromUtf8(process.readAll()).trimmed() + process.errorString();
        return false;
    }
    return true;
}

} // namespace

BenchPostgres::~BenchPostgres()
{
    if (!m_dir.isEmpty())
        run(testPostgres(), {QStringLiteral("stop"), m_dir}, m_error);
}

bool BenchPostgres::start()
{
    // Short: a Unix socket path may not exceed 107 bytes.
    m_dir =
        QStringLiteral("/tmp/vigil-bench-pg-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    return run(testPostgres(), {QStringLiteral("start"), m_dir}, m_error);
}

QString BenchPostgres::createDatabase()
{
    const QString socket = m_dir + QStringLiteral("/socket");
    const QString name =
        QStringLiteral("bench_%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (!run(createdb(), {QStringLiteral("-h"), socket, QStringLiteral("-U"), QStringLiteral("vigil"), name}, m_error))
        return {};
    return QStringLiteral("postgresql://vigil@/%1?host=%2")
        .arg(name, QString::fromLatin1(QUrl::toPercentEncoding(socket)));
}

bool SharedInstances::start(BenchPostgres& postgres, int count, const QStringList& extraArgs)
{
    const QString database = postgres.createDatabase();
    if (database.isEmpty()) {
        m_error = postgres.error();
        return false;
    }
    for (int i = 0; i < count; ++i) {
        auto child = std::make_unique<MockdChild>();
        child->setDatabase(database);
        if (!child->start(extraArgs)) {
            m_error = QStringLiteral("instance %1: %2").arg(i + 1).arg(child->error());
            return false;
        }
        m_children.push_back(std::move(child));
    }
    return true;
}

} // namespace signoutbench
