#include "ProfileListModel.h"

namespace vigil {

ProfileListModel::ProfileListModel(QObject* parent) : QAbstractListModel(parent) {}

ProfileListModel::~ProfileListModel() = default;

void ProfileListModel::setProfiles(const QList<Profile>& profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

void ProfileListModel::clear()
{
    if (m_profiles.isEmpty())
        return;
    setProfiles({});
}

void ProfileListModel::setRelativeTime(const RelativeTime& time)
{
    m_time = time;
    if (!m_profiles.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_profiles.size()) - 1), {LastUsedTextRole, Qt::AccessibleTextRole});
}

int ProfileListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QString ProfileListModel::lastUsedText(const Profile& profile, RelativeTime::Style style) const
{
    if (!profile.wasUsed())
        return tr("Not used yet");
    const QString device = profile.lastDeviceName.isEmpty() ? tr("a device") : profile.lastDeviceName;
    if (!profile.lastActive.isValid())
        return tr("Last watched on %1").arg(device);
    return tr("Last watched on %1, %2").arg(device, m_time.text(profile.lastActive, style));
}

QVariant ProfileListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Profile& profile = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return profile.name;
    case Qt::ToolTipRole:
    case LastUsedTextRole:
        return lastUsedText(profile, role == Qt::ToolTipRole ? RelativeTime::Style::Long : RelativeTime::Style::Short);
    case Qt::AccessibleTextRole:
        return profile.kids ? tr("%1, kids profile").arg(profile.name) : profile.name;
    case Qt::AccessibleDescriptionRole:
        return lastUsedText(profile, RelativeTime::Style::Long);
    case IdRole:
        return profile.id;
    case AvatarRole:
        return profile.avatar;
    case KidsRole:
        return profile.kids;
    case LastDeviceRole:
        return profile.lastDeviceName;
    case LastActiveRole:
        return profile.lastActive;
    default:
        return {};
    }
}

QHash<int, QByteArray> ProfileListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "profileId");
    names.insert(AvatarRole, "avatar");
    names.insert(KidsRole, "kids");
    names.insert(LastDeviceRole, "lastDevice");
    names.insert(LastActiveRole, "lastActive");
    names.insert(LastUsedTextRole, "lastUsedText");
    return names;
}

} // namespace vigil
