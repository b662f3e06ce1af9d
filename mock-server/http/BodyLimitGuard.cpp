#include "http/BodyLimitGuard.h"

#include "http/ApiError.h"
#include "http/HttpLimits.h"
#include "http/HttpResponse.h"
#include "http/RequestHead.h"
#include "log/LogCategories.h"

#include <QTcpSocket>
#include <QTimer>

namespace mockd {

namespace {

constexpr int lingerMs = 5000;

} // namespace

BodyLimitGuard::BodyLimitGuard(QTcpSocket* socket,
                               qint64 maxBodyBytes,
                               bool answerExpectContinue,
                               Rejected onRejected,
                               LargeBodyCheck largeBodyCheck)
    : QObject(socket), m_socket(socket), m_maxBody(maxBodyBytes), m_requestLimit(maxBodyBytes),
      m_answerExpectContinue(answerExpectContinue), m_onRejected(std::move(onRejected)),
      m_largeBodyCheck(std::move(largeBodyCheck))
{
    connect(socket, &QTcpSocket::readyRead, this, &BodyLimitGuard::onReadyRead);
}

BodyLimitGuard::~BodyLimitGuard() = default;

void BodyLimitGuard::onReadyRead()
{
    if (m_rejected) {
        drain();
        return;
    }
    if (!m_socket->isTransactionStarted()) {
        m_requestBytes = 0;
        m_requestLimit = m_maxBody;
        inspectHead();
        if (m_rejected)
            return;
    }
    m_requestBytes += m_socket->bytesAvailable();
    if (m_requestBytes > m_requestLimit + HttpLimits::maxHeaderBytes)
        reject({}, {}, false, -1);
}

void BodyLimitGuard::inspectHead()
{
    const QByteArray peeked = m_socket->peek(HttpLimits::maxHeaderBytes);
    const qsizetype end = peeked.indexOf("\r\n\r\n");
    if (end < 0)
        return; // headers not complete yet; the running count still bounds the request
    const RequestHead head = RequestHead::parse(QByteArrayView(peeked).first(end));
    const qint64 larger = HttpLimits::maxBodyFor(head.method, head.target, m_maxBody);
    if (larger > m_maxBody && m_largeBodyCheck && m_largeBodyCheck(head.adminKey, m_socket->peerAddress()))
        m_requestLimit = larger;
    if (head.contentLength > m_requestLimit) {
        // Throw the already-received part away so Qt's parser never sees this request.
        m_socket->read(end + 4);
        reject(head.method, head.target, true, head.contentLength);
        return;
    }
    if (head.expectContinue && m_answerExpectContinue && head.contentLength >= 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
}

void BodyLimitGuard::reject(const QByteArray& method, const QByteArray& target, bool drainBody, qint64 declaredLength)
{
    m_rejected = true;
    m_socket->write(HttpResponse::fromError(ApiError::bodyTooLarge()).toWire(true));
    const qsizetype question = target.indexOf('?');
    if (m_onRejected)
        m_onRejected(method.isEmpty() ? QByteArrayLiteral("-") : method,
                     QString::fromLatin1(question < 0 ? target : target.left(question)),
                     question < 0 ? QString() : QString::fromLatin1(target.mid(question + 1)));
    if (drainBody) {
        // Read (and drop) what the client is still sending, so it gets to read our answer instead of
        // a connection reset; give up after a bounded amount or time.
        m_drainLeft = qMin(declaredLength, HttpLimits::maxDrainBytes);
        drain();
        QTimer::singleShot(lingerMs, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
    } else {
        m_socket->disconnectFromHost();
    }
}

void BodyLimitGuard::drain()
{
    const QByteArray dropped = m_socket->read(qMax<qint64>(0, qMin(m_drainLeft, m_socket->bytesAvailable())));
    m_drainLeft -= dropped.size();
    if (m_drainLeft <= 0) {
        m_socket->readAll();
        if (m_socket->state() == QAbstractSocket::ConnectedState)
            m_socket->disconnectFromHost();
    }
}

} // namespace mockd
