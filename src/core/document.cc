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
