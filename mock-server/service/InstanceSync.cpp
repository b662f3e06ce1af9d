#include "service/InstanceSync.h"

#include "base/Clock.h"
#include "faults/FaultInjector.h"
#include "log/LogCategories.h"
#include "store/ChangeFeed.h"
#include "store/Store.h"

namespace mockd {

namespace {
const QLatin1StringView clockTopic("clock");
const QLatin1StringView faultsTopic("faults");
const QLatin1StringView resetTopic("reset");
const QString clockKey = QStringLiteral("clock_offset_ms");
} // namespace

InstanceSync::InstanceSync(
    Store& store, Clock& clock, FaultInjector* faults, std::function<void()> followReset, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock), m_faults(faults), m_followReset(std::move(followReset))
{
    connect(&m_store.changes(), &ChangeFeed::changed, this, &InstanceSync::onChange);
    connect(&m_clock, &Clock::changed, this, &InstanceSync::recordClock);
}

InstanceSync::~InstanceSync() = default;

void InstanceSync::start(bool seeded)
{
    if (seeded || m_store.meta(clockKey).isEmpty())
        recordClock();
    else
        followClock();
}

void InstanceSync::announceReset()
{
    if (auto ok = m_store.changes().publish(resetTopic, QStringLiteral("all")); !ok)
        qCWarning(lcStore) << "cannot tell the other instances of the reset:" << ok.error();
}

void InstanceSync::followClock()
{
    bool ok = false;
    const qint64 offset = m_store.meta(clockKey).toLongLong(&ok);
    if (!ok || offset == m_clock.offsetMs())
        return;
    m_following = true;
    m_clock.setOffset(offset);
    m_following = false;
}

void InstanceSync::recordClock()
{
    if (m_following)
        return;
    if (auto ok = m_store.setMeta(clockKey, QString::number(m_clock.offsetMs())); !ok) {
        qCWarning(lcStore) << "cannot record the clock:" << ok.error();
        return;
    }
    if (auto ok = m_store.changes().publish(clockTopic, QStringLiteral("offset")); !ok)
        qCWarning(lcStore) << "cannot tell the other instances of the clock:" << ok.error();
}

void InstanceSync::onChange(const QString& topic, const QString& key)
{
    Q_UNUSED(key)
    if (topic == clockTopic) {
        followClock();
    } else if (topic == faultsTopic) {
        if (m_faults)
            m_faults->reload();
    } else if (topic == resetTopic) {
        qCInfo(lcAdmin) << "another instance reset the service; following";
        if (m_followReset)
            m_followReset();
        followClock();
        if (m_faults)
            m_faults->reload();
    }
}

} // namespace mockd
