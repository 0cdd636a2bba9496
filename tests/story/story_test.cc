#include "story/story.h"

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <set>
#include <string>

#include "ingest/ingest.h"

namespace cc {
namespace {

Document doc(std::string text, std::string path = "") {
  Document d;
  d.text = std::move(text);
  d.path = std::move(path);
  d.assign_id();
  return d;
}

// News-like paragraphs on unrelated subjects, written for these tests.
const char* kFlood =
    "Hundreds of residents were evacuated on Monday after an earthen dam above the village "
    "gave way during two days of heavy rain, regional officials said. The emergency service "
    "said at least 1,200 people had left their homes by the evening and that water reached the "
    "first floors of houses. Police said two people were missing, though a council member said "
    "the figure could rise. Engineers had warned last year that the dam needed repairs.";
const char* kStrike =
    "Container traffic at the port came to a halt as about 2,500 dock workers began an "
    "indefinite strike over wages and night-shift rules, the union said. The operator said it "
    "had offered 5 percent and called the walkout disproportionate. Shipping agents said at "
    "least 14 vessels were waiting at anchor outside the harbour by the afternoon.";
const char* kElection =
    "Turnout in the municipal election was the lowest in two decades, the electoral commission "
    "said, with fewer than four in ten voters casting a ballot. The incumbent mayor conceded "
    "shortly after midnight. Observers reported long queues at some polling stations in the "
    "northern districts, which the commission blamed on a shortage of staff.";

TEST(Sketch, IdenticalTextsAgreeOnEveryBin) {
  MinHash a = minhash(kFlood), b = minhash(kFlood);
  EXPECT_EQ(a.bins, b.bins);
  EXPECT_DOUBLE_EQ(estimate_jaccard(a, b), 1.0);
}

TEST(Sketch, CaseAndPunctuationDoNotChangeWords) {
  EXPECT_EQ(minhash("The dam gave way, officials said.").bins,
            minhash("the DAM gave way officials said").bins);
}

TEST(Sketch, EmptyAndOneWordTexts) {
  MinHash empty = minhash("");
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(estimate_jaccard(empty, empty), 0.0);
  MinHash one = minhash("Flood"), other = minhash("Strike");
  EXPECT_EQ(one.shingles, 1u);
  EXPECT_DOUBLE_EQ(estimate_jaccard(one, minhash("flood!")), 1.0);
  EXPECT_LT(estimate_jaccard(one, other), 0.05);
}

// The block-at-a-time word finder against a byte-at-a-time reading of the
// rule: words are runs of ASCII letters/digits and non-ASCII bytes, general
// punctuation (E2 80..81 xx) separates, and a word's hash depends on its
// bytes alone (ASCII case-folded), not on what follows it in the text.
TEST(Sketch, WordFinderMatchesTheRuleAcrossBlockBoundaries) {
  const std::vector<std::string> pieces = {
      "a", "Word", "DOCK", "x9", "2026", "caf\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x94",
      "\xE2\x82\xAC", " ", "  ", ". ", "!", "?\n", ",", "-", "\n",
      "averyveryverylongwordthatrunspastsixteenbytes", std::string(70, 'q')};
  uint64_t x = 7;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    size_t want = 1 + (round * 37) % 700;
    while (text.size() < want) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      text += pieces[(x >> 33) % pieces.size()];
    }
    // The reference: split byte by byte.
    std::vector<std::string> words;
    std::vector<bool> names;
    bool stop = true;
    for (size_t i = 0; i < text.size();) {
      unsigned char c = text[i];
      if (c == 0xE2 && i + 2 < text.size() && (static_cast<unsigned char>(text[i + 1]) == 0x80 ||
                                                    static_cast<unsigned char>(text[i + 1]) == 0x81)) {
        i += 3;
        continue;
      }
      bool word = c >= 0x80 || std::isalnum(c);
      if (!word) {
        if (c == '.' || c == '!' || c == '?' || c == '\n') stop = true;
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text.size()) {
        unsigned char d = text[j];
        if (d == 0xE2 && j + 2 < text.size() &&
            (static_cast<unsigned char>(text[j + 1]) == 0x80 ||
             static_cast<unsigned char>(text[j + 1]) == 0x81))
          break;
        if (!(d >= 0x80 || std::isalnum(d))) break;
        ++j;
      }
      words.push_back(text.substr(i, j - i));
      names.push_back(std::isupper(c) && !stop);
      stop = false;
      i = j;
    }
    std::vector<uint64_t> got;
    std::vector<bool> got_names;
    for_each_word(text, [&](uint64_t h, bool name) {
      got.push_back(h);
      got_names.push_back(name);
    });
    ASSERT_EQ(got.size(), words.size()) << text;
    for (size_t k = 0; k < words.size(); ++k) {
      std::string lower = words[k];
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      uint64_t alone = 0;
      for_each_word(lower, [&](uint64_t h, bool) { alone = h; });
      ASSERT_EQ(got[k], alone) << "word " << k << " '" << words[k] << "' of: " << text;
      ASSERT_EQ(got_names[k], names[k]) << "word " << k << " '" << words[k] << "' of: " << text;
    }
  }
}

