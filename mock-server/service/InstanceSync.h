#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace mockd {

class Clock;
class FaultInjector;
class Store;

// What several vigil-mockd on one database keep in step beyond the store's tables: the movable
// clock (its offset in the database's meta table) and resets (a scenario load is a reset to another
// scenario). Each instance records its own changes and tells the others through the store's change
// feed ("clock", "reset"); the fault rules keep themselves in step (FaultInjector::share), and this
// reloads them on "faults".
class InstanceSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InstanceSync)

public:
    // `followReset`: another instance reset the database; this one drops what it holds in memory.
    InstanceSync(Store& store,
                 Clock& clock,
                 FaultInjector* faults,
                 std::function<void()> followReset,
                 QObject* parent = nullptr);
    ~InstanceSync() override;

    // `seeded`: this instance has just seeded the database, so its clock is the one in force;
    // otherwise it takes the one the database has.
    void start(bool seeded);
    // This instance reset the database: the others follow.
    void announceReset();
    // Takes the clock offset recorded in the database.
    void followClock();

private:
    void onChange(const QString& topic, const QString& key);
    void recordClock();

    Store& m_store;
    Clock& m_clock;
    FaultInjector* m_faults;
    std::function<void()> m_followReset;
    // Set while this instance follows another's clock, so it does not announce it back.
    bool m_following = false;
};

} // namespace mockd
