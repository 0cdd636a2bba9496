#include "claims/lexicon.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>

namespace cc {

namespace {

struct ClassWords {
  const char* cls;
  std::initializer_list<const char*> words;
};

// Forms are listed rather than derived: news uses few irregular verbs, and a
// list cannot over-generate ("shell" from "shells" is not a strike).
const std::unordered_map<std::string_view, std::string_view>& predicate_table() {
  static const auto* table = [] {
    static const ClassWords kClasses[] = {
        {"send", {"send", "sends", "sent", "sending", "dispatch", "dispatches", "dispatched",
                  "dispatching", "deploy", "deploys", "deployed", "deploying", "deployment",
                  "deployments", "redeploy", "redeployed", "transfer", "transfers",
                  "transferred", "transferring", "supply", "supplies", "supplied", "supplying",
                  "provide", "provides", "provided", "providing", "deliver", "delivers",
                  "delivered", "delivering", "delivery", "deliveries", "ship", "ships",
                  "shipped", "shipping", "shipment", "shipments", "station", "stationed"}},
        {"casualty", {"kill", "kills", "killed", "killing", "wound", "wounds", "wounded",
                      "injure", "injures", "injured", "injuring", "die", "dies", "died",
                      "dying", "dead", "death", "deaths", "casualty", "casualties",
                      "fatality", "fatalities", "losses", "injury", "injuries"}},
        {"attend", {"attend", "attends", "attended", "attending", "marched", "marchers",
                    "turnout", "crowd", "gather", "gathered", "rally", "rallied"}},
        {"control", {"capture", "captures", "captured", "capturing", "seize", "seizes", "seized",
                     "seizing", "hold", "holds", "held", "holding", "occupy", "occupies",
                     "occupied", "control", "controls", "controlled", "recapture",
                     "recaptured", "retake", "retook", "retaken", "liberate", "liberated"}},
        {"visit", {"visit", "visits", "visited", "visiting", "travel", "travels", "traveled",
                   "travelled", "traveling", "travelling", "trip", "tour", "toured"}},
        {"inspect", {"inspect", "inspects", "inspected", "inspecting", "inspection", "oversee",
                     "oversees", "oversaw", "overseen", "overseeing", "observe", "observed"}},
        {"meet", {"meet", "meets", "met", "meeting", "greet", "greets", "greeted", "greeting",
                  "summit", "host", "hosts", "hosted", "hosting"}},
        {"sign", {"sign", "signs", "signed", "signing", "ratify", "ratified"}},
        {"launch", {"launch", "launches", "launched", "launching", "fire", "fires", "fired",
                    "firing"}},
        {"test", {"test", "tests", "tested", "testing"}},
        {"announce", {"announce", "announces", "announced", "announcing", "announcement"}},
        {"withdraw", {"withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing",
                      "withdrawal", "retreat", "retreated", "retreating", "pullout"}},
        {"attack", {"attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck",
                    "bomb", "bombed", "bombing", "invade", "invaded", "invasion", "offensive",
                    "counteroffensive"}},
        {"recruit", {"recruit", "recruits", "recruited", "recruiting", "recruitment",
                     "mobilize", "mobilized", "mobilise", "mobilised"}},
        {"arrest", {"arrest", "arrests", "arrested", "detain", "detained", "detention"}},
        {"evacuate", {"evacuate", "evacuates", "evacuated", "evacuating", "evacuation",
                      "displace", "displaced", "flee", "fled"}},
        {"agree", {"agree", "agrees", "agreed", "agreement"}},
        {"pay", {"pay", "pays", "paid", "fund", "funded", "pledge", "pledged", "allocate",
                 "allocated", "spend", "spent", "cost", "costs"}},
        {"rise", {"rise", "rises", "rose", "risen", "increase", "increased", "grow", "grew",
                  "fall", "fell", "drop", "dropped", "decline", "declined"}},
    };
    auto* t = new std::unordered_map<std::string_view, std::string_view>();
    for (const auto& c : kClasses)
      for (const char* w : c.words) t->emplace(w, c.cls);
    return t;
  }();
  return *table;
}

}  // namespace

std::string_view predicate_class(std::string_view lower_word) {
  const auto& t = predicate_table();
  auto it = t.find(lower_word);
  return it == t.end() ? std::string_view() : it->second;
}

bool is_delta_modifier(std::string_view w) {
  static constexpr std::string_view kDelta[] = {"additional", "more", "further", "extra",
                                                "another", "new", "fresh", "added"};
  return std::find(std::begin(kDelta), std::end(kDelta), w) != std::end(kDelta);
}

bool is_casualty_noun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {"casualty", "casualties", "death", "deaths",
                                                "fatality", "fatalities", "dead", "loss",
                                                "losses", "killed", "wounded"};
  return std::find(std::begin(kNouns), std::end(kNouns), w) != std::end(kNouns);
}

bool is_generic_counted(std::string_view w) {
  static constexpr std::string_view kGeneric[] = {
      "troop", "soldier", "serviceman", "servicemen", "personnel", "fighter", "force", "forces",
      "people", "person", "individual", "civilian", "resident", "inhabitant"};
  return std::find(std::begin(kGeneric), std::end(kGeneric), w) != std::end(kGeneric);
}

std::string_view singular_stem(std::string_view w, char* buffer, size_t size) {
  if (w.size() > 3 && w.size() + 1 <= size && w.ends_with("ies")) {
    std::memcpy(buffer, w.data(), w.size() - 3);
    buffer[w.size() - 3] = 'y';
    return std::string_view(buffer, w.size() - 2);
  }
  if (w.size() > 3 && w.ends_with('s') && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

}  // namespace cc
