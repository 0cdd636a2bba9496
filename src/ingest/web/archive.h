// Containers web pages arrive in: gzip (single or multi-member), WARC 1.0/1.1
// records with their HTTP responses, and RSS 2.0 / Atom feeds.
//
// Contract: each reader walks its container once, hands every usable page to
// the callback with what the container says about it (URL, charset, date),
// and reports damaged parts without giving up on the rest. Sizes are bounded:
// decompression stops at kMaxDocumentBytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace cc::web {

struct Gunzipped {
  std::string bytes;
  std::string error;  // "" when the whole stream decoded; else what went wrong (bytes holds what came before)
};

bool is_gzip(std::string_view bytes);
Gunzipped gunzip(std::string_view bytes);

struct ContainedPage {
  std::string_view html;   // the page bytes
  uint64_t offset = 0;     // where they start in the (decompressed) container; UINT64_MAX when not a verbatim slice
  std::string url;
  std::string charset;
  std::string title;       // feeds only
  PartialDate published;   // feeds only
  size_t index = 0;        // 1-based record or item number
};

struct ContainerStats {
  size_t records = 0;           // WARC records or feed items seen
  size_t pages = 0;             // handed to the callback
  size_t skipped_non_html = 0;  // WARC records that are not HTML responses (requests, metadata, images)
};

using PageSink = std::function<void(const ContainedPage&)>;
// `fatal` is false when the part was still used (a truncated record's first bytes).
using DamageSink = std::function<void(size_t index, std::string message, bool fatal)>;

bool is_warc(std::string_view bytes);
ContainerStats read_warc(std::string_view bytes, const PageSink& on_page, const DamageSink& on_damage);

bool is_feed(std::string_view bytes);
ContainerStats read_feed(std::string_view bytes, const PageSink& on_page, const DamageSink& on_damage);

}  // namespace cc::web
