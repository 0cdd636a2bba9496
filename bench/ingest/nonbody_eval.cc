// Non-body line rules on news pages the rules were not written from:
// ../shared/data/html/scrapinghub-dev (88 pages with their article body).
//
// Each page's visible text is split into blocks (one line per block element,
// a crude extraction: the web stage does the real one). A line the rules drop
// is a false positive when it is part of the article body (equal to a body
// line, or 30+ bytes found inside the body; a lone "Twitter" button is not
// body because the article mentions Twitter), a true positive otherwise.
// The article bodies alone are also run through the rules: every line
// dropped there is body text lost.
//
// Recall is not printed: no labels say which page lines are read-more links,
// captions or share prompts (menus and footers are not this stage's job).
// Usage: bench_nonbody [scrapinghub-dev folder]
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/boilerplate.h"

namespace {

namespace fs = std::filesystem;

std::string gunzip_file(const fs::path& p) {
  gzFile f = gzopen(p.string().c_str(), "rb");
  std::string out;
  if (!f) return out;
  char buf[1 << 16];
  for (int n; (n = gzread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// Collapses runs of white space to one space and trims.
std::string squash(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BR: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
    case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

void walk(const GumboNode* n, std::string& line, std::vector<std::string>& lines, int depth) {
  if (depth > 200) return;  // hostile nesting
  auto flush = [&] {
    std::string s = squash(line);
    if (!s.empty()) lines.push_back(std::move(s));
    line.clear();
  };
  if (n->type == GUMBO_NODE_TEXT) {
    line.append(n->v.text.text);
    return;
  }
  if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) return;
  GumboTag tag = n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_HTML;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
      tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD)
    return;
  const GumboVector& kids =
      n->type == GUMBO_NODE_ELEMENT ? n->v.element.children : n->v.document.children;
  bool block = is_block(tag);
  if (block) flush();
  for (unsigned i = 0; i < kids.length; ++i)
    walk(static_cast<const GumboNode*>(kids.data[i]), line, lines, depth + 1);
  if (block) flush();
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1])
                          : fs::path(CROSSCHECK_SHARED_DIR) / "data/html/scrapinghub-dev";
  std::ifstream in(dir / "ground-truth.json");
  if (!in) {
    std::fprintf(stderr, "bench_nonbody: cannot open %s\n", (dir / "ground-truth.json").c_str());
    return 2;
  }
  auto truth = nlohmann::json::parse(in);
  size_t pages = 0, page_lines = 0, tp = 0, fp = 0, body_lines = 0, body_dropped = 0;
  std::vector<std::string> false_drops, true_drops;
  for (const auto& [id, item] : truth.items()) {
    std::string html = gunzip_file(dir / "html" / (id + ".html.gz"));
    if (html.empty()) continue;
    std::string body_text = item.value("articleBody", "");
    std::string body = squash(body_text);
    std::vector<std::string> body_set;
    for (size_t pos = 0; pos <= body_text.size();) {
      size_t nl = std::min(body_text.find('\n', pos), body_text.size());
      body_set.push_back(squash(std::string_view(body_text).substr(pos, nl - pos)));
      pos = nl + 1;
    }
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    std::vector<std::string> lines;
    std::string line;
    walk(out->root, line, lines, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    ++pages;
    for (const auto& l : lines) {
      ++page_lines;
      const cc::NonBodyRule* rule = cc::match_non_body_line(l);
      if (!rule) continue;
      bool in_body = std::find(body_set.begin(), body_set.end(), l) != body_set.end() ||
                     (l.size() >= 30 && body.find(l) != std::string::npos);
      (in_body ? fp : tp)++;
      (in_body ? false_drops : true_drops).push_back(std::string(rule->name) + ": " + l);
    }
    size_t pos = 0;
    while (pos <= body_text.size()) {
      size_t nl = body_text.find('\n', pos);
      if (nl == std::string::npos) nl = body_text.size();
      std::string l = squash(std::string_view(body_text).substr(pos, nl - pos));
      pos = nl + 1;
      if (l.empty()) continue;
      ++body_lines;
      if (const cc::NonBodyRule* rule = cc::match_non_body_line(l)) {
        ++body_dropped;
        false_drops.push_back(std::string("(body) ") + rule->name + ": " + l);
      }
    }
  }
  std::printf("pages: %zu, page lines: %zu, article-body lines: %zu\n", pages, page_lines,
              body_lines);
  std::printf("page lines dropped: %zu (%zu not in the body, %zu in it)\n", tp + fp, tp, fp);
  std::printf("precision: %.3f\n", tp + fp ? static_cast<double>(tp) / (tp + fp) : 1.0);
  std::printf("article-body lines dropped: %zu of %zu (%.2f%%)\n", body_dropped, body_lines,
              body_lines ? 100.0 * body_dropped / body_lines : 0.0);
  std::printf("recall: not measured (no labels for furniture lines)\n");
  std::printf("\ndropped, in the body (false positives):\n");
  for (const auto& s : false_drops) std::printf("  %.160s\n", s.c_str());
  std::printf("\ndropped, not in the body (first 40):\n");
  for (size_t i = 0; i < true_drops.size() && i < 40; ++i)
    std::printf("  %.160s\n", true_drops[i].c_str());
  return 0;
}
