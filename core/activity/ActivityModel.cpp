#include "ActivityModel.h"

#include <QLocale>

namespace vigil {

ActivityModel::ActivityModel(QObject* parent) : QAbstractTableModel(parent) {}

ActivityModel::~ActivityModel() = default;

void ActivityModel::setEntries(const QList<ActivityEntry>& entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

void ActivityModel::appendEntries(const QList<ActivityEntry>& entries)
{
    if (entries.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.append(entries);
    endInsertRows();
}

void ActivityModel::clear()
{
    if (m_entries.isEmpty())
        return;
    setEntries({});
}

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActivityEntry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(entry.time.toLocalTime(), QLocale::ShortFormat);
        case EventColumn:
            return entry.typeText();
        case DetailsColumn:
            return entry.description();
        case DeviceColumn:
            return entry.deviceName.isEmpty() ? tr("\u2014") : entry.deviceName;
        case PlaceColumn:
            return entry.place();
        case IpColumn:
            return entry.ip.isEmpty() ? tr("\u2014") : entry.ip;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat);
        if (index.column() == DetailsColumn)
            return entry.description();
        return {};
    case Qt::AccessibleTextRole:
        return tr("%1, %2").arg(entry.typeText(), QLocale().toString(entry.time.toLocalTime(), QLocale::LongFormat));
    case Qt::AccessibleDescriptionRole:
        return entry.deviceName.isEmpty() ? tr("%1, %2").arg(entry.description(), entry.place())
                                          : tr("%1, %2, %3").arg(entry.description(), entry.deviceName, entry.place());
    case TypeRole:
        return entry.type;
    case TimeRole:
        return entry.time;
    case CountryRole:
        return entry.country;
    case IdRole:
        return entry.id;
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case EventColumn:
        return tr("Event");
    case DetailsColumn:
        return tr("Details");
    case DeviceColumn:
        return tr("Device");
    case PlaceColumn:
        return tr("Location");
    case IpColumn:
        return tr("IP Address");
    default:
        return {};
    }
}

} // namespace vigil