TEST(Sketch, DifferentWordsHashApart) {
  std::set<uint64_t> seen;
  std::vector<std::string> words;
  for (int i = 0; i < 20000; ++i) words.push_back(std::to_string(i) + "w");
  words.push_back("ab");
  words.push_back("ba");
  words.push_back(std::string(16, 'z'));
  words.push_back(std::string(17, 'z'));
  words.push_back(std::string(32, 'z'));
  for (const auto& w : words) for_each_word(w, [&](uint64_t h, bool) { EXPECT_TRUE(seen.insert(h).second) << w; });
}

TEST(Sketch, EstimateTracksExactJaccard) {
  // Replace every fifth word of a long text: the estimate must stay within
  // four standard deviations (sqrt(J(1-J)/128) < 0.045) of the exact value.
  std::string a, b;
  for (int round = 0; round < 4; ++round)
    for (const char* t : {kFlood, kStrike, kElection}) a += std::string(t) + " ";
  int word = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    b += a[i];
    if (a[i] == ' ' && ++word % 5 == 0) b += "zq" + std::to_string(word) + " ";
  }
  double exact = exact_resemblance(a, b).jaccard;
  EXPECT_GT(exact, 0.2);
  EXPECT_LT(exact, 0.8);
  EXPECT_NEAR(estimate_jaccard(minhash(a), minhash(b)), exact, 0.18);
}

TEST(Sketch, EncodeRoundTripsAndRejectsBadLength) {
  MinHash m = minhash(kStrike);
  auto back = decode_minhash(encode(m));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->bins, m.bins);
  EXPECT_EQ(back->shingles, m.shingles);
  auto bad = decode_minhash("short");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bytes"), std::string::npos);
}

TEST(Copies, IdenticalDocumentsAreOneVoice) {
  std::vector<Document> docs = {doc(kFlood, "a"), doc(kStrike, "b"), doc(kFlood, "c")};
  StoryResult r = cluster_stories(docs);
  ASSERT_EQ(r.copies.size(), 1u);
  EXPECT_EQ(r.copies[0].doc_index, 2u);
  EXPECT_EQ(r.copies[0].copy_of_index, 0u);
  EXPECT_DOUBLE_EQ(r.copies[0].similarity, 1.0);
  auto orig = originals(r, docs.size());
  EXPECT_EQ(orig, (std::vector<size_t>{0, 1, 0}));
}

