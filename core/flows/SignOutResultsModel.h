#pragma once

#include "core/flows/DeviceSignOutResult.h"

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

namespace vigil {

// The results panel: one row per device of a sign-out, with its live result. Rows never move;
// progress events and retries change them in place (live updates must not move the cursor).
class SignOutResultsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutResultsModel)

public:
    enum Role
    {
        DeviceIdRole = Qt::UserRole + 1,
        ResultRole,     // DeviceSignOutResult::Result as int
        ReasonRole,     // failure reason, empty otherwise
        StatusTextRole, // "Signed out", "Pending — will sign out when it reconnects", "Failed: …"
        RetryingRole,   // bool: a retry of this failed device is on its way
    };

    explicit SignOutResultsModel(QObject* parent = nullptr);
    ~SignOutResultsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces every row.
    void setResults(const QList<DeviceSignOutResult>& results);
    // Updates the rows of known devices and appends the others (results of a retry).
    void mergeResults(const QList<DeviceSignOutResult>& results);
    // A `signout.progress` event; false when the device is not in the model.
    bool applyResult(const QString& deviceId, DeviceSignOutResult::Result result, const QString& reason = {});
    void setRetrying(const QStringList& deviceIds, bool retrying);
    void clear();

    const QList<DeviceSignOutResult>& results() const { return m_rows; }
    int count(DeviceSignOutResult::Result result) const;
    QStringList failedIds() const;
    // "2 signed out, 1 pending, 1 failed".
    QString summaryText() const;
    // For the row text and screen readers.
    static QString statusText(const DeviceSignOutResult& row);
    static QString accessibleText(const DeviceSignOutResult& row);

Q_SIGNALS:
    // Any count changed (the summary line, the "devices pending" banner).
    void summaryChanged();

private:
    int rowOf(const QString& deviceId) const;

    QList<DeviceSignOutResult> m_rows;
    QSet<QString> m_retrying;
};

} // namespace vigil
