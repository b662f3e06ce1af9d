// Control for core_link_direction: a target that links only vigilcore builds fine with QtCore.
#include <QObject>

int main()
{
    QObject object;
    object.setObjectName(QStringLiteral("probe"));
    return object.objectName().isEmpty() ? 1 : 0;
}
