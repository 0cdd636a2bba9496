// The tag component: a Penn Treebank part-of-speech tag and a base-phrase
// chunk (IOB2 over NP, VP, PP, ADJP, ADVP, SBAR, PRT, CONJP, INTJ, LST) on
// every token, written into Token::pos, Token::chunk and Token::chunk_begin.
// It runs right after tokenize, so every later component can read the tags;
// the helpers below are what they need most. See docs/tag.md.
//
// Contract: loads data/tag/pos.model, pos_dict.tsv and chunk.model (trained by
// bench/tag/train_tag.cc) in its factory; process() writes only the tag
// fields of doc.tokens, tags each sentence on its own, and costs a fixed
// number of hash probes per token.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/document.h"
#include "nlp/pipeline.h"

namespace cc {

Result<std::unique_ptr<Component>> make_tagger(const Resources& resources);

// Tag classes.
inline bool is_verb(PosTag t) { return t >= PosTag::VB && t <= PosTag::VBZ; }  // not MD
inline bool is_modal(PosTag t) { return t == PosTag::MD; }
inline bool is_noun(PosTag t) { return t >= PosTag::NN && t <= PosTag::NNPS; }
inline bool is_proper_noun(PosTag t) { return t == PosTag::NNP || t == PosTag::NNPS; }
inline bool is_adjective(PosTag t) { return t >= PosTag::JJ && t <= PosTag::JJS; }
inline bool is_adverb(PosTag t) { return t >= PosTag::RB && t <= PosTag::RBS; }
inline bool is_pronoun(PosTag t) {
  return t == PosTag::PRP || t == PosTag::PRPS || t == PosTag::WP || t == PosTag::WPS;
}
// Past tense or past participle ("said", "killed").
inline bool is_past(PosTag t) { return t == PosTag::VBD || t == PosTag::VBN; }
// Punctuation tags: quotes, brackets, comma, period, colon.
inline bool is_punct_tag(PosTag t) { return t >= PosTag::open_quote; }

// A base phrase: tokens [first, end) of Document::tokens. Outside any phrase
// a token is its own Chunk of type none.
struct Chunk {
  uint32_t first = 0;
  uint32_t end = 0;
  ChunkType type = ChunkType::none;
  bool empty() const { return first >= end; }
};

// The phrase containing token i (an empty Chunk when i is out of range).
Chunk chunk_at(const Document& doc, uint32_t i);
// The phrases over tokens [first, end), in order, tokens outside phrases
// left out.
std::vector<Chunk> chunks_in(const Document& doc, uint32_t first, uint32_t end);
// The head of a noun phrase: its last noun (a number or pronoun when it has
// none), else its last token. "the ruling party" -> party.
uint32_t head_noun(const Document& doc, const Chunk& np);
// The main verb of a verb phrase: its last verb ("has been killed" ->
// killed, "will not say" -> say), a modal when it has no other verb, else
// its last token.
uint32_t main_verb(const Document& doc, const Chunk& vp);

}  // namespace cc
