#include "DevicesPage.h"

#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "ui/devices/ConnectionBanner.h"
#include "ui/devices/DeviceDetailsPane.h"
#include "ui/devices/DeviceTableModel.h"
#include "ui/devices/HoverHold.h"
#include "ui/devices/NewBadgeDelegate.h"
#include "ui/devices/ProfileFilter.h"
#include "ui/devices/RecommendationsCard.h"
#include "ui/devices/ThisDeviceCard.h"
#include "ui/main/SectionNavigator.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/ScrollArea.h"

#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

namespace vigil {
namespace {

// Relative times ("2 min ago") move on by themselves; a tick twice a minute keeps them honest.
constexpr int tickMs = 30 * 1000;

} // namespace

DevicesPage::DevicesPage(DeviceService* devices, EventStream* events, SectionNavigator* navigator, QWidget* parent)
    : DevicesPage(devices, events, navigator, false, parent)
{}

DevicesPage* DevicesPage::readOnly(DeviceService* devices, QWidget* parent)
{
    // Nothing on a read-only page leads to another section.
    return new DevicesPage(devices, nullptr, nullptr, true, parent);
}

DevicesPage::DevicesPage(
    DeviceService* devices, EventStream* events, SectionNavigator* navigator, bool readOnly, QWidget* parent)
    : QWidget(parent), m_service(devices), m_events(events), m_navigator(navigator), m_readOnly(readOnly)
{
    if (!m_readOnly) {
        // Sign-out buttons of the header, first in the Tab order; setSignOutActions() shows them.
        m_signOutSelected = new QPushButton(this);
        m_signOutSelected->hide();
        m_signOutAll = new QPushButton(this);
        m_signOutAll->hide();
    }
    m_filter = new DeviceFilterModel(this);
    m_filter->setSourceModel(m_service->model());
    m_tableModel = new DeviceTableModel(this);
    m_tableModel->setSourceModel(m_filter);

    if (m_events) // else a snapshot read on request, not a live list
        m_banner = new ConnectionBanner(m_events, this);
    m_refreshError = new InlineMessage(this);
    m_state = new LoadState(buildContent(), this);
    connect(m_state, &LoadState::retryRequested, m_service, &DeviceService::reload);

    auto* layout = new QVBoxLayout(this);
    m_layout = layout;
    auto* top = new QHBoxLayout;
    m_header = new PageHeader(
        tr("Devices"),
        m_readOnly ? tr("Every device signed in to the customer's account. Read-only: nothing here changes it.")
                   : tr("Every device signed in to your account, live."),
        this);
    top->addWidget(m_header, 1);
    if (m_banner)
        top->addWidget(m_banner, 0, Qt::AlignBottom);
    m_headerActions = new QHBoxLayout;
    top->addLayout(m_headerActions);
    layout->addLayout(top);
    layout->addWidget(m_refreshError);
    layout->addWidget(m_state, 1);

    m_tick = new QTimer(this);
    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, m_service->model(), &DeviceListModel::refreshRelativeTimes);
    m_tick->start();
    m_summaryTimer = new QTimer(this);
    m_summaryTimer->setSingleShot(true);
    connect(m_summaryTimer, &QTimer::timeout, this, &DevicesPage::updateSummary);

    DeviceListModel* model = m_service->model();
    connect(model, &QAbstractItemModel::modelReset, this, &DevicesPage::scheduleSummary);
    connect(model, &QAbstractItemModel::rowsInserted, this, &DevicesPage::scheduleSummary);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &DevicesPage::scheduleSummary);
    connect(model, &QAbstractItemModel::dataChanged, this, &DevicesPage::scheduleSummary);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &DevicesPage::renderRows);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &DevicesPage::renderRows);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &DevicesPage::renderRows);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &DevicesPage::renderRows);
    connect(m_service, &DeviceService::stateChanged, this, &DevicesPage::renderState);
    // A device that went away (signed out elsewhere, removed) leaves the details pane too.
    const auto dropGone = [this] {
        if (!m_details->deviceId().isEmpty() && m_service->model()->rowOf(m_details->deviceId()) < 0) {
            m_details->showDevice(nullptr);
            showDetails(false);
        }
    };
    connect(model, &QAbstractItemModel::rowsRemoved, this, dropGone);
    connect(model, &QAbstractItemModel::modelReset, this, dropGone);
    renderState();
    updateSummary();
}

DevicesPage::~DevicesPage() = default;

