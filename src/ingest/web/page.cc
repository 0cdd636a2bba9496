#include "ingest/web/page.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace cc::web {

namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_block_tag(std::string_view t) {
  return one_of(t, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                    "dd", "blockquote", "pre", "table", "tr", "td", "th", "section", "article",
                    "main", "header", "footer", "aside", "nav", "figure", "figcaption", "form",
                    "br", "hr", "address", "center", "details", "summary", "fieldset", "tbody",
                    "thead", "body", "caption", "title"});
}

// Elements whose content is never article text.
bool is_dropped_tag(std::string_view t) {
  return one_of(t, {"script", "style", "noscript", "template", "svg", "math", "select", "option",
                    "button", "iframe", "object", "embed", "canvas", "nav", "aside", "footer",
                    "figcaption", "figure", "menu", "dialog", "textarea", "input", "audio",
                    "video", "header", "head"});
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
                                      "timestamp", "dateline", "pubdate", "datetime"};

// `word` is `key` or a plural/short inflection of it ("comments", "ads").
bool word_is(std::string_view word, std::string_view key) {
  return word.size() >= key.size() && word.size() <= key.size() + 1 && word[0] == key[0] &&
         word.starts_with(key);
}

template <size_t N>
bool any_word(std::string_view word, const std::string_view (&keys)[N]) {
  for (auto k : keys)
    if (word_is(word, k)) return true;
  return false;
}

struct Cues {
  bool clutter = false;
  bool unlikely = false;
  bool content = false;
  bool date = false;
};

