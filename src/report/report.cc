#include "report/report.h"

#include <nlohmann/json.hpp>

namespace cc {

std::string render_markdown(const Brief& brief) {
  std::string out = "# " + (brief.title.empty() ? std::string("Brief") : brief.title) + "\n\n";
  out += "## Sources\n\n";
  for (const auto& s : brief.sources) out += "- " + s.path + " (" + s.published + ")\n";
  if (!brief.removed.empty()) {
    out += "\n## Removed non-body text\n\n";
    for (const auto& r : brief.removed) out += "- " + r.removed.text + " — " + r.removed.reason + "\n";
  }
  return out;
}

std::string render_html(const Brief& brief, const std::vector<Document>&) {
  return "<!doctype html><meta charset=utf-8><title>crosscheck brief</title><p>(html report not built yet)</p>";
}

nlohmann::json brief_to_json(const Brief& brief) {
  nlohmann::json j;
  j["title"] = brief.title;
  j["documents"] = nlohmann::json::array();
  for (const auto& s : brief.sources)
    j["documents"].push_back({{"id", s.doc_id}, {"path", s.path}, {"published", s.published}});
  j["facts"] = nlohmann::json::array();
  j["events"] = nlohmann::json::array();
  j["removed"] = nlohmann::json::array();
  for (const auto& r : brief.removed)
    j["removed"].push_back({{"doc", r.doc_id}, {"text", r.removed.text}, {"rule", r.removed.rule}});
  return j;
}

}  // namespace cc
