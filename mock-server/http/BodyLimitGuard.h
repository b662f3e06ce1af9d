#pragma once

#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpSocket;

namespace mockd {

// Watches one connection ahead of Qt's HTTP parser (it is connected to readyRead first). At the
// start of each request it peeks at the headers and refuses a declared Content-Length over the limit
// with 413 before a byte of the body is buffered; while a request streams in it cuts off one that
// grows past the limit (chunked bodies). Qt's parser starts a read transaction for each request and
// commits it when the request is complete, so "no transaction" means "at a request boundary".
class BodyLimitGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BodyLimitGuard)

public:
    using Rejected = std::function<void(const QByteArray& method, const QString& path, const QString& query)>;
    // Whether a request to a route that takes big bodies (HttpLimits::maxBodyFor) may send one: only
    // the admin may, so nobody else makes the service buffer megabytes before its 403.
    using LargeBodyCheck = std::function<bool(const QByteArray& adminKey, const QHostAddress& peer)>;

    BodyLimitGuard(QTcpSocket* socket,
                   qint64 maxBodyBytes,
                   bool answerExpectContinue,
                   Rejected onRejected,
                   LargeBodyCheck largeBodyCheck = {});
    ~BodyLimitGuard() override;

private:
    void onReadyRead();
    void inspectHead();
    void reject(const QByteArray& method, const QByteArray& target, bool drainBody, qint64 declaredLength);
    void drain();

    QTcpSocket* m_socket;
    qint64 m_maxBody;
    qint64 m_requestLimit; // m_maxBody, or more for the one route that takes big bodies
    bool m_answerExpectContinue;
    Rejected m_onRejected;
    LargeBodyCheck m_largeBodyCheck;
    qint64 m_requestBytes = 0;
    qint64 m_drainLeft = 0;
    bool m_rejected = false;
};

} // namespace mockd
