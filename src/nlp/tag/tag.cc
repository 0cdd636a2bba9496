#include "nlp/tag/tag.h"

#include <string>
#include <string_view>

#include "nlp/tag/tagger.h"

namespace cc {

namespace {

class Tagger : public Component {
 public:
  Tagger(PosTagger pos, Chunker chunker) : pos_(std::move(pos)), chunker_(std::move(chunker)) {}
  const char* name() const override { return "tag"; }
  void process(Document& doc) const override;

 private:
  PosTagger pos_;
  Chunker chunker_;
};

// The corpora write every quote mark with one tag; the text tells opening
// from closing: a typographic mark by its shape, a straight one by its
// spacing (an opening mark follows a space and touches the next word).
PosTag quote_tag(const Document& doc, uint32_t i, uint32_t sentence_end) {
  std::string_view w = doc[doc.tokens[i].span];
  if (w == "\xE2\x80\x9C" || w == "\xE2\x80\x98" || w == "``") return PosTag::open_quote;
  if (w == "\xE2\x80\x9D" || w == "\xE2\x80\x99" || w == "''") return PosTag::close_quote;
  bool space_before = doc.tokens[i].value.space_before;
  bool touches_next = i + 1 < sentence_end && !doc.tokens[i + 1].value.space_before;
  return space_before && touches_next ? PosTag::open_quote : PosTag::close_quote;
}

void Tagger::process(Document& doc) const {
  if (doc.tokens.empty()) return;
  TagInput input;
  input.words.reserve(doc.tokens.size());
  for (const auto& t : doc.tokens) input.words.push_back(doc[t.span]);
  for (const auto& s : doc.sentences)
    input.sentences.emplace_back(s.value.first_token, s.value.end_token);
  if (input.sentences.empty())
    input.sentences.emplace_back(0, static_cast<uint32_t>(doc.tokens.size()));
  // Buffers kept per thread, so tagging document after document does not
  // allocate; they hold no state from one document to the next.
  thread_local TagScratch scratch;
  thread_local std::vector<uint8_t> pos, chunks;
  pos_.tag(input, scratch, pos);
  chunker_.tag(input, pos, scratch, chunks);
  for (auto [b, e] : input.sentences) {
    for (uint32_t i = b; i < e; ++i) {
      Token& t = doc.tokens[i].value;
      t.pos = pos_of_class(pos[i]);
      if (t.pos == PosTag::close_quote) t.pos = quote_tag(doc, i, e);
      t.chunk = chunk_type_of_class(chunks[i]);
      t.chunk_begin = chunk_class_begins(chunks[i]);
    }
  }
}

}  // namespace

Result<std::unique_ptr<Component>> make_tagger(const Resources& resources) {
  std::string dir = resources.data_dir + "/tag/";
  auto pos = PosTagger::load(dir + "pos.model", dir + "pos_dict.tsv");
  if (!pos.ok()) return pos.status();
  auto chunker = Chunker::load(dir + "chunk.model");
  if (!chunker.ok()) return chunker.status();
  return std::unique_ptr<Component>(new Tagger(std::move(pos.value()), std::move(chunker.value())));
}

Chunk chunk_at(const Document& doc, uint32_t i) {
  const auto& toks = doc.tokens;
  if (i >= toks.size()) return {};
  ChunkType type = toks[i].value.chunk;
  if (type == ChunkType::none) return {i, i + 1, type};
  uint32_t first = i;
  while (!toks[first].value.chunk_begin && first > 0 && toks[first - 1].value.chunk == type)
    --first;
  uint32_t end = i + 1;
  while (end < toks.size() && toks[end].value.chunk == type && !toks[end].value.chunk_begin) ++end;
  return {first, end, type};
}

std::vector<Chunk> chunks_in(const Document& doc, uint32_t first, uint32_t end) {
  std::vector<Chunk> out;
  if (end > doc.tokens.size()) end = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = first; i < end;) {
    Chunk c = chunk_at(doc, i);
    if (c.type != ChunkType::none) {
      if (c.first < first) c.first = first;
      if (c.end > end) c.end = end;
      out.push_back(c);
    }
    i = c.end;
  }
  return out;
}

uint32_t head_noun(const Document& doc, const Chunk& np) {
  if (np.empty()) return np.first;
  uint32_t fallback = np.end;
  for (uint32_t i = np.end; i-- > np.first;) {
    PosTag t = doc.tokens[i].value.pos;
    if (is_noun(t)) return i;
    if (fallback == np.end && (t == PosTag::CD || t == PosTag::PRP)) fallback = i;
  }
  return fallback != np.end ? fallback : np.end - 1;
}

uint32_t main_verb(const Document& doc, const Chunk& vp) {
  if (vp.empty()) return vp.first;
  uint32_t modal = vp.end;
  for (uint32_t i = vp.end; i-- > vp.first;) {
    PosTag t = doc.tokens[i].value.pos;
    if (is_verb(t)) return i;
    if (modal == vp.end && is_modal(t)) modal = i;
  }
  return modal != vp.end ? modal : vp.end - 1;
}

}  // namespace cc
