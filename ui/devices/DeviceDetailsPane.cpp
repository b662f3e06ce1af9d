#include "DeviceDetailsPane.h"

#include "core/devices/DeviceListModel.h"
#include "ui/devices/DeviceTableModel.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    label->setContentsMargins(0, 8, 0, 0);
    return label;
}

QLabel* valueLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // the service's text, shown as written
    label->setAccessibleName(name);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

DeviceDetailsPane::DeviceDetailsPane(DeviceService* service, Mode mode, QWidget* parent)
    : QWidget(parent), m_service(service)
{
    setAccessibleName(tr("Device details"));

    // Heading: name + Rename, or the inline editor.
    m_icon = new QLabel(this);
    m_name = new QLabel(this);
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setAccessibleName(tr("Device name"));
    m_name->setWordWrap(true);
    m_name->setTextFormat(Qt::PlainText); // the device's name as the service has it, never markup
    if (mode == Mode::Editable) {
        m_rename = new QPushButton(tr("Rename"), this);
        m_rename->setAccessibleName(tr("Rename"));
        m_rename->setToolTip(tr("Give this device a name you will recognize"));
    }
    auto* view = new QWidget(this);
    auto* viewLayout = new QHBoxLayout(view);
    viewLayout->setContentsMargins(0, 0, 0, 0);
    viewLayout->addWidget(m_icon);
    viewLayout->addWidget(m_name, 1);
    if (m_rename)
        viewLayout->addWidget(m_rename);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setAccessibleName(tr("New device name"));
    m_nameEdit->setMaxLength(200); // the rule (64) is checked with a message, not by cutting text off
    m_save = new QPushButton(tr("Save"), this);
    m_save->setAccessibleName(tr("Save name"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setAccessibleName(tr("Cancel rename"));
    auto* edit = new QWidget(this);
    auto* editLayout = new QHBoxLayout(edit);
    editLayout->setContentsMargins(0, 0, 0, 0);
    editLayout->addWidget(m_nameEdit, 1);
    editLayout->addWidget(m_save);
    editLayout->addWidget(m_cancel);

    m_headingStack = new QStackedWidget(this);
    m_headingStack->addWidget(view);
    m_headingStack->addWidget(edit);
    m_headingStack->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_renameMessage = new InlineMessage(this);

    m_incomplete = new QLabel(this);
    m_incomplete->setWordWrap(true);
    m_newNote = new QLabel(this);
    m_newNote->setWordWrap(true);
    m_newNote->setAccessibleName(tr("New device"));
    m_newNote->setVisible(false);
    m_actionMessage = new InlineMessage(this);
    m_type = valueLabel(tr("Type"), this);
    m_os = valueLabel(tr("System"), this);
    m_app = valueLabel(tr("App"), this);
    m_ip = valueLabel(tr("IP address"), this);
    m_location = valueLabel(tr("Location"), this);
    m_status = valueLabel(tr("Status"), this);
    m_profile = valueLabel(tr("Profile"), this);
    m_lastActive = valueLabel(tr("Last active"), this);
    m_firstSignIn = valueLabel(tr("First sign-in"), this);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(sectionTitle(tr("Device"), this));
    form->addRow(tr("Type:"), m_type);
    form->addRow(tr("System:"), m_os);
    form->addRow(sectionTitle(tr("App"), this));
    form->addRow(tr("App:"), m_app);
    form->addRow(sectionTitle(tr("Connection"), this));
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Profile:"), m_profile);
    form->addRow(tr("IP address:"), m_ip);
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Last active:"), m_lastActive);
    form->addRow(tr("First sign-in:"), m_firstSignIn);

    m_history = new QListWidget(this);
    AccessibleViewGuard::attach(m_history);
    m_history->setAccessibleName(tr("Sign-in history"));
    m_history->setMinimumHeight(90);
    m_history->setWordWrap(true);
    m_history->setTextElideMode(Qt::ElideNone);
    m_historyState = new QLabel(this);
    m_historyState->setWordWrap(true);

    if (mode == Mode::Editable) {
        m_unrecognized = new QLabel(this);
        m_unrecognized->setText(QStringLiteral("<a href=\"#\">") + tr("Don't recognize this device?").toHtmlEscaped() +
                                QStringLiteral("</a>"));
        m_unrecognized->setAccessibleName(tr("Don't recognize this device?"));
        m_unrecognized->setTextInteractionFlags(Qt::TextBrowserInteraction);
        m_unrecognized->setToolTip(tr("What to do when someone else may be using your account"));
        connect(m_unrecognized, &QLabel::linkActivated, this, [this] { Q_EMIT unrecognizedRequested(m_device.id); });
    }

    m_actions = new QHBoxLayout;
    m_actions->addStretch(1);

    // What a person does with the device comes first, what they read about it after.
    auto* layout = new QVBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(12, 0, 0, 0);
    layout->addWidget(m_headingStack);
    layout->addWidget(m_renameMessage);
    layout->addWidget(m_incomplete);
    layout->addWidget(m_newNote);
    layout->addLayout(m_actions);
    layout->addWidget(m_actionMessage);
    if (m_unrecognized)
        layout->addWidget(m_unrecognized);
    layout->addLayout(form);
    layout->addWidget(sectionTitle(tr("Sign-in history"), this));
    layout->addWidget(m_historyState);
    layout->addWidget(m_history, 1);
    if (m_unrecognized)
        setTabOrder(m_unrecognized, m_history);

    if (m_rename)
        connect(m_rename, &QPushButton::clicked, this, &DeviceDetailsPane::startRename);
    connect(m_save, &QPushButton::clicked, this, &DeviceDetailsPane::save);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &DeviceDetailsPane::save);
    connect(m_cancel, &QPushButton::clicked, this, &DeviceDetailsPane::cancelRename);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_nameEdit);
    escape->setContext(Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, this, &DeviceDetailsPane::cancelRename);
    connect(m_nameEdit, &QLineEdit::textEdited, m_renameMessage, &InlineMessage::clear);

    connect(m_service, &DeviceService::renamed, this, [this](const QString& id) {
        if (id != m_device.id)
            return;
        m_save->setEnabled(true);
        m_headingStack->setCurrentIndex(0);
        m_renameMessage->clear();
        m_rename->setFocus(); // only an editable pane renames
    });
    connect(m_service, &DeviceService::renameFailed, this, [this](const QString& id, const ApiError& error) {
        if (id != m_device.id)
            return;
        m_save->setEnabled(true);
        const QString text = error.code() == ApiError::Code::InvalidField && !error.serverMessage().isEmpty()
                                 ? error.serverMessage()
                                 : error.userText();
        m_renameMessage->showMessage(InlineMessage::Kind::Error, text);
        m_nameEdit->setFocus();
    });
    connect(m_service,
            &DeviceService::historyLoaded,
            this,
            [this](const QString& id, const QList<DeviceService::HistoryEntry>& entries) {
                if (id == m_device.id)
                    showHistory(entries);
            });
    connect(m_service, &DeviceService::historyFailed, this, [this](const QString& id, const ApiError& error) {
        if (id != m_device.id)
            return;
        m_history->clear();
        m_historyState->setText(tr("Couldn't load the sign-in history. %1").arg(error.userText()));
        m_historyState->setVisible(true);
    });
    // Also on the clock tick, so "2 minutes ago" moves on here as in the table.
    connect(m_service->model(),
            &QAbstractItemModel::dataChanged,
            this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                const DeviceListModel* model = m_service->model();
                const int row = model->rowOf(m_device.id);
                // This computer's own row changing (it was confirmed) changes what the note says too.
                bool current = false;
                for (int r = topLeft.row(); r <= bottomRight.row() && !current; ++r)
                    current = model->factsAt(r).isCurrent;
                if (m_hasDevice && row >= 0 && ((row >= topLeft.row() && row <= bottomRight.row()) || current)) {
                    m_device = m_service->model()->deviceAt(row);
                    render();
                }
            });
    showDevice(nullptr);
}

