#include "PageTour.h"

#include "FakeCredentialStore.h"
#include "app/Composition.h"
#include "app/HolderSession.h"
#include "core/activity/ActivityService.h"
#include "core/auth/SignInFlow.h"
#include "core/demo/DemoService.h"
#include "core/devices/DeviceListModel.h"
#include "core/events/EventStream.h"
#include "core/profiles/ProfileService.h"
#include "core/settings/AppSettings.h"
#include "ui/main/MainWindow.h"
#include "ui/signout/SignOutDialog.h"
#include "ui/signout/VerificationPage.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace vigil {

struct PageTour::Parts
{
    QTemporaryDir dir;
    QSettings qsettings{dir.filePath(QStringLiteral("vigil.ini")), QSettings::IniFormat};
    AppSettings settings{&qsettings};
    FakeCredentialStore keychain;
    QNetworkAccessManager network;
    Composition client{&network, &settings, &keychain, true};
    DemoService demo;
    QString failure;
};

namespace {

template <typename T>
T* visible(QWidget* root)
{
    const auto all = root->findChildren<T*>();
    for (T* widget : all) {
        if (widget->isVisible())
            return widget;
    }
    return nullptr;
}

QPushButton* buttonWithText(QWidget* root, const QString& text)
{
    const auto buttons = root->findChildren<QPushButton*>();
    for (QPushButton* button : buttons) {
        if (button->isVisible() && button->text() == text)
            return button;
    }
    return nullptr;
}

SignOutDialog* openDialog()
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget* window : windows) {
        if (auto* dialog = qobject_cast<SignOutDialog*>(window); dialog && dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

} // namespace

PageTour::PageTour(QObject* parent) : QObject(parent), m_parts(std::make_unique<Parts>())
{
    Parts& p = *m_parts;
    QObject::connect(&p.demo, &DemoService::ready, p.client.signInFlow(), [&p](const QUrl& url) {
        p.client.signInToDemo(url, p.demo.adminKey());
    });
    QObject::connect(&p.demo, &DemoService::failed, this, [&p](const QString& error) { p.failure = error; });
}

PageTour::~PageTour()
{
    if (SignOutDialog* dialog = openDialog())
        dialog->reject();
    if (HolderSession* holder = m_parts->client.holder())
        holder->events()->stop();
    m_parts->demo.stop();
}

QString PageTour::start(int timeoutMs)
{
    Parts& p = *m_parts;
    p.client.show();
    p.demo.start();
    const bool ready = QTest::qWaitFor(
        [&p] {
            const HolderSession* holder = p.client.holder();
            return !p.failure.isEmpty() ||
                   (holder && holder->window()->isVisible() && holder->deviceModel()->rowCount() >= 12);
        },
        timeoutMs);
    if (!p.failure.isEmpty())
        return p.failure;
    if (!ready)
        return QStringLiteral("the demo account's devices did not arrive in %1 ms").arg(timeoutMs);
    return {};
}

QStringList PageTour::stops()
{
    return {QStringLiteral("overview"),
            QStringLiteral("devices"),
            QStringLiteral("security"),
            QStringLiteral("profiles"),
            QStringLiteral("activity"),
            QStringLiteral("preferences"),
            QStringLiteral("help"),
            QStringLiteral("signout-confirmation"),
            QStringLiteral("verification")};
}

QWidget* PageTour::show(const QString& stop)
{
    Parts& p = *m_parts;
    HolderSession* holder = p.client.holder();
    MainWindow* main = holder ? holder->window() : nullptr;
    const int index = int(stops().indexOf(stop));
    if (!main || index < 0)
        return nullptr;
    if (index < sectionCount) {
        if (SignOutDialog* dialog = openDialog())
            dialog->reject();
        main->showSection(Section(index));
        main->activateWindow();
        // Pages load on first show; wait for the ones that fetch, then let layouts settle.
        // A page that never loads is shown as it is: the picture tells what went wrong.
        if (Section(index) == Section::Profiles)
            (void)QTest::qWaitFor([holder] { return holder->profiles()->state() == ProfileService::State::Ready; },
                                  10000);
        if (Section(index) == Section::Activity)
            (void)QTest::qWaitFor([holder] { return holder->activity()->state() == ActivityService::State::Ready; },
                                  10000);
        QTest::qWait(200);
        return main;
    }
    if (stop == QLatin1String("signout-confirmation")) {
        main->showSection(Section::Overview);
        QPushButton* all = buttonWithText(main->page(Section::Overview), QObject::tr("Sign Out of All Devices…"));
        // The button opens a menu (a blocking popup); trigger its "All Other Devices…" entry directly.
        if (!all || !all->menu() || all->menu()->actions().isEmpty())
            return nullptr;
        all->menu()->actions().constFirst()->trigger();
        if (!QTest::qWaitFor([] { return openDialog() != nullptr; }, 10000))
            return nullptr;
        QTest::qWait(200);
        return openDialog();
    }
    SignOutDialog* dialog = openDialog();
    if (!dialog) {
        if (!show(QStringLiteral("signout-confirmation")))
            return nullptr;
        dialog = openDialog();
    }
    if (QPushButton* confirm = buttonWithText(dialog, QObject::tr("Sign Out of All Other Devices")))
        confirm->click();
    if (!QTest::qWaitFor([dialog] { return visible<VerificationPage>(dialog) != nullptr; }, 10000))
        return nullptr;
    QTest::qWait(500); // the verification methods arrive from the service
    return dialog;
}

} // namespace vigil
