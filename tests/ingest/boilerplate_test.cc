#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

#include <string>

namespace cc {
namespace {

std::string rule_of(std::string_view line) {
  const NonBodyRule* r = match_non_body_line(line);
  return r ? r->name : "";
}

TEST(NonBody, DropsPageFurniture) {
  const std::pair<const char*, const char*> cases[] = {
      {"Read more: Harbour Authority Opens Second Ferry Terminal", "read-more"},
      {"READ MORE: Flood barriers fail in three districts", "read-more"},
      {"Read More @ lakesidedaily.example", "read-more"},
      {"Read more at coastwire.example", "read-more"},
      {"Also read \u2013 Fishermen protest new quota rules", "read-more"},
      {"Continue reading", "read-more"},
      {"[Read more: Rescue divers recover second vessel]", "read-more"},
      {"Related: Storm warning issued for the northern coast", "related"},
      {"Related Articles", "related"},
      {"You may also like", "related"},
      {"Comments are closed, but trackbacks and pingbacks are open.", "comments-closed"},
      {"Comments are closed.", "comments-closed"},
      {"Both comments and trackbacks are currently closed; pingbacks are open.", "comments-closed"},
      {"Leave a Reply", "comment-prompt"},
      {"14 Comments", "comment-prompt"},
      {"Share this article", "share"},
      {"Share on Facebook", "share"},
      {"Facebook Twitter LinkedIn Email", "share"},
      {"Sign up for our newsletter to get the morning briefing", "subscribe"},
      {"Subscribe to our Telegram channel for live updates", "subscribe"},
      {"Follow Coast Wire on X and Telegram", "subscribe"},
      {"Follow us on Facebook", "subscribe"},
      {"*Video from the archive: divers search the harbour after an earlier accident", "caption"},
      {"Photo: Rescue workers carry a stretcher at the pier. (Reuters)", "caption"},
      {"(Photo: Lakeside Daily)", "caption"},
      {"Watch: Survivors describe the moment the ferry tipped", "caption"},
      {"Photo by Jane Roe/Getty Images", "caption"},
      {"Rescue workers at the pier on Tuesday. (AP Photo/Jane Roe)", "caption"},
      {"Advertisement", "advertisement"},
      {"Story continues below advertisement", "advertisement"},
      {"Click here to read the full statement", "click-here"},
      {"\u00a9 2026 Lakeside Daily. All rights reserved.", "copyright"},
      {"Copyright 2026 Coast Wire Media", "copyright"},
      {"Tags: ferry, Lake Victoria, rescue", "tags"},
      {"Reporting by Jane Roe; Editing by John Doe", "credit-line"},
      {"**Related:** Port reopens after inspection", "related"},
  };
  for (const auto& [line, rule] : cases) EXPECT_EQ(rule_of(line), rule) << line;
}

TEST(NonBody, KeepsBodySentences) {
  const char* body[] = {
      "Read more carefully, the ministry's statement suggests the toll could rise.",
      "Officials urged residents to read more about evacuation routes on the city website.",
      "Related charges were filed against the ferry operator on Monday.",
      "Photos shared on social media showed the vessel listing to one side.",
      "Video footage released by the coast guard appeared to show the ferry overloaded.",
      "Share prices of the operator fell 12% after the accident.",
      "Comments by the minister drew criticism from opposition lawmakers.",
      "Copyright lawyers said the footage had been used without permission.",
      "Follow-up inspections found that 40 life jackets were missing.",
      "Advertisements for the route promised a capacity of 300 passengers.",
      "Watchdogs said the operator had ignored three warnings.",
      "The operator said it would share passenger lists with investigators.",
      "Click-through rates on the appeal page tripled, organisers said.",
      "Subscribers to the emergency alert service received a warning at 6 a.m.",
      "Tags on the recovered life vests showed they were made in 2009.",
      "Sign up for an account with the ferry operator to get a refund.",
      "",
  };
  for (const char* line : body) EXPECT_EQ(rule_of(line), "") << line;
  // Long lines are paragraphs, never furniture, whatever they open with.
  std::string paragraph = "Read more: " + std::string(500, 'x');
  EXPECT_EQ(rule_of(paragraph), "");
}

TEST(NonBody, FindsLinesWithRanges) {
  std::string text =
      "The ferry capsized on Tuesday.\n"
      "  Read more: Earlier accidents on the lake  \r\n"
      "Rescuers found 61 survivors.\n"
      "Comments are closed.";
  auto lines = find_non_body_lines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(text.substr(lines[0].begin, lines[0].end - lines[0].begin),
            "Read more: Earlier accidents on the lake");
  EXPECT_STREQ(lines[0].rule->name, "read-more");
  EXPECT_EQ(text.substr(lines[1].begin), "Comments are closed.");
}

}  // namespace
}  // namespace cc
