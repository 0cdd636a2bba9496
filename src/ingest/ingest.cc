#include "ingest/ingest.h"

#include <unicode/uchar.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "ingest/boilerplate.h"
#include "ingest/web/web.h"

namespace cc {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status::error("read error on standard input");
    return bytes;
  }
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec) return Status::error("cannot read: " + ec.message());
  if (size > kMaxDocumentBytes) return Status::error("larger than 1 GiB; split it");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot open");
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<size_t>(in.gcount()) != size) return Status::error("read error");
  return bytes;
}

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && bytes[0] == '\x1f' && bytes[1] == '\x8b';
}

struct Gunzipped {
  std::string bytes;
  std::string problem;  // "" when the whole stream decoded
};

// Decompresses gzip data (several members allowed). On truncated or corrupt
// data returns what decoded before the damage, with the problem.
Gunzipped gunzip(std::string_view in) {
  Gunzipped out;
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 16) != Z_OK) return {"", "cannot start gzip decoder"};
  size_t fed = 0;  // zlib takes at most 4 GiB at a time
  char buf[1 << 16];
  for (;;) {
    if (zs.avail_in == 0 && fed < in.size()) {
      size_t next = std::min<size_t>(in.size() - fed, UINT32_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data() + fed));
      zs.avail_in = static_cast<uInt>(next);
      fed += next;
    }
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.bytes.append(buf, sizeof buf - zs.avail_out);
    if (out.bytes.size() > kMaxDocumentBytes) {
      out.problem = "decompresses to over 1 GiB; split it";
      break;
    }
    bool input_left = zs.avail_in > 0 || fed < in.size();
    if (rc == Z_STREAM_END) {
      // Another member may follow (cat a.gz b.gz); zero padding ends the data.
      if (!input_left || (zs.avail_in > 0 && *zs.next_in == 0)) break;
      inflateReset(&zs);
    } else if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      // The output buffer was empty, so inflate stopped for want of input.
      if (!input_left) {
        out.problem = "truncated gzip data";
        break;
      }
    } else if (rc != Z_OK) {
      out.problem = std::string("corrupt gzip data (") + (zs.msg ? zs.msg : "inflate failed") + ")";
      break;
    }
  }
  inflateEnd(&zs);
  return out;
}

std::string json_string(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Reads {published, source, url, title} of a manifest line or JSONL record.
// Returns an error for fields of the wrong type or an unreadable date.
Status read_metadata(const nlohmann::json& obj, InputMetadata* meta) {
  for (const char* key : {"published", "source", "url", "title"}) {
    auto it = obj.find(key);
    if (it != obj.end() && !it->is_string() && !it->is_null())
      return Status::error(std::string("\"") + key + "\" must be a string");
  }
  meta->source = json_string(obj, "source");
  meta->url = json_string(obj, "url");
  meta->title = json_string(obj, "title");
  std::string published = json_string(obj, "published");
  if (!published.empty()) {
    auto date = PartialDate::parse(published);
    if (!date)
      return Status::error(
          "\"published\": expected YYYY, YYYY-MM, YYYY-MM-DD or an ISO time, got \"" + published +
          "\"");
    meta->published = *date;
  }
  return Status();
}

// Fields the more specific metadata sets win; empty ones leave doc's alone.
void override_metadata(Document& doc, const InputMetadata& m) {
  if (!m.source.empty()) doc.source = m.source;
  if (!m.url.empty()) doc.url = m.url;
  if (!m.title.empty()) doc.title = m.title;
  if (m.published.known()) doc.published = m.published;
}

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "a",    "an",  "the", "and",  "or",   "nor", "but",  "of",   "to",   "in",   "on",
      "for",  "at",  "by",  "with", "from", "as",  "vs",   "into", "onto", "over", "after",
      "amid", "per", "up",  "out",  "off",  "via", "than", "is",   "are",  "be",   "its"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

}  // namespace