// `names` is the class and id values as written (case kept, for camelCase).
Cues read_cues(std::string_view names) {
  Cues c;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    c.clutter |= any_word(word, kClutter);
    c.unlikely |= any_word(word, kUnlikely);
    c.content |= any_word(word, kContent);
    c.date |= any_word(word, kDate);
    word.clear();
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
    word += upper ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  flush();
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

class Builder {
 public:
  Builder(std::string_view html, htmlParserCtxtPtr ctxt) : html_(html), ctxt_(ctxt) {
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

  void start(std::string_view raw_name, const xmlChar** atts) {
    std::string tag = lower(raw_name);
    const Level& up = stack_.back();
    std::string words, type, rel, href, key, content, datetime, style, role;
    bool hidden = false;
    for (int i = 0; atts && atts[i]; i += 2) {
      std::string name = lower(reinterpret_cast<const char*>(atts[i]));
      std::string_view value = atts[i + 1] ? reinterpret_cast<const char*>(atts[i + 1]) : "";
      if (name == "class" || name == "id") {
        words += value;
        words += ' ';
      } else if (name == "type") {
        type = lower(value);
      } else if (name == "rel") {
        rel = lower(value);
      } else if (name == "href") {
        href = value;
      } else if (name == "name" || name == "property" || name == "itemprop" ||
                 name == "http-equiv") {
        if (key.empty() || name == "itemprop") key = lower(value);
      } else if (name == "content") {
        content = value;
      } else if (name == "datetime") {
        datetime = value;
      } else if (name == "hidden") {
        hidden = true;
      } else if (name == "aria-hidden") {
        hidden |= lower(value) == "true";
      } else if (name == "style") {
        style = lower(value);
      } else if (name == "role") {
        role = lower(value);
      } else if (name == "lang" && tag == "html") {
        page_.lang = lower(value);
      }
    }
    if (tag == "meta" && !key.empty() && !content.empty()) page_.meta.emplace_back(key, content);
    if (tag == "link" && !rel.empty()) page_.links.emplace_back(rel, href);
    if (!key.empty() && tag != "meta" && (!content.empty() || !datetime.empty()))
      page_.meta.emplace_back(key, !datetime.empty() ? datetime : content);
    if (tag == "time" && !datetime.empty()) page_.time_datetimes.push_back(datetime);
    if (tag == "br" || tag == "hr" || tag == "img" || tag == "meta" || tag == "link" ||
        tag == "input" || tag == "wbr") {
      close_block();  // void elements hold no text; end() finds no match for their end events
      return;
    }

    Cues cues = read_cues(words);
    Level level = up;
    level.tag = tag;
    level.block = is_block_tag(tag);
    level.json_ld = tag == "script" && type.find("ld+json") != std::string::npos;
    level.title = tag == "title" && page_.title.empty();
    level.link = up.link || tag == "a";
    if (cues.date && page_.date_texts.size() < kMaxDateTexts) {
      page_.date_texts.emplace_back();
      level.date_text = page_.date_texts.size();
    }
    if (level.json_ld) page_.json_ld.emplace_back();
    bool protected_tag = tag == "html" || tag == "body" || tag == "article" || tag == "main";
    bool drop = is_dropped_tag(tag) || hidden ||
                style.find("display:none") != std::string::npos ||
                style.find("display: none") != std::string::npos ||
                one_of(role, {"navigation", "complementary", "dialog", "alertdialog", "banner",
                              "contentinfo", "menu", "menubar"});
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
    stack_.push_back(level);
  }

  // Pops to the matching open element; an end tag that matches none of the
  // innermost few (a void element, a stray tag) changes nothing.
  void end(std::string_view raw_name) {
    std::string tag = lower(raw_name);
    size_t match = 0;
    for (size_t i = stack_.size(), seen = 0; i-- > 1 && seen < 16; ++seen)
      if (stack_[i].tag == tag) {
        match = i;
        break;
      }
    if (match == 0) return;
    if (stack_[match].block) close_block();
    stack_.resize(match);
  }

  void characters(const char* data, int len) {
    if (len <= 0) return;
    std::string_view chunk(data, static_cast<size_t>(len));
    const Level& at = stack_.back();
    if (at.json_ld) {
      std::string& raw = page_.json_ld.back();
      if (raw.size() + chunk.size() <= kMaxJsonLdBytes) raw += chunk;
      return;
    }
    if (at.title) {
      if (page_.title.size() < 1024) page_.title.append(chunk.substr(0, 1024));
      return;
    }
    if (at.date_text) {
      std::string& t = page_.date_texts[at.date_text - 1];
      if (t.size() < kMaxDateTextBytes) {
        t += ' ';
        t.append(chunk.substr(0, kMaxDateTextBytes));
      }
    }
    if (at.dropped) return;
    add_text(chunk, at);
  }

 private:
  struct Level {
    std::string tag;
    bool block = false;    // a block-level tag: text before and after it are separate blocks
    uint32_t element = 0;  // deepest kept element at or above this level
    uint32_t owner = 0;    // innermost kept block-level element
    uint16_t depth = 0;
    bool dropped = false;
    bool link = false;
    bool json_ld = false;
    bool title = false;
    size_t date_text = 0;  // 1 + index into Page::date_texts when capturing
  };

  // Byte position just past the parser's current input: the end of `chunk`.
  uint64_t position() const {
    const xmlParserInputPtr in = ctxt_->input;
    return in->consumed + static_cast<uint64_t>(in->cur - in->base);
  }

  void add_text(std::string_view chunk, const Level& at) {
    if (open_block_ < 0) {
      bool all_space = std::all_of(chunk.begin(), chunk.end(), is_space);
      if (all_space) return;
      Block b;
      b.owner = at.owner;
      const std::string& tag = page_.elements[at.owner].tag;
      b.heading = tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
      b.piece_begin = b.piece_end = static_cast<uint32_t>(page_.pieces.size());
      open_block_ = static_cast<int64_t>(page_.blocks.size());
      page_.blocks.push_back(b);
    }
    Piece p;
    uint64_t end = std::min<uint64_t>(position(), html_.size());
    p.verbatim = end >= chunk.size() && html_.substr(end - chunk.size(), chunk.size()) == chunk;
    if (p.verbatim) {
      p.source = end - chunk.size();
    } else {
      // A decoded reference ("&amp;"): point at its '&'.
      size_t from = end > 40 ? end - 40 : 0;
      size_t amp = html_.substr(from, end - from).rfind('&');
      p.source = amp != std::string_view::npos ? from + amp : end;
    }
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

  std::string_view html_;
  htmlParserCtxtPtr ctxt_;
  Page page_;
  std::vector<Level> stack_;
  int64_t open_block_ = -1;
};

Builder* builder_of(void* ctx) {
  auto* ctxt = static_cast<htmlParserCtxtPtr>(ctx);
  return static_cast<Builder*>(ctxt->_private);
}

void on_start(void* ctx, const xmlChar* name, const xmlChar** atts) {
  builder_of(ctx)->start(reinterpret_cast<const char*>(name), atts);
}
void on_end(void* ctx, const xmlChar* name) {
  builder_of(ctx)->end(reinterpret_cast<const char*>(name));
}
void on_characters(void* ctx, const xmlChar* ch, int len) {
  builder_of(ctx)->characters(reinterpret_cast<const char*>(ch), len);
}
void on_silent(void*, const char*, ...) {}

}  // namespace

std::string_view Page::block_text(const Block& b) const {
  if (b.piece_begin == b.piece_end) return {};
  uint32_t begin = pieces[b.piece_begin].text_begin, end = pieces[b.piece_end - 1].text_end;
  return std::string_view(text).substr(begin, end - begin);
}

Page parse_page(std::string_view utf8) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  // libxml2 takes an int length; pages past 2 GiB are refused before this.
  htmlParserCtxtPtr ctxt =
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(std::min<size_t>(utf8.size(), INT32_MAX)));
  if (!ctxt) return Page{};
  Builder builder(utf8, ctxt);
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.cdataBlock = on_characters;
  sax.warning = on_silent;
  sax.error = on_silent;
  *ctxt->sax = sax;
  ctxt->userData = ctxt;  // callbacks receive the context, for input positions
  ctxt->_private = &builder;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NOIMPLIED);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  htmlFreeParserCtxt(ctxt);
  return builder.finish();
}

}  // namespace cc::web
