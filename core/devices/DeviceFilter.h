#pragma once

#include "core/devices/Device.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringMatcher>
#include <vector>

namespace vigil {

class DeviceListModel;

// The filter rules of the Devices table, evaluated straight on DeviceListModel's rows: no
// QVariant, no allocation per row. DeviceFilterModel owns one.
class DeviceFilter final
{
public:
    enum class SearchChange
    {
        Same,     // same folded text: nothing to do
        Narrower, // the text grew: only rows shown now can still match
        Wider,    // the text shrank to a prefix of itself: everything shown now still matches
        Other
    };

    // Each setter answers whether anything changed. Empty lists mean "any".
    bool setStatuses(const QList<Device::Status>& statuses);
    bool setTypes(const QList<Device::Type>& types);
    bool setInactiveOnly(bool on);
    bool setUnfamiliarOnly(bool on);
    bool setNewOnly(bool on);
    bool setHideCurrent(bool on);
    // Only devices last used with this profile (its name); empty: any.
    bool setProfile(const QString& profile);
    SearchChange setSearchText(QStringView text);

    const QString& foldedSearch() const { return m_folded; }
    bool unfamiliarOnly() const { return m_unfamiliarOnly; }

    // What the clock-dependent and account-dependent rules compare against.
    void setContext(qint64 nowMs, const QSet<QString>& usualCountries);
    void setNow(qint64 nowMs) { m_nowMs = nowMs; }
    const QSet<QString>& usualCountries() const { return m_usual; }

    bool accepts(const DeviceListModel& model, int row) const;
    bool matchesSearch(const DeviceListModel& model, int row) const;

private:
    quint32 m_statusMask = 0;
    quint32 m_typeMask = 0;
    bool m_inactiveOnly = false;
    bool m_unfamiliarOnly = false;
    bool m_newOnly = false;
    bool m_hideCurrent = false;
    QString m_profile;
    QString m_folded;
    std::vector<QStringMatcher> m_words;
    QSet<QString> m_usual;
    qint64 m_nowMs = 0;
};

} // namespace vigil
