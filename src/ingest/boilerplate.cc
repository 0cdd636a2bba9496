#include "ingest/boilerplate.h"

#include <array>
#include <initializer_list>

namespace cc {

namespace {

// A line prepared for matching: decoration stripped ("*", "#", "•", brackets),
// ASCII letters lower-cased. Rules compare against `s`; a closing ")" is kept
// for the caption-credit rule.
struct Line {
  std::string_view s;
};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// If `s` starts with `phrase` as whole words, the rest after it (possibly
// empty); else a view with a null data pointer.
std::string_view after_phrase(std::string_view s, std::string_view phrase) {
  if (!starts_with(s, phrase)) return {};
  std::string_view rest = s.substr(phrase.size());
  if (!rest.empty() && is_alnum(rest.front()) && is_alnum(phrase.back())) return {};
  return rest.empty() ? s.substr(s.size()) : rest;  // non-null even when empty
}

// True when `rest` (what follows a prompt phrase) is empty or opens with a
// separator, as in "Read more: <headline>" or "Read More @ site".
bool separator_follows(std::string_view rest) {
  rest = trim_spaces(rest);
  if (rest.empty()) return true;
  static constexpr std::array<std::string_view, 14> kSeparators = {
      ":",      "@",      "|",      ">",      "-",      "...",    "\u2026",
      "\u00bb", "\u203a", "\u2192", "\u2013", "\u2014", "\u25b6", "!"};
  for (auto sep : kSeparators)
    if (starts_with(rest, sep)) return true;
  return false;
}

// The first phrase of `phrases` the line opens with, followed by a separator.
bool prompt(const Line& l, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases) {
    std::string_view rest = after_phrase(l.s, p);
    if (rest.data() && separator_follows(rest)) return true;
  }
  return false;
}

bool opens_with(const Line& l, std::initializer_list<std::string_view> phrases) {
  for (auto p : phrases)
    if (after_phrase(l.s, p).data()) return true;
  return false;
}

bool contains(const Line& l, std::string_view needle) {
  return l.s.find(needle) != std::string_view::npos;
}

// Whole-line matches, ignoring final punctuation.
bool is_exactly(const Line& l, std::initializer_list<std::string_view> phrases) {
  std::string_view s = l.s;
  while (!s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == ':')) s.remove_suffix(1);
  for (auto p : phrases)
    if (s == p) return true;
  return false;
}

// Splits on anything that is not an ASCII letter or digit; calls f(word) until
// it returns false. Returns false when f did.
template <class F>
bool each_word(std::string_view s, F f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !is_alnum(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && is_alnum(s[i])) ++i;
    if (b < i && !f(s.substr(b, i - b))) return false;
  }
  return true;
}

bool in(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto x : set)
    if (w == x) return true;
  return false;
}

bool social_network(std::string_view w) {
  return in(w, {"facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit",
                "pinterest", "instagram", "youtube", "tiktok", "threads", "bluesky", "messenger",
                "flipboard", "pocket", "mastodon", "viber", "vk"});
}

// --- The rules. Each sees one decorated-stripped, lower-cased line. ---

bool read_more(const Line& l) {
  if (prompt(l, {"read more", "read also", "also read", "read next", "see also", "more reading",
                 "further reading", "continue reading", "keep reading", "read the full story",
                 "read the full article", "read full story", "read full article",
                 "read the original", "more on this story", "more on this topic", "more stories"}))
    return true;
  // "Read more at example.com": a site, not a sentence.
  for (auto p : {"read more at ", "read more on ", "read the rest at ", "read it at "}) {
    std::string_view rest = after_phrase(l.s, p);
    if (rest.data() && !rest.empty() && rest.find(' ') == std::string_view::npos &&
        rest.find('.') != std::string_view::npos)
      return true;
  }
  return false;
}

bool related(const Line& l) {
  static const std::initializer_list<std::string_view> kHeadings = {"related",
                                                                    "related articles",
                                                                    "related article",
                                                                    "related stories",
                                                                    "related story",
                                                                    "related coverage",
                                                                    "related content",
                                                                    "related news",
                                                                    "related topics",
                                                                    "related reading",
                                                                    "recommended",
                                                                    "recommended for you",
                                                                    "recommended stories",
                                                                    "most read",
                                                                    "most popular",
                                                                    "trending",
                                                                    "trending now",
                                                                    "you may also like",
                                                                    "you might also like",
                                                                    "you may be interested in",
                                                                    "editor's picks",
                                                                    "editor\u2019s picks",
                                                                    "top stories",
                                                                    "more from our",
                                                                    "also on"};
  // A heading alone on its line, or a heading and a separator before a headline.
  if (is_exactly(l, kHeadings)) return true;
  for (auto h : kHeadings) {
    std::string_view rest = after_phrase(l.s, h);
    if (rest.data() && !trim_spaces(rest).empty() && separator_follows(rest)) return true;
  }
  return false;
}

