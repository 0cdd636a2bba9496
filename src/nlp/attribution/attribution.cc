#include "nlp/attribution/attribution.h"

namespace cc {

namespace {
class AttributionTagger : public Component {
 public:
  const char* name() const override { return "attribution"; }
  void process(Document&) const override {}
};
}  // namespace

Result<std::unique_ptr<Component>> make_attribution_tagger(const Resources&) {
  return std::unique_ptr<Component>(new AttributionTagger());
}

}  // namespace cc