DeviceDetailsPane::~DeviceDetailsPane() = default;

bool DeviceDetailsPane::isEditing() const
{
    return m_headingStack->currentIndex() == 1;
}

void DeviceDetailsPane::showDevice(const Device* device)
{
    const bool other = !device || device->id != m_device.id || !m_hasDevice;
    m_hasDevice = device != nullptr;
    m_device = device ? *device : Device();
    if (other) {
        m_headingStack->setCurrentIndex(0);
        m_renameMessage->clear();
        m_history->clear();
        m_actionMessage->clear();
        if (device) {
            m_historyState->setText(tr("Loading sign-in history…"));
            m_historyState->setVisible(true);
            m_service->fetchHistory(device->id);
        }
    }
    render();
    if (other)
        Q_EMIT deviceShown(m_device.id);
}

void DeviceDetailsPane::render()
{
    setEnabled(m_hasDevice);
    if (!m_hasDevice) {
        m_name->setText(tr("No device selected"));
        m_icon->clear();
        for (QLabel* label : {m_type, m_os, m_app, m_ip, m_location, m_status, m_profile, m_lastActive, m_firstSignIn})
            label->clear();
        m_incomplete->setVisible(false);
        m_newNote->setVisible(false);
        m_historyState->setText(tr("Select a device to see its details."));
        Q_EMIT rendered();
        return;
    }
    const Device& d = m_device;
    const RelativeTime& time = m_service->model()->relativeTime();
    m_icon->setPixmap(Icons::themed(Device::typeIconName(d.type)).pixmap(28, 28));
    m_name->setText(d.isCurrent ? tr("%1 (This device)").arg(d.displayName()) : d.displayName());
    setField(m_type, Device::typeText(d.type));
    setField(m_os, d.osText());
    setField(m_app, d.appText());
    setField(m_ip, d.ip);
    setField(m_location, d.locationText());
    QString status = Device::statusText(d.status);
    if ((d.status == Device::Status::Streaming || d.status == Device::Status::Paused) && !d.statusTitle.isEmpty())
        status = tr("%1 “%2”").arg(status, d.statusTitle);
    setField(m_status, status);
    const QColor color = DeviceTableModel::statusColor(int(d.status));
    m_status->setStyleSheet(color.isValid() ? QStringLiteral("color: %1").arg(color.name()) : QString());
    setField(m_profile, d.shownProfile());
    QString lastActive = d.lastActive.isValid() ? time.text(d.lastActive, RelativeTime::Style::Long) +
                                                      QStringLiteral(" · ") + time.exactText(d.lastActive)
                                                : tr("No activity yet");
    // The account's auto sign-out rule (Preferences) is near for this device.
    if (const QString autoSignOut = d.autoSignOutText(time.now()); !autoSignOut.isEmpty())
        lastActive += QLatin1Char('\n') + autoSignOut;
    setField(m_lastActive, lastActive);
    setField(m_firstSignIn, time.exactText(d.firstSignIn));
    m_incomplete->setText(
        tr("Some details of this device are missing or unreadable: %1").arg(d.problems.join(QStringLiteral(", "))));
    m_incomplete->setVisible(d.incomplete());
    renderNew();
    if (m_rename)
        m_rename->setEnabled(true);
    Q_EMIT rendered();
}

