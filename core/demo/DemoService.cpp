#include "DemoService.h"

#include "core/api/Redaction.h"
#include "core/demo/ChildLifetime.h"
#include "core/demo/DemoLogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace vigil {
namespace {

QString bundledExecutable()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("vigil-mockd.exe");
#else
    const QString name = QStringLiteral("vigil-mockd");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

QString randomKey()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

} // namespace

DemoService::DemoService(QObject* parent) : QObject(parent), m_executable(bundledExecutable())
{
    m_startTimer.setSingleShot(true);
    connect(&m_startTimer, &QTimer::timeout, this, [this] { fail(tr("The demo service didn't start in time.")); });
}

DemoService::~DemoService()
{
    stop();
}

void DemoService::start()
{
    if (m_state == State::Starting || m_state == State::Running)
        return;
    m_error.clear();
    m_url = QUrl();
    m_pendingOutput.clear();

    const QFileInfo executable(m_executable);
    if (!executable.isFile() || !executable.isExecutable()) {
        fail(tr("Vigil couldn't find its demo service at %1. Reinstall Vigil, or connect to a server with --server.")
                 .arg(QDir::toNativeSeparators(m_executable)));
        return;
    }
    m_dataDir = std::make_unique<QTemporaryDir>();
    if (!m_dataDir->isValid()) {
        fail(tr("Vigil couldn't create a temporary folder for the demo: %1").arg(m_dataDir->errorString()));
        return;
    }

    m_adminKey = randomKey();
    m_process = new QProcess(this);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("VIGIL_ADMIN_KEY"), m_adminKey); // not on the command line: ps shows that
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setProgram(m_executable);
    m_process->setArguments({QStringLiteral("--port"),
                             QStringLiteral("0"),
                             QStringLiteral("--db"),
                             m_dataDir->filePath(QStringLiteral("demo.db"))});
    ChildLifetime::tieToParent(*m_process);

    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoService::onStandardOutput);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray text = m_process->readAllStandardError();
        for (const QByteArray& line : text.split('\n')) {
            if (!line.trimmed().isEmpty())
                qCDebug(lcDemo).noquote() << "vigil-mockd:" << Redaction::text(QString::fromUtf8(line));
        }
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(tr("The demo service couldn't be started: %1").arg(m_process->errorString()));
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus) {
        if (m_state == State::Starting) {
            fail(tr("The demo service stopped before it was ready (exit code %1).").arg(exitCode));
        } else if (m_state == State::Running) {
            qCWarning(lcDemo) << "vigil-mockd ended on its own with exit code" << exitCode;
            m_state = State::Stopped;
            Q_EMIT stopped();
        }
    });

    m_state = State::Starting;
    qCInfo(lcDemo).noquote() << "starting" << QDir::toNativeSeparators(m_executable);
    m_startTimer.start(m_startTimeout);
    m_process->start();
}

void DemoService::onStandardOutput()
{
    static const QRegularExpression listening(QStringLiteral("^listening on (http://[^\\s]+)"));
    m_pendingOutput += m_process->readAllStandardOutput();
    qsizetype newline = 0;
    while ((newline = m_pendingOutput.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingOutput.left(newline)).trimmed();
        m_pendingOutput.remove(0, newline + 1);
        if (m_state == State::Starting && m_url.isEmpty()) {
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                connectOnlineDevices();
                continue;
            }
        }
        if (!line.isEmpty())
            qCDebug(lcDemo).noquote() << "vigil-mockd:" << Redaction::text(line);
    }
}

void DemoService::connectOnlineDevices()
{
    // The scenario's streaming, paused and idle devices have no client of their own; the service's
    // simulator runs one for each, and answers once they hold their event sockets.
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QUrl endpoint = m_url;
    endpoint.setPath(QStringLiteral("/__admin/simulator"));
    QNetworkRequest request(endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("X-Admin-Key", m_adminKey.toUtf8());
    request.setTransferTimeout(12000); // the service answers within 10 s whatever happens
    m_connecting = m_network->post(request, QByteArrayLiteral(R"({"action":"connect"})"));
    connect(m_connecting, &QNetworkReply::finished, this, [this, reply = m_connecting] {
        reply->deleteLater();
        if (reply != m_connecting)
            return;
        m_connecting = nullptr;
        // Without them the demo still works; only their sign-outs end pending.
        if (reply->error() != QNetworkReply::NoError)
            qCWarning(lcDemo).noquote() << "the demo's online devices are not connected:" << reply->errorString();
        becomeReady();
    });
}

void DemoService::becomeReady()
{
    m_startTimer.stop();
    m_state = State::Running;
    qCInfo(lcDemo).noquote() << "demo service ready at" << m_url.toString();
    Q_EMIT ready(m_url);
}

void DemoService::stop()
{
    m_startTimer.stop();
    if (m_state == State::Starting || m_state == State::Running)
        m_state = State::Stopped;
    if (QNetworkReply* reply = std::exchange(m_connecting, nullptr))
        reply->abort(); // finishes at once; its handler sees it is no longer the one awaited
    if (!m_process)
        return;
    m_process->disconnect(this);
    if (m_process->state() != QProcess::NotRunning) {
        // End of its stdin is the parent watch's signal everywhere (Windows has no SIGTERM for a
        // console program); SIGTERM is the same request on Linux and macOS.
        m_process->closeWriteChannel();
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            qCWarning(lcDemo) << "vigil-mockd did not stop on SIGTERM; killing it";
            m_process->kill();
            m_process->waitForFinished(1000);
        }
    }
    m_process->deleteLater();
    m_process = nullptr;
    m_dataDir.reset();
}

void DemoService::fail(const QString& message)
{
    qCWarning(lcDemo).noquote() << message;
    stop();
    m_error = message;
    m_state = State::Failed;
    Q_EMIT failed(message);
}

} // namespace vigil
