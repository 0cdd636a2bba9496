#include "ingest/ingest.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "core/text.h"

namespace cc {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_file(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot open");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::error("read error");
  return bytes;
}

void read_one(const std::string& path, const IngestOptions& options, const DocumentSink& on_document,
              const ErrorSink& on_error) {
  auto bytes = read_file(path);
  if (!bytes.ok()) return on_error({path, bytes.status().message()});
  auto doc = document_from_text(*bytes, path);
  if (!doc.ok()) return on_error({path, doc.status().message()});
  if (!options.source.empty()) doc->source = options.source;
  if (options.published.known()) doc->published = options.published;
  on_document(std::move(doc.value()));
}

}  // namespace

Result<Document> document_from_decoded(const Decoded& decoded, std::string path) {
  Normalized n = normalize_text(decoded);
  if (n.text.empty()) return Status::error("no text");
  Document doc;
  doc.path = std::move(path);
  doc.encoding = decoded.encoding;
  doc.replaced_bytes = decoded.replaced;
  doc.text = std::move(n.text);
  doc.offsets = std::move(n.map);
  doc.assign_id();
  return doc;
}

Result<Document> document_from_text(std::string_view bytes, std::string path) {
  auto decoded = decode_text(bytes);
  if (!decoded.ok()) return decoded.status();
  return document_from_decoded(*decoded, std::move(path));
}

Status read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                   const DocumentSink& on_document, const ErrorSink& on_error) {
  for (const auto& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
           it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path().string());
      if (ec) on_error({path, "cannot list directory: " + ec.message()});
      std::sort(files.begin(), files.end());
      for (const auto& f : files) read_one(f, options, on_document, on_error);
    } else {
      read_one(path, options, on_document, on_error);
    }
  }
  return Status();
}

}  // namespace cc