TEST(Copies, LightRewriteIsFoundUnrelatedTextIsNot) {
  std::string rewrite = kFlood;
  rewrite.replace(rewrite.find("gave way"), 8, "collapsed");
  rewrite.replace(rewrite.find("the evening"), 11, "nightfall");
  std::vector<Document> docs = {doc(kFlood), doc(kElection), doc(kStrike), doc(rewrite)};
  StoryResult r = cluster_stories(docs);
  ASSERT_EQ(r.copies.size(), 1u);
  EXPECT_EQ(r.copies[0].doc_index, 3u);
  EXPECT_EQ(r.copies[0].copy_of_index, 0u);
  EXPECT_GT(r.copies[0].similarity, 0.5);
  EXPECT_LT(r.copies[0].similarity, 1.0);
}

TEST(Copies, CreditLineGivesDirection) {
  // The crediting report comes first in the input, yet it is the copy.
  Document copy = doc(std::string(kStrike) + "\nRead More @ harbourtimes.example");
  Document original = doc(kStrike);
  original.url = "https://www.harbourtimes.example/strike";
  StoryResult r = cluster_stories({copy, original});
  ASSERT_EQ(r.copies.size(), 1u);
  EXPECT_EQ(r.copies[0].doc_index, 0u);
  EXPECT_EQ(r.copies[0].copy_of_index, 1u);
  EXPECT_NE(r.copies[0].evidence.find("harbourtimes"), std::string::npos);
}

TEST(Copies, EarlierPublicationIsTheOriginal) {
  Document later = doc(std::string(kElection) + " Results are due on Tuesday.");
  later.published = *PartialDate::parse("2026-05-04");
  Document earlier = doc(kElection);
  earlier.published = *PartialDate::parse("2026-05-03");
  StoryResult r = cluster_stories({later, earlier});
  ASSERT_EQ(r.copies.size(), 1u);
  EXPECT_EQ(r.copies[0].doc_index, 0u);
  EXPECT_EQ(r.copies[0].evidence, "earlier publication");
}

TEST(Copies, EmptyAndOneWordDocumentsAreNeverCopies) {
  std::vector<Document> docs = {doc(""), doc(""), doc("Breaking"), doc("Breaking"), doc(kFlood)};
  StoryResult r = cluster_stories(docs);
  EXPECT_TRUE(r.copies.empty());
  size_t placed = 0;
  for (const auto& s : r.stories) placed += s.doc_indexes.size();
  EXPECT_EQ(placed, docs.size());
  std::set<std::string> ids;
  for (const auto& s : r.stories) EXPECT_TRUE(ids.insert(s.id).second) << s.id;
}

TEST(Copies, SingleHundredMegabyteDocument) {
  std::string big;
  big.reserve(100u << 20);
  uint64_t x = 1;
  while (big.size() < (100u << 20)) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    big += 'w';
    big += std::to_string((x >> 33) % 100000);
    big += x % 13 == 0 ? ". " : " ";
  }
  Document d = doc(std::move(big));
  DocFeatures f = features(d);
  EXPECT_GT(f.minhash.shingles, 10'000'000u);
  EXPECT_LE(f.terms.size(), 256u);  // a bounded summary, whatever the length
  StoryIndex index;
  index.add(f);
  index.add(features(doc(kFlood)));
  index.refine();
  // The index keeps sketches and metadata, never the text.
  EXPECT_LT(index.memory_bytes(), size_t{1} << 20);
  StoryResult r = index.result();
  EXPECT_EQ(r.stories.size(), 2u);
  EXPECT_TRUE(r.copies.empty());
  std::vector<Document> docs;
  docs.push_back(std::move(d));
  StoryResult alone = cluster_stories(docs);
  ASSERT_EQ(alone.stories.size(), 1u);
  EXPECT_TRUE(alone.copies.empty());
}

