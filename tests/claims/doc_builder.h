// Documents with hand-built layers, for testing the claims and report stages
// on exactly the annotations the nlp components promise (the layer contract),
// independent of how well those components do today.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/document.h"
#include "nlp/tokenize.h"

namespace cc::testing {

class DocBuilder {
 public:
  DocBuilder(std::string text, std::string published, std::string source = "") {
    doc_.text = std::move(text);
    doc_.assign_id();
    doc_.path = "mem:" + doc_.id.substr(0, 6);
    doc_.source = std::move(source);
    if (auto p = PartialDate::parse(published)) doc_.published = *p;
    doc_.offsets.map(0, 0);
    Tokenizer().process(doc_);
  }

  // The `nth` occurrence of `needle` in the text.
  Span find(const std::string& needle, int nth = 0) const {
    size_t at = doc_.text.find(needle);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = doc_.text.find(needle, at + 1);
    EXPECT_NE(at, std::string::npos) << "'" << needle << "' not in test text";
    if (at == std::string::npos) return {};
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
  }

  // A count of `counted` (lemma, class) written as `as_written`.
  DocBuilder& quantity(const std::string& as_written, double value, const std::string& counted,
                       const std::string& counted_text, Quantity extra = {}) {
    extra.value = value;
    extra.counted = counted;
    if (extra.counted_class.empty()) extra.counted_class = counted;
    if (!counted_text.empty()) extra.counted_span = find(counted_text);
    doc_.quantities.add(find(as_written), extra);
    return *this;
  }
  DocBuilder& time(const std::string& as_written, const std::string& value,
                   const std::string& anchor = "absolute") {
    doc_.times.add(find(as_written), Timex{TimexType::date, value, "", anchor, ""});
    return *this;
  }
  DocBuilder& entity(const std::string& as_written, EntityType type, std::string canonical = "",
                     int nth = 0) {
    if (canonical.empty()) canonical = as_written;
    doc_.entities.add(find(as_written, nth), EntityMention{type, canonical, 1.0});
    return *this;
  }
  DocBuilder& attribution(const std::string& content, const std::string& source,
                          const std::string& source_name, std::vector<std::string> via = {},
                          const std::string& cue = "") {
    Attribution a;
    a.source = find(source);
    if (!cue.empty()) a.cue = find(cue);
    a.source_name = source_name;
    a.cue_lemma = "say";
    a.via = std::move(via);
    doc_.attributions.add(find(content), a);
    return *this;
  }
  DocBuilder& modality(const std::string& clause, ModalityKind kind) {
    doc_.modalities.add(find(clause), Modality{kind, {}});
    return *this;
  }
  DocBuilder& removed(const std::string& line, const std::string& rule) {
    doc_.removed.push_back({0, line.size(), line, rule, "not article body"});
    return *this;
  }

  Document build() {
    doc_.times.sort();
    doc_.quantities.sort();
    doc_.entities.sort();
    doc_.attributions.sort();
    doc_.modalities.sort();
    return doc_;
  }

 private:
  Document doc_;
};

inline Quantity bounds(std::optional<double> low, std::optional<double> high, bool approx = false,
                       std::vector<std::string> modifiers = {}, bool is_delta = false) {
  // Pass is_delta with a delta modifier ("additional", "more"), as the quantity layer sets it.
  Quantity q;
  q.low = low;
  q.high = high;
  q.approx = approx;
  q.modifiers = std::move(modifiers);
  q.is_delta = is_delta;
  return q;
}

}  // namespace cc::testing
