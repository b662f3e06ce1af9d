// DeviceService and EventStream against a real vigil-mockd: the demo household's devices load,
// rename and history work, and a device reporting its status reaches the model live.
#include "MockdProcess.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/auth/TokenPair.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace vigil;

class TestDeviceServiceLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // A database file, so a restarted service still knows the session (see survivesARestart).
        m_dir = std::make_unique<QTemporaryDir>();
        m_mockd = std::make_unique<MockdProcess>();
        QVERIFY2(m_mockd->start(dbArgs()), qPrintable(m_mockd->errorString()));
        m_session = std::make_unique<Session>();
        m_api = std::make_unique<ApiClient>(&m_network, m_session.get());
        m_api->setBaseUrl(m_mockd->baseUrl());
        const QJsonObject login = call("POST",
                                       QStringLiteral("/v1/auth/login"),
                                       {{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                                        {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")},
                                        {QStringLiteral("device"),
                                         QJsonObject{{QStringLiteral("name"), QStringLiteral("Test Computer")},
                                                     {QStringLiteral("type"), QStringLiteral("computer")}}}});
        auto tokens = TokenPair::fromJson(login);
        QVERIFY(tokens);
        m_session->setTokens(m_mockd->baseUrl(), tokens.value());
        m_model = std::make_unique<DeviceListModel>();
        m_service = std::make_unique<DeviceService>(m_api.get(), m_model.get());
    }
    void cleanup()
    {
        m_stream.reset();
        m_service.reset();
        m_model.reset();
        m_api.reset();
        m_session.reset();
        if (m_mockd)
            QCOMPARE(m_mockd->stop(), 0);
        m_mockd.reset();
        m_dir.reset();
    }

    void loadsRenamesAndReadsHistory()
    {
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait(10000));
        QVERIFY2(m_model->rowCount() >= 12, qPrintable(QString::number(m_model->rowCount())));
        QCOMPARE(m_model->incompleteCount(), 0);
        int current = 0;
        for (int row = 0; row < m_model->rowCount(); ++row)
            current += m_model->factsAt(row).isCurrent ? 1 : 0;
        QCOMPARE(current, 1);
        QVERIFY(!m_service->etag().isEmpty());

        // Unchanged: the refresh is a 304 and the list stays.
        m_service->refresh();
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_model->rowCount() >= 12);

        const QString id = m_model->deviceAt(0).id;
        QSignalSpy renamed(m_service.get(), &DeviceService::renamed);
        m_service->rename(id, QStringLiteral("  Renamed In Test "));
        QVERIFY(renamed.wait(10000));
        QCOMPARE(m_model->deviceAt(m_model->rowOf(id)).name, QStringLiteral("Renamed In Test"));

        QSignalSpy refused(m_service.get(), &DeviceService::renameFailed);
        m_service->rename(id, QString(80, QLatin1Char('x')));
        QVERIFY(refused.wait(10000));
        QCOMPARE(refused.first().at(1).value<ApiError>().code(), ApiError::Code::InvalidField);

        QSignalSpy history(m_service.get(), &DeviceService::historyLoaded);
        m_service->fetchHistory(id);
        QVERIFY(history.wait(10000));
    }

    void statusChangeArrivesLive()
    {
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait(10000));

        m_stream = std::make_unique<EventStream>();
        m_stream->setServerUrl(m_mockd->baseUrl());
        m_stream->setTokenProvider([this] { return m_session->accessToken(); });
        m_service->setEventStream(m_stream.get());
        QSignalSpy ready(m_stream.get(), &EventStream::ready);
        m_stream->start();
        QVERIFY(ready.wait(10000));
        QCOMPARE(m_stream->state(), EventStream::State::Live);

        // Another device of the household signs in and starts playing.
        const QJsonObject login = call("POST",
                                       QStringLiteral("/v1/auth/login"),
                                       {{QStringLiteral("email"), QStringLiteral("demo@vigil.test")},
                                        {QStringLiteral("password"), QStringLiteral("vigil-demo-2026")},
                                        {QStringLiteral("device"),
                                         QJsonObject{{QStringLiteral("name"), QStringLiteral("Event Test TV")},
                                                     {QStringLiteral("type"), QStringLiteral("tv")}}}});
        const QString otherToken = login.value(QStringLiteral("access_token")).toString();
        QVERIFY(!otherToken.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(findByName(QStringLiteral("Event Test TV")) >= 0, 10000);
        call("PUT",
             QStringLiteral("/v1/devices/current/status"),
             {{QStringLiteral("status"), QStringLiteral("streaming")},
              {QStringLiteral("profile"), QStringLiteral("Ana")}},
             otherToken);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_model->deviceAt(findByName(QStringLiteral("Event Test TV"))).status, Device::Status::Streaming, 10000);
        QCOMPARE(m_model->deviceAt(findByName(QStringLiteral("Event Test TV"))).statusProfile, QStringLiteral("Ana"));
    }

    void survivesARestart()
    {
        QSignalSpy loaded(m_service.get(), &DeviceService::loaded);
        m_service->reload();
        QVERIFY(loaded.wait(10000));
        const int devices = m_model->rowCount();
        m_stream = std::make_unique<EventStream>();
        m_stream->setServerUrl(m_mockd->baseUrl());
        m_stream->setTokenProvider([this] { return m_session->accessToken(); });
        m_stream->setBackoff(50, 400);
        m_service->setEventStream(m_stream.get());
        m_stream->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_stream->state(), EventStream::State::Live, 10000);

        const quint16 port = quint16(m_mockd->baseUrl().port());
        QCOMPARE(m_mockd->stop(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_stream->state() != EventStream::State::Live, 10000);
        QVERIFY(m_stream->isRunning());

        m_mockd = std::make_unique<MockdProcess>();
        QVERIFY2(m_mockd->start(dbArgs() + QStringList{QStringLiteral("--port"), QString::number(port)}),
                 qPrintable(m_mockd->errorString()));
        QCOMPARE(m_mockd->baseUrl().port(), int(port));
        QTRY_COMPARE_WITH_TIMEOUT(m_stream->state(), EventStream::State::Live, 15000);
        // The list is still there and still matches the service.
        QTRY_COMPARE_WITH_TIMEOUT(m_service->state(), DeviceService::State::Ready, 10000);
        QCOMPARE(m_model->rowCount(), devices);
    }

private:
    QStringList dbArgs() const { return {QStringLiteral("--db"), m_dir->filePath(QStringLiteral("mockd.db"))}; }

    int findByName(const QString& name) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->deviceAt(row).name == name)
                return row;
        }
        return -1;
    }

    QJsonObject call(const QByteArray& method, const QString& path, const QJsonObject& body, const QString& token = {})
    {
        QUrl url = m_mockd->baseUrl();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply* reply =
            m_network.sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            return {};
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MockdProcess> m_mockd;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DeviceListModel> m_model;
    std::unique_ptr<DeviceService> m_service;
    std::unique_ptr<EventStream> m_stream;
};

QTEST_GUILESS_MAIN(TestDeviceServiceLive)
#include "TestDeviceServiceLive.moc"
