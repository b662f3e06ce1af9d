#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace vigil {

// Help → Report a Problem…: saves a folder a user can send to support or a developer, with Vigil's
// own log (every line redacted: LogRecorder), its version and platform, and — in demo mode — the demo
// service's snapshot (POST /__admin/snapshot: the service's whole state, which it writes without a
// password, token or code; vigil-mockd --scenario FILE restores it). Nothing else goes in.
class ProblemReport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProblemReport)

public:
    static constexpr QLatin1String logFile{"vigil-log.txt"};
    static constexpr QLatin1String aboutFile{"about.txt"};
    static constexpr QLatin1String snapshotFile{"demo-service-snapshot.json"};

    explicit ProblemReport(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~ProblemReport() override;

    // Demo mode only: the bundled service and its own admin key.
    void setDemoService(const QUrl& url, const QString& adminKey);
    bool includesServiceSnapshot() const { return m_serviceUrl.isValid(); }

    // Makes a new folder inside `parentFolder` and writes the report there; saved() or failed() follows.
    void save(const QString& parentFolder);
    bool isSaving() const { return !m_folder.isEmpty(); }

    // Version, Qt, operating system, kernel and CPU (QSysInfo), one per line.
    static QString about();
    // "Vigil problem report 2026-12-07 16-40-05" (local time; no characters a file system refuses).
    static QString folderName(const QDateTime& at);

Q_SIGNALS:
    void saved(const QString& folder, const QStringList& files);
    void failed(const QString& message);

private:
    void writeAll(const QByteArray& snapshot, const QString& snapshotError);
    bool write(const QString& name, const QByteArray& content, QStringList& written, QString& error) const;

    QNetworkAccessManager* m_network;
    QUrl m_serviceUrl;
    QString m_adminKey;
    QString m_folder; // set while saving
    QPointer<QNetworkReply> m_reply;
};

} // namespace vigil
