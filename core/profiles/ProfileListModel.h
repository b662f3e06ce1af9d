#pragma once

#include "core/devices/RelativeTime.h"
#include "core/profiles/Profile.h"

#include <QAbstractListModel>
#include <QList>

namespace vigil {

// The household's profiles in their household order. DisplayRole is the name; the roles below
// carry the rest for the Profiles page's cards, and the accessible roles say it in words.
class ProfileListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileListModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        AvatarRole,
        KidsRole,
        LastDeviceRole,
        LastActiveRole,   // QDateTime (UTC), invalid when never used
        LastUsedTextRole, // "Last watched on Living Room TV, 2 min ago" / "Not used yet"
    };

    explicit ProfileListModel(QObject* parent = nullptr);
    ~ProfileListModel() override;

    void setProfiles(const QList<Profile>& profiles);
    void clear();
    const QList<Profile>& profiles() const { return m_profiles; }
    // Tests and ticks: "now" for the relative times.
    void setRelativeTime(const RelativeTime& time);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QString lastUsedText(const Profile& profile, RelativeTime::Style style) const;

    QList<Profile> m_profiles;
    RelativeTime m_time;
};

} // namespace vigil