std::string headline(std::string_view line) {
  if (line.empty() || line.size() > 200) return "";
  std::string_view title = line;
  bool markdown = false;
  if (title.starts_with("#")) {
    while (title.starts_with("#")) title.remove_prefix(1);
    if (!title.starts_with(" ")) return "";
    markdown = true;
  } else if (title.starts_with("**") && title.ends_with("**") && title.size() > 4) {
    title = title.substr(2, title.size() - 4);
    markdown = true;
  }
  while (title.starts_with(" ")) title.remove_prefix(1);
  while (title.ends_with(" ")) title.remove_suffix(1);
  if (title.empty()) return "";
  if (markdown) return std::string(title);
  char last = title.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return "";
  // Title Case: the first word and every content word capitalized; one
  // lower-case content word is forgiven in a long headline ("..., Officials say").
  size_t capitalized = 0, lower = 0, words = 0;
  for (size_t i = 0; i < title.size();) {
    while (i < title.size() && title[i] == ' ') ++i;
    size_t b = i;
    while (i < title.size() && title[i] != ' ') ++i;
    std::string_view w = title.substr(b, i - b);
    // The word's first letter or digit, past quotes and brackets.
    char32_t initial = 0;
    size_t k = 0;
    while (k < w.size()) {
      size_t at = k;
      char32_t cp = next_code_point(w, k);
      if (u_isalnum(static_cast<UChar32>(cp))) {
        initial = cp;
        w.remove_prefix(at);
        break;
      }
    }
    if (initial == 0 || u_isdigit(static_cast<UChar32>(initial))) continue;
    bool upper =
        u_isupper(static_cast<UChar32>(initial)) || u_istitle(static_cast<UChar32>(initial));
    if (words++ == 0 && !upper) return "";
    if (upper) {
      ++capitalized;
      continue;
    }
    std::string lw(w);
    while (!lw.empty() && !std::isalnum(static_cast<unsigned char>(lw.back()))) lw.pop_back();
    if (!is_function_word(lw)) ++lower;
  }
  if (words < 2 || capitalized < 2) return "";
  if (lower > (capitalized >= 5 ? 1u : 0u)) return "";
  return std::string(title);
}

Result<Document> document_from_decoded(const Decoded& decoded, std::string path) {
  std::vector<NonBodyLine> dropped = find_non_body_lines(decoded.utf8);
  Document doc;
  Normalized n;
  if (dropped.empty()) {
    n = normalize_text(decoded);
  } else {
    // Cut the dropped lines out of the decoded text, keeping the map exact.
    Decoded kept;
    kept.encoding = decoded.encoding;
    kept.replaced = decoded.replaced;
    kept.utf8.reserve(decoded.utf8.size());
    size_t pos = 0;
    auto keep = [&](size_t b, size_t e) {
      if (b >= e) return;
      kept.map.append_from(decoded.map, static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                           static_cast<uint32_t>(kept.utf8.size()));
      kept.utf8.append(decoded.utf8, b, e - b);
    };
    for (const auto& line : dropped) {
      keep(pos, line.begin);
      pos = line.end;
      RemovedText r;
      r.original_begin = decoded.map.to_original(static_cast<uint32_t>(line.begin));
      r.original_end = decoded.map.to_original(static_cast<uint32_t>(line.end));
      r.text = decoded.utf8.substr(line.begin, line.end - line.begin);
      r.rule = line.rule->name;
      r.reason = line.rule->reason;
      doc.removed.push_back(std::move(r));
    }
    keep(pos, decoded.utf8.size());
    n = normalize_text(kept);
  }
  if (n.text.empty())
    return Status::error(dropped.empty() ? "no text" : "no text besides non-body lines");
  doc.path = std::move(path);
  doc.encoding = decoded.encoding;
  doc.replaced_bytes = decoded.replaced;
  doc.text = std::move(n.text);
  doc.offsets = std::move(n.map);
  doc.assign_id();
  return doc;
}

