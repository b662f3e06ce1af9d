#include "ProfilesPage.h"

#include "core/profiles/ProfileListModel.h"
#include "core/profiles/ProfileService.h"
#include "ui/devices/ProfileSignOutButton.h"
#include "ui/pages/ProfileCard.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/LoadState.h"
#include "ui/widgets/PageHeader.h"
#include "ui/widgets/ScrollArea.h"

#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace vigil {

namespace {
constexpr int columns = 2;
}

ProfilesPage::ProfilesPage(ProfileService* profiles, QWidget* parent)
    : QWidget(parent), m_profiles(profiles), m_message(new InlineMessage(this))
{
    auto* note = new QWidget(this);
    auto* noteIcon = new QLabel(note);
    noteIcon->setPixmap(Icons::themed(QStringLiteral("shield-check")).pixmap(20, 20));
    auto* noteText = new QLabel(keepNote(), note);
    noteText->setObjectName(QStringLiteral("keepNote"));
    noteText->setAccessibleName(keepNote());
    noteText->setWordWrap(true);
    auto* noteLayout = new QHBoxLayout(note);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->addWidget(noteIcon, 0, Qt::AlignTop);
    noteLayout->addWidget(noteText, 1);

    auto* content = new QWidget(this);
    m_cards = new QWidget(content);
    m_grid = new QGridLayout(m_cards);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(12);
    m_empty = new QLabel(content);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("profilesEmpty"));
    m_empty->setVisible(false);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_cards);
    contentLayout->addWidget(m_empty);
    contentLayout->addStretch(1);
    auto* scroll = new ScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_state = new LoadState(scroll, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new PageHeader(tr("Profiles"), tr("The people who watch on your account."), this));
    layout->addWidget(note);
    layout->addSpacing(8);
    layout->addWidget(m_message);
    layout->addWidget(m_state, 1);

    if (m_profiles) {
        connect(m_state, &LoadState::retryRequested, m_profiles, &ProfileService::reload);
        connect(m_profiles, &ProfileService::stateChanged, this, &ProfilesPage::render);
        connect(m_profiles->model(), &QAbstractItemModel::modelReset, this, &ProfilesPage::rebuildCards);
        connect(m_profiles->model(), &QAbstractItemModel::dataChanged, this, &ProfilesPage::rebuildCards);
        rebuildCards();
    }
    render();
}

ProfilesPage::~ProfilesPage() = default;

QString ProfilesPage::keepNote()
{
    return tr("Signing out devices never removes profiles, viewing history or preferences.");
}

void ProfilesPage::setSignOutActions(SignOutActions* actions, const ProfileDevices* people)
{
    if (m_signOut || !m_profiles)
        return;
    m_signOut = actions;
    m_people = people;
    rebuildCards();
}

void ProfilesPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_profiles && m_profiles->state() == ProfileService::State::Empty)
        m_profiles->reload();
}

void ProfilesPage::rebuildCards()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const ProfileListModel* model = m_profiles->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        auto* card = new ProfileCard(model->index(row), m_cards);
        if (m_signOut) {
            auto* signOut = new ProfileSignOutButton(m_signOut, m_people, card);
            signOut->setProfile(model->index(row).data(Qt::DisplayRole).toString());
            card->addControl(signOut);
        }
        m_grid->addWidget(card, row / columns, row % columns);
    }
    for (int column = 0; column < columns; ++column)
        m_grid->setColumnStretch(column, 1);
}

void ProfilesPage::render()
{
    m_message->clear();
    if (!m_profiles) {
        m_empty->setText(tr("Sign in to see your account's profiles."));
        m_empty->setVisible(true);
        m_state->showContent();
        return;
    }
    const int count = m_profiles->model()->rowCount();
    switch (m_profiles->state()) {
    case ProfileService::State::Empty:
    case ProfileService::State::Loading:
        m_state->showLoading(tr("Loading your profiles…"));
        return;
    case ProfileService::State::Failed:
        if (count == 0) {
            m_state->showError(m_profiles->error() ? m_profiles->error()->userText()
                                                   : tr("Your profiles could not be loaded."));
            return;
        }
        m_message->showMessage(InlineMessage::Kind::Warning,
                               tr("Showing the profiles loaded earlier: %1")
                                   .arg(m_profiles->error() ? m_profiles->error()->message() : QString()));
        break;
    case ProfileService::State::Refreshing:
    case ProfileService::State::Ready:
        break;
    }
    m_empty->setText(tr("There are no profiles on this account yet. Profiles are made on the devices you "
                        "watch on; they show here once they exist."));
    m_empty->setVisible(count == 0);
    m_state->showContent();
}

} // namespace vigil