TEST(Copies, HundredThousandIdenticalCopies) {
  StoryIndex index;
  index.reserve(100000);
  DocFeatures f = features(doc(kStrike));
  for (int i = 0; i < 100000; ++i) index.add(f);
  // Copies with different wording of the same root still find it.
  std::string edited = kStrike;
  edited.replace(edited.find("halt"), 4, "standstill");
  auto placed = index.add(features(doc(edited)));
  EXPECT_TRUE(placed.copy);
  EXPECT_EQ(placed.link.copy_of_index, 0u);
  index.refine();
  StoryResult r = index.result();
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].doc_indexes.size(), 100001u);
  EXPECT_EQ(r.copies.size(), 100000u);
  auto orig = originals(r, index.size());
  for (size_t i = 0; i < orig.size(); ++i) ASSERT_EQ(orig[i], 0u);
  // A copy costs a fixed amount (sketch, LSH slots reserved, metadata, its
  // link), less than a 5 KB report's text, and nothing that grows with the others.
  EXPECT_LT(index.memory_bytes() / index.size(), 3000u);
}

// Reprints that differ in a word or two all enter the LSH buckets; a bucket
// holds at most kBucketCap of them, so a query's candidates stay bounded
// however many there are (no quadratic blow-up).
TEST(Copies, LshCandidatesStayBoundedUnderManyNearCopies) {
  LshIndex lsh;
  for (int i = 0; i < 100000; ++i) {
    std::string text = std::string(kStrike) + " Update " + std::to_string(i) + ".";
    lsh.index(lsh.add_sketch(minhash(text)));
  }
  auto matches = lsh.query(minhash(kStrike), 0.0);
  EXPECT_GE(matches.size(), 1u);
  EXPECT_LE(matches.size(), size_t{LshIndex::kBands} * LshIndex::kBucketCap);
  EXPECT_LT(lsh.slots_used(), size_t{100000} * LshIndex::kBands);
}

TEST(Stories, ReportsOfOneEventClusterAndOthersDoNot) {
  // Three reports on each of two events, differently worded; no copies.
  std::vector<Document> docs = {
      doc("Dock workers at the port of Kessel began a strike over pay on Monday. The union "
          "said 2,500 members walked out and that Kessel Terminals offered 5 percent."),
      doc("Heavy rain caused the Orlik dam to fail, flooding the Varna valley. Officials "
          "said 1,200 residents of Orlik were evacuated and two were missing."),
      doc("Ships queued outside Kessel as the dockers' strike entered a third day. Kessel "
          "Terminals and the union blamed each other; the union wants 9 percent."),
      doc("Rescue crews in boats searched Orlik for the missing after the dam break. The "
          "Varna river kept rising and helicopters joined the effort."),
      doc("The Kessel port strike left supermarkets short of fruit, retailers said, as "
          "dockers and Kessel Terminals stayed apart on pay."),
      doc("An inquiry into the Orlik dam collapse will ask why repairs recommended for the "
          "Varna valley reservoir were never made, the governor said."),
  };
  StoryResult r = cluster_stories(docs);
  ASSERT_EQ(r.stories.size(), 2u);
  for (const auto& s : r.stories) {
    ASSERT_EQ(s.doc_indexes.size(), 3u);
    for (size_t i : s.doc_indexes) EXPECT_EQ(i % 2, s.doc_indexes[0] % 2) << s.title;
  }
  EXPECT_TRUE(r.copies.empty());
}

TEST(Stories, TimeSpanAndTitleComeFromMembers) {
  Document a = doc(kFlood), b = doc(std::string(kFlood) + " More rain is forecast.");
  a.title = "Dam gives way";
  a.published = *PartialDate::parse("2026-03-02");
  b.published = *PartialDate::parse("2026-03-05");
  StoryResult r = cluster_stories({a, b});
  ASSERT_EQ(r.stories.size(), 1u);
  EXPECT_EQ(r.stories[0].title, "Dam gives way");
  EXPECT_EQ(r.stories[0].first.iso(), "2026-03-02");
  EXPECT_EQ(r.stories[0].last.iso(), "2026-03-05");
}

