// A screen reader counts a scroll area's children, then asks for each: by the time it asks, a
// scroll bar may have gone. Vigil's scroll areas answer nothing for a child they no longer have.
#include "ui/widgets/ScrollArea.h"

#include <QAccessible>
#include <QLabel>
#include <QScrollBar>
#include <QTest>

class TestScrollAreaAccessible final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aChildPastTheEndIsNothing()
    {
        vigil::ScrollArea area;
        area.setWidget(new QLabel(QStringLiteral("Tall\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\nPage")));
        area.resize(200, 60);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QTRY_VERIFY(area.verticalScrollBar()->isVisible());
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(&area);
        QVERIFY(iface);
        const int counted = iface->childCount();
        QVERIFY(counted >= 2);         // the viewport and the scroll bar
        area.setWidgetResizable(true); // the content fits now: the scroll bar goes
        area.resize(200, 600);
        QTRY_VERIFY(!area.verticalScrollBar()->isVisible());
        QCOMPARE(iface->childCount(), counted); // what the screen reader counted still holds
        QVERIFY(iface->child(counted) == nullptr);
        QVERIFY(iface->child(-1) == nullptr);
        for (int i = 0; i < counted; ++i)
            QVERIFY(iface->child(i) != nullptr);
    }
};

QTEST_MAIN(TestScrollAreaAccessible)
#include "TestScrollAreaAccessible.moc"
