#include "ActivityPage.h"

#include "core/activity/ActivityCsv.h"
#include "core/activity/ActivityModel.h"
#include "core/activity/ActivityService.h"
#include "core/activity/ActivityTimeline.h"
#include "ui/pages/ActivityChart.h"
#include "ui/pages/ActivityFilterBar.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace vigil {

ActivityPage::ActivityPage(ActivityService* activity, QWidget* parent) : ActivityPage(activity, false, parent) {}

ActivityPage* ActivityPage::readOnly(ActivityService* activity, QWidget* parent)
{
    return new ActivityPage(activity, true, parent);
}

ActivityPage::ActivityPage(ActivityService* activity, bool readOnly, QWidget* parent)
    : QWidget(parent), m_activity(activity), m_filters(new ActivityFilterBar(this)), m_chart(new ActivityChart(this)),
      m_table(new QTableView(this)), m_message(new InlineMessage(this)), m_empty(new QLabel(this)),
      m_showAll(new QPushButton(tr("Show All"), this)),
      m_loadMore(new QPushButton(Icons::themed(QStringLiteral("refresh-cw")), tr("Load More"), this)),
      m_count(new QLabel(this)), m_readOnly(readOnly)
{
    m_savePath = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(
            this, tr("Export Activity"), suggested, tr("CSV files (*.csv);;All files (*)"));
    };
    auto* top = new QHBoxLayout;
    top->addWidget(m_filters, 1);
    if (!m_readOnly) {
        m_export = new QPushButton(tr("Export CSV…"), this);
        m_export->setAccessibleName(tr("Export CSV…"));
        m_export->setToolTip(tr("Save the entries shown as a spreadsheet file"));
        top->addWidget(m_export);
    }

    m_table->setAccessibleName(tr("Activity"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_empty->setObjectName(QStringLiteral("activityEmpty"));
    m_empty->setWordWrap(true);
    m_count->setObjectName(QStringLiteral("activityCount"));
    m_loadMore->setAccessibleName(tr("Load More"));

    auto* emptyRow = new QHBoxLayout;
    emptyRow->addWidget(m_showAll);
    emptyRow->addStretch(1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_count);
    bottom->addStretch(1);
    bottom->addWidget(m_loadMore);

    auto* tableBox = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_empty);
    tableLayout->addLayout(emptyRow);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addLayout(bottom);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_chart);
    split->addWidget(tableBox);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setChildrenCollapsible(false);

    m_state = new LoadState(split, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new PageHeader(tr("Activity"),
                       m_readOnly ? tr("Sign-ins and other security events on the customer's account. Read-only.")
                                  : tr("Sign-ins and other security events on your account."),
                       this));
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_state, 1);

    if (m_activity) {
        AccessibleViewGuard::setModel(m_table, m_activity->model());
        QHeaderView* header = m_table->horizontalHeader();
        // Short columns as wide as what they hold (a page of entries at a time), the details
        // take the rest: fixed widths cut them off on a wide screen and waste room on a narrow one.
        header->setSectionResizeMode(QHeaderView::ResizeToContents);
        header->setSectionResizeMode(ActivityModel::DetailsColumn, QHeaderView::Stretch);
        connect(
            m_filters, &ActivityFilterBar::filterChanged, this, [this] { m_activity->setFilter(m_filters->filter()); });
        connect(m_showAll, &QPushButton::clicked, m_filters, &ActivityFilterBar::reset);
        connect(m_loadMore, &QPushButton::clicked, m_activity, &ActivityService::loadMore);
        if (m_export)
            connect(m_export, &QPushButton::clicked, this, &ActivityPage::exportCsv);
        connect(m_state, &LoadState::retryRequested, m_activity, &ActivityService::reload);
        connect(m_activity, &ActivityService::stateChanged, this, &ActivityPage::render);
        const QAbstractItemModel* model = m_activity->model();
        connect(model, &QAbstractItemModel::modelReset, this, &ActivityPage::modelChanged);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::modelChanged);
        modelChanged();
    } else {
        m_filters->setEnabled(false);
        if (m_export)
            m_export->setEnabled(false);
    }
    render();
}

ActivityPage::~ActivityPage() = default;

void ActivityPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_activity && m_activity->state() == ActivityService::State::Empty)
        m_activity->setFilter(m_filters->filter());
}

void ActivityPage::modelChanged()
{
    const ActivityModel& model = *m_activity->model();
    m_filters->addDevicesFrom(model);
    m_chart->setTimeline(ActivityTimeline::fromEntries(model.entries()));
    m_chart->setVisible(model.rowCount() > 0);
    m_count->setText(tr("%n event(s) shown", nullptr, model.rowCount()));
    if (m_export)
        m_export->setEnabled(model.rowCount() > 0);
}

void ActivityPage::render()
{
    if (!m_activity) {
        m_empty->setText(tr("Sign in to see your account's activity."));
        m_showAll->setVisible(false);
        m_loadMore->setVisible(false);
        m_state->showContent();
        return;
    }
    const ActivityService::State state = m_activity->state();
    const int rows = m_activity->model()->rowCount();
    const bool filtered = !(m_activity->filter() == ActivityService::Filter{});
    m_loadMore->setVisible(m_activity->hasMore() || state == ActivityService::State::LoadingMore);
    m_loadMore->setEnabled(state != ActivityService::State::LoadingMore);
    m_loadMore->setText(state == ActivityService::State::LoadingMore ? tr("Loading…") : tr("Load More"));
    if (state != ActivityService::State::Failed)
        m_message->clear();
    switch (state) {
    case ActivityService::State::Empty:
    case ActivityService::State::Loading:
        m_state->showLoading(tr("Loading your activity…"));
        return;
    case ActivityService::State::Failed: {
        const QString why =
            m_activity->error() ? m_activity->error()->userText() : tr("The activity could not be loaded.");
        if (rows == 0) {
            m_state->showError(why);
            return;
        }
        m_message->showMessage(InlineMessage::Kind::Error, why);
        break;
    }
    case ActivityService::State::LoadingMore:
    case ActivityService::State::Ready:
        break;
    }
    m_empty->setText(filtered ? tr("No activity matches these filters.")
                              : tr("Nothing has happened on your account yet. Sign-ins, sign-outs and changes to "
                                   "your security settings show here."));
    m_empty->setVisible(rows == 0);
    m_showAll->setVisible(rows == 0 && filtered);
    m_state->showContent();
}

void ActivityPage::exportCsv()
{
    const QList<ActivityEntry>& entries = m_activity->model()->entries();
    if (entries.isEmpty())
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested =
        QDir(folder).filePath(tr("vigil-activity-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    QString path = m_savePath ? m_savePath(suggested) : QString();
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    const auto saved = ActivityCsv::save(entries, path);
    if (!saved) {
        m_message->showMessage(InlineMessage::Kind::Error,
                               saved.error() + QLatin1Char(' ') + tr("Choose another folder and try again."));
        return;
    }
    QString text = tr("Exported %n event(s) to %1.", nullptr, int(entries.size())).arg(QDir::toNativeSeparators(path));
    if (m_activity->hasMore())
        text += QLatin1Char(' ') + tr("Older entries were not loaded yet: use Load More first to include them.");
    m_message->showMessage(InlineMessage::Kind::Info, text);
}

} // namespace vigil
