#include "nlp/quantity/quantity.h"

namespace cc {

namespace {
class QuantityTagger : public Component {
 public:
  const char* name() const override { return "quantity"; }
  void process(Document&) const override {}
};
}  // namespace

Result<std::unique_ptr<Component>> make_quantity_tagger(const Resources&) {
  return std::unique_ptr<Component>(new QuantityTagger());
}

}  // namespace cc
