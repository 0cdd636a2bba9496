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

// Modifiers that make a figure a change: "additional", "more", "further", ...
bool is_delta_modifier(std::string_view lower_word);

// Counted nouns that themselves name a casualty ("casualties", "deaths"): a
// figure of them is about the "casualty" predicate whatever the verb.
bool is_casualty_noun(std::string_view lower_word);

// Generic heads of a counted class ("troop", "soldier", "people"): two of them
// name the same thing, while specific heads ("sapper", "engineer") only match
// themselves even when their class is the same.
bool is_generic_counted(std::string_view lemma);

// A crude singular: "troops" -> "troop", "casualties" -> "casualty".
std::string_view singular_stem(std::string_view lower_word, char* buffer, size_t size);

}  // namespace cc
