#include "DemoInboxWindow.h"

#include "core/demo/DemoOutbox.h"
#include "ui/widgets/AccessibleViewGuard.h"
#include "ui/widgets/InlineMessage.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vigil {
namespace {

enum Column
{
    TimeColumn,
    ToColumn,
    CodeColumn,
    PurposeColumn,
    ColumnCount
};

} // namespace

DemoInboxWindow::DemoInboxWindow(DemoOutbox* outbox, QWidget* parent) : QWidget(parent, Qt::Window), m_outbox(outbox)
{
    setWindowTitle(tr("Demo Inbox — Vigil"));
    setAccessibleName(tr("Demo inbox"));
    resize(520, 280);

    auto* notice = new InlineMessage(this);
    notice->showMessage(InlineMessage::Kind::Info,
                        tr("Demo feature. The demo service doesn't send email or text messages; the codes it "
                           "would have sent appear here. With a real account they go to your email or phone."));
    m_state = new QLabel(this);
    m_state->setAccessibleName(tr("Demo inbox state"));
    m_state->setWordWrap(true);

    m_list = new QTreeWidget(this);
    AccessibleViewGuard::attach(m_list);
    m_list->setAccessibleName(tr("Demo inbox messages"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Sent"), tr("To"), tr("Code"), tr("For")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_copy = new QPushButton(tr("Copy Code"), this);
    m_copy->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_copy);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(notice);
    layout->addWidget(m_state);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_outbox, &DemoOutbox::messagesChanged, this, &DemoInboxWindow::render);
    connect(m_outbox, &DemoOutbox::errorChanged, this, &DemoInboxWindow::render);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_copy->setEnabled(!m_list->selectedItems().isEmpty());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, &DemoInboxWindow::copySelectedCode);
    connect(m_copy, &QPushButton::clicked, this, &DemoInboxWindow::copySelectedCode);
    render();
}

DemoInboxWindow::~DemoInboxWindow() = default;

void DemoInboxWindow::render()
{
    const auto& messages = m_outbox->messages();
    if (!m_outbox->errorString().isEmpty())
        m_state->setText(m_outbox->errorString());
    else if (messages.isEmpty())
        m_state->setText(tr("No codes yet. When Vigil asks you for a code sent by email or text message, it "
                            "appears here."));
    else
        m_state->setText(tr("Newest first. Double-click a message to copy its code."));
    m_state->setAccessibleDescription(m_state->text());

    m_list->clear();
    const QLocale locale;
    for (const auto& message : messages) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(TimeColumn, locale.toString(message.sentAt.toLocalTime().time(), QLocale::ShortFormat));
        item->setText(ToColumn,
                      message.channel == QLatin1String("sms") ? tr("Text to %1").arg(message.to)
                                                              : tr("Email to %1").arg(message.to));
        item->setText(CodeColumn, message.code);
        item->setText(PurposeColumn, message.purpose);
        item->setData(CodeColumn, Qt::UserRole, message.code);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

void DemoInboxWindow::copySelectedCode()
{
    const auto selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(selected.first()->data(CodeColumn, Qt::UserRole).toString());
    m_state->setText(tr("Code copied."));
    m_state->setAccessibleDescription(m_state->text());
}

void DemoInboxWindow::showBeside(const QWidget* anchor)
{
    if (!isVisible() && anchor) {
        const QRect frame = anchor->frameGeometry();
        QPoint place(frame.right() + 12, frame.top());
        if (const QScreen* screen = anchor->screen()) {
            const QRect available = screen->availableGeometry();
            if (place.x() + width() > available.right())
                place.setX(qMax(available.left(), available.right() - width()));
        }
        move(place);
    }
    setAttribute(Qt::WA_ShowWithoutActivating, isVisible());
    show();
    raise();
}

} // namespace vigil