// Reports of one event months apart from reports of a near-identical one
// (same kind of event, same place) are different stories; a week apart, one.
TEST(Stories, DatesFarApartSeparateSimilarReports) {
  auto dated = [](const char* text, const char* date) {
    Document d = doc(text);
    d.published = *PartialDate::parse(date);
    return d;
  };
  const char* first =
      "Dock workers at the port of Kessel began a strike over pay. The union said 2,500 "
      "members walked out and that Kessel Terminals offered 5 percent.";
  const char* second =
      "Ships queued outside Kessel as the dockers' strike went on. Kessel Terminals and the "
      "union blamed each other over pay; the union wants 9 percent.";
  StoryResult close = cluster_stories({dated(first, "2026-03-02"), dated(second, "2026-03-09")});
  EXPECT_EQ(close.stories.size(), 1u);
  StoryResult apart = cluster_stories({dated(first, "2026-03-02"), dated(second, "2028-06-09")});
  EXPECT_EQ(apart.stories.size(), 2u);
  // An undated report whose dateline the time stage read counts as dated.
  Document estimated = doc(second);
  estimated.published_estimate = *PartialDate::parse("2028-06-09");
  estimated.published_confidence = 0.9;
  EXPECT_EQ(cluster_stories({dated(first, "2026-03-02"), estimated}).stories.size(), 2u);
  // A guess from the text (low confidence) is not a publication date.
  estimated.published_confidence = 0.3;
  EXPECT_EQ(cluster_stories({dated(first, "2026-03-02"), estimated}).stories.size(), 1u);
}

// In one pass the first reports are placed with idf from a handful of
// documents, which cannot yet tell the wording every report shares from the
// names that tell events apart; refine() places them again once the batch
// is known.
TEST(Stories, RefineRevisitsTheBatch) {
  const std::string shared =
      " Regional officials told reporters on Monday that residents of the district should "
      "expect further updates from the authorities later in the week.";
  std::vector<Document> docs = {
      doc("Dock workers at the port of Kessel began a strike over pay on Monday. The union "
          "said 2,500 members walked out and that Kessel Terminals offered 5 percent." + shared),
      doc("Heavy rain caused the Orlik dam to fail, flooding the Varna valley. Officials "
          "said 1,200 residents of Orlik were evacuated and two were missing." + shared),
      doc("Ships queued outside Kessel as the dockers' strike entered a third day. Kessel "
          "Terminals and the union blamed each other; the union wants 9 percent." + shared),
      doc("Rescue crews in boats searched Orlik for the missing after the dam break. The "
          "Varna river kept rising and helicopters joined the effort." + shared),
      doc("The Kessel port strike left supermarkets short of fruit, retailers said, as "
          "dockers and Kessel Terminals stayed apart on pay." + shared),
      doc("An inquiry into the Orlik dam collapse will ask why repairs recommended for the "
          "Varna valley reservoir were never made, the governor said." + shared),
  };
  StoryIndex index;
  for (const auto& d : docs) index.add(features(d));
  EXPECT_EQ(index.result().stories.size(), 1u);  // one pass: the shared wording wins
  index.refine();
  StoryResult r = index.result();
  ASSERT_EQ(r.stories.size(), 2u);
  for (const auto& s : r.stories) {
    ASSERT_EQ(s.doc_indexes.size(), 3u);
    for (size_t i : s.doc_indexes) EXPECT_EQ(i % 2, s.doc_indexes[0] % 2);
  }
  // Refining again with nothing new changes nothing.
  index.refine();
  StoryResult again = index.result();
  ASSERT_EQ(again.stories.size(), 2u);
  for (size_t i = 0; i < 2; ++i) EXPECT_EQ(again.stories[i].doc_indexes, r.stories[i].doc_indexes);
}