bool comments_closed(const Line& l) {
  if (opens_with(l, {"comments are closed", "comments closed", "commenting is closed",
                     "commenting has been closed", "comments have been closed",
                     "comments for this article are closed", "the comments are closed"}))
    return true;
  return contains(l, "trackbacks and pingbacks") || contains(l, "pingbacks are") ||
         contains(l, "trackbacks are");
}

bool comment_prompt(const Line& l) {
  if (opens_with(l, {"leave a comment", "leave a reply", "post a comment", "add a comment",
                     "no comments yet", "be the first to comment", "join the conversation",
                     "join the discussion", "view comments", "show comments", "load comments",
                     "you must be logged in to post a comment"}))
    return true;
  // "12 Comments"
  size_t i = 0;
  while (i < l.s.size() && l.s[i] >= '0' && l.s[i] <= '9') ++i;
  return i > 0 && (l.s.substr(i) == " comments" || l.s.substr(i) == " comment");
}

bool share(const Line& l) {
  if (prompt(l, {"share this", "share this article", "share this story", "share article",
                 "share story", "share the article", "share on", "share via", "click to share",
                 "share with", "share", "email this", "print this", "tweet this"}) &&
      l.s.size() < 120)
    return true;
  // A line of nothing but share buttons: "Facebook Twitter LinkedIn Email".
  bool any_network = false;
  bool only_buttons = each_word(l.s, [&](std::string_view w) {
    bool net = social_network(w);
    any_network = any_network || net || w == "share" || w == "tweet";
    return net || in(w, {"share", "tweet", "email", "e", "mail", "print", "copy", "link", "on",
                         "this", "article", "via", "whatsapp", "save", "comment"});
  });
  return only_buttons && any_network;
}

bool subscribe(const Line& l) {
  if (l.s.size() > 250) return false;
  // "Sign up for our newsletter", not "Sign up for an account with the agency".
  if (opens_with(l, {"subscribe to", "subscribe for", "sign up for", "sign up to"})) {
    for (auto w : {" our ", "newsletter", "alerts", "inbox", "briefing", "updates", "channel",
                   "podcast", "digest"})
      if (contains(l, w)) return true;
    return false;
  }
  if (opens_with(l, {"subscribe now", "subscribe today", "sign up now", "sign up here", "follow us",
                     "join our", "join us on", "get our newsletter", "get the latest",
                     "download our app", "download the app", "like us on", "stay informed",
                     "stay up to date", "never miss a story", "don't miss a story",
                     "support our journalism", "support independent journalism"}) ||
      is_exactly(l, {"subscribe", "newsletter", "sign up", "sign in", "log in", "register"}))
    return true;
  // "Follow <outlet> on Telegram"
  if (starts_with(l.s, "follow ") && l.s.size() < 150) {
    size_t on = l.s.rfind(" on ");
    if (on != std::string_view::npos) {
      bool ok = false;
      each_word(l.s.substr(on + 4), [&](std::string_view w) {
        ok = ok || social_network(w) || w == "google";
        return true;
      });
      return ok;
    }
  }
  return false;
}

bool caption(const Line& l) {
  static const std::initializer_list<std::string_view> kCaptionWords = {
      "photo",        "photos",      "photograph",   "image",      "images",     "picture",
      "pictures",     "video",       "videos",       "watch",      "footage",    "caption",
      "credit",       "credits",     "illustration", "graphic",    "pictured",   "gallery",
      "listen",       "audio",       "top photo",    "main photo", "file photo", "featured image",
      "header image", "cover photo", "lead image"};
  // Words that may stand between the caption word and its colon:
  // "Video from the archive:", "Photo of the day:", "Photo courtesy:".
  static const std::initializer_list<std::string_view> kBetween = {
      "from",         "the",     "archive", "archives", "of",  "day",  "above",   "below",
      "courtesy",     "credit",  "file",    "source",   "by",  "via",  "this",    "story",
      "illustrative", "related", "our",     "latest",   "top", "main", "featured"};
  for (auto w : kCaptionWords) {
    std::string_view rest = after_phrase(l.s, w);
    if (!rest.data()) continue;
    // Skip allowed in-between words, then require ':' or '|'.
    for (int words = 0; words <= 4; ++words) {
      rest = trim_spaces(rest);
      if (starts_with(rest, ":") || starts_with(rest, "|")) return true;
      size_t n = 0;
      while (n < rest.size() && is_alnum(rest[n])) ++n;
      if (n == 0 || !in(rest.substr(0, n), kBetween)) break;
      rest.remove_prefix(n);
    }
  }
  if (opens_with(l, {"photo by", "photos by", "photograph by", "video by", "image by",
                     "photo courtesy", "image courtesy", "image credit", "photo credit"}))
    return true;
  // A caption ending in its credit: "Soldiers at a checkpoint. (AP Photo/Jane Roe)".
  if (!l.s.empty() && l.s.back() == ')') {
    size_t open = l.s.rfind('(');
    if (open != std::string_view::npos) {
      std::string_view credit = trim_spaces(l.s.substr(open + 1));
      for (auto p : {"photo", "ap photo", "afp photo", "reuters photo", "file photo",
                     "image:", "photo:", "photograph"})
        if (after_phrase(credit, p).data()) return true;
    }
  }
  return contains(l, "getty images") || contains(l, "/shutterstock");
}

