#include "ChildLifetime.h"

namespace vigil {

void ChildLifetime::tieToParent(QProcess&)
{
    // Windows (Job Objects) and macOS (a parent-watch pipe) get their equivalent with the
    // packaging work; until then the child is stopped by DemoService on a normal quit.
}

} // namespace vigil
