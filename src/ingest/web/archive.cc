#include "ingest/web/archive.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/text.h"
#include "ingest/web/extract.h"

namespace cc::web {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Header block "Name: value" lines up to a blank line. Returns the offset
// just past the blank line, or npos when the block never ends.
size_t read_headers(std::string_view s, std::vector<std::pair<std::string, std::string_view>>& out) {
  size_t end = s.find("\r\n\r\n");
  size_t sep = 4;
  size_t lf = s.find("\n\n");
  if (lf != std::string_view::npos && (end == std::string_view::npos || lf < end)) {
    end = lf;
    sep = 2;
  }
  if (end == std::string_view::npos) return std::string_view::npos;
  std::string_view block = s.substr(0, end);
  size_t i = block.find('\n');  // the first line is the version or status line
  while (i != std::string_view::npos && i < block.size()) {
    size_t j = block.find('\n', i + 1);
    std::string_view line = block.substr(i + 1, (j == std::string_view::npos ? block.size() : j) - i - 1);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos)
      out.emplace_back(lower(trim(line.substr(0, colon))), trim(line.substr(colon + 1)));
    i = j;
  }
  return end + sep;
}

std::string_view header(const std::vector<std::pair<std::string, std::string_view>>& h,
                        std::string_view name) {
  for (const auto& [k, v] : h)
    if (k == name) return v;
  return {};
}

std::string charset_of(std::string_view content_type) {
  std::string ct = lower(content_type);
  size_t at = ct.find("charset=");
  if (at == std::string::npos) return {};
  std::string v = ct.substr(at + 8);
  v = v.substr(0, v.find_first_of("; "));
  v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
  return v;
}

bool is_html_type(std::string_view content_type) {
  std::string ct = lower(content_type);
  return ct.find("text/html") != std::string::npos ||
         ct.find("application/xhtml") != std::string::npos;
}

// Undoes HTTP chunked transfer coding; stops at the first malformed chunk.
std::string dechunk(std::string_view body) {
  std::string out;
  size_t i = 0;
  while (i < body.size()) {
    size_t eol = body.find("\r\n", i);
    if (eol == std::string_view::npos) break;
    size_t n = 0;
    size_t k = i;
    for (; k < eol && isxdigit(static_cast<unsigned char>(body[k])); ++k) {
      if (n > (size_t{1} << 32)) break;
      n = n * 16 + static_cast<size_t>(isdigit(static_cast<unsigned char>(body[k]))
                                           ? body[k] - '0'
                                           : (body[k] | 0x20) - 'a' + 10);
    }
    if (k == i || n == 0 || eol + 2 + n > body.size()) break;
    out.append(body.substr(eol + 2, n));
    i = eol + 2 + n + 2;
  }
  return out;
}

std::string node_text(xmlNodePtr n) {
  xmlChar* c = xmlNodeGetContent(n);
  std::string s = c ? reinterpret_cast<const char*>(c) : "";
  xmlFree(c);
  return std::string(trim(s));
}

std::string attribute(xmlNodePtr n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

bool named(xmlNodePtr n, const char* name) {
  return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

}  // namespace

bool is_gzip(std::string_view bytes) { return bytes.starts_with("\x1f\x8b"); }

Gunzipped gunzip(std::string_view bytes) {
  Gunzipped out;
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    out.error = "cannot start gzip decoder";
    return out;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size(), UINT32_MAX));
  char buf[1 << 16];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.bytes.append(buf, sizeof buf - zs.avail_out);
    if (out.bytes.size() > kMaxDocumentBytes) {
      out.error = "decompresses to more than 1 GiB; split it";
      break;
    }
    if (rc == Z_STREAM_END) {
      // Multi-member files (WARC writes one member per record) go on.
      if (zs.avail_in == 0 || !is_gzip(std::string_view(reinterpret_cast<char*>(zs.next_in), zs.avail_in)))
        break;
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      out.error = "truncated gzip stream";
      break;
    }
    if (rc != Z_OK) {
      out.error = std::string("corrupt gzip stream") + (zs.msg ? std::string(": ") + zs.msg : "");
      break;
    }
  }
  inflateEnd(&zs);
  return out;
}

bool is_warc(std::string_view bytes) { return bytes.starts_with("WARC/"); }

