#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace vigil {

class DeviceFilterModel;

// The choices of the Devices page's filter combo, which the Overview and the Recommendations card
// link to as well.
class DeviceFilterPreset final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::DeviceFilterPreset)

public:
    enum Kind
    {
        All,
        Active, // streaming, paused or idle: connected right now
        Streaming,
        Idle,
        Offline,
        Inactive,
        Unfamiliar,
        New, // signed in recently, not confirmed yet
    };

    DeviceFilterPreset() = delete;

    static QList<Kind> all();
    static QString text(Kind kind);
    // One line under the combo saying what the choice shows.
    static QString description(Kind kind);
    // "No offline devices"
    static QString emptyText(Kind kind);
    static void apply(Kind kind, DeviceFilterModel& model);
};

} // namespace vigil
