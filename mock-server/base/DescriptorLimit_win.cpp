#include "base/DescriptorLimit.h"

namespace mockd::DescriptorLimit {

qint64 raiseToHardLimit()
{
    return -1;
}

} // namespace mockd::DescriptorLimit
