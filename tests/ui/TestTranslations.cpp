// The shipped translations at work: English plural forms from vigil_en.qm, the whole main window
// and the sign-in window in German, and no German text cut off at the default window size.
#include "SignInStack.h"
#include "TestTokens.h"
#include "WidgetFinder.h"
#include "app/Composition.h"
#include "app/HolderSession.h"
#include "core/auth/SignInFlow.h"
#include "core/settings/Translations.h"
#include "ui/main/MainWindow.h"
#include "ui/pages/PreferencesPage.h"
#include "ui/signin/SignInWindow.h"
#include "ui/widgets/Icons.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTest>
#include <QTextDocument>

using namespace vigil;

namespace {

// A widget's text without the mnemonic marker ("&Email:" → "Email:").
QString plain(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

// Every visible single-line label and every visible button under `root` whose text is wider than
// the room it has (QLabel and QPushButton clip, they don't elide).
QStringList clipped(const QWidget* root, int* checked = nullptr)
{
    QStringList found;
    int count = 0;
    const auto labels = root->findChildren<QLabel*>();
    for (const QLabel* label : labels) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
            continue;
        QString text = label->text();
        if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text))) {
            QTextDocument document;
            document.setHtml(text);
            text = document.toPlainText();
        }
        ++count;
        const QStringList lines = plain(text).split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            const int needed = label->fontMetrics().horizontalAdvance(line);
            if (needed > label->contentsRect().width())
                found << QStringLiteral("label \"%1\": needs %2 px, has %3")
                             .arg(line)
                             .arg(needed)
                             .arg(label->contentsRect().width());
        }
    }
    const auto buttons = root->findChildren<QAbstractButton*>();
    for (const QAbstractButton* button : buttons) {
        if (!button->isVisible() || button->text().isEmpty())
            continue;
        ++count;
        if (button->width() < button->sizeHint().width())
            found << QStringLiteral("button \"%1\": needs %2 px, has %3")
                         .arg(plain(button->text()))
                         .arg(button->sizeHint().width())
                         .arg(button->width());
    }
    if (checked)
        *checked += count;
    return found;
}

QLabel* labelContaining(const QWidget* root, const QString& text)
{
    const auto labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->text().contains(text))
            return label;
    }
    return nullptr;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void languageFollowsTheSystem();
    void languageSetting();
    void englishPluralsComeFromTheResource();
    void clippingIsDetected();
    void mainWindowInGerman();
    void signInWindowInGerman();
    void preferencesOfferTheLanguages();

private:
    void signIn();

    std::unique_ptr<SignInStack> m_stack;
    // The app's composition over the stack's fake network, keychain and settings.
    std::unique_ptr<Composition> m_client;
    QPointer<MainWindow> m_window;
};

void TestTranslations::initTestCase()
{
    Icons::initResources();
    QCOMPARE(Translations::install(qApp, QStringLiteral("en")), QStringLiteral("en"));
}

void TestTranslations::init()
{
    m_stack = std::make_unique<SignInStack>();
    m_stack->serveSignInOnly();
    m_client = std::make_unique<Composition>(m_stack->nam.get(), m_stack->settings.get(), m_stack->store.get(), false);
}

void TestTranslations::cleanup()
{
    m_client.reset();
    m_stack.reset();
}

void TestTranslations::signIn()
{
    // Port 1: the session's event stream (not on the fake network) finds nobody there.
    m_client->signInFlow()->signIn(
        {QStringLiteral("127.0.0.1:1"), QStringLiteral("demo@vigil.test"), QStringLiteral("vigil-demo-2026"), true});
    QTRY_COMPARE(m_client->signInFlow()->state(), SignInFlow::State::SignedIn);
    QVERIFY(m_client->holder());
    m_window = m_client->holder()->window();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTranslations::languageFollowsTheSystem()
{
    QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("de"));
    QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("en_GB"))), QStringLiteral("en"));
    // A language Vigil doesn't have: English.
    QCOMPARE(Translations::resolve(QString(), QLocale(QStringLiteral("fr_FR"))), QStringLiteral("en"));
    // The preference wins over the system; an unknown preference is ignored.
    QCOMPARE(Translations::resolve(QStringLiteral("en"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
    QCOMPARE(Translations::resolve(QStringLiteral("xx"), QLocale(QStringLiteral("de_DE"))), QStringLiteral("de"));
}

void TestTranslations::languageSetting()
{
    AppSettings& settings = *m_stack->settings;
    QCOMPARE(settings.language(), QString());
    settings.setLanguage(QStringLiteral("de"));
    QCOMPARE(settings.language(), QStringLiteral("de"));
    settings.setLanguage(QString());
    QCOMPARE(settings.language(), QString());
    QVERIFY(!m_stack->qsettings->contains(QStringLiteral("interface/language")));
}

void TestTranslations::englishPluralsComeFromTheResource()
{
    // Installed in initTestCase from :/i18n/vigil_en.qm, without EnglishPlurals.
    const char* context = "vigil::OverviewPage";
    const char* source = "%n device(s) signed in to your account, this computer included.";
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 1),
             QStringLiteral("1 device signed in to your account, this computer included."));
    QCOMPARE(QCoreApplication::translate(context, source, nullptr, 12),
             QStringLiteral("12 devices signed in to your account, this computer included."));
    QCOMPARE(QCoreApplication::translate("vigil::SignOutConfirmationPage", "Sign Out of %n Device(s)?", nullptr, 3),
             QStringLiteral("Sign Out of 3 Devices?"));
}

