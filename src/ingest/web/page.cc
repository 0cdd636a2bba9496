#include "ingest/web/page.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "ingest/web/tokenizer.h"

namespace cc::web {

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// What the tree builder knows about a tag.
enum TagFlag : uint16_t {
  kBlock = 1 << 0,        // text before and after it are separate blocks
  kDropped = 1 << 1,      // its content is never article text
  kVoid = 1 << 2,         // no content and no end tag ("<br>", "<img>")
  kClosesP = 1 << 3,      // its start tag ends an open <p>
  kHeadContent = 1 << 4,  // belongs in <head>; any other start tag ends the head
  kScope = 1 << 5,        // implied end tags stop here (tables, cells, buttons)
};

uint16_t tag_flags(std::string_view tag) {
  static const std::unordered_map<std::string_view, uint16_t> table = [] {
    std::unordered_map<std::string_view, uint16_t> t;
    auto add = [&](std::initializer_list<std::string_view> tags, uint16_t flag) {
      for (auto tag : tags) t[tag] |= flag;
    };
    add({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
         "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "main", "header",
         "footer", "aside", "nav", "figure", "figcaption", "form", "br", "hr", "address", "center",
         "details", "summary", "fieldset", "tbody", "thead", "body", "caption", "title"},
        kBlock);
    add({"script", "style", "noscript", "template", "svg", "math", "select", "option", "button",
         "iframe", "object", "embed", "canvas", "nav", "aside", "footer", "figcaption", "figure",
         "menu", "dialog", "textarea", "input", "audio", "video", "header", "head"},
        kDropped);
    add({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
         "param", "source", "track", "wbr"},
        kVoid);
    add({"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
         "dl", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
         "h6", "header", "hgroup", "hr", "li", "dd", "dt", "main", "menu", "nav", "ol", "p", "pre",
         "section", "summary", "table", "ul", "xmp"},
        kClosesP);
    add({"base", "link", "meta", "title", "style", "script", "noscript", "template"}, kHeadContent);
    add({"html", "table", "td", "th", "caption", "marquee", "object", "template", "button",
         "applet"},
        kScope);
    return t;
  }();
  auto it = table.find(tag);
  return it == table.end() ? 0 : it->second;
}

bool is_heading(std::string_view t) {
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

// Class/id words (matched against the parts of a class name split at '-',
// '_' and camelCase humps) that mark clutter whatever else the element says.
constexpr std::string_view kClutter[] = {
    "comment", "cookie", "consent", "gdpr", "newsletter", "related", "share", "sharing",
    "social", "breadcrumb", "breadcrumbs", "outbrain", "taboola", "disqus", "caption",
    "advert", "advertisement", "recommend", "recommended", "trending"};
// Words that mark clutter unless the element also reads as content; they can
// also name wrappers ("page-ad-margins", "content paywall"), hence the retry.
constexpr std::string_view kUnlikely[] = {
    "sidebar", "footer", "menu", "banner", "header", "masthead", "pagination", "pager",
    "extra", "rss", "remark", "replies", "skyscraper", "nav", "navbar", "navigation", "widget",
    "tags", "credit", "credits", "byline", "author", "toolbar", "hidden", "login", "print",
    "aside", "more", "popular", "community", "supplemental", "ad", "ads", "adv", "paywall",
    "promo", "sponsor", "sponsored", "subscribe", "subscription", "popup", "modal"};
constexpr std::string_view kContent[] = {"article", "body", "content", "entry", "main",
                                         "post", "text", "story", "blog", "column"};
constexpr std::string_view kDate[] = {"date", "time", "publish", "published", "posted",
                                      "timestamp", "dateline", "pubdate", "datetime", "datum",
                                      "fecha"};
// Date elements that give the last change rather than the publication.
constexpr std::string_view kModified[] = {"modified", "lastmod", "lastmodified"};


struct Cues {
  bool clutter = false;
  bool unlikely = false;
  bool content = false;
  bool date = false;
  bool modified = false;
};

enum CueFlag : uint8_t {
  kClutterWord = 1,
  kUnlikelyWord = 2,
  kContentWord = 4,
  kDateWord = 8,
  kModifiedWord = 16,
};

// The cue flags of the key words, looked up whole.
uint8_t key_flags(std::string_view word) {
  static const std::unordered_map<std::string_view, uint8_t> table = [] {
    std::unordered_map<std::string_view, uint8_t> t;
    for (auto k : kClutter) t[k] |= kClutterWord;
    for (auto k : kUnlikely) t[k] |= kUnlikelyWord;
    for (auto k : kContent) t[k] |= kContentWord;
    for (auto k : kDate) t[k] |= kDateWord;
    for (auto k : kModified) t[k] |= kModifiedWord;
    return t;
  }();
  auto it = table.find(word);
  return it == table.end() ? 0 : it->second;
}

// A word matches a key it equals or extends by one letter, for plurals and
// short inflections ("comments", "ads", "posted").
uint8_t word_flags(std::string_view word) {
  uint8_t f = key_flags(word);
  if (word.size() > 1) f |= key_flags(word.substr(0, word.size() - 1));
  return f;
}

// `names` is the class and id values as written (case kept, for camelCase).
Cues read_cues(std::string_view names) {
  constexpr size_t kLongestKey = 16;  // longer words match no key
  char word[kLongestKey + 1];
  size_t len = 0;
  bool too_long = false;
  uint8_t flags = 0;
  auto flush = [&] {
    if (len > 0 && !too_long) flags |= word_flags(std::string_view(word, len));
    len = 0;
    too_long = false;
  };
  for (size_t i = 0; i < names.size(); ++i) {
    char ch = names[i];
    bool upper = ch >= 'A' && ch <= 'Z';
    bool alnum = upper || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!alnum) {
      flush();
      continue;
    }
    // A hump ("articleBody") starts a word unless it continues capitals ("GDPRBanner").
    if (upper && i > 0 && names[i - 1] >= 'a' && names[i - 1] <= 'z') flush();
    if (len == kLongestKey) too_long = true;
    else word[len++] = upper ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  flush();
  Cues c;
  c.clutter = flags & kClutterWord;
  c.unlikely = flags & kUnlikelyWord;
  c.content = flags & kContentWord;
  c.date = flags & kDateWord;
  c.modified = flags & kModifiedWord;
  return c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return out;
}

bool is_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f'; }

constexpr size_t kMaxDateTexts = 24;
constexpr size_t kMaxDateTextBytes = 160;
constexpr size_t kMaxJsonLdBytes = size_t{4} << 20;
constexpr size_t kMaxHeadlines = 4;
constexpr size_t kMaxJsonDataScan = size_t{256} << 10;
constexpr size_t kMaxHeadlineBytes = 300;

// Meta keys in lower case, without the "schema:" prefix of RDFa markup.
std::string meta_key(std::string_view key) {
  std::string k = lower(key);
  if (k.starts_with("schema:")) k.erase(0, 7);
  return k;
}

// Builds the Page from the tokens: a stack of open elements with HTML's
// common implied end tags (a new <p> or <div> ends an open <p>, <li> ends
// <li>, a cell ends a cell, any body tag ends <head>), and text cut into
// blocks at block-level tags.
class Builder : public TokenSink {
 public:
  Builder() {
    page_.elements.push_back({"#root", 0, 0, 0});
    stack_.emplace_back();
  }

  Page finish() {
    for (const Block& b : page_.blocks) {
      uint32_t e = b.owner;
      for (;;) {
        page_.elements[e].text_chars += b.chars;
        page_.elements[e].link_chars += b.link_chars;
        if (e == 0) break;
        e = page_.elements[e].parent;
      }
    }
    return std::move(page_);
  }

  void start_tag(std::string_view tag, const std::vector<Attribute>& attributes,
                 bool self_closing) override {
    uint16_t flags = tag_flags(tag);
    close_implied(tag, flags);
    const Level& up = stack_.back();
    std::string_view type, rel, href, key, content, datetime, style, role, test_id;
    words_.clear();
    bool hidden = false;
    for (const Attribute& a : attributes) {
      std::string_view name = a.name, value = a.value;
      if (name == "class" || name == "id") {
        words_ += value;
        words_ += ' ';
      } else if (name == "type") {
        type = value;
      } else if (name == "rel") {
        rel = value;
      } else if (name == "href") {
        href = value;
      } else if (name == "name" || name == "property" || name == "itemprop" ||
                 name == "http-equiv") {
        if (key.empty() || name == "itemprop") key = value;
      } else if (name == "content") {
        content = value;
      } else if (name == "datetime") {
        datetime = value;
      } else if (name == "hidden") {
        hidden = true;
      } else if (name == "aria-hidden") {
        hidden |= lower(value) == "true";
      } else if (name == "style") {
        style = value;
      } else if (name == "role") {
        role = value;
      } else if (name == "data-testid") {
        test_id = value;
      } else if (name == "lang" && tag == "html") {
        page_.lang = lower(value);
      }
    }
    if (tag == "meta" && !key.empty() && !content.empty())
      page_.meta.emplace_back(meta_key(key), content);
    if (tag == "link" && !rel.empty()) page_.links.emplace_back(lower(rel), href);
    if (!key.empty() && tag != "meta" && (!content.empty() || !datetime.empty()))
      page_.meta.emplace_back(meta_key(key), !datetime.empty() ? datetime : content);
    Cues cues = read_cues(words_);
    // Test hooks name what an element shows ("article-date") as class names do.
    if (!test_id.empty()) cues.date |= read_cues(test_id).date;
    bool protected_tag = tag == "html" || tag == "body" || tag == "article" || tag == "main";
    bool noise = up.noise || (!protected_tag && cues.clutter);
    if (tag == "time" && !datetime.empty() && !noise) page_.time_datetimes.emplace_back(datetime);
    if (flags & kVoid) {
      // Void elements hold no text; a line break or image still ends the block.
      if (tag == "br" || tag == "hr" || tag == "img" || tag == "input" || tag == "wbr") close_block();
      return;
    }

    Level level = up;
    level.tag = tag;
    level.flags = flags;
    level.block = flags & kBlock;
    std::string script_type = tag == "script" ? lower(type) : std::string();
    level.json_ld = script_type.find("ld+json") != std::string::npos;
    level.json_data = !level.json_ld && script_type.find("json") != std::string::npos;
    level.title = tag == "title" && page_.title.empty();
    level.link = up.link || tag == "a";
    level.noise = noise;
    if ((cues.date || cues.modified) && !noise && page_.date_texts.size() < kMaxDateTexts) {
      page_.date_texts.push_back({"", cues.modified});
      level.date_text = page_.date_texts.size();
    }
    if (tag == "h1" && !in_headline_ && page_.headlines.size() < kMaxHeadlines) {
      page_.headlines.emplace_back();
      headline_level_ = stack_.size();
      in_headline_ = true;
    }
    if (level.json_ld) page_.json_ld.emplace_back();
    bool drop = false;
    if ((flags & kDropped) || hidden) {
      drop = true;
    } else if (!style.empty() || !role.empty()) {
      std::string st = lower(style);
      drop = st.find("display:none") != std::string::npos ||
             st.find("display: none") != std::string::npos ||
             one_of(lower(role), {"navigation", "complementary", "dialog", "alertdialog",
                                  "banner", "contentinfo", "menu", "menubar"});
    }
    level.dropped = up.dropped || drop;
    if (!level.dropped && up.depth < kMaxDepth) {
      Element e;
      e.tag = tag;
      e.parent = up.element;
      e.depth = static_cast<uint16_t>(up.depth + 1);
      e.cue = static_cast<int16_t>((cues.content ? 25 : 0) - (cues.unlikely ? 25 : 0));
      e.clutter = !protected_tag && cues.clutter;
      e.unlikely = !protected_tag && cues.unlikely && !cues.content;
      e.under_clutter = e.clutter || page_.elements[up.element].under_clutter;
      e.under_unlikely = e.unlikely || page_.elements[up.element].under_unlikely;
      level.element = static_cast<uint32_t>(page_.elements.size());
      level.depth = e.depth;
      page_.elements.push_back(std::move(e));
      if (level.block) level.owner = level.element;
    }
    if (level.block) close_block();
    if (tag == "head" && !head_level_) head_level_ = stack_.size();
    stack_.push_back(std::move(level));
    if (self_closing) end_tag(tag);
  }

  // Pops to the matching open element; an end tag that matches none of the
  // innermost few (a stray tag) changes nothing, so the cost per tag stays
  // bounded however deep the page nests.
  void end_tag(std::string_view tag) override {
    if (tag == "br") return close_block();  // "</br>" is read as "<br>", as browsers do
    size_t match = find_open(tag, kEndTagReach, false);
    if (match == 0) {
      if (tag == "p") close_block();  // "</p>" with no open <p> still ends a paragraph
      return;
    }
    pop_to(match);
  }

  void text(std::string_view piece, uint64_t source, bool verbatim) override {
    const Level& at = stack_.back();
    if (at.title) {
      if (page_.title.size() < 1024) page_.title.append(piece.substr(0, 1024));
      return;
    }
    for (size_t i = 0; i < page_.headlines.size(); ++i) {
      bool open = in_headline_ && i + 1 == page_.headlines.size();
      std::string& t = open ? page_.headlines[i].text : page_.headlines[i].after;
      if (t.size() >= kMaxHeadlineBytes) continue;
      t.append(piece.substr(0, kMaxHeadlineBytes));
      if (!open) t += ' ';
    }
    if (at.date_text) {
      std::string& t = page_.date_texts[at.date_text - 1].text;
      if (t.size() < kMaxDateTextBytes) {
        t += ' ';
        t.append(piece.substr(0, kMaxDateTextBytes));
      }
    }
    if (at.dropped) return;
    add_text(piece, source, verbatim, at);
  }

  void raw_text(std::string_view body, uint64_t) override {
    const Level& at = stack_.back();
    if (at.json_data) return read_data_dates(body.substr(0, kMaxJsonDataScan));
    if (!at.json_ld) return;
    std::string& raw = page_.json_ld.back();
    if (raw.size() + body.size() <= kMaxJsonLdBytes) raw += body;
  }

 private:
  struct Level {
    std::string tag;
    uint16_t flags = 0;    // tag_flags(tag)
    bool block = false;    // a block-level tag: text before and after it are separate blocks
    uint32_t element = 0;  // deepest kept element at or above this level
    uint32_t owner = 0;    // innermost kept block-level element
    uint16_t depth = 0;
    bool dropped = false;
    bool link = false;
    bool json_ld = false;
    bool json_data = false;  // a <script> holding JSON for the page's own scripts
    bool title = false;
    bool noise = false;    // in a comment section, a related-links box or a teaser
    size_t date_text = 0;  // 1 + index into Page::date_texts when capturing
  };

  // How many open elements an end tag or implied end tag looks through.
  static constexpr size_t kEndTagReach = 16;

  // The stack index of the innermost open `tag` among the `reach` innermost
  // elements, 0 when there is none (or, with `scoped`, when a table, cell or
  // button comes first).
  size_t find_open(std::string_view tag, size_t reach, bool scoped,
                   std::string_view stop_a = {}, std::string_view stop_b = {}) const {
    for (size_t i = stack_.size(), seen = 0; i-- > 1 && seen < reach; ++seen) {
      const std::string& t = stack_[i].tag;
      if (t == tag) return i;
      if (scoped && ((stack_[i].flags & kScope) || t == stop_a || t == stop_b)) return 0;
    }
    return 0;
  }

  void pop_to(size_t match) {
    if (stack_[match].block) close_block();
    stack_.resize(match);
    if (head_level_ >= match) head_level_ = 0;
    if (in_headline_ && headline_level_ >= match) in_headline_ = false;
  }

  void close_implied(std::string_view tag, uint16_t flags) {
    if (head_level_ && !(flags & kHeadContent) && tag != "head") pop_to(head_level_);
    if (flags & kClosesP)
      if (size_t p = find_open("p", kEndTagReach, true)) pop_to(p);
    size_t match = 0;
    if (tag == "li") {
      match = find_open("li", kEndTagReach, true, "ul", "ol");
    } else if (tag == "dt" || tag == "dd") {
      match = find_open("dt", kEndTagReach, true, "dl");
      if (!match) match = find_open("dd", kEndTagReach, true, "dl");
    } else if (tag == "tr") {
      match = find_open("tr", kEndTagReach, false, "table");
    } else if (tag == "td" || tag == "th") {
      match = find_open("td", kEndTagReach, false, "tr", "table");
      if (!match) match = find_open("th", kEndTagReach, false, "tr", "table");
    } else if (tag == "a") {
      match = find_open("a", kEndTagReach, true);
    } else if (is_heading(tag) && is_heading(stack_.back().tag)) {
      match = stack_.size() - 1;
    }
    if (match) pop_to(match);
  }

  void add_text(std::string_view chunk, uint64_t source, bool verbatim, const Level& at) {
    if (open_block_ < 0) {
      bool all_space = std::all_of(chunk.begin(), chunk.end(), is_space);
      if (all_space) return;
      Block b;
      b.owner = at.owner;
      b.heading = is_heading(page_.elements[at.owner].tag);
      b.piece_begin = b.piece_end = static_cast<uint32_t>(page_.pieces.size());
      open_block_ = static_cast<int64_t>(page_.blocks.size());
      page_.blocks.push_back(b);
    }
    Piece p;
    p.verbatim = verbatim;
    p.source = source;
    p.text_begin = static_cast<uint32_t>(page_.text.size());
    Block& b = page_.blocks[static_cast<size_t>(open_block_)];
    for (char ch : chunk) {
      bool space = is_space(ch);
      page_.text += space ? ' ' : ch;  // same length keeps verbatim offsets in step
      if (!space) {
        ++b.chars;
        b.link_chars += at.link;
        b.commas += ch == ',';
      }
    }
    p.text_end = static_cast<uint32_t>(page_.text.size());
    page_.pieces.push_back(p);
    b.piece_end = static_cast<uint32_t>(page_.pieces.size());
  }

  void close_block() { open_block_ = -1; }

  // Publication dates in a JSON data island ({"publishedDate":"2024-03-05..."}),
  // found by their keys without parsing what may be megabytes of state.
  void read_data_dates(std::string_view json) {
    for (std::string_view key : {"\"datePublished\"", "\"publishedDate\"", "\"publishDate\"",
                                 "\"published_at\""}) {
      size_t at = json.find(key);
      if (at == std::string_view::npos) continue;
      size_t i = at + key.size();
      while (i < json.size() && (json[i] == ' ' || json[i] == ':')) ++i;
      if (i >= json.size() || json[i] != '"') continue;
      size_t end = json.find('"', i + 1);
      if (end == std::string_view::npos || end - i > kMaxDateTextBytes) continue;
      page_.data_dates.emplace_back(json.substr(i + 1, end - i - 1));
      return;
    }
  }

  Page page_;
  std::vector<Level> stack_;
  std::string words_;  // the class and id values of the tag being read
  int64_t open_block_ = -1;
  size_t head_level_ = 0;  // stack index of the open <head>, 0 when none
  size_t headline_level_ = 0;  // stack index of the open <h1>
  bool in_headline_ = false;
};

}  // namespace

std::string_view Page::block_text(const Block& b) const {
  if (b.piece_begin == b.piece_end) return {};
  uint32_t begin = pieces[b.piece_begin].text_begin, end = pieces[b.piece_end - 1].text_end;
  return std::string_view(text).substr(begin, end - begin);
}

const std::string* Page::meta_value(std::initializer_list<std::string_view> keys) const {
  for (auto key : keys)
    for (const auto& [k, v] : meta)
      if (k == key && !std::all_of(v.begin(), v.end(), is_space)) return &v;
  return nullptr;
}

Page parse_page(std::string_view utf8) {
  Builder builder;
  tokenize_html(utf8, builder);
  return builder.finish();
}

}  // namespace cc::web