void DeviceDetailsPane::renderNew()
{
    const RelativeTime& time = m_service->model()->relativeTime();
    const bool isNew = m_device.isNewAt(time.now());
    // This computer is new itself: the service would refuse to sign this device out or confirm it,
    // so the pane says so before anyone starts (and verifies) for nothing.
    const QDateTime thisUntil = m_device.isCurrent ? QDateTime() : m_service->model()->currentNewUntil();
    m_newNote->setVisible(isNew || thisUntil.isValid());
    if (thisUntil.isValid()) {
        m_newNote->setText(tr("This computer signed in recently, so until %1 it can't sign this device out or "
                              "confirm it. Use a device you've signed in on before.")
                               .arg(QLocale().toString(thisUntil.toLocalTime(), QLocale::ShortFormat)));
        m_newNote->setAccessibleDescription(m_newNote->text());
        return;
    }
    if (!isNew)
        return;
    // When it ends, in local time, and what it means: the service's refusal explains the same.
    const QString until = QLocale().toString(m_device.newUntil.toLocalTime(), QLocale::ShortFormat);
    m_newNote->setText(m_device.isCurrent
                           ? tr("This device signed in recently. Until %1 it can't sign out your other devices or "
                                "change security settings, unless you confirm it from a device you've signed in on "
                                "before.")
                                 .arg(until)
                           : tr("New: signed in recently and not confirmed. Until %1 it can't sign out your other "
                                "devices or change security settings. If it's yours, confirm it; if not, sign it out.")
                                 .arg(until));
    m_newNote->setAccessibleDescription(m_newNote->text());
}

