#include "report/report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace cc {

namespace {

std::string short_id(const std::string& id) { return id.substr(0, 8); }

// Escapes what Markdown would read as markup in article text.
std::string md_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\n') {
      out += ' ';
      continue;
    }
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string cite(const Evidence& e) {
  return "[" + short_id(e.doc_id) + "@" + std::to_string(e.span.begin) + "-" + std::to_string(e.span.end) + "]";
}

std::string chain(const std::string& source, const std::vector<std::string>& via) {
  if (source.empty()) return "";
  std::string out = source;
  for (auto it = via.rbegin(); it != via.rend(); ++it) out += " via " + *it;
  return out;
}

std::string outlet_of(const Brief& b, const std::string& doc_id) {
  for (const auto& s : b.sources)
    if (s.doc_id == doc_id) return s.outlet.empty() ? s.path : s.outlet;
  return "";
}

// The sentence with the evidence span cut out for highlighting; false when
// the span is not inside the sentence.
bool split_sentence(const std::string& sentence, const Evidence& e, std::string_view* before,
                    std::string_view* mark, std::string_view* after) {
  if (e.span.begin < e.sentence.begin || e.span.end > e.sentence.end ||
      e.sentence.size() != sentence.size())
    return false;
  std::string_view s(sentence);
  size_t b = e.span.begin - e.sentence.begin;
  *before = s.substr(0, b);
  *mark = s.substr(b, e.span.size());
  *after = s.substr(b + e.span.size());
  return true;
}

