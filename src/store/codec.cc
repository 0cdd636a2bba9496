#include "store/codec.h"

namespace cc {

namespace {

// Reads [begin, end] or null (the empty span) as the payload writers emit.
Span read_span(const nlohmann::json& j) {
  if (j.is_null()) return {};
  return {j.at(0).get<uint32_t>(), j.at(1).get<uint32_t>()};
}

std::optional<double> read_optional(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<double>();
}

// The enum value whose name() is `name`; `fallback` when none is.
template <class E, class NameFn>
E read_enum(const std::string& name, NameFn name_of, std::initializer_list<E> values, E fallback) {
  for (E v : values)
    if (name == name_of(v)) return v;
  return fallback;
}

template <class T>
nlohmann::json encode_layer(const Layer<T>& layer) {
  auto arr = nlohmann::json::array();
  for (const auto& item : layer) arr.push_back({item.span.begin, item.span.end, item.value});
  return arr;
}

template <class T>
Status decode_layer(const nlohmann::json& j, const char* name, Layer<T>& layer) {
  layer.clear();
  auto it = j.find(name);
  if (it == j.end()) return Status();
  size_t i = 0;
  for (const auto& item : *it) {
    T value;
    try {
      decode_payload(item.at(2), value);
      layer.add({item.at(0).get<uint32_t>(), item.at(1).get<uint32_t>()}, std::move(value));
    } catch (const nlohmann::json::exception& e) {
      return Status::error(std::string(name) + " item " + std::to_string(i) + ": " + e.what());
    }
    ++i;
  }
  layer.sort();
  return Status();
}

constexpr unsigned kCapitalized = 1, kAllCaps = 2, kSpaceBefore = 4;  // token flag bits

}  // namespace

void decode_payload(const nlohmann::json& j, Timex& out) {
  out.type = read_enum(j.at("type").get<std::string>(), timex_type_name,
                       {TimexType::date, TimexType::time, TimexType::duration, TimexType::set},
                       TimexType::date);
  out.value = j.value("value", "");
  out.mod = j.value("mod", "");
  out.anchor = j.value("anchor", "");
  out.note = j.value("note", "");
}

void decode_payload(const nlohmann::json& j, Quantity& out) {
  out.kind = read_enum(
      j.value("kind", "count"), quantity_kind_name,
      {QuantityKind::count, QuantityKind::measure, QuantityKind::money, QuantityKind::percent,
       QuantityKind::ordinal, QuantityKind::calibre, QuantityKind::model, QuantityKind::age,
       QuantityKind::multiple},
      QuantityKind::count);
  out.value = j.at("value").get<double>();
  out.low = read_optional(j.value("low", nlohmann::json()));
  out.high = read_optional(j.value("high", nlohmann::json()));
  out.approx = j.value("approx", false);
  out.hedge = j.value("hedge", "");
  out.unit = j.value("unit", "");
  out.counted = j.value("counted", "");
  out.counted_class = j.value("counted_class", "");
  out.counted_span = read_span(j.value("counted_span", nlohmann::json()));
  out.modifiers = j.value("modifiers", std::vector<std::string>{});
  out.is_delta = j.value("is_delta", false);
  out.part_of = read_optional(j.value("part_of", nlohmann::json()));
}

void decode_payload(const nlohmann::json& j, EntityMention& out) {
  out.type = read_enum(j.at("type").get<std::string>(), entity_type_name,
                       {EntityType::person, EntityType::organization, EntityType::location,
                        EntityType::nationality, EntityType::misc},
                       EntityType::misc);
  out.canonical = j.value("canonical", "");
  out.confidence = j.value("confidence", 1.0);
  out.metonym = j.value("metonym", false);
}

void decode_payload(const nlohmann::json& j, Attribution& out) {
  out.cue = read_span(j.value("cue", nlohmann::json()));
  out.source = read_span(j.value("source", nlohmann::json()));
  out.cue_lemma = j.value("cue_lemma", "");
  out.source_name = j.value("source_name", "");
  out.via = j.value("via", std::vector<std::string>{});
  out.affiliation = j.value("affiliation", "");
  out.primary_key = j.value("primary_key", "");
}

void decode_payload(const nlohmann::json& j, Modality& out) {
  out.kind = read_enum(j.at("kind").get<std::string>(), modality_name,
                       {ModalityKind::asserted, ModalityKind::hedged, ModalityKind::planned,
                        ModalityKind::conditional, ModalityKind::negated, ModalityKind::question},
                       ModalityKind::asserted);
  out.trigger = read_span(j.value("trigger", nlohmann::json()));
}

nlohmann::json encode_layers(const Document& doc) {
  auto sentences = nlohmann::json::array();
  for (const auto& s : doc.sentences)
    sentences.push_back({s.span.begin, s.span.end, s.value.first_token, s.value.end_token});
  auto tokens = nlohmann::json::array();
  for (const auto& t : doc.tokens) {
    unsigned flags = (t.value.capitalized ? kCapitalized : 0u) |
                     (t.value.all_caps ? kAllCaps : 0u) |
                     (t.value.space_before ? kSpaceBefore : 0u);
    auto token = nlohmann::json::array(
        {t.span.begin, t.span.end, static_cast<int>(t.value.kind), flags});
    // Tags once nlp/tag ran: the POS tag and the chunk as type * 2 - begin
    // (0 outside any phrase).
    if (t.value.pos != PosTag::none) {
      int type = static_cast<int>(t.value.chunk);
      token.push_back(static_cast<int>(t.value.pos));
      token.push_back(type == 0 ? 0 : type * 2 - (t.value.chunk_begin ? 1 : 0));
    }
    tokens.push_back(std::move(token));
  }
  return {
      {"sentences", std::move(sentences)},         {"tokens", std::move(tokens)},
      {"times", encode_layer(doc.times)},          {"quantities", encode_layer(doc.quantities)},
      {"entities", encode_layer(doc.entities)},    {"attributions", encode_layer(doc.attributions)},
      {"modalities", encode_layer(doc.modalities)}};
}

Status decode_layers(const nlohmann::json& j, Document& doc) {
  try {
    doc.sentences.clear();
    for (const auto& s : j.value("sentences", nlohmann::json::array()))
      doc.sentences.add({s.at(0).get<uint32_t>(), s.at(1).get<uint32_t>()},
                        Sentence{s.at(2).get<uint32_t>(), s.at(3).get<uint32_t>()});
    doc.tokens.clear();
    for (const auto& t : j.value("tokens", nlohmann::json::array())) {
      int kind = t.at(2).get<int>();
      if (kind < 0 || kind > static_cast<int>(TokenKind::symbol))
        return Status::error("tokens: unknown kind " + std::to_string(kind));
      unsigned flags = t.at(3).get<unsigned>();
      Token token{static_cast<TokenKind>(kind), (flags & kCapitalized) != 0,
                  (flags & kAllCaps) != 0, (flags & kSpaceBefore) != 0};
      // Ledgers written before nlp/tag existed have no tags.
      if (t.size() >= 6) {
        int pos = t.at(4).get<int>(), chunk = t.at(5).get<int>();
        if (pos < 0 || pos >= kNumPosTags)
          return Status::error("tokens: unknown part-of-speech tag " + std::to_string(pos));
        if (chunk < 0 || chunk >= 2 * kNumChunkTypes - 1)
          return Status::error("tokens: unknown chunk tag " + std::to_string(chunk));
        token.pos = static_cast<PosTag>(pos);
        token.chunk = static_cast<ChunkType>((chunk + 1) / 2);
        token.chunk_begin = chunk % 2 == 1;
      }
      doc.tokens.add({t.at(0).get<uint32_t>(), t.at(1).get<uint32_t>()}, token);
    }
    doc.sentences.sort();
    doc.tokens.sort();
    for (Status st :
         {decode_layer(j, "times", doc.times), decode_layer(j, "quantities", doc.quantities),
          decode_layer(j, "entities", doc.entities),
          decode_layer(j, "attributions", doc.attributions),
          decode_layer(j, "modalities", doc.modalities)})
      if (!st.ok()) return st;
  } catch (const nlohmann::json::exception& e) {
    return Status::error(std::string("unreadable layers: ") + e.what());
  }
  // Spans must lie inside the text (a damaged ledger must not crash readers).
  auto inside = [&](auto& layer) {
    for (const auto& item : layer)
      if (item.span.end > doc.text.size() || item.span.begin > item.span.end) return false;
    return true;
  };
  if (!inside(doc.sentences) || !inside(doc.tokens) || !inside(doc.times) ||
      !inside(doc.quantities) || !inside(doc.entities) || !inside(doc.attributions) ||
      !inside(doc.modalities))
    return Status::error("a stored span lies outside the text");
  return Status();
}

nlohmann::json encode_offsets(const OffsetMap& map) {
  auto arr = nlohmann::json::array();
  for (const auto& p : map.points()) arr.push_back({p.norm, p.orig});
  return arr;
}

Status decode_offsets(const nlohmann::json& j, OffsetMap& map) {
  map.clear();
  try {
    uint32_t last = 0;
    for (const auto& p : j) {
      uint32_t norm = p.at(0).get<uint32_t>();
      if (norm < last) return Status::error("offset map out of order");
      last = norm;
      map.map(norm, p.at(1).get<uint64_t>());
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::error(std::string("unreadable offset map: ") + e.what());
  }
  return Status();
}

}  // namespace cc
