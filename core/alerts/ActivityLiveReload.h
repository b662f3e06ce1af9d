#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace vigil {

class ActivityService;

// Keeps the Activity page current: events that mean new activity (a sign-in, a device removed, a
// pending sign-out done) reload its first page, at most once per interval however many arrive.
// The filters stay (they live in ActivityService). Nothing happens before the page has loaded once,
// while a page is loading, after "Load More" (the user is reading older entries: their pages stay),
// or in support mode.
class ActivityLiveReload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityLiveReload)

public:
    static constexpr int defaultDebounceMs = 1000;

    explicit ActivityLiveReload(ActivityService* activity, QObject* parent = nullptr);
    ~ActivityLiveReload() override;

    void setDebounceInterval(int ms) { m_timer.setInterval(ms); }
    static bool createsActivity(const QString& eventType);

    // Connect to EventStream::eventReceived.
    void applyEvent(const QString& type);
    // What the debounce timer runs: the reload, when it makes sense now.
    void reloadNow();

Q_SIGNALS:
    // A reload was started (tests, and a page that wants to say so).
    void reloaded();

private:
    QPointer<ActivityService> m_activity;
    QTimer m_timer;
};

} // namespace vigil
