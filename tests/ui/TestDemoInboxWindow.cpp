// The demo inbox window against a real vigil-mockd: empty at first with a hint, then the emailed
// step-up code the service "sent", newest first; Copy Code puts exactly that code on the clipboard;
// a dead service shows the reader's error instead of an empty list.
#include "MockdProcess.h"
#include "ServiceClient.h"
#include "WidgetFinder.h"
#include "core/demo/DemoOutbox.h"
#include "ui/demo/DemoInboxWindow.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

using namespace vigil;

class TestDemoInboxWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsAndCopiesTheSentCode()
    {
        MockdProcess mockd;
        QVERIFY2(mockd.start(), qPrintable(mockd.errorString()));
        QNetworkAccessManager network;
        DemoOutbox outbox(&network);
        outbox.setService(mockd.baseUrl(), QString::fromLatin1(MockdProcess::adminKey));
        DemoInboxWindow window(&outbox);
        window.show();

        auto* state = findByName<QLabel>(&window, QStringLiteral("Demo inbox state"));
        QVERIFY(state);
        QVERIFY2(state->text().startsWith(QLatin1String("No codes yet")), qPrintable(state->text()));
        QPushButton* copy = nullptr;
        const auto buttons = window.findChildren<QPushButton*>();
        for (QPushButton* button : buttons) {
            if (button->text() == QLatin1String("Copy Code"))
                copy = button;
        }
        QVERIFY(copy);
        QVERIFY(!copy->isEnabled());

        ServiceClient client(mockd.baseUrl());
        const auto tokens = client.loginDemo(QStringLiteral("Inbox Test"));
        QVERIFY(!tokens.access.isEmpty());
        QSignalSpy arrived(&outbox, &DemoOutbox::messageArrived);
        outbox.setPolling(true, 100);
        const auto challenge = client.postJson(
            QStringLiteral("/v1/step-up"), {{QStringLiteral("method"), QStringLiteral("email")}}, tokens.access);
        QVERIFY2(challenge.status / 100 == 2, challenge.body.constData());

        QTRY_COMPARE_WITH_TIMEOUT(window.messageList()->topLevelItemCount(), 1, 10000);
        outbox.setPolling(false);
        const QTreeWidgetItem* item = window.messageList()->topLevelItem(0);
        const QString code = item->text(2);
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{6}$")).match(code).hasMatch(), qPrintable(code));
        QCOMPARE(item->text(1), QStringLiteral("Email to demo@vigil.test"));
        QVERIFY(state->text().startsWith(QLatin1String("Newest first")));
        // The newest message is selected, so the button works straight away.
        QVERIFY(copy->isEnabled());
        QGuiApplication::clipboard()->clear();
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), code);
        QCOMPARE(state->text(), QStringLiteral("Code copied."));
    }

    void deadServiceShowsTheError()
    {
        QTcpServer reserve; // a port nothing answers on once closed
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        QNetworkAccessManager network;
        DemoOutbox outbox(&network);
        outbox.setService(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), QStringLiteral("key"));
        DemoInboxWindow window(&outbox);
        auto* state = findByName<QLabel>(&window, QStringLiteral("Demo inbox state"));
        QVERIFY(state);
        outbox.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!outbox.errorString().isEmpty(), 10000);
        QCOMPARE(state->text(), outbox.errorString());
        QCOMPARE(window.messageList()->topLevelItemCount(), 0);
    }
};

QTEST_MAIN(TestDemoInboxWindow)
#include "TestDemoInboxWindow.moc"
