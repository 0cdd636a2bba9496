#include "nlp/time/tense.h"

#include <unordered_map>
#include <unordered_set>

namespace cc {

bool is_scheduling_verb(std::string_view w) {
  static const std::unordered_set<std::string_view> k = {
      "meet",   "meets",   "begin",  "begins",  "start",  "starts",  "open",   "opens",
      "resume", "resumes", "visit",  "visits",  "arrive", "arrives", "leave",  "leaves",
      "travel", "travels", "return", "returns", "hold",   "holds",   "convene", "convenes",
      "runs",   "lasts",   "ends",   "continues"};
  return k.count(w) > 0;
}

Tense tense_of_word(std::string_view w) {
  static const std::unordered_map<std::string_view, Tense> k = {
      {"will", Tense::future},     {"'ll", Tense::future},      {"shall", Tense::future},
      {"plans", Tense::future},    {"plan", Tense::future},     {"planned", Tense::future},
      {"expected", Tense::future}, {"expects", Tense::future},  {"scheduled", Tense::future},
      {"upcoming", Tense::future}, {"intends", Tense::future},  {"aims", Tense::future},
      {"could", Tense::future},    {"may", Tense::future},      {"might", Tense::future},
      {"set", Tense::future},      {"due", Tense::future},      {"next", Tense::future},
      {"would", Tense::future},    {"payable", Tense::future},  {"should", Tense::future},
      {"must", Tense::future},     {"effective", Tense::future}, {"expire", Tense::future},
      {"expires", Tense::future},  {"until", Tense::future},
      {"was", Tense::past},        {"were", Tense::past},       {"had", Tense::past},
      {"did", Tense::past},        {"said", Tense::past},       {"told", Tense::past},
      {"sent", Tense::past},       {"began", Tense::past},      {"went", Tense::past},
      {"came", Tense::past},       {"took", Tense::past},       {"made", Tense::past},
      {"met", Tense::past},        {"left", Tense::past},       {"saw", Tense::past},
      {"held", Tense::past},       {"led", Tense::past},        {"fought", Tense::past},
      {"gave", Tense::past},       {"fell", Tense::past},       {"rose", Tense::past},
      {"struck", Tense::past},     {"won", Tense::past},        {"lost", Tense::past},
      {"ago", Tense::past},        {"last", Tense::past},       {"earlier", Tense::past},
      {"wrote", Tense::past},      {"spoke", Tense::past},      {"became", Tense::past},
      {"hit", Tense::past},        {"sought", Tense::past},
      {"brought", Tense::past},    {"found", Tense::past},      {"got", Tense::past},
      {"paid", Tense::past},       {"sold", Tense::past},       {"bought", Tense::past}};
  auto it = k.find(w);
  if (it != k.end()) return it->second;
  // Regular past forms: "signed", "arrived", "reported". "need", "speed" and
  // the like are short or end in "eed".
  if (w.size() >= 5 && w.ends_with("ed") && !w.ends_with("eed")) return Tense::past;
  return Tense::unknown;
}

bool is_determiner(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "its" || w == "their" || w == "his" ||
         w == "her" || w == "our" || w == "this" || w == "that";
}

}  // namespace cc
