#include "store/Records.h"

namespace mockd {

const QStringList& Device::types()
{
    static const QStringList list{QStringLiteral("tv"),
                                  QStringLiteral("phone"),
                                  QStringLiteral("tablet"),
                                  QStringLiteral("computer"),
                                  QStringLiteral("console"),
                                  QStringLiteral("browser"),
                                  QStringLiteral("settopbox")};
    return list;
}

const QStringList& Device::statuses()
{
    static const QStringList list{
        QStringLiteral("streaming"), QStringLiteral("paused"), QStringLiteral("idle"), QStringLiteral("offline")};
    return list;
}

} // namespace mockd
