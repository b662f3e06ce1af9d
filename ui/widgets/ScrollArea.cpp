#include "ScrollArea.h"

#include <QAbstractItemView>
#include <QAccessible>
#include <QAccessibleWidget>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace vigil {

namespace {

// Qt asks the factories with the most derived class name first; its own factory knows only Qt's
// class names, so a subclass (ScrollArea, QChartView) reaches this one. Item views and text edits
// keep Qt's interfaces (tables, text), which have no such list.
QAccessibleInterface* scrollAreaInterface(const QString& /*className*/, QObject* object)
{
    auto* area = qobject_cast<QAbstractScrollArea*>(object);
    if (!area || qobject_cast<QAbstractItemView*>(area) || qobject_cast<QTextEdit*>(area) ||
        qobject_cast<QPlainTextEdit*>(area))
        return nullptr;
    // QAccessibleWidget lists the child widgets (viewport, scroll bar containers) whether shown or
    // not, and checks the index it is asked for.
    return new QAccessibleWidget(area, QAccessible::Client);
}

} // namespace

ScrollArea::ScrollArea(QWidget* parent) : QScrollArea(parent)
{
    installAccessibleFactory();
}

ScrollArea::~ScrollArea() = default;

void ScrollArea::installAccessibleFactory()
{
    static const bool installed = [] {
        QAccessible::installFactory(scrollAreaInterface);
        return true;
    }();
    Q_UNUSED(installed);
}

} // namespace vigil
