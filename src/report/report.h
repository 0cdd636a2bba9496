// The report stage: a Brief rendered for people and programs.
//
// Contract: pure functions from a Brief (and the documents it cites, for
// evidence text) to a string. HTML output escapes every piece of article text
// and is self-contained (no external scripts, styles or fonts). The JSON
// schema is docs/brief-json.md.
#pragma once

#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "claims/claims.h"

namespace cc {

std::string render_markdown(const Brief& brief);
std::string render_html(const Brief& brief, const std::vector<Document>& docs);
nlohmann::json brief_to_json(const Brief& brief);

}  // namespace cc