bool advertisement(const Line& l) {
  return is_exactly(l,
                    {"advertisement", "advertisements", "advert", "ad", "ads", "sponsored",
                     "sponsored content", "paid content", "promoted", "promoted content",
                     "story continues below advertisement", "article continues below advertisement",
                     "story continues below", "article continues below", "continue reading below",
                     "continue reading the main story", "scroll to continue with content",
                     "content continues below"}) ||
         prompt(l, {"advertisement", "sponsored content", "paid content"});
}

bool click_here(const Line& l) {
  return opens_with(l, {"click here", "tap here", "click to enlarge", "click to expand",
                        "click to play", "click to view", "click the link"});
}

bool copyright(const Line& l) {
  if (l.s.size() > 300) return false;
  if (starts_with(l.s, "\u00a9") || starts_with(l.s, "(c) ") || starts_with(l.s, "(c)2"))
    return true;
  std::string_view rest = after_phrase(l.s, "copyright");
  if (rest.data()) {
    rest = trim_spaces(rest);
    if (rest.empty() || starts_with(rest, "\u00a9") || starts_with(rest, "(c)") ||
        starts_with(rest, ":") || starts_with(rest, "by ") || (rest[0] >= '0' && rest[0] <= '9'))
      return true;
  }
  return contains(l, "all rights reserved") ||
         contains(l, "may not be published, broadcast, rewritten or redistributed") ||
         contains(l, "may not be reproduced without");
}

bool tags(const Line& l) {
  return opens_with(
      l, {"tags:", "tags :", "topics:", "filed under:", "categories:", "category:", "keywords:"});
}

bool credit_line(const Line& l) {
  return l.s.size() < 200 && opens_with(l, {"reporting by", "additional reporting by", "editing by",
                                            "edited by", "writing by", "compiled by"});
}

struct Rule {
  NonBodyRule rule;
  bool (*match)(const Line&);
};

// The rule table: order only decides which name a line gets when two match.
const Rule kRules[] = {
    {{"read-more", "a link to another article, not part of this report"}, read_more},
    {{"related", "a list heading for other articles"}, related},
    {{"comments-closed", "the site's comment-section notice"}, comments_closed},
    {{"comment-prompt", "a prompt to comment"}, comment_prompt},
    {{"share", "share buttons or a share prompt"}, share},
    {{"subscribe", "a subscribe, sign-up or follow prompt"}, subscribe},
    {{"caption", "a photo or video caption, not reporting text"}, caption},
    {{"advertisement", "an advertisement marker"}, advertisement},
    {{"click-here", "a link prompt"}, click_here},
    {{"copyright", "a copyright notice"}, copyright},
    {{"tags", "the site's topic tags"}, tags},
    {{"credit-line", "a staff credit line"}, credit_line},
};

// Strips markdown and list decoration around a line: "*Video: ...*", "## Related",
// "• Share", "[Read more: ...]", "(Photo: ...)".
std::string_view strip_decoration(std::string_view s) {
  auto strip_front = [&] {
    for (std::string_view d : {"*", "_", "#", ">", "[", "(", "-", "\u2022", "\u25ba", "\u25b6",
                               "\u2192", "\u00bb", " ", "\t", "\u00a0"})
      if (starts_with(s, d)) {
        s.remove_prefix(d.size());
        return true;
      }
    return false;
  };
  auto strip_back = [&] {
    for (std::string_view d : {"*", "_", "]", " ", "\t", "\u00a0"})
      if (s.size() >= d.size() && s.substr(s.size() - d.size()) == d) {
        s.remove_suffix(d.size());
        return true;
      }
    return false;
  };
  while (strip_front()) {
  }
  while (strip_back()) {
  }
  return s;
}

}  // namespace

const NonBodyRule* match_non_body_line(std::string_view line) {
  if (line.size() > kMaxNonBodyLine) return nullptr;
  std::string_view core = strip_decoration(line);
  if (core.empty()) return nullptr;
  char buf[kMaxNonBodyLine];
  for (size_t i = 0; i < core.size(); ++i) {
    char c = core[i];
    buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view lowered(buf, core.size());
  Line l{lowered};
  for (const auto& r : kRules)
    if (r.match(l)) return &r.rule;
  return nullptr;
}

std::vector<NonBodyLine> find_non_body_lines(std::string_view text) {
  std::vector<NonBodyLine> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    if (end - pos <= kMaxNonBodyLine + 16) {
      size_t b = pos, e = end;
      while (b < e && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
      while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r')) --e;
      if (b < e)
        if (const NonBodyRule* rule = match_non_body_line(text.substr(b, e - b)))
          out.push_back({b, e, rule});
    }
    pos = end + 1;
  }
  return out;
}

}  // namespace cc
