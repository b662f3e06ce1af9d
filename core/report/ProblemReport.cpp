#include "core/report/ProblemReport.h"

#include "core/report/LogRecorder.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSysInfo>

namespace vigil {

namespace {

constexpr int snapshotTimeoutMs = 30 * 1000;

} // namespace

ProblemReport::ProblemReport(QNetworkAccessManager* network, QObject* parent) : QObject(parent), m_network(network) {}

ProblemReport::~ProblemReport()
{
    if (m_reply)
        m_reply->abort();
}

void ProblemReport::setDemoService(const QUrl& url, const QString& adminKey)
{
    m_serviceUrl = url;
    m_adminKey = adminKey;
}

QString ProblemReport::about()
{
    QStringList lines;
    lines << QStringLiteral("Vigil %1").arg(QCoreApplication::applicationVersion());
    lines
        << QStringLiteral("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << QStringLiteral("System: %1").arg(QSysInfo::prettyProductName());
    lines << QStringLiteral("Kernel: %1 %2").arg(QSysInfo::kernelType(), QSysInfo::kernelVersion());
    lines << QStringLiteral("CPU: %1 (built for %2)").arg(QSysInfo::currentCpuArchitecture(), QSysInfo::buildAbi());
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ProblemReport::folderName(const QDateTime& at)
{
    return QStringLiteral("Vigil problem report %1").arg(at.toString(QStringLiteral("yyyy-MM-dd HH-mm-ss")));
}

void ProblemReport::save(const QString& parentFolder)
{
    if (isSaving())
        return;
    QDir parent(parentFolder);
    const QString base = folderName(QDateTime::currentDateTime());
    QString name = base;
    for (int n = 2; parent.exists(name); ++n)
        name = QStringLiteral("%1 (%2)").arg(base).arg(n);
    if (!parent.exists() || !parent.mkdir(name)) {
        Q_EMIT failed(tr("Vigil cannot make a folder in %1.").arg(QDir::toNativeSeparators(parentFolder)));
        return;
    }
    m_folder = parent.filePath(name);
    if (!includesServiceSnapshot()) {
        writeAll({}, {});
        return;
    }
    QUrl url = m_serviceUrl;
    url.setPath(QStringLiteral("/__admin/snapshot"));
    QNetworkRequest request(url);
    request.setRawHeader("X-Admin-Key", m_adminKey.toUtf8());
    request.setTransferTimeout(snapshotTimeoutMs);
    m_reply = m_network->post(request, QByteArray());
    connect(m_reply, &QNetworkReply::finished, this, [this, reply = m_reply.data()] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 200 && QJsonDocument::fromJson(body).isObject())
            writeAll(body, {});
        else
            writeAll({}, status == 0 ? reply->errorString() : QStringLiteral("HTTP %1").arg(status));
    });
}

void ProblemReport::writeAll(const QByteArray& snapshot, const QString& snapshotError)
{
    QStringList written;
    QString about = ProblemReport::about();
    about +=
        QStringLiteral("Mode: %1\n").arg(includesServiceSnapshot() ? QStringLiteral("demo") : QStringLiteral("server"));
    about += QStringLiteral("Saved: %1\n").arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!snapshotError.isEmpty())
        about += QStringLiteral("The demo service's snapshot could not be taken: %1\n").arg(snapshotError);
    const QString log = LogRecorder::lines().join(QLatin1Char('\n')) + QLatin1Char('\n');
    QString error;
    const bool ok = write(aboutFile, about.toUtf8(), written, error) && write(logFile, log.toUtf8(), written, error) &&
                    (snapshot.isEmpty() || write(snapshotFile, snapshot, written, error));
    const QString folder = m_folder;
    m_folder.clear();
    if (ok)
        Q_EMIT saved(folder, written);
    else
        Q_EMIT failed(error);
}

bool ProblemReport::write(const QString& name, const QByteArray& content, QStringList& written, QString& error) const
{
    QSaveFile file(QDir(m_folder).filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        error = tr("Vigil cannot write %1: %2").arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
        return false;
    }
    written.append(name);
    return true;
}

} // namespace vigil
