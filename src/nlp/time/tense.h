// Word-level tense cues shared by the time tagger (which way a bare weekday
// or month points) and the consistency check (whether two statements tell
// the same occurrence or a past one and a planned one). Lowercase words in.
#pragma once

#include <cstdint>
#include <string_view>

namespace cc {

enum class Tense : uint8_t { unknown, past, future };

// Past for past forms ("was", "sent", regular "-ed" words), future for
// modals and plan words ("will", "plans", "expected", "next"), else unknown.
Tense tense_of_word(std::string_view w);

// Present-tense verbs news uses for scheduled events: "the leaders meet
// Monday", "the summit opens Thursday".
bool is_scheduling_verb(std::string_view w);

// Articles and possessives: a word after one is a noun ("the plan").
bool is_determiner(std::string_view w);

}  // namespace cc