ContainerStats read_warc(std::string_view s, const PageSink& on_page, const DamageSink& on_damage) {
  ContainerStats stats;
  size_t pos = 0;
  while (pos < s.size()) {
    while (pos < s.size() && (s[pos] == '\r' || s[pos] == '\n')) ++pos;
    if (pos >= s.size()) break;
    size_t index = ++stats.records;
    if (!s.substr(pos).starts_with("WARC/")) {
      size_t next = s.find("\nWARC/", pos);
      on_damage(index, "not a WARC record header; skipped to the next one", true);
      if (next == std::string_view::npos) break;
      pos = next + 1;
      continue;
    }
    std::vector<std::pair<std::string, std::string_view>> h;
    size_t body = read_headers(s.substr(pos), h);
    if (body == std::string_view::npos) {
      on_damage(index, "WARC record header never ends (truncated?)", true);
      break;
    }
    body += pos;
    std::string_view length_text = header(h, "content-length");
    uint64_t length = 0;
    bool length_ok = !length_text.empty();
    for (char c : length_text) {
      if (c < '0' || c > '9' || length > (uint64_t{1} << 40)) {
        length_ok = false;
        break;
      }
      length = length * 10 + static_cast<uint64_t>(c - '0');
    }
    if (!length_ok) {
      on_damage(index, "WARC record without a valid Content-Length", true);
      size_t next = s.find("\nWARC/", body);
      if (next == std::string_view::npos) break;
      pos = next + 1;
      continue;
    }
    bool truncated = body + length > s.size();
    std::string_view block = s.substr(body, truncated ? s.size() - body : length);
    pos = truncated ? s.size() : body + length;
    std::string type = lower(header(h, "warc-type"));
    std::string url(header(h, "warc-target-uri"));
    if (url.starts_with("<") && url.ends_with(">")) url = url.substr(1, url.size() - 2);
    ContainedPage page;
    page.url = url;
    page.index = index;
    std::string decoded_body;  // when the payload had to be un-chunked or un-gzipped
    if (type == "response" && lower(header(h, "content-type")).find("application/http") != std::string::npos) {
      std::vector<std::pair<std::string, std::string_view>> http;
      size_t payload = read_headers(block, http);
      if (payload == std::string_view::npos || !block.starts_with("HTTP/")) {
        on_damage(index, "response record without an HTTP header" +
                             std::string(truncated ? " (record truncated)" : ""), true);
        continue;
      }
      std::string_view content_type = header(http, "content-type");
      if (!is_html_type(content_type)) {
        ++stats.skipped_non_html;
        continue;
      }
      page.charset = charset_of(content_type);
      page.html = block.substr(payload);
      page.offset = body + payload;
      if (lower(header(http, "transfer-encoding")).find("chunked") != std::string::npos) {
        decoded_body = dechunk(page.html);
      }
      if (lower(header(http, "content-encoding")).find("gzip") != std::string::npos) {
        Gunzipped g = gunzip(decoded_body.empty() ? page.html : decoded_body);
        decoded_body = std::move(g.bytes);
      }
    } else if (type == "resource" && is_html_type(header(h, "content-type"))) {
      page.charset = charset_of(header(h, "content-type"));
      page.html = block;
      page.offset = body;
    } else {
      ++stats.skipped_non_html;
      continue;
    }
    if (!decoded_body.empty()) {
      page.html = decoded_body;
      page.offset = UINT64_MAX;
    }
    if (truncated) on_damage(index, "WARC record truncated; extracting what is there", false);
    ++stats.pages;
    on_page(page);
  }
  return stats;
}

bool is_feed(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 2048);
  return head.find("<rss") != std::string_view::npos ||
         head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

ContainerStats read_feed(std::string_view bytes, const PageSink& on_page, const DamageSink& on_damage) {
  ContainerStats stats;
  xmlDocPtr doc = xmlReadMemory(bytes.data(), static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)),
                                nullptr, nullptr,
                                XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
  if (!doc) {
    on_damage(0, "not a readable RSS or Atom feed", true);
    return stats;
  }
  // Items sit under the root (Atom, RSS 1.0) or under rss/channel (RSS 2.0).
  std::vector<xmlNodePtr> items;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  for (xmlNodePtr c = root ? root->children : nullptr; c; c = c->next) {
    if (named(c, "item") || named(c, "entry")) items.push_back(c);
    if (named(c, "channel"))
      for (xmlNodePtr i = c->children; i; i = i->next)
        if (named(i, "item")) items.push_back(i);
  }
  size_t search_from = 0;
  for (xmlNodePtr item : items) {
    size_t index = ++stats.records;
    std::string title, link, date, encoded, content, description;
    for (xmlNodePtr c = item->children; c; c = c->next) {
      if (c->type != XML_ELEMENT_NODE) continue;
      std::string name = reinterpret_cast<const char*>(c->name);
      if (name == "title") title = node_text(c);
      else if (name == "link") {
        std::string href = attribute(c, "href");
        std::string rel = attribute(c, "rel");
        if (href.empty()) href = node_text(c);
        if (link.empty() || rel == "alternate") link = href;
      } else if (name == "pubDate" || name == "published" || name == "date" ||
                 (name == "updated" && date.empty())) {
        date = node_text(c);
      } else if (name == "encoded") encoded = node_text(c);
      else if (name == "content") content = node_text(c);
      else if (name == "description" || name == "summary") description = node_text(c);
    }
    std::string html = !encoded.empty() ? encoded : !content.empty() ? content : description;
    if (html.empty()) {
      on_damage(index, "feed item without content, summary or description", true);
      continue;
    }
    ContainedPage page;
    page.html = html;
    // CDATA content is a verbatim slice of the feed, after the previous item's.
    size_t at = bytes.find(html, search_from);
    page.offset = at == std::string_view::npos ? UINT64_MAX : at;
    if (at != std::string_view::npos) search_from = at + html.size();
    page.url = link;
    page.title = title;
    page.charset = "utf-8";  // libxml2 hands out UTF-8
    if (auto d = parse_page_date(date)) page.published = *d;
    page.index = index;
    ++stats.pages;
    on_page(page);
  }
  xmlFreeDoc(doc);
  return stats;
}

}  // namespace cc::web