QWidget* DevicesPage::buildContent()
{
    auto* content = new QWidget(this);
    if (!m_readOnly) // Vigil does not run on any of a customer's devices
        m_thisDevice = new ThisDeviceCard(content);
    m_recommendations = new RecommendationsCard(content);
    connect(m_recommendations, &RecommendationsCard::filterRequested, this, &DevicesPage::applyPreset);

    m_filterCombo = new QComboBox(content);
    m_filterCombo->setAccessibleName(tr("Filter devices"));
    for (const auto kind : DeviceFilterPreset::all()) {
        m_filterCombo->addItem(DeviceFilterPreset::text(kind), int(kind));
        m_filterCombo->setItemData(m_filterCombo->count() - 1, DeviceFilterPreset::description(kind), Qt::ToolTipRole);
    }
    m_search = new QLineEdit(content);
    m_search->setAccessibleName(tr("Search devices"));
    m_search->setPlaceholderText(tr("Search by name, place, profile, IP…"));
    m_search->setClearButtonEnabled(true);
    // The field's clear button needs a name too, or a screen reader only says "button".
    const auto clearButtons = m_search->findChildren<QToolButton*>();
    for (QToolButton* button : clearButtons) {
        button->setAccessibleName(tr("Clear search"));
        button->setToolTip(tr("Clear search"));
    }
    // The usual keys of a list window: Ctrl+F to search, F5 to reload (only while the page shows).
    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto* reload = new QShortcut(QKeySequence::Refresh, this);
    connect(reload, &QShortcut::activated, m_service, &DeviceService::reload);
    m_updating = new QLabel(tr("Updating…"), content);
    m_updating->setAccessibleName(tr("Updating"));
    m_updating->setVisible(false);
    m_filterDescription = new QLabel(content);
    m_filterDescription->setForegroundRole(QPalette::PlaceholderText);
    m_filterDescription->setAccessibleName(tr("Filter description"));

    auto* filterRow = m_filterRow = new QHBoxLayout;
    auto* filterLabel = new QLabel(tr("&Show:"), content);
    filterLabel->setBuddy(m_filterCombo);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filterCombo);
    filterRow->addWidget(m_search, 1);
    filterRow->addWidget(m_updating);

    m_table = new QTableView(content);
    m_table->setAccessibleName(tr("Devices"));
    AccessibleViewGuard::setModel(m_table, m_tableModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setIconSize(QSize(18, 18));
    m_table->setItemDelegateForColumn(DeviceListModel::NameColumn, new NewBadgeDelegate(m_table));
    new HoverHold(m_table, m_filter);
    // The details pane shows what the other columns would; keep the table readable.
    for (int column = DeviceListModel::TypeColumn; column < DeviceListModel::ColumnCount; ++column)
        m_table->setColumnHidden(column, true);
    m_table->setColumnWidth(DeviceListModel::NameColumn, 200);
    m_table->setColumnWidth(DeviceListModel::StatusColumn, 105);
    m_table->setColumnWidth(DeviceListModel::ProfileColumn, 65);
    m_table->setColumnWidth(DeviceListModel::LocationColumn, 160);

    m_emptyText = new QLabel(content);
    m_emptyText->setAccessibleName(tr("No devices"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_showAll = new QPushButton(tr("Show All"), content);
    auto* empty = new QWidget(content);
    auto* emptyLayout = new QVBoxLayout(empty);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(m_showAll, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(2);
    m_tableStack = new QStackedWidget(content);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(empty);

    m_details = new DeviceDetailsPane(
        m_service, m_readOnly ? DeviceDetailsPane::Mode::ReadOnly : DeviceDetailsPane::Mode::Editable, content);
    // Until sign-out is wired in, the advice in Help is the best answer.
    connect(m_details, &DeviceDetailsPane::unrecognizedRequested, this, [this] {
        if (!m_guide && m_navigator)
            m_navigator->request(Section::Help);
    });
    auto* detailsScroll = new ScrollArea(content);
    detailsScroll->setWidget(m_details);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    // Only with a device to show: until then the table has the whole width.
    m_detailsArea = detailsScroll;
    m_detailsArea->setMinimumWidth(260);
    m_detailsArea->hide();

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detailsArea);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    if (m_thisDevice)
        layout->addWidget(m_thisDevice);
    layout->addWidget(m_recommendations);
    layout->addLayout(filterRow);
    layout->addWidget(m_filterDescription);
    layout->addWidget(m_splitter, 1);

    connect(m_filterCombo, &QComboBox::activated, this, [this](int index) {
        if (m_profileFilter && m_profileFilter->activate(index))
            return showProfile();
        applyPreset(DeviceFilterPreset::Kind(m_filterCombo->itemData(index).toInt()));
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setSearchText(text);
        renderRows();
    });
    connect(m_showAll, &QPushButton::clicked, this, [this] {
        m_search->clear();
        applyPreset(DeviceFilterPreset::All);
        m_table->setFocus();
    });
    connect(m_table, &QTableView::activated, this, &DevicesPage::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DevicesPage::followCurrent);
    m_filterDescription->setText(DeviceFilterPreset::description(m_preset));
    return content;
}

void DevicesPage::applyPreset(DeviceFilterPreset::Kind kind)
{
    m_preset = kind;
    if (m_profileFilter)
        m_profileFilter->clear();
    m_filterCombo->setCurrentIndex(m_filterCombo->findData(int(kind)));
    m_filterDescription->setText(DeviceFilterPreset::description(kind));
    DeviceFilterPreset::apply(kind, *m_filter);
    renderRows();
}

void DevicesPage::showNewestFirst()
{
    m_search->clear();
    applyPreset(DeviceFilterPreset::All);
    m_table->setColumnHidden(DeviceListModel::FirstSignInColumn, false);
    m_table->sortByColumn(DeviceListModel::FirstSignInColumn, Qt::DescendingOrder);
}

void DevicesPage::renderState()
{
    const DeviceService::State state = m_service->state();
    const bool hasData = m_service->hasData();
    if (!hasData && state == DeviceService::State::Failed && m_service->error())
        m_state->showError(tr("Couldn't load your devices. %1").arg(m_service->error()->userText()));
    else if (!hasData)
        m_state->showLoading(tr("Loading your devices…"));
    else
        m_state->showContent();
    m_updating->setVisible(state == DeviceService::State::Refreshing);
    if (hasData && state == DeviceService::State::Failed && m_service->error())
        m_refreshError->showMessage(
            InlineMessage::Kind::Warning,
            tr("Couldn't refresh the list; showing what Vigil knew before. %1").arg(m_service->error()->userText()));
    else
        m_refreshError->clear();
    renderRows();
}

void DevicesPage::renderRows()
{
    const bool empty = m_filter->rowCount() == 0;
    m_tableStack->setCurrentIndex(empty ? 1 : 0);
    if (!empty) {
        if (!std::exchange(m_columnsSized, true))
            sizeColumnsToContents();
        return;
    }
    if (m_service->model()->rowCount() == 0) {
        m_emptyText->setText(tr("No devices are signed in to your account. Devices appear here as soon as "
                                "they sign in."));
        m_showAll->setVisible(false);
    } else if (!m_search->text().trimmed().isEmpty()) {
        m_emptyText->setText(tr("No devices match “%1”").arg(m_search->text().trimmed()));
        m_showAll->setVisible(true);
    } else if (m_profileFilter && !m_profileFilter->profile().isEmpty()) {
        m_emptyText->setText(ProfileFilter::emptyText(m_profileFilter->profile()));
        m_showAll->setVisible(true);
    } else {
        m_emptyText->setText(DeviceFilterPreset::emptyText(m_preset));
        m_showAll->setVisible(m_preset != DeviceFilterPreset::All);
    }
}

void DevicesPage::sizeColumnsToContents()
{
    // Once, with the first rows: a long name or place is not cut off, and a short one keeps the
    // width it was given. After that the widths are the person's (live updates do not move them).
    for (const int column : {DeviceListModel::NameColumn,
                             DeviceListModel::StatusColumn,
                             DeviceListModel::ProfileColumn,
                             DeviceListModel::LocationColumn}) {
        const int given = m_table->columnWidth(column);
        m_table->resizeColumnToContents(column);
        if (m_table->columnWidth(column) < given)
            m_table->setColumnWidth(column, given);
    }
}

void DevicesPage::scheduleSummary()
{
    if (!m_summaryTimer->isActive())
        m_summaryTimer->start(0);
}

void DevicesPage::updateSummary()
{
    const DeviceListModel& model = *m_service->model();
    m_recommendations->update(model);
    const Device* current = nullptr;
    for (int row = 0; row < model.rowCount() && !current; ++row) {
        if (model.factsAt(row).isCurrent)
            current = &model.deviceAt(row);
    }
    if (m_thisDevice)
        m_thisDevice->setDevice(current, model.isCurrentNew());
}

void DevicesPage::followCurrent()
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return;
    const QString id = index.data(DeviceListModel::IdRole).toString();
    const int row = m_service->model()->rowOf(id);
    if (row < 0)
        return;
    m_details->showDevice(&m_service->model()->deviceAt(row));
    if (QGuiApplication::mouseButtons() == Qt::NoButton) {
        showDetails(true);
        return;
    }
    // After the click that chose the row: the press makes the row current before it selects it,
    // and a pane appearing in between would move the row out from under the mouse.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_details->deviceId().isEmpty())
                showDetails(true);
        },
        Qt::QueuedConnection);
}

void DevicesPage::showDetails(bool shown)
{
    if (shown == !m_detailsArea->isHidden())
        return;
    if (!shown) {
        m_detailsWidth = m_detailsArea->width();
        m_detailsArea->hide();
        return;
    }
    // A third of the width the first time, then as wide as it was left.
    const int total = m_splitter->width();
    const int width = m_detailsWidth > 0 ? m_detailsWidth : total / 3;
    m_detailsArea->show();
    m_splitter->setSizes({total - width, width});
}

void DevicesPage::openCurrent()
{
    followCurrent();
    if (m_details->deviceId().isEmpty())
        return;
    m_details->focusFirstControl();
}

} // namespace vigil
