#include "SupportSearchPanel.h"

#include "core/support/SupportService.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {

SupportSearchPanel::SupportSearchPanel(SupportService* support, QWidget* parent)
    : QWidget(parent), m_support(support), m_query(new QLineEdit(this)), m_search(new QPushButton(tr("Search"), this)),
      m_message(new InlineMessage(this)), m_status(new QLabel(this)), m_results(new QTreeWidget(this))
{
    auto* title = new QLabel(tr("Find a Customer"), this);
    QFont big = title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    title->setFont(big);
    m_query->setAccessibleName(tr("Customer search"));
    m_query->setPlaceholderText(tr("Email address or account ID"));
    m_query->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->setDefault(true);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAccessibleName(tr("Search status"));

    m_results->setAccessibleName(tr("Customers"));
    AccessibleViewGuard::attach(m_results);
    m_results->setColumnCount(ColumnCount);
    m_results->setHeaderLabels({tr("Name"), tr("Email"), tr("Devices")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->setAllColumnsShowFocus(true);
    m_results->header()->setStretchLastSection(false);
    m_results->header()->setSectionResizeMode(EmailColumn, QHeaderView::Stretch);
    m_results->header()->setSectionResizeMode(DevicesColumn, QHeaderView::ResizeToContents);

    auto* row = new QHBoxLayout;
    row->addWidget(m_query, 1);
    row->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(row);
    layout->addWidget(m_message);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    connect(m_search, &QPushButton::clicked, this, &SupportSearchPanel::requestSearch);
    connect(m_query, &QLineEdit::returnPressed, this, &SupportSearchPanel::requestSearch);
    connect(m_query, &QLineEdit::textEdited, m_message, &InlineMessage::clear);
    connect(m_results, &QTreeWidget::itemActivated, this, &SupportSearchPanel::chooseCurrent);
    connect(m_support, &SupportService::searchStateChanged, this, &SupportSearchPanel::render);
    render();
}

SupportSearchPanel::~SupportSearchPanel() = default;

void SupportSearchPanel::requestSearch()
{
    const QString problem = SupportService::validateQuery(m_query->text());
    if (!problem.isEmpty()) {
        m_message->showMessage(InlineMessage::Kind::Error, problem);
        m_query->setFocus();
        return;
    }
    m_message->clear();
    Q_EMIT searchRequested(m_query->text().trimmed());
}

void SupportSearchPanel::chooseCurrent()
{
    const QTreeWidgetItem* item = m_results->currentItem();
    if (!item)
        return;
    const int index = item->data(NameColumn, Qt::UserRole).toInt();
    const QList<SupportCustomer>& results = m_support->results();
    if (index >= 0 && index < results.size())
        Q_EMIT customerChosen(results.at(index));
}

void SupportSearchPanel::render()
{
    const SupportService::State state = m_support->searchState();
    m_search->setEnabled(state != SupportService::State::Busy);
    switch (state) {
    case SupportService::State::Idle:
        m_status->setText(tr("Search by the email address or account ID the customer gives you."));
        return;
    case SupportService::State::Busy:
        m_status->setText(tr("Searching…"));
        return;
    case SupportService::State::Failed: {
        const auto& error = m_support->searchError();
        // The service's own words say which rule a query or reason broke.
        const QString text = error && error->code() == ApiError::Code::InvalidField && !error->serverMessage().isEmpty()
                                 ? error->serverMessage()
                                 : (error ? error->userText() : tr("The search failed."));
        m_message->showMessage(InlineMessage::Kind::Error, tr("Couldn't search. %1").arg(text));
        m_status->clear();
        return;
    }
    case SupportService::State::Ready:
        break;
    }
    m_results->clear();
    const QList<SupportCustomer>& results = m_support->results();
    for (int i = 0; i < results.size(); ++i) {
        const SupportCustomer& customer = results.at(i);
        auto* item = new QTreeWidgetItem(m_results);
        item->setText(NameColumn, customer.displayName);
        item->setText(EmailColumn, customer.maskedEmail);
        item->setText(DevicesColumn, QString::number(customer.devicesCount));
        item->setData(NameColumn, Qt::UserRole, i);
        item->setData(
            NameColumn,
            Qt::AccessibleTextRole,
            tr("%1, %2, %n device(s)", nullptr, customer.devicesCount).arg(customer.displayName, customer.maskedEmail));
    }
    m_status->setText(
        results.isEmpty()
            ? tr("No customers match “%1”.").arg(m_support->lastQuery())
            : tr("%n customer(s) found. Open one with Enter or a double-click.", nullptr, int(results.size())));
    if (!results.isEmpty())
        m_results->setCurrentItem(m_results->topLevelItem(0));
}

} // namespace vigil
