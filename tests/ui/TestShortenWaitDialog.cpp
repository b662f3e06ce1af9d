// "Email Me a Code…" when every device of the account is new, offscreen over a faked network: the
// code is sent (to the account's email, purpose shorten_wait), a wrong code says how many tries are
// left, an expired one asks for a new code, an established device makes the service refuse, and
// the right one says from when this device may sign others out.
#include "SecurityPageFixture.h"
#include "core/security/ShortenWaitFlow.h"
#include "ui/security/ShortenWaitDialog.h"
#include "ui/widgets/InlineMessage.h"

using namespace vigil;
using namespace SecurityPageFixtureData;

class TestShortenWaitDialog final : public QObject, private SecurityPageFixture
{
    Q_OBJECT

private:
    std::unique_ptr<ShortenWaitFlow> m_flow;
    std::unique_ptr<ShortenWaitDialog> m_dialog;
    QList<QJsonObject> m_sent;

    static FakeResponse emailChallenge()
    {
        return FakeResponse::json(200,
                                  QJsonObject{{QStringLiteral("challenge"), QStringLiteral("vsc_1")},
                                              {QStringLiteral("method"), QStringLiteral("email")},
                                              {QStringLiteral("destination"), QStringLiteral("d***@vigil.test")},
                                              {QStringLiteral("expires_in"), 600},
                                              {QStringLiteral("resend_after"), 30}});
    }

    // VIGIL_SHORTEN_WAIT_SCREENSHOTS=<dir>: each state as a PNG too (run under Xvfb to look at it).
    void shot(const QString& name)
    {
        const QString dir = qEnvironmentVariable("VIGIL_SHORTEN_WAIT_SCREENSHOTS");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(m_dialog->grab().save(dir + QStringLiteral("/shorten-wait-") + name + QStringLiteral(".png")));
    }

    void openAndSend()
    {
        m_dialog->show();
        m_dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
        m_flow->sendCode();
        QTRY_COMPARE(m_flow->state(), ShortenWaitFlow::State::CodeSent);
    }

    void enterCode(const QString& code)
    {
        m_dialog->codeField()->clear();
        QTest::keyClicks(m_dialog->codeField(), code);
        QVERIFY(m_dialog->verifyButton()->isEnabled());
        m_dialog->verifyButton()->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        Icons::initResources();
        QCoreApplication::installTranslator(new EnglishPlurals(this));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void init()
    {
        setUpFixture();
        m_sent.clear();
        // Wraps the fixture's handler to see what the flow sent.
        auto answer = [this](const FakeRequest& request) {
            m_sent.append(request.json());
            auto it = m_stack->scripted.find(request.path());
            if (it == m_stack->scripted.end() || it->isEmpty())
                return FakeResponse::error(404, "not_found");
            return it->size() > 1 ? it->takeFirst() : it->constFirst();
        };
        m_stack->nam->setHandler(answer);
        // 13:05 today: the new time reads "14:05".
        m_flow = std::make_unique<ShortenWaitFlow>(m_stack->api.get(),
                                                   [] { return QDateTime(QDate::currentDate(), QTime(13, 5)); });
        m_dialog = std::make_unique<ShortenWaitDialog>(m_flow.get());
    }

    void cleanup()
    {
        m_dialog.reset();
        m_flow.reset();
        tearDownFixture();
    }

    void sentThenShortened()
    {
        script(stepUpPath, {emailChallenge()});
        script(verifyPath,
               {FakeResponse::json(200,
                                   QJsonObject{{QStringLiteral("new_until"), QStringLiteral("2026-12-07T14:05:00Z")},
                                               {QStringLiteral("retry_after"), 3600}})});
        openAndSend();
        QCOMPARE(m_sent.first().value(QStringLiteral("method")).toString(), QStringLiteral("email"));
        QCOMPARE(m_sent.first().value(QStringLiteral("purpose")).toString(), QStringLiteral("shorten_wait"));
        QVERIFY2(m_dialog->statusLabel()->text().contains(QLatin1String("We emailed a code to d***@vigil.test")),
                 qPrintable(m_dialog->statusLabel()->text()));
        QVERIFY(m_dialog->codeField()->isVisible());
        QVERIFY(!m_dialog->verifyButton()->isEnabled()); // no code yet
        QTRY_COMPARE(QApplication::focusWidget(), m_dialog->codeField());
        shot(QStringLiteral("1-sent"));

        enterCode(QStringLiteral("123 456"));
        QTRY_COMPARE(m_flow->state(), ShortenWaitFlow::State::Shortened);
        QCOMPARE(m_sent.last().value(QStringLiteral("secret")).toString(), QStringLiteral("123456"));
        QCOMPARE(m_dialog->statusLabel()->text(), QStringLiteral("Done. You can sign other devices out from 14:05."));
        shot(QStringLiteral("5-shortened"));
        QVERIFY(!m_dialog->codeField()->isVisible());
        QVERIFY(!m_dialog->sendButton()->isVisible());
    }

    void wrongCodeSaysAttemptsLeft()
    {
        script(stepUpPath, {emailChallenge()});
        openAndSend();
        script(verifyPath,
               {FakeResponse::json(401,
                                   QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_code")},
                                               {QStringLiteral("message"), QStringLiteral("wrong")},
                                               {QStringLiteral("attempts_left"), 3}})});
        enterCode(QStringLiteral("000000"));
        QTRY_COMPARE(m_flow->problem(), ShortenWaitFlow::Problem::WrongCode);
        QCOMPARE(m_dialog->message()->kind(), InlineMessage::Kind::Error);
        QCOMPARE(m_dialog->message()->text(), QStringLiteral("That code isn't right. 3 attempts left."));
        QVERIFY(m_dialog->codeField()->isEnabled());
        QVERIFY(m_dialog->verifyButton()->isEnabled());
        shot(QStringLiteral("2-wrong"));
    }

