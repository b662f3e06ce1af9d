#pragma once

#include "core/api/ApiRequest.h"
#include "core/api/ApiResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <optional>

class QNetworkReply;

namespace vigil {

class ApiClient;

// One logical call: it may span a token refresh and a retry, and finishes exactly once. Owned by
// the ApiClient; it deletes itself (deleteLater) after finished(), so read result() in the slot.
class ApiReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReply)

public:
    ~ApiReply() override;

    bool isFinished() const { return m_result.has_value(); }
    // Valid once finished() was emitted.
    const ApiResult& result() const;
    const ApiRequest& request() const { return m_request; }

    // Finishes the call now with ApiError::Code::Cancelled (no-op when already finished).
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class ApiClient;
    ApiReply(ApiClient* client, ApiRequest request);
    void complete(ApiResult result);

    ApiClient* m_client;
    ApiRequest m_request;
    std::optional<ApiResult> m_result;
    // Transport state of the current attempt.
    QPointer<QNetworkReply> m_networkReply;
    QTimer m_timeout;
    QElapsedTimer m_elapsed;
    QString m_tokenUsed; // the access token this attempt carried
    bool m_timedOut = false;
    bool m_retried = false;
};

} // namespace vigil
