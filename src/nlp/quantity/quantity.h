// The quantity component: writes Document::quantities. See issue text and
// docs/ARCHITECTURE.md; payload in src/core/layers/.
#pragma once

#include <memory>

#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources& resources);

}  // namespace cc
