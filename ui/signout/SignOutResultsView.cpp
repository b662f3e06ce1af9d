#include "SignOutResultsView.h"

#include "SignOutResultsDisplayModel.h"
#include "SignOutStyle.h"
#include "core/flows/SignOutFlow.h"
#include "core/flows/SignOutResultsModel.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/Icons.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

SignOutResultsView::SignOutResultsView(SignOutFlow* flow, QWidget* parent)
    : QWidget(parent), m_flow(flow), m_display(new SignOutResultsDisplayModel(this)),
      m_title(SignOutStyle::heading(tr("Sign-Out Results"), this)), m_summary(SignOutStyle::sentence({}, this)),
      m_list(new QListView(this)), m_note(SignOutStyle::sentence({}, this)),
      m_retryFailed(new QPushButton(tr("Retry Failed"), this)), m_done(new QPushButton(tr("Done"), this))
{
    m_title->setAccessibleName(tr("Sign-out results"));
    m_summary->setAccessibleName(tr("Sign-out summary"));
    m_display->setSourceModel(m_flow->results());
    AccessibleViewGuard::setModel(m_list, m_display);
    m_list->setAccessibleName(tr("Signed-out devices"));
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setIconSize(QSize(20, 20));
    m_list->setSpacing(2);
    m_list->setWordWrap(true);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_note->setAccessibleName(tr("About pending devices"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_retryFailed->setAccessibleName(tr("Retry failed"));
    m_retryFailed->setAccessibleDescription(tr("Tries again to sign out the devices that failed"));
    m_retryFailed->setIcon(Icons::themed(QStringLiteral("refresh-cw")));
    m_done->setAccessibleName(tr("Done"));
    m_done->setDefault(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_retryFailed);
    buttons->addStretch(1);
    buttons->addWidget(m_done);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);

    connect(m_retryFailed, &QPushButton::clicked, m_flow, &SignOutFlow::retryFailed);
    connect(m_done, &QPushButton::clicked, this, &SignOutResultsView::doneRequested);
    SignOutResultsModel* results = m_flow->results();
    connect(results, &SignOutResultsModel::summaryChanged, this, &SignOutResultsView::refresh);
    connect(results, &QAbstractItemModel::dataChanged, this, &SignOutResultsView::refresh);
    connect(results, &QAbstractItemModel::modelReset, this, &SignOutResultsView::refresh);
    connect(m_flow, &SignOutFlow::stateChanged, this, &SignOutResultsView::refresh);
    refresh();
}

SignOutResultsView::~SignOutResultsView() = default;

QString SignOutResultsView::summaryText() const
{
    return m_summary->text();
}

void SignOutResultsView::refresh()
{
    const SignOutResultsModel* results = m_flow->results();
    m_summary->setText(results->summaryText());
    const int pending = results->count(DeviceSignOutResult::Result::Pending);
    const int failed = results->count(DeviceSignOutResult::Result::Failed);
    m_note->setText(pending > 0 ? tr("Pending devices can no longer use your account. They are told when they next "
                                     "connect, and their rows here change to \"Signed out\". You can close this "
                                     "window: Vigil keeps track.")
                                : QString());
    m_note->setVisible(pending > 0);
    bool retrying = false;
    for (int row = 0; row < results->rowCount(); ++row)
        retrying = retrying || results->index(row).data(SignOutResultsModel::RetryingRole).toBool();
    const SignOutFlow::State state = m_flow->state();
    const bool canRetry = state == SignOutFlow::State::Reporting || state == SignOutFlow::State::Done;
    m_retryFailed->setVisible(failed > 0);
    m_retryFailed->setEnabled(canRetry && failed > 0 && !retrying);
}

void SignOutResultsView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT doneRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace vigil
