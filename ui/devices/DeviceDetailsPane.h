#pragma once

#include "core/devices/Device.h"
#include "core/devices/DeviceService.h"

#include <QWidget>

class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace vigil {

class InlineMessage;

// Everything about one device: what it is, its app, its connection, its sign-in history and, when
// editable, renaming in place and "Don't recognize this device?". Sign-out buttons arrive with the
// sign-out journey (addActionButton()); they sit under the device's name, above the details, so
// they are in sight however long the history is.
class DeviceDetailsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeviceDetailsPane)

public:
    enum class Mode
    {
        Editable, // the holder's own device
        ReadOnly, // someone else's (support mode): built without Rename and "Don't recognize…"
    };

    explicit DeviceDetailsPane(DeviceService* service, Mode mode = Mode::Editable, QWidget* parent = nullptr);
    ~DeviceDetailsPane() override;

    // Shows the device (and fetches its history when it is a different one). nullptr: nothing.
    void showDevice(const Device* device);
    QString deviceId() const { return m_device.id; }
    bool isEditing() const;
    void startRename();
    // Keyboard users arrive here with Enter on a table row.
    void focusFirstControl();
    // Shows the button under the heading, in the Tab order after Rename and the buttons added before.
    void addActionButton(QPushButton* button);
    // What an action on the shown device came to ("Confirmed"); cleared when another device shows.
    InlineMessage* actionMessage() const { return m_actionMessage; }
    // "New: not confirmed yet. Until …", shown while the device is new.
    QLabel* newNote() const { return m_newNote; }

    // Shows `section` under the action buttons (guest access, for one).
    void addSection(QWidget* section);

Q_SIGNALS:
    void unrecognizedRequested(const QString& deviceId);
    // The pane shows another device, or the same one changed (the action buttons follow it).
    void rendered();
    // Another device (or none: empty id) is shown.
    void deviceShown(const QString& deviceId);

private:
    void render();
    void renderNew();
    void save();
    void cancelRename();
    void setField(QLabel* label, const QString& text);
    void showHistory(const QList<DeviceService::HistoryEntry>& entries);

    DeviceService* m_service;
    Device m_device;
    bool m_hasDevice = false;
    QStackedWidget* m_headingStack;
    QLabel* m_icon;
    QLabel* m_name;
    QPushButton* m_rename = nullptr;
    QLineEdit* m_nameEdit;
    QPushButton* m_save;
    QPushButton* m_cancel;
    InlineMessage* m_renameMessage;
    QLabel* m_type;
    QLabel* m_os;
    QLabel* m_app;
    QLabel* m_ip;
    QLabel* m_location;
    QLabel* m_status;
    QLabel* m_lastActive;
    QLabel* m_firstSignIn;
    QLabel* m_profile;
    QLabel* m_incomplete;
    QLabel* m_newNote;
    InlineMessage* m_actionMessage;
    QPushButton* m_lastAction = nullptr;
    QListWidget* m_history;
    QLabel* m_historyState;
    QLabel* m_unrecognized = nullptr;
    QHBoxLayout* m_actions;
    QVBoxLayout* m_layout = nullptr;
};

} // namespace vigil
