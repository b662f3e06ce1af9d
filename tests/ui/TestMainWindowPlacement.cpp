#include "SignInStack.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "app/HolderSession.h"
#include "core/settings/AppSettings.h"
#include "ui/main/MainWindow.h"
#include "ui/widgets/Icons.h"

#include <QAccessible>
#include <QAccessibleActionInterface>
#include <QApplication>
#include <QFile>
#include <QListWidget>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

// Where the main window opens and how big, and how its sidebar follows a screen reader.
class TestMainWindowPlacement final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { Icons::initResources(); }
    void init();
    void cleanup();
    void opensFittedToTheScreen();
    void remembersItsGeometry();
    void forgetsGeometryThatNoLongerFits();
    void sidebarActionShowsThePage();

private:
    // A holder's session over the fake network; the window is its own.
    struct Made
    {
        std::unique_ptr<HolderSession> session;
        MainWindow* get() const { return session->window(); }
        MainWindow* operator->() const { return get(); }
    };
    // Without settings: an empty store, so no geometry is remembered.
    Made makeWindow(bool withSettings = true);

    std::unique_ptr<SignInStack> m_stack;
    std::unique_ptr<QTemporaryDir> m_emptyDir;
    std::unique_ptr<QSettings> m_emptyStore;
    std::unique_ptr<AppSettings> m_noSettings;
};

void TestMainWindowPlacement::init()
{
    m_stack = std::make_unique<SignInStack>();
    m_stack->serveSignInOnly();
    m_emptyDir = std::make_unique<QTemporaryDir>();
    m_emptyStore = std::make_unique<QSettings>(m_emptyDir->filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
    m_noSettings = std::make_unique<AppSettings>(m_emptyStore.get());
    m_stack->flow->signIn(
        {QStringLiteral("127.0.0.1:1"), QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"), true});
    QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
}

void TestMainWindowPlacement::cleanup()
{
    m_noSettings.reset();
    m_emptyStore.reset();
    m_emptyDir.reset();
    m_stack.reset();
}

TestMainWindowPlacement::Made TestMainWindowPlacement::makeWindow(bool withSettings)
{
    const SessionContext context{m_stack->api.get(),
                                 m_stack->session.get(),
                                 m_stack->flow.get(),
                                 withSettings ? m_stack->settings.get() : m_noSettings.get(),
                                 nullptr,
                                 nullptr,
                                 {}};
    return {std::make_unique<HolderSession>(context)};
}

void TestMainWindowPlacement::opensFittedToTheScreen()
{
    const auto window = makeWindow(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QRect available = window->screen()->availableGeometry();
    QVERIFY2(available.contains(window->geometry()),
             qPrintable(QStringLiteral("window %1x%2 on a %3x%4 screen")
                            .arg(window->width())
                            .arg(window->height())
                            .arg(available.width())
                            .arg(available.height())));
    // Most of the screen, not a small window in a corner of it.
    QVERIFY(window->width() * 10 >= available.width() * 8);
    QVERIFY(window->height() * 10 >= available.height() * 8);
}

void TestMainWindowPlacement::remembersItsGeometry()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const QRect wanted(available.topLeft() + QPoint(20, 30), available.size() * 3 / 4);
    {
        const auto window = makeWindow();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->setGeometry(wanted);
        QTRY_COMPARE(window->geometry(), wanted);
        window->hide();
    }
    QVERIFY(!m_stack->settings->mainWindowGeometry().isEmpty());
    const auto again = makeWindow();
    again->show();
    QVERIFY(QTest::qWaitForWindowExposed(again.get()));
    QCOMPARE(again->size(), wanted.size());
}

void TestMainWindowPlacement::forgetsGeometryThatNoLongerFits()
{
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    {
        // As if saved on a screen twice as big as this one.
        const auto window = makeWindow(false);
        window->setGeometry(QRect(available.topLeft(), available.size() * 2));
        m_stack->settings->setMainWindowGeometry(window->saveGeometry());
    }
    const auto window = makeWindow();
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    QVERIFY(available.contains(window->geometry()));
}

void TestMainWindowPlacement::sidebarActionShowsThePage()
{
    const auto window = makeWindow(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto* sidebar = findByName<QListWidget>(window.get(), QStringLiteral("Sections"));
    QVERIFY(sidebar);
    QAccessibleInterface* list = QAccessible::queryAccessibleInterface(sidebar);
    QVERIFY(list);
    for (const Section section : {Section::Devices, Section::Help, Section::Overview}) {
        const QString label = MainWindow::label(section);
        QAccessibleInterface* item = nullptr;
        for (int i = 0; i < list->childCount() && !item; ++i) {
            if (list->child(i)->text(QAccessible::Name) == label)
                item = list->child(i);
        }
        QVERIFY2(item && item->actionInterface(), qPrintable(label));
        // The item's one action, as AT-SPI offers it to a screen reader.
        const QStringList actions = item->actionInterface()->actionNames();
        QVERIFY2(actions.contains(QAccessibleActionInterface::toggleAction()), qPrintable(actions.join(u',')));
        item->actionInterface()->doAction(QAccessibleActionInterface::toggleAction());
        QCOMPARE(window->currentSection(), section);
        QVERIFY(window->page(section)->isVisible());
    }
}

int main(int argc, char* argv[])
{
    // The screen of the issue: 1440×900 (the offscreen platform's own is smaller than the
    // window's minimum size).
    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("screens.json")));
    if (!config.open(QIODevice::WriteOnly) ||
        config.write(R"({"screens": [{"name": "wide", "x": 0, "y": 0, "width": 1440, "height": 900,
                                       "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})") < 0)
        return 1;
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.fileName().toLocal8Bit());
    QApplication app(argc, argv);
    TestMainWindowPlacement test;
    return QTest::qExec(&test, argc, argv);
}
#include "TestMainWindowPlacement.moc"