// A story whose newest reports have moved on to another subject splits:
// the new reports open a story of their own. When they have not, it stays whole.
TEST(Stories, DriftedReportsSplitOff) {
  StoryOptions loose;
  loose.join_similarity = 0.03;  // let reports join on a shared name, to make the story drift
  const char* flood[] = {
      "Heavy rain caused the Orlik dam to fail, flooding the Varna valley. Officials said "
      "1,200 residents were evacuated and two were missing after the dam break.",
      "Rescue crews in boats searched the flooded streets for the missing after the dam "
      "break. The Varna river kept rising and helicopters joined the rescue.",
      "Flood water began to recede in the Varna valley as engineers inspected what was "
      "left of the dam. Evacuated residents were told to stay in shelters.",
  };
  const char* later[] = {
      "The Orlik council elected a new mayor on Sunday after a campaign fought over school "
      "budgets, bus fares and a new library; turnout was 41 percent.",
      "The new mayor of Orlik named her deputies and promised to cut bus fares and reopen "
      "the library, the council said on Tuesday.",
  };
  const char* more_flood[] = {
      "Two weeks after the dam failed, families returned to flooded houses in the Varna "
      "valley; the river had fallen and rescue crews had left.",
      "Engineers said the Orlik dam break followed days of heavy rain and that the flood "
      "barrier downstream held; evacuated residents went home.",
  };
  for (bool drift : {true, false}) {
    StoryIndex index(loose);
    for (const char* t : flood) index.add(features(doc(t)));
    index.refine();
    ASSERT_EQ(index.result().stories.size(), 1u);
    for (const char* t : drift ? later : more_flood) index.add(features(doc(t)));
    index.refine();
    StoryResult r = index.result();
    if (!drift) {
      EXPECT_EQ(r.stories.size(), 1u);
      continue;
    }
    ASSERT_EQ(r.stories.size(), 2u);
    for (const auto& s : r.stories) {
      ASSERT_EQ(s.doc_indexes.size(), s.doc_indexes[0] < 3 ? 3u : 2u) << s.title;
      for (size_t i : s.doc_indexes) EXPECT_EQ(i < 3, s.doc_indexes[0] < 3);
    }
  }
}

// The bundled mixed folder: two stories, each with one copy.
TEST(Stories, BundledMixedFolder) {
  std::string dir = std::string(CROSSCHECK_SOURCE_DIR) + "/tests/story/fixtures/mixed";
  std::vector<Document> docs;
  Status st = read_inputs({dir}, IngestOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); },
                          [](InputError&& e) { ADD_FAILURE() << e.path << ": " << e.message; });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(docs.size(), 6u);
  StoryResult r = cluster_stories(docs);
  ASSERT_EQ(r.stories.size(), 2u);
  for (const auto& s : r.stories) {
    ASSERT_EQ(s.doc_indexes.size(), 3u);
    std::string prefix;
    for (size_t i : s.doc_indexes) {
      std::string name = std::filesystem::path(docs[i].path).filename().string();
      std::string p = name.substr(0, name.find('-'));
      if (prefix.empty()) prefix = p;
      EXPECT_EQ(p, prefix) << name;
    }
  }
  ASSERT_EQ(r.copies.size(), 2u);
  for (const auto& c : r.copies) {
    std::string copy = std::filesystem::path(docs[c.doc_index].path).filename().string();
    std::string orig = std::filesystem::path(docs[c.copy_of_index].path).filename().string();
    if (copy.starts_with("flood")) {
      EXPECT_EQ(copy, "flood-aggregator.txt");
      EXPECT_EQ(orig, "flood-valleypost.txt");
      EXPECT_NE(c.evidence.find("credit line"), std::string::npos);
    } else {
      EXPECT_TRUE((copy == "strike-wire.txt" && orig == "strike-wire-reprint.txt") ||
                  (copy == "strike-wire-reprint.txt" && orig == "strike-wire.txt"));
    }
  }
}

}  // namespace
}  // namespace cc
