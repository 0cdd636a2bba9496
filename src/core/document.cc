#include "core/document.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <xxhash.h>

namespace cc {

std::string content_hash(std::string_view bytes) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return buf;
}

void Document::assign_id() { id = content_hash(text); }

std::vector<SentenceWindow> sentence_windows(const Document& doc, uint32_t max_tokens) {
  std::vector<SentenceWindow> out;
  for (const auto& s : doc.sentences) {
    uint32_t first = s.value.first_token, end = s.value.end_token;
    if (end <= first || end > doc.tokens.size()) continue;
    for (uint32_t b = first; b < end; b += max_tokens) {
      uint32_t e = std::min<uint32_t>(end, b + max_tokens);
      out.push_back({b, e,
                     Span{b == first ? s.span.begin : doc.tokens[b].span.begin,
                          e == end ? s.span.end : doc.tokens[e - 1].span.end}});
    }
  }
  return out;
}

uint32_t dateline_end(const Document& doc, uint32_t first, uint32_t end) {
  constexpr uint32_t kMaxTokens = 10;
  bool marked = false, open = false, comma = false;
  for (uint32_t t = first; t < end && t < first + kMaxTokens && t < doc.tokens.size(); ++t) {
    const Token& tok = doc.tokens[t].value;
    std::string_view w = doc[doc.tokens[t].span];
    if (tok.kind == TokenKind::word) {
      // "BRENNA, Halden province — ": after a place in capitals and a comma,
      // a region's common noun may follow ("NATO allies — " is no dateline).
      if (!tok.capitalized && !(doc.tokens[first].value.all_caps && comma)) return first;
      marked = marked || tok.all_caps;
    } else if (w == "," && t > first) {
      marked = comma = true;
    } else if (w == "(" || w == ")") {
      open = w == "(";
    } else if ((w == "\u2014" || w == "\u2013" || w == "-" || w == "--") && !open) {
      return marked && t > first && t + 1 < end ? t + 1 : first;
    } else {
      return first;
    }
  }
  return first;
}

namespace {

nlohmann::json span_json(const Document& doc, Span s) {
  return {{"start", s.begin},
          {"end", s.end},
          {"input_start", doc.offsets.to_original(s.begin)},
          {"input_end", doc.offsets.to_original(s.end)},
          {"text", doc[s]}};
}

template <class T>
nlohmann::json layer_json(const Document& doc, const Layer<T>& layer) {
  auto arr = nlohmann::json::array();
  for (const auto& item : layer) {
    nlohmann::json j = span_json(doc, item.span);
    nlohmann::json payload = item.value;
    if (payload.is_object()) j.update(payload);
    arr.push_back(std::move(j));
  }
  return arr;
}

}  // namespace

nlohmann::json to_json(const Document& doc) {
  nlohmann::json removed = nlohmann::json::array();
  for (const auto& r : doc.removed)
    removed.push_back({{"input_start", r.original_begin},
                       {"input_end", r.original_end},
                       {"text", r.text},
                       {"rule", r.rule},
                       {"reason", r.reason}});
  // Spans inside payloads (cue, source, counted phrase) are written by the
  // payload's to_json as normalized offsets; the layer span gets both kinds.
  return {{"id", doc.id},
          {"path", doc.path},
          {"source", doc.source},
          {"url", doc.url},
          {"title", doc.title},
          {"language", doc.language},
          {"published", doc.published.iso()},
          {"published_precision", precision_name(doc.published.precision)},
          {"published_estimate", doc.published_estimate.iso()},
          {"published_confidence", doc.published_confidence},
          {"encoding", doc.encoding},
          {"replaced_bytes", doc.replaced_bytes},
          {"text", doc.text},
          {"removed", removed},
          {"layers",
           {{"sentences", layer_json(doc, doc.sentences)},
            {"tokens", layer_json(doc, doc.tokens)},
            {"times", layer_json(doc, doc.times)},
            {"quantities", layer_json(doc, doc.quantities)},
            {"entities", layer_json(doc, doc.entities)},
            {"attributions", layer_json(doc, doc.attributions)},
            {"modalities", layer_json(doc, doc.modalities)}}}};
}

}  // namespace cc
