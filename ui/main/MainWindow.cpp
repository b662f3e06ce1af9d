#include "MainWindow.h"

#include "core/account/AccountService.h"
#include "core/auth/Session.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/AppSettings.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/ActivityPage.h"
#include "ui/pages/DevicesPage.h"
#include "ui/pages/HelpPage.h"
#include "ui/pages/OverviewPage.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/pages/ProfilesPage.h"
#include "ui/pages/SecurityPage.h"
#include "ui/widgets/Icons.h"
#include "ui/widgets/InlineMessage.h"

#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QScreen>
#include <QStackedWidget>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vigil {
namespace {

QString iconFor(Section section)
{
    switch (section) {
    case Section::Overview:
        return QStringLiteral("layout-dashboard");
    case Section::Devices:
        return QStringLiteral("monitor-smartphone");
    case Section::Security:
        return QStringLiteral("shield-check");
    case Section::Profiles:
        return QStringLiteral("users");
    case Section::Activity:
        return QStringLiteral("activity");
    case Section::Preferences:
        return QStringLiteral("settings");
    case Section::Help:
        return QStringLiteral("circle-question-mark");
    }
    return {};
}

} // namespace

MainWindow::MainWindow(const Pages& pages, AccountService* account, SignInFlow* flow, Session* session, QWidget* parent)
    : QMainWindow(parent), m_pageSet(pages), m_account(account), m_flow(flow), m_session(session)
{
    setWindowTitle(m_flow->isEphemeral() ? tr("Vigil — Demo") : tr("Vigil"));
    setWindowIcon(Icons::app());
    fitToScreen();

    m_pages = new QStackedWidget(this);
    // In Section order.
    m_pages->addWidget(pages.overview);
    m_pages->addWidget(pages.devices);
    m_pages->addWidget(pages.security);
    m_pages->addWidget(pages.profiles);
    m_pages->addWidget(pages.activity);
    m_pages->addWidget(pages.preferences);
    m_pages->addWidget(pages.help);
    connectPages();

    buildSidebar();
    buildAccountMenu();

    m_banner = new InlineMessage(this);
    auto* right = new QVBoxLayout;
    right->setContentsMargins(20, 12, 20, 0);
    right->addWidget(m_banner);
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto* column = new QVBoxLayout;
    column->setSpacing(0);
    column->addLayout(right);
    column->addWidget(m_pages, 1);
    layout->addLayout(column, 1);
    m_pages->setContentsMargins(20, 12, 20, 12);
    setCentralWidget(central);
    setTabOrder(m_sidebar, m_pages);

    connect(m_flow, &SignInFlow::notice, this, [this](const QString& text) {
        m_banner->showMessage(InlineMessage::Kind::Warning, text);
    });
    connect(m_session, &Session::signedIn, m_banner, &InlineMessage::clear);
    connect(m_account, &AccountService::changed, this, &MainWindow::updateAccount);
    updateAccount();
    showSection(Section::Overview);
}

MainWindow::~MainWindow()
{
    // Quitting from the tray leaves the window shown: no hideEvent() then.
    if (isVisible())
        saveGeometryToSettings();
}

void MainWindow::setSettings(AppSettings* settings)
{
    m_settings = settings;
    const QByteArray saved = m_settings ? m_settings->mainWindowGeometry() : QByteArray();
    if (saved.isEmpty())
        return;
    const QRect fitted = geometry();
    const Qt::WindowStates states = windowState();
    if (!restoreGeometry(saved) || !fitsScreen()) {
        // Saved on a bigger screen, or one no longer attached.
        setWindowState(states);
        setGeometry(fitted);
    }
}

void MainWindow::hideEvent(QHideEvent* event)
{
    saveGeometryToSettings();
    QMainWindow::hideEvent(event);
}

void MainWindow::saveGeometryToSettings()
{
    if (m_settings)
        m_settings->setMainWindowGeometry(saveGeometry());
}

void MainWindow::fitToScreen()
{
    // Most of the screen, so the device table and its details fit side by side, but not a
    // wall of empty space on a big monitor; never more than the screen.
    const QRect available = screen()->availableGeometry();
    const QSize wanted = QSize(available.width() * 9 / 10, available.height() * 9 / 10).boundedTo(QSize(1600, 1000));
    const QSize size = wanted.expandedTo(QSize(1000, 680)).boundedTo(available.size());
    setGeometry(QStyle::alignedRect(layoutDirection(), Qt::AlignCenter, size, available));
}

