// The report stage: a Brief rendered for people and programs.
//
// Contract: pure functions from a Brief (and the documents it cites, for
// evidence text) to a string. Sections, in order: key figures (disputes
// first), events timeline, sources and their chains, inconsistencies, removed
// non-body text, entities; every line cites its reports with evidence spans.
// HTML output escapes every piece of article text and is self-contained (no
// external scripts, styles or fonts; evidence opens on hover or click through
// CSS alone). The JSON schema is docs/brief-json.md.
#pragma once

#include <string>
#include <vector>
#include <nlohmann/json_fwd.hpp>

#include "claims/claims.h"

namespace cc {

std::string render_markdown(const Brief& brief);
std::string render_html(const Brief& brief, const std::vector<Document>& docs);
nlohmann::json brief_to_json(const Brief& brief);

// Text safe inside HTML elements and attribute values.
std::string html_escape(std::string_view text);

}  // namespace cc
