// Declarations of every rule check; each is defined in its own file in this folder.
#pragma once

#include "lint/rule.h"

namespace journey::rules {

} // namespace journey::rules
