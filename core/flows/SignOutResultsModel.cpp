#include "core/flows/SignOutResultsModel.h"

#include <algorithm>

namespace vigil {
namespace {

// The service gives a code; the person reads words. not_found: the device is no longer on the account.
QString reasonText(const QString& reason)
{
    if (reason == QLatin1String("not_found"))
        return SignOutResultsModel::tr("no longer signed in to your account");
    return reason;
}

} // namespace

SignOutResultsModel::SignOutResultsModel(QObject* parent) : QAbstractListModel(parent) {}

SignOutResultsModel::~SignOutResultsModel() = default;

int SignOutResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SignOutResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeviceSignOutResult& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.name.isEmpty() ? row.deviceId : row.name;
    case Qt::ToolTipRole:
    case StatusTextRole:
        return statusText(row);
    case Qt::AccessibleTextRole:
        return accessibleText(row);
    case DeviceIdRole:
        return row.deviceId;
    case ResultRole:
        return int(row.result);
    case ReasonRole:
        return row.reason;
    case RetryingRole:
        return m_retrying.contains(row.deviceId);
    default:
        return {};
    }
}

QHash<int, QByteArray> SignOutResultsModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(DeviceIdRole, "deviceId");
    names.insert(ResultRole, "result");
    names.insert(ReasonRole, "reason");
    names.insert(StatusTextRole, "statusText");
    names.insert(RetryingRole, "retrying");
    return names;
}

void SignOutResultsModel::setResults(const QList<DeviceSignOutResult>& results)
{
    beginResetModel();
    m_rows = results;
    m_retrying.clear();
    endResetModel();
    Q_EMIT summaryChanged();
}

void SignOutResultsModel::mergeResults(const QList<DeviceSignOutResult>& results)
{
    for (const DeviceSignOutResult& result : results) {
        m_retrying.remove(result.deviceId);
        const int row = rowOf(result.deviceId);
        if (row < 0) {
            beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
            m_rows.append(result);
            endInsertRows();
            continue;
        }
        DeviceSignOutResult& existing = m_rows[row];
        existing.result = result.result;
        existing.reason = result.reason;
        if (!result.name.isEmpty())
            existing.name = result.name;
        Q_EMIT dataChanged(index(row), index(row));
    }
    Q_EMIT summaryChanged();
}

bool SignOutResultsModel::applyResult(const QString& deviceId,
                                      DeviceSignOutResult::Result result,
                                      const QString& reason)
{
    const int row = rowOf(deviceId);
    if (row < 0)
        return false;
    DeviceSignOutResult& existing = m_rows[row];
    // A device that is signed out stays signed out: a late or replayed event must not undo it.
    if (existing.result == DeviceSignOutResult::Result::SignedOut)
        return true;
    existing.result = result;
    existing.reason = result == DeviceSignOutResult::Result::Failed ? reason : QString();
    m_retrying.remove(deviceId);
    Q_EMIT dataChanged(index(row), index(row));
    Q_EMIT summaryChanged();
    return true;
}

void SignOutResultsModel::setRetrying(const QStringList& deviceIds, bool retrying)
{
    for (const QString& id : deviceIds) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        if (retrying)
            m_retrying.insert(id);
        else
            m_retrying.remove(id);
        Q_EMIT dataChanged(index(row), index(row), {RetryingRole});
    }
}

void SignOutResultsModel::clear()
{
    setResults({});
}

int SignOutResultsModel::count(DeviceSignOutResult::Result result) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [result](const auto& row) { return row.result == result; }));
}

QStringList SignOutResultsModel::failedIds() const
{
    QStringList ids;
    for (const DeviceSignOutResult& row : m_rows) {
        if (row.result == DeviceSignOutResult::Result::Failed)
            ids.append(row.deviceId);
    }
    return ids;
}

QString SignOutResultsModel::summaryText() const
{
    QStringList parts;
    if (const int n = count(DeviceSignOutResult::Result::SignedOut))
        parts.append(tr("%n signed out", nullptr, n));
    if (const int n = count(DeviceSignOutResult::Result::Pending))
        parts.append(tr("%n pending", nullptr, n));
    if (const int n = count(DeviceSignOutResult::Result::Failed))
        parts.append(tr("%n failed", nullptr, n));
    if (parts.isEmpty())
        return tr("No devices");
    return parts.join(QStringLiteral(", "));
}

QString SignOutResultsModel::statusText(const DeviceSignOutResult& row)
{
    switch (row.result) {
    case DeviceSignOutResult::Result::SignedOut:
        return tr("Signed out");
    case DeviceSignOutResult::Result::Pending:
        return tr("Pending — will sign out when it reconnects");
    case DeviceSignOutResult::Result::Failed:
        if (row.reason.isEmpty())
            return tr("Failed");
        return tr("Failed: %1").arg(reasonText(row.reason));
    }
    return {};
}

QString SignOutResultsModel::accessibleText(const DeviceSignOutResult& row)
{
    const QString name = row.name.isEmpty() ? row.deviceId : row.name;
    switch (row.result) {
    case DeviceSignOutResult::Result::SignedOut:
        return tr("%1: signed out").arg(name);
    case DeviceSignOutResult::Result::Pending:
        return tr("%1: pending, will sign out when it reconnects").arg(name);
    case DeviceSignOutResult::Result::Failed:
        if (row.reason.isEmpty())
            return tr("%1: failed").arg(name);
        return tr("%1: failed, %2").arg(name, reasonText(row.reason));
    }
    return name;
}

int SignOutResultsModel::rowOf(const QString& deviceId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).deviceId == deviceId)
            return i;
    }
    return -1;
}

} // namespace vigil
