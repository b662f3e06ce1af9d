// Must NOT link: even spelled so that it compiles (<QtWidgets/...> is found through the Qt include
// root), a widget cannot be used from a target that links only vigilcore.
#include <QtWidgets/QWidget>

int main()
{
    QWidget widget;
    return widget.isVisible() ? 1 : 0;
}
