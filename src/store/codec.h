// Layer codec: a Document's layers and offset map to JSON and back, for the
// ledger. Payloads are written by their own to_json (core/layers/*) and read
// back here, so a stored document round-trips: to_json(decode(encode(d))) ==
// to_json(d). Tokens and sentences use a compact array form because they are
// most of the volume: token [begin, end, kind, flags], sentence [begin, end,
// first_token, end_token].
//
// When a payload gains a field, add it to the matching reader in codec.cc;
// tests/store/store_test.cc round-trips a pipeline-annotated document with
// hand-set payloads and fails when to_json differs after loading.
#pragma once

#include <nlohmann/json.hpp>

#include "core/document.h"
#include "core/status.h"

namespace cc {

// {"sentences": [...], "tokens": [...], "times": [[begin, end, payload], ...], ...}
nlohmann::json encode_layers(const Document& doc);
// Fills doc's layers; fails naming the layer and item that cannot be read.
Status decode_layers(const nlohmann::json& j, Document& doc);

// [[norm, orig], ...]
nlohmann::json encode_offsets(const OffsetMap& map);
Status decode_offsets(const nlohmann::json& j, OffsetMap& map);

// Payload readers (the inverse of core/layers to_json); they throw
// nlohmann::json::exception on a malformed payload, which decode_layers reports.
void decode_payload(const nlohmann::json& j, Timex& out);
void decode_payload(const nlohmann::json& j, Quantity& out);
void decode_payload(const nlohmann::json& j, EntityMention& out);
void decode_payload(const nlohmann::json& j, Attribution& out);
void decode_payload(const nlohmann::json& j, Modality& out);

}  // namespace cc
