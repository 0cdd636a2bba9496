// Word lists the claims stage reasons with: which words name an event or a
// change (predicate classes), which modifiers make a figure a change rather
// than a total, and which nouns count casualties.
//
// Predicate classes group the inflected forms and nominalizations of the
// common news predicates, so "sent", "dispatch", "deployment" and "were
// transferred" line up across reports. Lookups take a lower-case word.
#pragma once

#include <string_view>

namespace cc {

// The predicate class of a word ("send", "casualty", "visit", ...), or "" when
// the word names no event we track.
std::string_view predicate_class(std::string_view lower_word);

// Words that present a figure as a revision of an earlier one: "has risen
// to 31", "revised the number to 61", "has now burned", "bringing the total
// to 10". A later report carrying one supersedes an earlier, different figure
// even when it names its source differently.
bool is_revision_word(std::string_view lower_word);

// Counted nouns that themselves name what happened ("casualties", "deaths",
// "arrests", "cases"): a figure of them is about that predicate class
// whatever the verb. "" for other nouns.
std::string_view counted_noun_class(std::string_view lower_word);

// Classes that say what became of the counted thing ("casualty", "injure",
// "evacuate", "arrest", "withdraw", "rise", "demand", ...): a figure of one
// is never the same fact as a figure of another class, however alike the
// numbers ("5 killed", "5 injured"). Other classes ("send", "launch",
// "carry") are ways of wording one figure.
bool is_exclusive_class(std::string_view predicate_class);

// Units that measure against something else ("percent", "fraction"): the
// unit alone says nothing about what is counted.
bool is_relative_unit(std::string_view unit);

// Generic heads of a counted class ("troop", "soldier", "people"): two of them
// name the same thing, while specific heads ("sapper", "engineer") only match
// themselves even when their class is the same.
bool is_generic_counted(std::string_view lemma);

// How two counted things (class, singular lemma) can be one, best first:
// the same noun; either unknown; two generic nouns of one class ("troops" /
// "soldiers"); a compound of a generic one ("dockworkers" / "workers");
// "people" beside any class of people ("residents", "workers"). None when
// they cannot ("sappers" / "engineers").
enum class CountedMatch { none, same_noun, unknown, generic, compound, people };
CountedMatch match_counted(std::string_view class_a, std::string_view lemma_a, std::string_view class_b,
                           std::string_view lemma_b);
// "the same noun", "one side names no counted thing", ...
const char* counted_match_reason(CountedMatch m);

// A crude singular: "troops" -> "troop", "casualties" -> "casualty".
std::string_view singular_stem(std::string_view lower_word, char* buffer, size_t size);

}  // namespace cc
