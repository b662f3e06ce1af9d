#pragma once

#include "store/Records.h"

namespace mockd {

class FieldReader;

// The contract's DeviceInfo (what a signing-in client says about itself), read from its object:
// name, type, OS and app with their versions; problems land in the reader as 422s.
Device readDeviceInfo(FieldReader& device);

} // namespace mockd
