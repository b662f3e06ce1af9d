#pragma once

#include <QString>
#include <QStringList>

namespace mockd {

class DeviceService;
class JsonWriter;
class Store;
struct AuditEntry;

// Turns audit rows into the entries of GET /v1/activity. The audit log records more than the
// holder needs (step-up starts, MFA prompts); those map to no activity type and are not shown.
// Only chosen fields leave the service: never a session id, token hash or code.
class ActivityEntryWriter final
{
public:
    ActivityEntryWriter(const Store& store, const DeviceService& devices);

    // The activity type of an audit type; empty when the row is not shown.
    static QString typeOf(const AuditEntry& entry);
    static const QStringList& types();
    // Whether the entry concerns the device (its own or one it signed out).
    static bool concerns(const AuditEntry& entry, const QString& deviceId);

    void write(JsonWriter& json, const AuditEntry& entry, const QString& type) const;

private:
    QString detailOf(const AuditEntry& entry, const QString& type) const;
    QString deviceName(const QString& accountId, const QString& deviceId) const;

    const Store& m_store;
    const DeviceService& m_devices;
};

} // namespace mockd
