// Preferences says when a remembered sign-in ends for good ("You'll need to sign in again on …",
// the service's refresh_expires_at as a local date), and says nothing when the sign-in is not
// remembered, in demo mode, or when the service gave no end.
#include "SignInStack.h"
#include "TestTokens.h"
#include "ui/pages/PreferencesPage.h"

#include <QCheckBox>
#include <QLabel>
#include <QLocale>
#include <QTest>

using namespace vigil;

namespace {

const QString server = QStringLiteral("http://127.0.0.1:8765");
const QString end = QStringLiteral("2027-01-06T12:00:00Z");

} // namespace

class TestPreferencesSignInEnd final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SignInStack> m_stack;

    void signIn(bool remember, bool withEnd = true)
    {
        QJsonObject pair = TestTokens::pair(QStringLiteral("vat_1"), QStringLiteral("vrt_1"));
        if (withEnd)
            pair.insert(QStringLiteral("refresh_expires_at"), end);
        m_stack->nam->setHandler([pair](const FakeRequest&) { return FakeResponse::json(200, pair); });
        m_stack->flow->signIn({server, QStringLiteral("demo@vigil.test"), QStringLiteral("pw"), remember});
        QTRY_COMPARE(m_stack->flow->state(), SignInFlow::State::SignedIn);
    }

    static QString expectedText()
    {
        const QDate date = QDateTime::fromString(end, Qt::ISODate).toLocalTime().date();
        return QStringLiteral("You'll need to sign in again on %1.").arg(QLocale().toString(date, QLocale::LongFormat));
    }

private Q_SLOTS:
    void init() { m_stack = std::make_unique<SignInStack>(); }
    void cleanup() { m_stack.reset(); }

    void aRememberedSignInSaysWhenItEnds()
    {
        signIn(true);
        PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
        auto* ends = page.findChild<QLabel*>(QStringLiteral("signInEnds"));
        QVERIFY(ends);
        QVERIFY(!ends->isHidden());
        QCOMPARE(ends->text(), expectedText());
        QCOMPARE(ends->textFormat(), Qt::PlainText);

        // Not remembered: Vigil asks for the password at the next start anyway.
        auto* remember = page.findChild<QCheckBox*>();
        QVERIFY(remember);
        remember->setChecked(false);
        QVERIFY(ends->isHidden());
        remember->setChecked(true);
        QVERIFY(!ends->isHidden());
    }

    void nothingIsSaidWithoutAnEnd()
    {
        signIn(true, false);
        PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("signInEnds"))->isHidden());
    }

    void nothingIsSaidInDemoMode()
    {
        m_stack->flow->setEphemeral(true);
        signIn(true);
        PreferencesPage page(m_stack->settings.get(), m_stack->flow.get(), m_stack->session.get());
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("signInEnds"))->isHidden());
    }
};

QTEST_MAIN(TestPreferencesSignInEnd)
#include "TestPreferencesSignInEnd.moc"
