#include "nlp/entity/entity.h"

namespace cc {

namespace {
class EntityTagger : public Component {
 public:
  const char* name() const override { return "entity"; }
  void process(Document&) const override {}
};
}  // namespace

Result<std::unique_ptr<Component>> make_entity_tagger(const Resources&) {
  return std::unique_ptr<Component>(new EntityTagger());
}

}  // namespace cc
