#include "ingest/web/web.h"

#include <algorithm>

#include "ingest/web/archive.h"
#include "ingest/web/extract.h"

namespace cc {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ends_with_any(const std::string& s, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view x) { return s.ends_with(x); });
}

bool looks_like_html(std::string_view head) {
  std::string h = lower(head.substr(0, 1024));
  size_t i = h.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (i == std::string::npos) return false;
  std::string_view rest = std::string_view(h).substr(i);
  return rest.starts_with("<!doctype html") || rest.starts_with("<html") ||
         (rest.starts_with("<?xml") && h.find("<html") != std::string::npos);
}

// Shifts a map into a page so it points into the container holding the page.
OffsetMap shifted(const OffsetMap& map, uint64_t base) {
  OffsetMap shift;
  shift.map(0, base);
  return map.then(shift);
}

Result<Document> to_document(web::Article&& a, std::string path) {
  if (a.body.utf8.empty()) return Status::error("no article text found in the page");
  auto doc = document_from_decoded(a.body, std::move(path));
  if (!doc.ok()) return Status::error("no article text found in the page");
  doc->title = std::move(a.title);
  doc->url = std::move(a.url);
  doc->source = std::move(a.site);
  doc->published = a.published;
  doc->language = std::move(a.language);
  return doc;
}

void emit(Result<Document>&& doc, const std::string& path, const DocumentSink& on_document,
          const ErrorSink& on_error) {
  if (doc.ok()) on_document(std::move(doc.value()));
  else on_error({path, doc.status().message()});
}

// Pages from a WARC or a feed: one document each, named "path#index".
web::ContainerStats read_container(std::string_view bytes, bool warc, const std::string& path,
                                   const DocumentSink& on_document, const ErrorSink& on_error) {
  auto on_page = [&](const web::ContainedPage& p) {
    std::string name = path + "#" + std::to_string(p.index);
    auto article = web::extract_article(p.html, {p.url, p.charset});
    if (!article.ok()) return on_error({name, article.status().message()});
    if (p.offset != UINT64_MAX && p.offset != 0)
      article->body.map = shifted(article->body.map, p.offset);
    if (!p.title.empty()) article->title = p.title;
    if (p.published.known()) article->published = p.published;
    if (article->url.empty()) article->url = p.url;
    emit(to_document(std::move(article.value()), name), name, on_document, on_error);
  };
  auto on_damage = [&](size_t index, std::string message, bool fatal) {
    on_error({index ? path + "#" + std::to_string(index) : path, std::move(message), fatal});
  };
  return warc ? web::read_warc(bytes, on_page, on_damage) : web::read_feed(bytes, on_page, on_damage);
}

}  // namespace

bool is_web_input(const std::string& path, std::string_view head) {
  std::string p = lower(path);
  if (ends_with_any(p, {".html", ".htm", ".xhtml", ".shtml", ".html.gz", ".htm.gz", ".warc",
                        ".warc.gz", ".rss", ".atom"}))
    return true;
  if (web::is_warc(head) || looks_like_html(head)) return true;
  return p.ends_with(".xml") && web::is_feed(head);
}

void read_web_input(std::string_view bytes, const std::string& path,
                    const DocumentSink& on_document, const ErrorSink& on_error) {
  read_web_input(bytes, path, on_document, on_error, nullptr);
}

void read_web_input(std::string_view bytes, const std::string& path,
                    const DocumentSink& on_document, const ErrorSink& on_error,
                    web::ContainerStats* stats) {
  std::string inflated;
  if (web::is_gzip(bytes)) {
    web::Gunzipped g = web::gunzip(bytes);
    if (!g.error.empty()) on_error({path, g.error});
    if (g.bytes.empty()) return;
    inflated = std::move(g.bytes);
    bytes = inflated;
  }
  web::ContainerStats s;
  if (web::is_warc(bytes)) {
    s = read_container(bytes, true, path, on_document, on_error);
  } else if (web::is_feed(bytes) && !looks_like_html(bytes)) {
    s = read_container(bytes, false, path, on_document, on_error);
  } else {
    s.records = 1;
    emit(document_from_html(bytes, path), path, on_document, on_error);
    s.pages = 1;
  }
  if (stats) *stats = s;
}

Result<Document> document_from_html(std::string_view html, std::string path,
                                    const std::string& url) {
  auto article = web::extract_article(html, {url, ""});
  if (!article.ok()) return article.status();
  return to_document(std::move(article.value()), std::move(path));
}

}  // namespace cc
