// A screen reader keeps asking about list and table cells it has seen. The cells Qt caches for an
// item view must be gone before the rows they point at change or the view's window goes, so no
// question can reach freed rows or a freed view.
#include "ui/widgets/AccessibleViewGuard.h"

#include <QAccessible>
#include <QListView>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>
#include <QWidget>

class TestAccessibleViewGuard final : public QObject
{
    Q_OBJECT

private:
    QWidget* m_window = nullptr;
    QListView* m_view = nullptr;
    QStringListModel* m_model = nullptr;

    // The id of the first row's cell, as a screen reader that read the list holds it.
    QAccessible::Id firstCellId() const
    {
        QAccessibleInterface* list = QAccessible::queryAccessibleInterface(m_view);
        if (!list || !list->child(0))
            return 0;
        return QAccessible::uniqueId(list->child(0));
    }

private Q_SLOTS:
    void init()
    {
        m_window = new QWidget;
        m_view = new QListView(m_window);
        m_model = new QStringListModel({QStringLiteral("Living Room TV"), QStringLiteral("Phone")}, m_window);
        vigil::AccessibleViewGuard::setModel(m_view, m_model);
        (new QVBoxLayout(m_window))->addWidget(m_view);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanup() { delete m_window; }

    void aModelResetDropsTheCellsWhileTheirRowsAreAlive()
    {
        const QAccessible::Id cell = firstCellId();
        QVERIFY(cell != 0);
        bool goneBeforeReset = false;
        // Connected after the guard, so this runs after it and before the rows go.
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [&] {
            goneBeforeReset = QAccessible::accessibleInterface(cell) == nullptr;
        });
        m_model->setStringList({QStringLiteral("Tablet")});
        QVERIFY(goneBeforeReset);
        QVERIFY(firstCellId() != 0); // a screen reader that asks again gets fresh cells
    }

    void anotherModelDropsTheOldModelsCells()
    {
        const QAccessible::Id cell = firstCellId();
        QVERIFY(cell != 0);
        auto* other = new QStringListModel({QStringLiteral("Tablet")}, m_window);
        vigil::AccessibleViewGuard::setModel(m_view, other);
        QVERIFY(QAccessible::accessibleInterface(cell) == nullptr);
    }

    void closingTheWindowDropsTheCells()
    {
        const QAccessible::Id cell = firstCellId();
        QVERIFY(cell != 0);
        m_window->hide();
        QVERIFY(QAccessible::accessibleInterface(cell) == nullptr);
    }

    void aModelDeletedFirstTakesItsCellsAlong()
    {
        const QAccessible::Id cell = firstCellId();
        QVERIFY(cell != 0);
        delete m_model;
        QVERIFY(QAccessible::accessibleInterface(cell) == nullptr);
    }

    void attachingTwiceIsHarmless()
    {
        vigil::AccessibleViewGuard::attach(m_view);
        vigil::AccessibleViewGuard::attach(m_view);
        QCOMPARE(m_view->findChildren<vigil::AccessibleViewGuard*>().size(), 1);
    }
};

QTEST_MAIN(TestAccessibleViewGuard)
#include "TestAccessibleViewGuard.moc"