bool MainWindow::fitsScreen() const
{
    const QScreen* here = QGuiApplication::screenAt(geometry().center());
    if (!here)
        return false;
    const QRect available = here->availableGeometry();
    return isMaximized() || isFullScreen() ||
           (geometry().width() <= available.width() && geometry().height() <= available.height() &&
            available.contains(geometry().center()));
}

QString MainWindow::label(Section section)
{
    switch (section) {
    case Section::Overview:
        return tr("Overview");
    case Section::Devices:
        return tr("Devices");
    case Section::Security:
        return tr("Security");
    case Section::Profiles:
        return tr("Profiles");
    case Section::Activity:
        return tr("Activity");
    case Section::Preferences:
        return tr("Preferences");
    case Section::Help:
        return tr("Help");
    }
    return {};
}

void MainWindow::buildSidebar()
{
    m_sidebar = new QListWidget(this);
    m_sidebar->setAccessibleName(tr("Sections"));
    m_sidebar->setIconSize(QSize(20, 20));
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget::item { padding-left: 10px; }"));
    QFont font = m_sidebar->font();
    font.setPointSizeF(font.pointSizeF() * 1.08);
    m_sidebar->setFont(font);
    int width = 0;
    for (int i = 0; i < sectionCount; ++i) {
        const auto section = Section(i);
        auto* item = new QListWidgetItem(Icons::themed(iconFor(section)), label(section), m_sidebar);
        item->setSizeHint(QSize(0, 38));
        width = qMax(width, m_sidebar->fontMetrics().horizontalAdvance(label(section)));
    }
    m_sidebar->setFixedWidth(width + 20 + 64);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
    });
    // A screen reader's "Toggle" on an item selects it without making it current; the page follows
    // the selection, so it comes on screen however the item was chosen.
    connect(m_sidebar, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem*> selected = m_sidebar->selectedItems();
        if (selected.size() == 1)
            m_sidebar->setCurrentItem(selected.first());
    });
}

void MainWindow::addAccountMenuAction(QAction* action)
{
    m_accountButton->menu()->insertAction(m_signOut, action);
}

void MainWindow::buildAccountMenu()
{
    auto* menu = new QMenu(this);
    m_accountEmail = menu->addAction(Icons::themed(QStringLiteral("user-round")), QString());
    m_accountEmail->setEnabled(false);
    menu->addSeparator();
    m_signOut = menu->addAction(Icons::themed(QStringLiteral("log-out")), tr("Sign Out of Vigil"));
    connect(m_signOut, &QAction::triggered, m_flow, &SignInFlow::signOut);

    m_accountButton = new QToolButton(this);
    m_accountButton->setIcon(Icons::themed(QStringLiteral("user-round")));
    m_accountButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_accountButton->setPopupMode(QToolButton::InstantPopup);
    m_accountButton->setMenu(menu);
    m_accountButton->setAccessibleName(tr("Account"));
    m_accountButton->setToolTip(tr("Your account, and signing out of Vigil"));

    auto* toolbar = addToolBar(tr("Account"));
    toolbar->setMovable(false);
    toolbar->setFloatable(false);
    toolbar->toggleViewAction()->setVisible(false);
    auto* logo = new QLabel(toolbar);
    logo->setPixmap(Icons::app().pixmap(24, 24));
    logo->setContentsMargins(8, 0, 4, 0);
    auto* name = new QLabel(tr("Vigil"), toolbar);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    toolbar->addWidget(logo);
    toolbar->addWidget(name);
    if (m_flow->isEphemeral()) {
        auto* demo = new QLabel(tr("Demo account on this computer"), toolbar);
        demo->setContentsMargins(12, 0, 0, 0);
        demo->setForegroundRole(QPalette::PlaceholderText);
        toolbar->addWidget(demo);
    }
    auto* spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    toolbar->addWidget(m_accountButton);
}

void MainWindow::connectPages()
{
    connect(m_pageSet.navigator, &SectionNavigator::requested, this, &MainWindow::showSection);
}

void MainWindow::updateAccount()
{
    const auto& overview = m_account->overview();
    const QString name = overview ? overview->account.displayName : m_session->account().displayName;
    const QString email = overview ? overview->account.email : m_session->account().email;
    m_accountButton->setText(name.isEmpty() ? tr("Account") : name);
    m_accountEmail->setText(email.isEmpty() ? tr("Signed in") : tr("Signed in as %1").arg(email));
}

void MainWindow::showSection(Section section)
{
    m_sidebar->setCurrentRow(int(section));
    m_pages->setCurrentIndex(int(section));
}

Section MainWindow::currentSection() const
{
    return Section(m_pages->currentIndex());
}

QWidget* MainWindow::page(Section section) const
{
    return m_pages->widget(int(section));
}

} // namespace vigil