Result<Document> document_from_text(std::string_view bytes, std::string path) {
  if (bytes.empty()) return Status::error("empty file");
  auto decoded = decode_text(bytes);
  if (!decoded.ok()) return decoded.status();
  auto doc = document_from_decoded(*decoded, std::move(path));
  if (!doc.ok()) return doc;
  std::string_view text = doc->text;
  size_t nl = text.find('\n');
  // A headline is the first of several lines; a one-line input is all body.
  if (nl != std::string_view::npos) doc->title = headline(text.substr(0, nl));
  return doc;
}

Result<Ingester> Ingester::create(const IngestOptions& options) {
  Ingester ing;
  ing.options_ = options;
  if (options.meta_path.empty()) return ing;
  std::ifstream in(options.meta_path, std::ios::binary);
  if (!in) return Status::error(options.meta_path + ": cannot open manifest");
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    std::string where = options.meta_path + ":" + std::to_string(n) + ": ";
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto obj = nlohmann::json::parse(line, nullptr, false);
    if (obj.is_discarded() || !obj.is_object()) return Status::error(where + "not a JSON object");
    std::string file = json_string(obj, "file");
    if (file.empty()) return Status::error(where + "missing \"file\"");
    InputMetadata meta;
    if (Status st = read_metadata(obj, &meta); !st.ok()) return Status::error(where + st.message());
    if (!ing.manifest_.emplace(fs::path(file).lexically_normal().string(), meta).second)
      return Status::error(where + "\"" + file + "\" is listed twice");
  }
  if (in.bad()) return Status::error(options.meta_path + ": read error");
  return ing;
}

const InputMetadata* Ingester::manifest_entry(const std::string& path) const {
  if (manifest_.empty()) return nullptr;
  std::string p = fs::path(path).lexically_normal().string();
  // Try the whole path, then drop leading components one at a time.
  for (size_t from = 0;;) {
    auto it = manifest_.find(p.substr(from));
    if (it != manifest_.end()) return &it->second;
    size_t slash = p.find('/', from);
    if (slash == std::string::npos) return nullptr;
    from = slash + 1;
  }
}

void Ingester::finish(Document& doc, const InputMetadata* entry) const {
  if (entry) override_metadata(doc, *entry);
  if (doc.source.empty()) doc.source = options_.source;
  if (!doc.published.known()) doc.published = options_.published;
}

void Ingester::read_jsonl(std::string_view bytes, const std::string& path,
                          const InputMetadata* entry, const DocumentSink& on_document,
                          const ErrorSink& on_error) const {
  size_t pos = 0;
  for (size_t n = 1; pos < bytes.size(); ++n) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    std::string where = path + ":" + std::to_string(n);
    auto fail = [&](std::string message) { on_error({where, std::move(message)}); };
    auto obj = nlohmann::json::parse(line, nullptr, false);
    if (obj.is_discarded()) {
      fail("not valid JSON");
      continue;
    }
    if (!obj.is_object()) {
      fail("not a JSON object");
      continue;
    }
    InputMetadata record;
    if (Status st = read_metadata(obj, &record); !st.ok()) {
      fail(st.message());
      continue;
    }
    std::string id;
    if (auto it = obj.find("id"); it != obj.end())
      id = it->is_string() ? it->get<std::string>() : it->dump();
    std::string doc_path = path + "#" + (id.empty() ? std::to_string(n) : id);
    std::string text = json_string(obj, "text"), html = json_string(obj, "html");
    Result<Document> doc = Status::error(
        obj.contains("file")
            ? "no \"text\" or \"html\" field (a manifest line? pass manifests with --meta)"
            : "no \"text\" or \"html\" field");
    if (!text.empty())
      doc = document_from_text(text, doc_path);
    else if (!html.empty())
      doc = document_from_html(html, doc_path, record.url);
    if (!doc.ok()) {
      fail(doc.status().message());
      continue;
    }
    override_metadata(*doc, record);
    finish(*doc, entry);
    if (doc->replaced_bytes)
      on_error({where,
                std::to_string(doc->replaced_bytes) + " invalid UTF-8 sequences replaced by U+FFFD",
                false});
    on_document(std::move(doc.value()));
  }
}

