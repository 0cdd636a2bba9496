#include "nlp/time/time.h"

namespace cc {

namespace {
class TimeTagger : public Component {
 public:
  const char* name() const override { return "time"; }
  void process(Document&) const override {}
};
}  // namespace

Result<std::unique_ptr<Component>> make_time_tagger(const Resources&) {
  return std::unique_ptr<Component>(new TimeTagger());
}

}  // namespace cc
