#include "ingest/web/web.h"

namespace cc {

bool is_web_input(const std::string&, std::string_view) { return false; }

void read_web_input(std::string_view, const std::string& path, const DocumentSink&,
                    const ErrorSink& on_error) {
  on_error({path, "web inputs are not supported yet"});
}

Result<Document> document_from_html(std::string_view, std::string) {
  return Status::error("HTML input is not supported yet");
}

}  // namespace cc
