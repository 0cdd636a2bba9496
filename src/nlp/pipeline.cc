#include "nlp/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <functional>

#include "nlp/attribution/attribution.h"
#include "nlp/entity/entity.h"
#include "nlp/quantity/quantity.h"
#include "nlp/tag/tag.h"
#include "nlp/time/time.h"
#include "nlp/tokenize.h"

namespace cc {

namespace {

using Factory = std::function<Result<std::unique_ptr<Component>>(const Resources&)>;

struct Registered {
  const char* name;
  Factory make;
};

// Pipeline order: each component may read the layers of those above it.
const std::vector<Registered>& registry() {
  static const std::vector<Registered> kRegistry = {
      {"tokenize",
       [](const Resources&) -> Result<std::unique_ptr<Component>> {
         return std::unique_ptr<Component>(new Tokenizer());
       }},
      {"tag", make_tagger},
      {"time", make_time_tagger},
      {"quantity", make_quantity_tagger},
      {"entity", make_entity_tagger},
      {"attribution", make_attribution_tagger},
  };
  return kRegistry;
}

}  // namespace

std::string default_data_dir() {
  if (const char* env = std::getenv("CROSSCHECK_DATA"); env && *env) return env;
  return CROSSCHECK_DATA_DIR;
}

Result<Pipeline> Pipeline::load(const Resources& resources) {
  std::vector<std::string> all;
  for (const auto& r : registry()) all.emplace_back(r.name);
  return load(resources, all);
}

Result<Pipeline> Pipeline::load(const Resources& resources, const std::vector<std::string>& names) {
  Pipeline p;
  for (const auto& r : registry()) {
    bool wanted = std::string_view(r.name) == "tokenize" ||
                  std::find(names.begin(), names.end(), r.name) != names.end();
    if (!wanted) continue;
    auto made = r.make(resources);
    if (!made.ok())
      return Status::error(std::string("loading component '") + r.name + "': " +
                           made.status().message());
    p.components_.push_back(std::move(made.value()));
  }
  for (const auto& n : names) {
    bool known = std::any_of(registry().begin(), registry().end(),
                             [&](const Registered& r) { return n == r.name; });
    if (!known) return Status::error("unknown nlp component '" + n + "'");
  }
  return p;
}

void Pipeline::run(Document& doc) const {
  for (const auto& c : components_) c->process(doc);
}

std::vector<std::string> Pipeline::names() const {
  std::vector<std::string> out;
  for (const auto& c : components_) out.emplace_back(c->name());
  return out;
}

}  // namespace cc
