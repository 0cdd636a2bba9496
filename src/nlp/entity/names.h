// Small closed word lists about names that both the entity component and
// cross-document linking use: titles and roles that precede a person's name
// ("Deputy Foreign Minister", "analyst", "spokesman"), words skipped when
// reading an acronym's initials, and how names are normalized for matching.
#pragma once

#include <string>
#include <string_view>

namespace cc {

// What a word (in lower case) is in a title written before a name: a head
// ("president", "gen.", "analyst", "spokesman") can stand right before the
// name; a modifier ("deputy", "foreign", "senior") only before another title
// word, as in "Deputy Foreign Minister".
enum class TitleWord { none, modifier, head };
TitleWord title_word(std::string_view lower);
inline bool is_title_word(std::string_view lower) { return title_word(lower) != TitleWord::none; }

// True for the last word of most organization names ("Service", "Ministry",
// "Staff", "Command"), given in lower case.
bool is_organization_head(std::string_view lower);

// True for the last word of region and landform names ("Oblast", "Region",
// "Province", "Peninsula"), given in lower case.
bool is_place_head(std::string_view lower);
// True for the first word of landform names ("Lake", "Mount", "Cape").
bool is_place_prefix(std::string_view lower);

// True for the prefix written before a ship's name, as written ("MV", "MT",
// "MS", "SS", "HMS", "USS", "RMS", "HMAS"): case matters, so "ms" is no ship.
bool is_vessel_prefix(std::string_view word);
// True for the lower-case nouns that stand before a ship's name ("the tanker
// Calder Star", "the ferry Nyamagana"): tanker, ferry, vessel, freighter,
// ship, trawler, carrier, barge.
bool is_vessel_noun(std::string_view lower);

// True for the lower-case particles inside personal names ("bin", "al",
// "van", "de").
bool is_name_particle(std::string_view lower);

// True for the short words an acronym's initials skip ("of", "the", "and").
bool is_name_function_word(std::string_view lower);

// True for an acronym as written: 2-10 characters of capitals (at least
// two), digits, '&' and '-' ("NIS", "G7", "AFL-CIO").
bool is_acronym(std::string_view word);

// True when a word may begin a name: an upper-case ASCII letter, or a
// non-ASCII letter from U+00C0 up (case is not checked there).
bool starts_upper(std::string_view word);

// The key names are compared by: ASCII lower case, typographic apostrophes
// made straight, runs of spaces folded, a leading "the " and a trailing
// possessive "'s" dropped.
std::string name_key(std::string_view name);

}  // namespace cc