void TestTranslations::clippingIsDetected()
{
    QWidget window;
    auto* label = new QLabel(QStringLiteral("Ein ziemlich langer Text, der nicht passt"), &window);
    label->setGeometry(0, 0, 40, 20);
    auto* button = new QPushButton(QStringLiteral("Alle anderen Geräte abmelden …"), &window);
    button->setGeometry(0, 30, 40, 30);
    auto* fits = new QLabel(QStringLiteral("Ja"), &window);
    fits->setGeometry(0, 70, 200, 20);
    window.resize(300, 100);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    int checked = 0;
    const QStringList found = clipped(&window, &checked);
    QCOMPARE(checked, 3);
    QCOMPARE(found.size(), 2);
}

void TestTranslations::mainWindowInGerman()
{
    // English first, to prove the German translation changes what the window says.
    signIn();
    auto* sidebar = findByName<QListWidget>(m_window.get(), QStringLiteral("Sections"));
    QVERIFY(sidebar);
    QCOMPARE(sidebar->item(1)->text(), QStringLiteral("Devices"));
    cleanup();
    init();

    QCOMPARE(Translations::install(qApp, QStringLiteral("de")), QStringLiteral("de"));
    QCOMPARE(QLocale().language(), QLocale::German);
    signIn();
    // The accessible names are translated too (the e2e tests run in English).
    sidebar = findByName<QListWidget>(m_window.get(), QStringLiteral("Bereiche"));
    QVERIFY(sidebar);
    const QStringList expected{QStringLiteral("Übersicht"),
                               QStringLiteral("Geräte"),
                               QStringLiteral("Sicherheit"),
                               QStringLiteral("Profile"),
                               QStringLiteral("Aktivität"),
                               QStringLiteral("Einstellungen"),
                               QStringLiteral("Hilfe")};
    QCOMPARE(sidebar->count(), int(expected.size()));
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(sidebar->item(i)->text(), expected.at(i));
    QVERIFY(findByName<QAbstractButton>(m_window.get(), QStringLiteral("Von Vigil abmelden")));
    // The Overview counts with the German plural form once the account has loaded.
    auto* devices = findByName<QLabel>(m_window.get(), QStringLiteral("Angemeldete Geräte"));
    QVERIFY(devices);
    QTRY_VERIFY2(labelContaining(m_window.get(), QStringLiteral("12 Geräte sind bei Ihrem Konto angemeldet")),
                 "the Overview's device count is not in German");

    // Nothing cut off on any page at the window's default size.
    QStringList problems;
    int checked = 0;
    for (int i = 0; i < sectionCount; ++i) {
        m_window->showSection(Section(i));
        QCoreApplication::processEvents();
        const QStringList found = clipped(m_window.get(), &checked);
        for (const QString& problem : found)
            problems << MainWindow::label(Section(i)) + QStringLiteral(": ") + problem;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // The check saw the pages' texts (a check of nothing would pass too).
    QVERIFY2(checked > 40, qPrintable(QString::number(checked)));
}

void TestTranslations::signInWindowInGerman()
{
    // German is still installed from mainWindowInGerman (translators stay for the whole run).
    SignInWindow window(m_stack->flow.get(), m_stack->settings.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(findByName<QAbstractButton>(&window, QStringLiteral("Anmelden")));
    QVERIFY(findByName<QWidget>(&window, QStringLiteral("Bestätigungscode")));
    const QStringList problems = clipped(&window);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::preferencesOfferTheLanguages()
{
    // The store behind the app's one AppSettings, from which app/main.cpp reads the language.
    QSettings& settings = *m_stack->qsettings;
    settings.remove(QStringLiteral("interface/language"));
    PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
    page.show();
    auto* combo = findByName<QComboBox>(&page, QStringLiteral("Sprache"));
    QVERIFY(combo);
    QCOMPARE(combo->count(), 3);
    QCOMPARE(combo->currentData().toString(), QString());
    QCOMPARE(combo->itemText(2), QStringLiteral("Deutsch"));
    auto* note = labelContaining(&page, QStringLiteral("Starten Sie Vigil neu, um die Sprache zu wechseln."));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    combo->setCurrentIndex(2);
    QCOMPARE(settings.value(QStringLiteral("interface/language")).toString(), QStringLiteral("de"));
    QVERIFY(note->isVisible());
    combo->setCurrentIndex(0);
    QVERIFY(!settings.contains(QStringLiteral("interface/language")));
    QVERIFY(!note->isVisible());
}

QTEST_MAIN(TestTranslations)
#include "TestTranslations.moc"
