#include "SecurityKeysSection.h"

#include "AddSecurityKeyDialog.h"
#include "core/devices/RelativeTime.h"
#include "core/securitykeys/SecurityKeyRegistrationFlow.h"
#include "core/securitykeys/SecurityKeyService.h"
#include "core/stepup/StepUpFlow.h"
#include "core/stepup/StepUpService.h"
#include "ui/stepup/StepUpDialog.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace vigil {

namespace {
constexpr int idRole = Qt::UserRole;
constexpr int nameRole = Qt::UserRole + 1;
} // namespace

SecurityKeysSection::SecurityKeysSection(SecurityKeyService* service, StepUpFlow* stepUp, QWidget* parent)
    : QGroupBox(tr("Security Keys"), parent), m_service(service), m_stepUp(stepUp),
      m_registration(new SecurityKeyRegistrationFlow(service, this)), m_empty(new QLabel(this)),
      m_list(new QListWidget(this)), m_message(new InlineMessage(this)), m_add(new QPushButton(tr("Add a Key…"), this)),
      m_rename(new QPushButton(tr("Rename…"), this)), m_remove(new QPushButton(tr("Remove…"), this))
{
    setAccessibleName(tr("Security keys"));
    auto* text = new QLabel(tr("A security key is a small device you plug in or hold near your computer. It is the "
                               "strongest way to confirm it's you: it can't be phished like a code."),
                            this);
    text->setWordWrap(true);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No security keys yet."));
    m_list->setAccessibleName(tr("Your security keys"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setIconSize(QSize(20, 20));
    // Up to about five keys without scrolling; an account may hold ten.
    m_list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_list->setMinimumHeight(64);
    m_list->setMaximumHeight(140);
    m_message->setAccessibleName(tr("Security keys problem"));
    m_add->setAccessibleName(tr("Add a Key"));
    m_rename->setAccessibleName(tr("Rename Security Key"));
    m_remove->setAccessibleName(tr("Remove Security Key"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_rename);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_empty);
    layout->addWidget(m_list);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_service, &SecurityKeyService::keysChanged, this, &SecurityKeysSection::refresh);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &SecurityKeysSection::refreshButtons);
    connect(m_list, &QListWidget::itemActivated, this, &SecurityKeysSection::renameKey);
    connect(m_add, &QPushButton::clicked, this, &SecurityKeysSection::addKey);
    connect(m_rename, &QPushButton::clicked, this, &SecurityKeysSection::renameKey);
    connect(m_remove, &QPushButton::clicked, this, &SecurityKeysSection::removeKey);
    if (!m_service->isLoaded() && !m_service->isLoading())
        m_service->reload();
    refresh();
}

SecurityKeysSection::~SecurityKeysSection() = default;

void SecurityKeysSection::refresh()
{
    const QString selected = selectedId();
    const RelativeTime time([service = m_service] { return service->now(); });
    m_list->clear();
    for (const SecurityKey& key : m_service->keys()) {
        const QString used = key.lastUsedAt.isValid()
                                 ? tr("Last used %1").arg(time.text(key.lastUsedAt, RelativeTime::Style::Long))
                                 : tr("Never used");
        auto* item =
            new QListWidgetItem(Icons::themed(QStringLiteral("key-round")), tr("%1 — %2").arg(key.name, used), m_list);
        item->setData(idRole, key.id);
        item->setData(nameRole, key.name);
        item->setData(Qt::AccessibleTextRole, key.name);
        item->setData(Qt::AccessibleDescriptionRole, used);
        if (key.createdAt.isValid())
            item->setToolTip(tr("Added %1").arg(time.exactText(key.createdAt)));
        if (key.id == selected)
            item->setSelected(true);
    }
    const bool loaded = m_service->isLoaded();
    m_list->setVisible(!m_service->keys().isEmpty());
    m_empty->setVisible(m_service->keys().isEmpty());
    m_empty->setText(loaded || m_service->loadError() ? tr("No security keys yet.") : tr("Loading…"));
    if (const auto& error = m_service->loadError(); error && !loaded)
        m_message->showMessage(InlineMessage::Kind::Error,
                               tr("Your security keys could not be read. %1").arg(error->userText()));
    if (!m_list->selectedItems().isEmpty() || m_list->count() == 0) {
        refreshButtons();
        return;
    }
    m_list->setCurrentRow(0);
    refreshButtons();
}

void SecurityKeysSection::refreshButtons()
{
    const bool any = !selectedId().isEmpty();
    m_add->setEnabled(m_service->isLoaded());
    m_rename->setEnabled(any);
    m_remove->setEnabled(any);
}

QString SecurityKeysSection::selectedId() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(idRole).toString();
}

QString SecurityKeysSection::selectedName() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(nameRole).toString();
}

void SecurityKeysSection::addKey()
{
    m_message->clear();
    StepUpDialog::ensure(window(), m_stepUp, tr("Before Vigil adds a security key, confirm that it's you."), [this] {
        auto* dialog = new AddSecurityKeyDialog(m_registration, m_stepUp, window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        m_registration->start();
        dialog->open();
        Q_EMIT dialogOpened(dialog);
    });
}

void SecurityKeysSection::renameKey()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_message->clear();
    auto* dialog = new QInputDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setWindowTitle(tr("Rename Security Key"));
    dialog->setLabelText(tr("New name for “%1”:").arg(selectedName()));
    dialog->setTextValue(selectedName());
    dialog->setOkButtonText(tr("Rename"));
    dialog->setCancelButtonText(tr("Cancel"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString& name) {
        if (!SecurityKeyRegistrationFlow::isValidName(name))
            return;
        m_service->rename(id, name.trimmed(), this, [this](const Expected<SecurityKey, ApiError>& key) {
            if (!key)
                m_message->showMessage(InlineMessage::Kind::Error,
                                       tr("The key wasn't renamed. %1").arg(key.error().userText()));
        });
    });
    dialog->open();
    Q_EMIT dialogOpened(dialog);
}

void SecurityKeysSection::removeKey()
{
    const QString id = selectedId();
    const QString name = selectedName();
    if (id.isEmpty())
        return;
    m_message->clear();
    auto* box = new QMessageBox(QMessageBox::Warning,
                                tr("Remove “%1”?").arg(name),
                                tr("Remove “%1”?").arg(name),
                                QMessageBox::NoButton,
                                window());
    box->setInformativeText(tr("You won't be able to use this key to confirm it's you. You can add it again later."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    QPushButton* cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    QPushButton* remove = box->addButton(tr("Remove Key"), QMessageBox::DestructiveRole);
    remove->setAccessibleName(tr("Remove Key"));
    // Destructive, so neither the default nor where the keyboard starts.
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    connect(remove, &QPushButton::clicked, this, [this, id] {
        StepUpDialog::ensure(
            window(), m_stepUp, tr("Before Vigil removes a security key, confirm that it's you."), [this, id] {
                m_service->remove(id, this, [this](const Expected<bool, ApiError>& done) {
                    if (done)
                        return;
                    if (done.error().code() == ApiError::Code::StepUpRequired)
                        m_stepUp->service()->clearToken();
                    m_message->showMessage(InlineMessage::Kind::Error,
                                           tr("The key wasn't removed. %1").arg(done.error().userText()));
                });
            });
    });
    box->open();
    Q_EMIT dialogOpened(box);
}

} // namespace vigil
