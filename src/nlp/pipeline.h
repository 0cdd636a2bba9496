// The nlp stage: a pipeline of components, each adding one layer of spans to a
// Document (spaCy-style: Doc in, Doc out).
//
// Contract: a component reads the text and the layers of components before it,
// writes only its own layer(s), and is a pure function of (document, its loaded
// resources): no globals, no I/O after load, safe to run on many documents from
// many threads at once. Component order: tokenize (sentences, tokens) ->
// tag (POS and chunk tags on the tokens) -> time -> quantity -> entity ->
// attribution (attributions, modalities).
//
// To add an extractor: write a Component in src/nlp/<name>/, give it a factory
// in the registry in pipeline.cc, and a layer payload in src/core/layers/.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/status.h"

namespace cc {

// What components may load at start: the project's data folder (gazetteers,
// lexicons, trained models).
struct Resources {
  std::string data_dir;
};

class Component {
 public:
  virtual ~Component() = default;
  virtual const char* name() const = 0;
  virtual void process(Document& doc) const = 0;
};

class Pipeline {
 public:
  // Loads every registered component; fails naming the component and file
  // that could not be loaded.
  static Result<Pipeline> load(const Resources& resources);
  // Loads only the named components (in pipeline order); tokenize always runs.
  static Result<Pipeline> load(const Resources& resources, const std::vector<std::string>& names);

  void run(Document& doc) const;
  std::vector<std::string> names() const;

 private:
  std::vector<std::shared_ptr<const Component>> components_;
};

// The folder crosscheck's data files are read from: $CROSSCHECK_DATA, else the
// build's configured data folder.
std::string default_data_dir();

}  // namespace cc
