// The attribution component: writes Document::attributions and modalities. See issue text and
// docs/ARCHITECTURE.md; payload in src/core/layers/.
#pragma once

#include <memory>

#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_attribution_tagger(const Resources& resources);

}  // namespace cc