    void expiredCodeAsksForANewOne()
    {
        script(stepUpPath, {emailChallenge()});
        openAndSend();
        script(verifyPath,
               {FakeResponse::json(410,
                                   QJsonObject{{QStringLiteral("error"), QStringLiteral("challenge_expired")},
                                               {QStringLiteral("message"), QStringLiteral("expired")}})});
        enterCode(QStringLiteral("123456"));
        QTRY_COMPARE(m_flow->problem(), ShortenWaitFlow::Problem::CodeDead);
        QVERIFY2(m_dialog->message()->text().contains(QLatin1String("Send a new code")),
                 qPrintable(m_dialog->message()->text()));
        QVERIFY(!m_dialog->verifyButton()->isEnabled());
        QVERIFY(m_dialog->sendButton()->isVisible() && m_dialog->sendButton()->isEnabled());
        shot(QStringLiteral("3-expired"));
        m_dialog->sendButton()->click();
        QTRY_COMPARE(m_flow->state(), ShortenWaitFlow::State::CodeSent);
        QCOMPARE(m_flow->problem(), ShortenWaitFlow::Problem::None);
        QVERIFY(!m_dialog->message()->isVisible());
        QCOMPARE(m_sent.size(), 3); // two sends and the expired verification
    }

    void refusedWhileAnEstablishedDeviceExists()
    {
        script(stepUpPath,
               {FakeResponse::json(403,
                                   QJsonObject{{QStringLiteral("error"), QStringLiteral("established_session_exists")},
                                               {QStringLiteral("message"), QStringLiteral("use it")}})});
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_flow->sendCode();
        QTRY_COMPARE(m_flow->state(), ShortenWaitFlow::State::Refused);
        QCOMPARE(m_flow->problem(), ShortenWaitFlow::Problem::EstablishedExists);
        QVERIFY2(m_dialog->message()->text().contains(
                     QLatin1String("Use it to sign out other devices, or to confirm this one from it.")),
                 qPrintable(m_dialog->message()->text()));
        QVERIFY(!m_dialog->codeField()->isVisible());
        QVERIFY(!m_dialog->sendButton()->isVisible());
        auto* close = findByName<QPushButton>(m_dialog.get(), QStringLiteral("Close"));
        QVERIFY(close && close->isVisible() && close->isDefault());
        shot(QStringLiteral("4-refused"));
    }

    void tooManyAttemptsSaysTheWait()
    {
        script(stepUpPath, {emailChallenge()});
        openAndSend();
        script(verifyPath,
               {FakeResponse::json(429,
                                   QJsonObject{{QStringLiteral("error"), QStringLiteral("too_many_attempts")},
                                               {QStringLiteral("message"), QStringLiteral("wait")},
                                               {QStringLiteral("retry_after"), 30},
                                               {QStringLiteral("attempts_left"), 2}})});
        enterCode(QStringLiteral("000000"));
        QTRY_COMPARE(m_flow->problem(), ShortenWaitFlow::Problem::TooManyAttempts);
        QCOMPARE(m_flow->waitSeconds(), 30);
        QVERIFY(m_dialog->message()->isVisible());
        QCOMPARE(m_flow->state(), ShortenWaitFlow::State::CodeSent);
    }
};

QTEST_MAIN(TestShortenWaitDialog)
#include "TestShortenWaitDialog.moc"