void Ingester::read(const std::string& path, const DocumentSink& on_document,
                    const ErrorSink& on_error) const {
  auto raw = read_file(path);
  if (!raw.ok()) return on_error({path, raw.status().message()});
  std::string bytes = std::move(raw.value());
  if (bytes.empty()) return on_error({path, "empty file"});
  const InputMetadata* entry = manifest_entry(path);
  auto finished = [&](Document&& doc) {
    finish(doc, entry);
    on_document(std::move(doc));
  };
  if (is_web_input(path, std::string_view(bytes).substr(0, 4096)))
    return read_web_input(bytes, path, finished, on_error);

  std::string_view name = path;
  std::string problem;
  if (is_gzip(bytes)) {
    Gunzipped g = gunzip(bytes);
    bytes = std::move(g.bytes);
    problem = std::move(g.problem);
    if (name.ends_with(".gz")) name.remove_suffix(3);
  }
  size_t first = bytes.find_first_not_of(" \t\r\n");
  bool jsonl = name.ends_with(".jsonl") || name.ends_with(".ndjson") ||
               (path == "-" && first != std::string::npos && bytes[first] == '{');
  if (jsonl) {
    if (!problem.empty()) {
      // Keep the records that decoded whole; the cut line is lost.
      size_t last_nl = bytes.rfind('\n');
      bytes.resize(last_nl == std::string::npos ? 0 : last_nl + 1);
    }
    read_jsonl(bytes, path, entry, on_document, on_error);
    if (!problem.empty())
      on_error({path, problem + ": kept the records before the damage, the rest is lost"});
    return;
  }
  // A damaged text would silently lose its end, so it is refused whole.
  if (!problem.empty()) return on_error({path, problem + ": nothing kept"});
  // A JSON file holds one record (an object) or a list of them, each read
  // as a JSON Lines record; anything else is no report, not text to read.
  if (name.ends_with(".json")) {
    auto parsed = nlohmann::json::parse(bytes, nullptr, false);
    if (parsed.is_discarded()) return on_error({path, "not valid JSON"});
    if (!parsed.is_object() && !parsed.is_array())
      return on_error({path, "a JSON file must hold a record object or an array of them"});
    std::string records;
    for (const auto& record : parsed.is_array() ? parsed : nlohmann::json::array({parsed}))
      records += record.dump() + "\n";
    return read_jsonl(records, path, entry, on_document, on_error);
  }
  auto doc = document_from_text(bytes, path);
  if (!doc.ok()) return on_error({path, doc.status().message()});
  if (doc->replaced_bytes)
    on_error({path,
              std::to_string(doc->replaced_bytes) + " invalid UTF-8 sequences replaced by U+FFFD",
              false});
  finished(std::move(doc.value()));
}

std::vector<std::string> Ingester::expand(const std::vector<std::string>& paths,
                                          const ErrorSink& on_error) const {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    auto opts = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(path, opts, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code type_ec;
      if (!it->is_regular_file(type_ec)) continue;
      if (!options_.meta_path.empty() && fs::equivalent(it->path(), options_.meta_path, type_ec))
        continue;
      found.push_back(it->path().string());
    }
    if (ec) on_error({path, "cannot list directory: " + ec.message()});
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Status read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error) {
  auto ingester = Ingester::create(options);
  if (!ingester.ok()) return ingester.status();
  for (const auto& file : ingester->expand(paths, on_error))
    ingester->read(file, on_document, on_error);
  return Status();
}

}  // namespace cc
