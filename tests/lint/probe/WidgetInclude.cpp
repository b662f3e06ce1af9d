// Must NOT compile: a target that links only vigilcore has no QtWidgets include path.
#include <QWidget>

int main()
{
    QWidget widget;
    return widget.isVisible() ? 1 : 0;
}
