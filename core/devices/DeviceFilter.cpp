#include "core/devices/DeviceFilter.h"

#include "core/devices/DeviceListModel.h"
#include "core/devices/SearchKey.h"

namespace vigil {

namespace {

template <typename Enum>
quint32 maskOf(const QList<Enum>& values)
{
    quint32 mask = 0;
    for (const Enum value : values) {
        mask |= 1u << unsigned(value);
    }
    return mask;
}

bool update(bool& field, bool value)
{
    const bool changed = field != value;
    field = value;
    return changed;
}

} // namespace

bool DeviceFilter::setStatuses(const QList<Device::Status>& statuses)
{
    const quint32 mask = maskOf(statuses);
    const bool changed = mask != m_statusMask;
    m_statusMask = mask;
    return changed;
}

bool DeviceFilter::setTypes(const QList<Device::Type>& types)
{
    const quint32 mask = maskOf(types);
    const bool changed = mask != m_typeMask;
    m_typeMask = mask;
    return changed;
}

bool DeviceFilter::setInactiveOnly(bool on)
{
    return update(m_inactiveOnly, on);
}

bool DeviceFilter::setUnfamiliarOnly(bool on)
{
    return update(m_unfamiliarOnly, on);
}

bool DeviceFilter::setNewOnly(bool on)
{
    return update(m_newOnly, on);
}

bool DeviceFilter::setHideCurrent(bool on)
{
    return update(m_hideCurrent, on);
}

bool DeviceFilter::setProfile(const QString& profile)
{
    if (profile == m_profile)
        return false;
    m_profile = profile;
    return true;
}

DeviceFilter::SearchChange DeviceFilter::setSearchText(QStringView text)
{
    const QString folded = SearchKey::fold(text);
    if (folded == m_folded) {
        return SearchChange::Same;
    }
    // Every word of the longer text contains a word of the shorter one (words are split on
    // spaces), so a text that only grew can only hide rows, and one that only shrank can only
    // show more.
    const SearchChange change = folded.startsWith(m_folded)   ? SearchChange::Narrower
                                : m_folded.startsWith(folded) ? SearchChange::Wider
                                                              : SearchChange::Other;
    m_folded = folded;
    m_words.clear();
    const QStringList words = folded.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        m_words.emplace_back(word, Qt::CaseSensitive);
    }
    return change;
}

void DeviceFilter::setContext(qint64 nowMs, const QSet<QString>& usualCountries)
{
    m_nowMs = nowMs;
    m_usual = usualCountries;
}

bool DeviceFilter::matchesSearch(const DeviceListModel& model, int row) const
{
    if (m_words.empty()) {
        return true;
    }
    const QStringView key = model.searchKeyAt(row);
    for (const QStringMatcher& word : m_words) {
        if (word.indexIn(key) < 0) {
            return false;
        }
    }
    return true;
}

bool DeviceFilter::accepts(const DeviceListModel& model, int row) const
{
    const DeviceListModel::Facts facts = model.factsAt(row);
    if (m_hideCurrent && facts.isCurrent) {
        return false;
    }
    if (m_statusMask != 0 && (m_statusMask & (1u << unsigned(facts.status))) == 0) {
        return false;
    }
    if (m_typeMask != 0 && (m_typeMask & (1u << unsigned(facts.type))) == 0) {
        return false;
    }
    if (!m_profile.isEmpty() && model.deviceAt(row).lastProfile != m_profile) {
        return false;
    }
    if (m_inactiveOnly && !model.isInactiveAt(row, m_nowMs)) {
        return false;
    }
    // This device cannot confirm itself: never among those waiting to be confirmed.
    if (m_newOnly && (facts.isCurrent || !model.isNewAt(row, m_nowMs))) {
        return false;
    }
    // This device is where the holder is: never "unfamiliar".
    if (m_unfamiliarOnly && (facts.isCurrent || model.isFamiliarAt(row, m_usual))) {
        return false;
    }
    return matchesSearch(model, row);
}

} // namespace vigil