nlohmann::json evidence_json(const Evidence& e, const std::string& sentence) {
  nlohmann::json j = {{"doc", e.doc_id},
                      {"start", e.span.begin},
                      {"end", e.span.end},
                      {"input_start", e.input_begin},
                      {"input_end", e.input_end},
                      {"quote", e.quote},
                      {"sentence_start", e.sentence.begin},
                      {"sentence_end", e.sentence.end}};
  j["sentence"] = sentence.empty() ? nlohmann::json(nullptr) : nlohmann::json(sentence);
  return j;
}

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// A bound for reading: whole numbers with thousands separators ("6,000"),
// others with up to six significant digits ("2.5", "0.333333").
std::string number_text(double v) {
  char buf[64];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof buf, "%.0f", std::fabs(v));
    std::string digits = buf, out = v < 0 ? "-" : "";
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return out;
  }
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// The bounds a report gives its figure, as written: "over 6,000" -> "≥ 6,000",
// "nearly 3,000" -> "≤ 3,000, approx.", "about 500" -> "≈ 500",
// "3,000 to 4,000" -> "3,000–4,000".
std::string bounds_text(const FactReport& r) {
  std::string out;
  if (r.low && r.high && *r.low == *r.high)
    out = (r.approx ? "≈ " : "= ") + number_text(*r.low);
  else if (r.low && r.high)
    out = number_text(*r.low) + "–" + number_text(*r.high);
  else if (r.low)
    out = "≥ " + number_text(*r.low);
  else if (r.high)
    out = "≤ " + number_text(*r.high);
  else
    out = "= " + number_text(r.value);
  if (r.approx && !(r.low && r.high && *r.low == *r.high)) out += ", approx.";
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_markdown(const Brief& brief) {
  std::string out = "# " + (brief.title.empty() ? std::string("Brief") : md_escape(brief.title)) + "\n\n";

  out += "## Key figures\n\n";
  if (brief.facts.empty()) out += "No figures found.\n";
  for (const auto& f : brief.facts) {
    out += "- **" + md_escape(f.what) + "**";
    if (!f.actor.empty()) out += " — " + md_escape(f.actor);
    out += " — " + std::string(fact_status_name(f.status));
    out += " (" + std::to_string(f.primary_sources) + " independent source" +
           (f.primary_sources == 1 ? "" : "s") + ")";
    if (!f.note.empty()) out += ": " + md_escape(f.note);
    out += "\n";
    for (const auto& r : f.reports) {
      out += "  - \"" + md_escape(r.as_written) + "\" (" + bounds_text(r) + ") in " +
             short_id(r.doc_id) + " (" + md_escape(outlet_of(brief, r.doc_id)) + ")";
      if (!r.attributed_to.empty()) out += ", according to " + md_escape(chain(r.attributed_to, r.via));
      if (r.modality != "asserted") out += ", " + r.modality;
      if (!r.time.empty()) out += ", time " + r.time + " (\"" + md_escape(r.time_as_written) + "\")";
      if (!r.copy_of.empty()) out += ", copy of " + short_id(r.copy_of);
      out += " " + cite(r.evidence) + "\n";
    }
  }

  out += "\n## Timeline\n\n";
  if (brief.events.empty()) out += "No dated events found.\n";
  for (const auto& e : brief.events) {
    out += "- **" + e.time + "** (" + e.precision + (e.planned ? ", planned" : "") + ") " +
           md_escape(e.what);
    if (!e.actor.empty()) out += " — " + md_escape(e.actor);
    out += "\n";
    for (const auto& r : e.reports) {
      out += "  - " + short_id(r.doc_id) + " (" + md_escape(outlet_of(brief, r.doc_id)) + ")";
      if (!r.attributed_to.empty()) out += ", according to " + md_escape(chain(r.attributed_to, r.via));
      if (r.modality != "asserted") out += ", " + r.modality;
      if (!r.time_as_written.empty()) out += ", \"" + md_escape(r.time_as_written) + "\"";
      else out += ", undated";
      if (!r.copy_of.empty()) out += ", copy of " + short_id(r.copy_of);
      out += " " + cite(r.evidence) + "\n";
    }
  }

  out += "\n## Sources\n\n";
  for (const auto& s : brief.sources) {
    out += "- " + short_id(s.doc_id) + " — " + md_escape(s.outlet.empty() ? s.path : s.outlet);
    if (!s.published.empty()) out += ", " + s.published;
    if (!s.title.empty()) out += ", \"" + md_escape(s.title) + "\"";
    if (!s.copy_of.empty()) out += ", copy of " + short_id(s.copy_of);
    if (!s.primary_sources.empty()) {
      out += "; cites ";
      for (size_t i = 0; i < s.primary_sources.size(); ++i)
        out += (i ? ", " : "") + md_escape(s.primary_sources[i]);
    }
    out += "\n";
  }

  if (!brief.inconsistencies.empty()) {
    out += "\n## Inconsistencies\n\n";
    for (const auto& inc : brief.inconsistencies) {
      out += "- " + short_id(inc.doc_id) + ": " + md_escape(inc.what);
      for (const auto& e : inc.evidence) out += " " + cite(e);
      out += "\n";
    }
  }

  if (!brief.removed.empty()) {
    out += "\n## Removed non-body text\n\n";
    for (const auto& r : brief.removed)
      out += "- " + short_id(r.doc_id) + ": \"" + md_escape(r.removed.text) + "\" — " +
             md_escape(r.removed.reason) + " [input " + std::to_string(r.removed.original_begin) + "-" +
             std::to_string(r.removed.original_end) + "]\n";
  }

  if (!brief.entities.empty()) {
    out += "\n## Entities\n\n";
    for (const auto& e : brief.entities) {
      out += "- " + md_escape(e.name) + " (" + e.type + ")";
      if (!e.aliases.empty()) {
        out += ": also ";
        for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + md_escape(e.aliases[i]);
      }
      out += "; " + std::to_string(e.mentions) + " mentions in " + std::to_string(e.documents) +
             " report" + (e.documents == 1 ? "" : "s") + "\n";
    }
  }
  return out;
}

std::string render_html(const Brief& brief, const std::vector<Document>& docs) {
  std::unordered_map<std::string, const Document*> by_id;
  for (const auto& d : docs) by_id[d.id] = &d;
  auto sentence_of = [&](const Evidence& e) -> std::string {
    auto it = by_id.find(e.doc_id);
    if (it == by_id.end() || e.sentence.end > it->second->text.size()) return {};
    return std::string((*it->second)[e.sentence]);
  };
  // A citation that shows its sentence, the span marked, on hover or focus.
  auto evidence = [&](const Evidence& e, const std::string& sentence) {
    std::string s = sentence.empty() ? sentence_of(e) : sentence;
    std::string out = "<span class=ev tabindex=0>" + html_escape(short_id(e.doc_id)) + "<span class=pop>";
    std::string_view before, mark, after;
    if (split_sentence(s, e, &before, &mark, &after))
      out += html_escape(before) + "<mark>" + html_escape(mark) + "</mark>" + html_escape(after);
    else
      out += "<mark>" + html_escape(e.quote) + "</mark>";
    out += "<br><small>bytes " + std::to_string(e.input_begin) + "-" + std::to_string(e.input_end) +
           " of the input</small></span></span>";
    return out;
  };

  std::string out =
      "<!doctype html>\n<html lang=en><meta charset=utf-8>\n<title>" +
      html_escape(brief.title.empty() ? "crosscheck brief" : brief.title) +
      "</title>\n<style>\n"
      "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\n"
      ".ev{position:relative;cursor:pointer;border-bottom:1px dotted #666;font-family:monospace;margin-left:.3em}\n"
      ".ev .pop{display:none;position:absolute;left:0;top:1.4em;z-index:1;width:32rem;padding:.5rem;"
      "background:#fffbe6;border:1px solid #caa;font-family:system-ui,sans-serif}\n"
      ".ev:hover .pop,.ev:focus .pop{display:block}\nmark{background:#ffd54f}\n"
      ".disputed{color:#b00020}.updated{color:#8a5a00}.agreed{color:#1b5e20}.single-source{color:#555}\n"
      ".planned{font-style:italic}\n</style>\n<h1>" +
      html_escape(brief.title.empty() ? "Brief" : brief.title) + "</h1>\n";

  out += "<h2>Key figures</h2>\n<ul>\n";
  for (const auto& f : brief.facts) {
    const char* status = fact_status_name(f.status);
    out += "<li id=\"" + html_escape(f.id) + "\"><b>" + html_escape(f.what) + "</b>";
    if (!f.actor.empty()) out += " — " + html_escape(f.actor);
    out += " — <span class=" + std::string(status) + ">" + status + "</span> (" +
           std::to_string(f.primary_sources) + " independent)";
    if (!f.note.empty()) out += ": " + html_escape(f.note);
    out += "\n<ul>\n";
    for (const auto& r : f.reports) {
      out += "<li>“" + html_escape(r.as_written) + "” (" + html_escape(bounds_text(r)) + ") — " +
             html_escape(outlet_of(brief, r.doc_id));
      if (!r.attributed_to.empty()) out += ", according to " + html_escape(chain(r.attributed_to, r.via));
      if (r.modality != "asserted") out += ", " + html_escape(r.modality);
      if (!r.time.empty()) out += ", time " + html_escape(r.time);
      if (!r.copy_of.empty()) out += ", copy of " + html_escape(short_id(r.copy_of));
      out += evidence(r.evidence, r.sentence_text) + "\n";
    }
    out += "</ul>\n";
  }
  out += "</ul>\n<h2>Timeline</h2>\n<ol>\n";
  for (const auto& e : brief.events) {
    out += std::string("<li") + (e.planned ? " class=planned" : "") + " id=\"" + html_escape(e.id) + "\"><b>" +
           html_escape(e.time) + "</b> (" + html_escape(e.precision) + (e.planned ? ", planned" : "") + ") " +
           html_escape(e.what);
    for (const auto& r : e.reports) {
      if (!r.attributed_to.empty()) out += " — according to " + html_escape(chain(r.attributed_to, r.via));
      out += evidence(r.evidence, r.sentence_text);
    }
    out += "\n";
  }
  out += "</ol>\n<h2>Sources</h2>\n<ul>\n";
  for (const auto& s : brief.sources) {
    out += "<li><code>" + html_escape(short_id(s.doc_id)) + "</code> " +
           html_escape(s.outlet.empty() ? s.path : s.outlet);
    if (!s.published.empty()) out += ", " + html_escape(s.published);
    if (!s.title.empty()) out += ", “" + html_escape(s.title) + "”";
    if (!s.copy_of.empty()) out += ", copy of <code>" + html_escape(short_id(s.copy_of)) + "</code>";
    if (!s.primary_sources.empty()) {
      out += "; cites ";
      for (size_t i = 0; i < s.primary_sources.size(); ++i)
        out += (i ? ", " : "") + html_escape(s.primary_sources[i]);
    }
    out += "\n";
  }
  out += "</ul>\n";
  if (!brief.inconsistencies.empty()) {
    out += "<h2>Inconsistencies</h2>\n<ul>\n";
    for (const auto& inc : brief.inconsistencies) {
      out += "<li>" + html_escape(inc.what);
      for (const auto& e : inc.evidence) out += evidence(e, "");
      out += "\n";
    }
    out += "</ul>\n";
  }
  if (!brief.removed.empty()) {
    out += "<h2>Removed non-body text</h2>\n<ul>\n";
    for (const auto& r : brief.removed)
      out += "<li><code>" + html_escape(short_id(r.doc_id)) + "</code> “" + html_escape(r.removed.text) +
             "” — " + html_escape(r.removed.reason) + "\n";
    out += "</ul>\n";
  }
  if (!brief.entities.empty()) {
    out += "<h2>Entities</h2>\n<ul>\n";
    for (const auto& e : brief.entities) {
      out += "<li>" + html_escape(e.name) + " (" + html_escape(e.type) + ")";
      if (!e.aliases.empty()) {
        out += ": also ";
        for (size_t i = 0; i < e.aliases.size(); ++i) out += (i ? ", " : "") + html_escape(e.aliases[i]);
      }
      out += "; " + std::to_string(e.mentions) + " mentions\n";
    }
    out += "</ul>\n";
  }
  return out + "</html>\n";
}

nlohmann::json brief_to_json(const Brief& brief) {
  using nlohmann::json;
  json j;
  j["title"] = brief.title;
  j["documents"] = json::array();
  for (const auto& s : brief.sources)
    j["documents"].push_back({{"id", s.doc_id},
                              {"path", s.path},
                              {"outlet", s.outlet},
                              {"title", s.title},
                              {"published", s.published},
                              {"primary_sources", s.primary_sources},
                              {"copy_of", s.copy_of.empty() ? json(nullptr) : json(s.copy_of)}});
  j["facts"] = json::array();
  for (const auto& f : brief.facts) {
    json reports = json::array();
    for (const auto& r : f.reports)
      reports.push_back({{"doc", r.doc_id},
                         {"value", r.value},
                         {"low", optional_number(r.low)},
                         {"high", optional_number(r.high)},
                         {"approx", r.approx},
                         {"hedge", r.hedge},
                         {"text", r.as_written},
                         {"attributed_to", r.attributed_to.empty() ? json(nullptr) : json(r.attributed_to)},
                         {"via", r.via},
                         {"modality", r.modality},
                         {"time", r.time.empty() ? json(nullptr) : json(r.time)},
                         {"time_text", r.time_as_written},
                         {"is_delta", r.is_delta},
                         {"part_of", optional_number(r.part_of)},
                         {"copy_of", r.copy_of.empty() ? json(nullptr) : json(r.copy_of)},
                         {"alignment", {{"reason", r.alignment}, {"score", r.alignment_score}}},
                         {"evidence", evidence_json(r.evidence, r.sentence_text)}});
    j["facts"].push_back({{"id", f.id},
                          {"what", f.what},
                          {"predicate", f.predicate},
                          {"counted_class", f.counted_class},
                          {"actor", f.actor},
                          {"unit", f.unit},
                          {"is_delta", f.is_delta},
                          {"status", fact_status_name(f.status)},
                          {"note", f.note},
                          {"primary_sources", f.primary_sources},
                          {"reports", std::move(reports)}});
  }
  j["events"] = json::array();
  for (const auto& e : brief.events) {
    json reports = json::array();
    for (const auto& r : e.reports)
      reports.push_back({{"doc", r.doc_id},
                         {"attributed_to", r.attributed_to.empty() ? json(nullptr) : json(r.attributed_to)},
                         {"via", r.via},
                         {"modality", r.modality},
                         {"time", r.time.empty() ? json(nullptr) : json(r.time)},
                         {"time_text", r.time_as_written},
                         {"copy_of", r.copy_of.empty() ? json(nullptr) : json(r.copy_of)},
                         {"evidence", evidence_json(r.evidence, r.sentence_text)}});
    j["events"].push_back({{"id", e.id},
                           {"what", e.what},
                           {"predicate", e.predicate},
                           {"actor", e.actor},
                           {"time", e.time},
                           {"precision", e.precision},
                           {"planned", e.planned},
                           {"reports", std::move(reports)}});
  }
  j["inconsistencies"] = json::array();
  for (const auto& inc : brief.inconsistencies) {
    json ev = json::array();
    for (const auto& e : inc.evidence) ev.push_back(evidence_json(e, ""));
    j["inconsistencies"].push_back({{"doc", inc.doc_id}, {"what", inc.what}, {"evidence", std::move(ev)}});
  }
  j["removed"] = json::array();
  for (const auto& r : brief.removed)
    j["removed"].push_back({{"doc", r.doc_id},
                            {"text", r.removed.text},
                            {"rule", r.removed.rule},
                            {"reason", r.removed.reason},
                            {"input_start", r.removed.original_begin},
                            {"input_end", r.removed.original_end}});
  j["entities"] = json::array();
  for (const auto& e : brief.entities)
    j["entities"].push_back({{"name", e.name},
                             {"type", e.type},
                             {"aliases", e.aliases},
                             {"mentions", e.mentions},
                             {"documents", e.documents}});
  return j;
}

}  // namespace cc