void DeviceDetailsPane::setField(QLabel* label, const QString& text)
{
    label->setText(text.isEmpty() ? tr("Unknown") : text);
}

void DeviceDetailsPane::showHistory(const QList<DeviceService::HistoryEntry>& entries)
{
    m_history->clear();
    const RelativeTime& time = m_service->model()->relativeTime();
    for (const auto& entry : entries) {
        const QString when = entry.time.isValid()
                                 ? time.dateText(entry.time) + QLatin1Char(' ') +
                                       QLocale().toString(entry.time.toLocalTime().time(), QStringLiteral("HH:mm"))
                                 : tr("Unknown time");
        QString text = QStringList{when,
                                   entry.place,
                                   entry.ip.isEmpty() ? tr("Unknown address") : entry.ip,
                                   DeviceService::HistoryEntry::methodText(entry.method)}
                           .join(QStringLiteral(" · "));
        const bool failed = entry.result == QLatin1String("failed");
        if (failed)
            text += QStringLiteral(" · ") + tr("Failed");
        auto* item = new QListWidgetItem(
            Icons::themed(failed ? QStringLiteral("circle-x") : QStringLiteral("circle-check")), text, m_history);
        item->setData(Qt::AccessibleTextRole, text);
        item->setToolTip(time.exactText(entry.time));
    }
    m_historyState->setText(entries.isEmpty() ? tr("No sign-ins recorded.") : QString());
    m_historyState->setVisible(entries.isEmpty());
}

void DeviceDetailsPane::addActionButton(QPushButton* button)
{
    m_actions->insertWidget(m_actions->count() - 1, button); // before the stretch
    // Created after the pane's own widgets, it would come last in the Tab order; it reads first,
    // after the buttons added before it.
    setTabOrder(m_lastAction ? m_lastAction : m_cancel, button);
    m_lastAction = button;
    if (m_unrecognized) {
        setTabOrder(button, m_unrecognized);
        setTabOrder(m_unrecognized, m_history);
    } else {
        setTabOrder(button, m_history);
    }
}

void DeviceDetailsPane::addSection(QWidget* section)
{
    m_layout->insertWidget(m_layout->indexOf(m_actions) + 1, section);
}

void DeviceDetailsPane::focusFirstControl()
{
    if (isEditing())
        m_nameEdit->setFocus();
    else if (m_rename)
        m_rename->setFocus();
    else
        m_history->setFocus(); // read-only: the first thing there is to read on
}

void DeviceDetailsPane::startRename()
{
    if (!m_hasDevice || !m_rename)
        return;
    m_nameEdit->setText(m_device.name);
    m_nameEdit->selectAll();
    m_renameMessage->clear();
    m_headingStack->setCurrentIndex(1);
    m_nameEdit->setFocus();
}

void DeviceDetailsPane::save()
{
    const QString problem = DeviceService::validateName(m_nameEdit->text());
    if (!problem.isEmpty()) {
        m_renameMessage->showMessage(InlineMessage::Kind::Error, problem);
        m_nameEdit->setFocus();
        return;
    }
    if (m_nameEdit->text().trimmed() == m_device.name) {
        cancelRename();
        return;
    }
    m_save->setEnabled(false);
    m_service->rename(m_device.id, m_nameEdit->text());
}

void DeviceDetailsPane::cancelRename()
{
    m_headingStack->setCurrentIndex(0);
    m_renameMessage->clear();
    m_save->setEnabled(true);
    if (m_rename)
        m_rename->setFocus();
}

} // namespace vigil
