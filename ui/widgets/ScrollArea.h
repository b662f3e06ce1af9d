#pragma once

#include <QScrollArea>

namespace vigil {

// A QScrollArea a screen reader can read while it changes. Qt 6.4's accessible interface for
// scroll areas lists the viewport and only the scroll bars that are visible right now, and answers
// "child N" without checking N: a screen reader that counted two children (a scroll bar was
// showing) and asks for the second after the bar went (content shrank, the window closed) makes
// Vigil read past the end of a list and crash (QAccessibleCache::idForObject). Vigil's scroll
// areas get an interface that lists every child widget and answers nothing for an index it does
// not have. Also covers other scroll areas without their own interface (charts).
class ScrollArea final : public QScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScrollArea)

public:
    explicit ScrollArea(QWidget* parent = nullptr);
    ~ScrollArea() override;

    // Registers the interface with Qt; ScrollArea does it itself, charts call it before they show.
    static void installAccessibleFactory();
};

} // namespace vigil
