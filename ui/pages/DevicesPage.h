#pragma once

#include "ui/devices/DeviceFilterPreset.h"
#include "ui/main/Section.h"

#include <QWidget>

class QComboBox;
class QHBoxLayout;
class QVBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace vigil {

class ConfirmActions;
class ConnectionBanner;
class DeviceDetailsPane;
class DeviceFilterModel;
class DeviceService;
class DeviceTableModel;
class EventStream;
class GuestAccessBar;
class GuestEndings;
class InlineMessage;
class LoadState;
class PageHeader;
class ProfileDevices;
class ProfileFilter;
class RecommendationsCard;
class SectionNavigator;
class SignOutActions;
class SignOutRowDelegate;
class UnrecognizedDeviceGuide;
class ThisDeviceCard;
class TvSignInActions;

// The live device list: this device, recommendations, the table of every device (sort, filter,
// search, multi-select, keyboard), the details pane, and whether what it shows is live.
class DevicesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DevicesPage)

public:
    // The account holder's own devices, live through `events`; `navigator` takes the advice's
    // links (Help, Security) to their sections.
    DevicesPage(DeviceService* devices, EventStream* events, SectionNavigator* navigator, QWidget* parent = nullptr);
    // Someone else's devices (support mode), as read on request: built without the live banner,
    // "This device", rename, "Don't recognize this device?" and any sign-out control
    // (setSignOutActions() is refused).
    static DevicesPage* readOnly(DeviceService* devices, QWidget* parent = nullptr);
    ~DevicesPage() override;

    void applyPreset(DeviceFilterPreset::Kind kind);
    DeviceFilterPreset::Kind preset() const { return m_preset; }
    // All devices, newest sign-in first (the Overview's "new in the last 7 days").
    void showNewestFirst();
    // Adds every sign-out entry point: a button on each row, "Sign Out Selected (N)…", "Sign Out of
    // All Devices…", Delete on the table, the details pane's button and "Don't recognize this
    // device?". `banner` (the pending sign-outs strip) goes under the header when given.
    void setSignOutActions(SignOutActions* actions, QWidget* banner = nullptr);
    // Adds "Confirm…" to the details pane of a new device (DevicesPageConfirm.cpp).
    void setConfirmActions(ConfirmActions* actions);
    // Shows this device's row and details (the whole list when the filter or search hides it).
    void showDevice(const QString& deviceId);
    QPushButton* confirmButton() const { return m_confirmThis; }
    // Adds "Sign In a TV…" to the header, the guest bar (end, Extend…, End Now) to the details
    // pane, and "Guest access for … ended" when `endings` says so (DevicesPageTv.cpp).
    void setTvSignIn(TvSignInActions* actions, GuestEndings* endings);
    QPushButton* signInTvButton() const { return m_signInTv; }
    GuestAccessBar* guestBar() const { return m_guestBar; }
    InlineMessage* guestEndedMessage() const { return m_guestEnded; }
    QStringList selectedDeviceIds() const;
    // Adds the people to the filter ("Sam's devices") and, after setSignOutActions(), "Sign Out
    // Sam's Devices (N)…" while one is chosen.
    void setProfileDevices(const ProfileDevices* people);
    ProfileFilter* profileFilter() const { return m_profileFilter; }
    bool isReadOnly() const { return m_readOnly; }
    // Null on a read-only page.
    QPushButton* signOutSelectedButton() const { return m_signOutSelected; }
    QPushButton* signOutAllButton() const { return m_signOutAll; }
    UnrecognizedDeviceGuide* unrecognizedGuide() const { return m_guide; }
    SignOutRowDelegate* rowDelegate() const { return m_rowDelegate; }

    QTableView* table() const { return m_table; }
    DeviceDetailsPane* detailsPane() const { return m_details; }
    DeviceFilterModel* filterModel() const { return m_filter; }

private:
    DevicesPage(
        DeviceService* devices, EventStream* events, SectionNavigator* navigator, bool readOnly, QWidget* parent);
    QWidget* buildContent();
    void renderState();
    void renderRows();
    void scheduleSummary();
    void updateSummary();
    void openCurrent();
    void followCurrent();
    void showDetails(bool shown);
    void sizeColumnsToContents();
    void updateSignOutButtons();
    void showProfile();
    void updateConfirmButton();

    DeviceService* m_service = nullptr;
    EventStream* m_events = nullptr;
    SectionNavigator* m_navigator = nullptr; // none on a read-only page
    DeviceFilterModel* m_filter = nullptr;
    DeviceTableModel* m_tableModel = nullptr;
    LoadState* m_state = nullptr;
    ConnectionBanner* m_banner = nullptr;
    InlineMessage* m_refreshError = nullptr;
    ThisDeviceCard* m_thisDevice = nullptr;
    RecommendationsCard* m_recommendations = nullptr;
    QComboBox* m_filterCombo = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_filterDescription = nullptr;
    QLabel* m_updating = nullptr;
    QStackedWidget* m_tableStack = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_emptyText = nullptr;
    QPushButton* m_showAll = nullptr;
    QSplitter* m_splitter = nullptr;
    QWidget* m_detailsArea = nullptr; // the details pane in its scroll area, shown with a device
    int m_detailsWidth = 0;
    bool m_columnsSized = false;
    DeviceDetailsPane* m_details = nullptr;
    QTimer* m_tick = nullptr;
    QTimer* m_summaryTimer = nullptr;
    DeviceFilterPreset::Kind m_preset = DeviceFilterPreset::All;
    QVBoxLayout* m_layout = nullptr;
    QHBoxLayout* m_headerActions = nullptr;
    SignOutActions* m_signOut = nullptr;
    SignOutRowDelegate* m_rowDelegate = nullptr;
    UnrecognizedDeviceGuide* m_guide = nullptr;
    QPushButton* m_signOutSelected = nullptr;
    QPushButton* m_signOutAll = nullptr;
    QPushButton* m_signOutThis = nullptr;
    ConfirmActions* m_confirm = nullptr;
    QPushButton* m_confirmThis = nullptr;
    PageHeader* m_header = nullptr;
    QPushButton* m_signInTv = nullptr;
    GuestAccessBar* m_guestBar = nullptr;
    InlineMessage* m_guestEnded = nullptr;
    bool m_readOnly = false;
    QHBoxLayout* m_filterRow = nullptr;
    ProfileFilter* m_profileFilter = nullptr;
};

} // namespace vigil
