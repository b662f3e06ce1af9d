#pragma once

#include "core/api/ApiError.h"
#include "core/devices/Device.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>
#include <optional>

namespace vigil {

class ApiClient;
class ApiReply;
class DeviceListModel;
class EventStream;

// Keeps a DeviceListModel in step with the service: pages through `GET /v1/devices` (500 at a
// time), refreshes with If-None-Match (304 = nothing to do), applies event-stream events to single
// rows, refetches on resync, and renames devices and reads their sign-in history for the UI.
// Status updates come in bursts (a thousand a second on a large account): the first after a quiet
// spell applies at once, the ones after it are gathered and applied together once per burstMs, as
// one model change (DeviceListModel::beginUpdates), so the UI relayouts and repaints once per
// burst, not once per event. Sign-ins and removals apply at once, after what was gathered.
// It never does anything with widgets; the Devices page renders its state.
class DeviceService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceService)

public:
    enum class State
    {
        Empty,      // nothing loaded yet, nothing running
        Loading,    // first load: nothing to show yet
        Refreshing, // data shown, a newer copy is on its way
        Ready,
        Failed, // see error(); data may still be shown (hasData())
    };
    Q_ENUM(State)

    // One sign-in of a device (`GET /v1/devices/{id}/history`).
    struct HistoryEntry
    {
        QDateTime time; // UTC
        QString ip;
        QString place;  // "Lisbon, Portugal" or "Unknown location"
        QString method; // password, totp, sms, email, recovery, refresh
        QString result; // success, failed

        static HistoryEntry fromJson(const QJsonObject& json);
        // "Password", "Authenticator app", … (translated).
        static QString methodText(const QString& method);
    };

    // Where the list comes from. The default is the holder's own `GET /v1/devices`; support mode
    // reads a customer's devices from `/v1/support/accounts/{id}/devices` with its `reason`.
    struct Source
    {
        QString listPath = QStringLiteral("/v1/devices");
        QUrlQuery query; // added to every request (list and history)
        // Empty: `<listPath>/{id}/history`. Otherwise this path with `device=<id>`.
        QString historyPath = {};
        // Someone else's devices: rename is refused here, before anything is sent.
        bool readOnly = false;

        static Source support(const QString& accountPath, const QUrlQuery& query);
    };

    static constexpr int pageSize = 500;
    static constexpr int burstMs = 50;

    DeviceService(ApiClient* api, DeviceListModel* model, QObject* parent = nullptr);
    ~DeviceService() override;

    DeviceListModel* model() const { return m_model; }
    const Source& source() const { return m_source; }
    bool isReadOnly() const { return m_source.readOnly; }
    // Forgets what was loaded (like clear()) and reads from `source` from now on.
    void setSource(const Source& source);
    // Events apply to the model; resync (and a reconnect that may have missed events) refetches.
    void setEventStream(EventStream* stream);

    // Loads everything again (first load shows as Loading; later ones as Refreshing).
    void reload();
    // Like reload, but asks with If-None-Match so an unchanged list costs one 304.
    void refresh();
    // Forgets every device (sign-out).
    void clear();

    State state() const { return m_state; }
    bool hasData() const { return m_loadedAt.isValid(); }
    const std::optional<ApiError>& error() const { return m_error; }
    // When the list last matched the service (a load or a 304).
    QDateTime loadedAt() const { return m_loadedAt; }
    QByteArray etag() const { return m_etag; }

    void rename(const QString& id, const QString& name);
    void fetchHistory(const QString& id);
    // The service's rename rule, checked before sending: trimmed, 1–64 characters, no control
    // characters. Returns the message to show, or an empty string when fine.
    static QString validateName(const QString& name);

Q_SIGNALS:
    void stateChanged(vigil::DeviceService::State state);
    void loaded();
    void renamed(const QString& id);
    void renameFailed(const QString& id, const vigil::ApiError& error);
    void historyLoaded(const QString& id, const QList<vigil::DeviceService::HistoryEntry>& entries);
    void historyFailed(const QString& id, const vigil::ApiError& error);

private:
    void startLoad(bool conditional);
    void requestPage(const QString& cursor);
    void onPage(ApiReply* reply);
    void finishLoad();
    void fail(const ApiError& error);
    void applyEvent(const QString& type, const QJsonObject& frame);
    void applyNow(const QString& type, const QJsonObject& frame);
    void applyBurst();
    void fetchOne(const QString& id);
    void setState(State state);

    ApiClient* m_api;
    DeviceListModel* m_model;
    Source m_source;
    QPointer<EventStream> m_stream;
    QPointer<ApiReply> m_pageReply;
    State m_state = State::Empty;
    std::optional<ApiError> m_error;
    QDateTime m_loadedAt;
    QByteArray m_etag;
    QByteArray m_pendingEtag;
    bool m_conditional = false;
    QList<Device> m_pending;                           // pages gathered so far
    QList<QPair<QString, QJsonObject>> m_queuedEvents; // arrived during a load; applied after it
    QList<QJsonObject> m_burst;                        // device.updated frames waiting for m_burstTimer
    QTimer m_burstTimer;
    int m_generation = 0;
    int m_sourceGeneration = 0; // answers for another source's devices are dropped
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::DeviceService::HistoryEntry)
