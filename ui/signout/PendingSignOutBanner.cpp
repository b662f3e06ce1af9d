#include "PendingSignOutBanner.h"

#include "core/flows/SignOutResultsModel.h"
#include "ui/widgets/Icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace vigil {

PendingSignOutBanner::PendingSignOutBanner(SignOutResultsModel* results, QWidget* parent)
    : QWidget(parent), m_results(results), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_show(new QPushButton(tr("Show Results…"), this))
{
    setAccessibleName(tr("Pending sign-out"));
    m_icon->setPixmap(Icons::themed(QStringLiteral("hourglass")).pixmap(16, 16));
    m_icon->setAccessibleName(tr("Pending"));
    m_text->setAccessibleName(tr("Devices pending sign-out"));
    m_text->setWordWrap(true);
    m_show->setAccessibleName(tr("Show sign-out results"));
    m_show->setToolTip(tr("Shows each device of the last sign-out and its state"));
    m_show->setAutoDefault(false);

    setAutoFillBackground(true);
    QPalette tinted = palette();
    QColor background = tinted.color(QPalette::Highlight);
    background.setAlpha(28);
    tinted.setColor(QPalette::Window, background);
    setPalette(tinted);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_show);

    connect(m_show, &QPushButton::clicked, this, &PendingSignOutBanner::resultsRequested);
    connect(m_results, &SignOutResultsModel::summaryChanged, this, &PendingSignOutBanner::refresh);
    connect(m_results, &QAbstractItemModel::modelReset, this, &PendingSignOutBanner::refresh);
    connect(m_results, &QAbstractItemModel::dataChanged, this, &PendingSignOutBanner::refresh);
    refresh();
}

PendingSignOutBanner::~PendingSignOutBanner() = default;

int PendingSignOutBanner::pendingCount() const
{
    return m_results->count(DeviceSignOutResult::Result::Pending);
}

QString PendingSignOutBanner::text() const
{
    return m_text->text();
}

void PendingSignOutBanner::refresh()
{
    const int pending = pendingCount();
    m_text->setText(pending > 0 ? tr("%n device(s) pending sign-out", nullptr, pending) : QString());
    m_text->setToolTip(tr("They can no longer use your account and are signed out when they next connect."));
    // Without a parent, showing would open a window of its own: it shows once it has a place.
    if (pending == 0 || parentWidget())
        setVisible(pending > 0);
}

bool PendingSignOutBanner::event(QEvent* event)
{
    // Later: changing visibility in the middle of QWidget::setParent() confuses its state.
    if (event->type() == QEvent::ParentChange)
        QMetaObject::invokeMethod(this, &PendingSignOutBanner::refresh, Qt::QueuedConnection);
    return QWidget::event(event);
}

} // namespace vigil
