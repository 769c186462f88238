// quotes_bench_tool: runs the whole quote path (TextSegmenter, ArticleNer,
// FindArticleEntities, QuoteExtractor) over text files and prints one JSON
// object per file and line, for bench/quote_bench.py.
//
//   quotes_bench_tool --lang en [--model models/quotes-en.bin] FILE...
//   (no FILE: file names on stdin; no --model: rule-based quotes only)
//
// Output per file: {"file", "tokens", "extract_seconds" (QuoteExtractor::Extract
// alone), "quotes": [{"begin", "end", "direct", "text",
// "speaker_text", "speaker_begin", "speaker_end", "speaker" (entity name or
// null), "cue_begin", "cue_end"}]}; offsets are bytes. Exit 1 when a file
// could not be read, 2 on usage errors, 3 when models or data fail to load.
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "entities/article_entities.h"
#include "entities/article_ner.h"
#include "entities/identity_resources.h"
#include "entities/model_registry.h"
#include "quotes/quote_extractor.h"
#include "text/segmenter.h"

namespace {

using namespace dossier;

nlohmann::json QuoteJson(std::string_view text, const identity::ArticleEntities& entities,
                         const quotes::Quote& q) {
  nlohmann::json j;
  j["begin"] = q.begin;
  j["end"] = q.end;
  j["direct"] = q.direct;
  j["text"] = std::string(text.substr(q.begin, q.end - q.begin));
  j["speaker_text"] = q.speaker_text;
  j["speaker_begin"] = q.speaker_begin;
  j["speaker_end"] = q.speaker_end;
  j["speaker"] = q.speaker ? nlohmann::json(entities.entities[*q.speaker].name) : nlohmann::json();
  j["cue_begin"] = q.cue_begin;
  j["cue_end"] = q.cue_end;
  return j;
}

int Run(const std::string& lang, const std::string& model_path,
        const std::vector<std::string>& files) {
  std::shared_ptr<const quotes::AttributionModel> model;
  if (!model_path.empty()) {
    Result<quotes::AttributionModel> m = quotes::AttributionModel::Load(model_path);
    if (!m.ok()) {
      std::cerr << m.status().ToString() << "\n";
      return 3;
    }
    model = std::make_shared<const quotes::AttributionModel>(std::move(*m));
  }
  Result<quotes::QuoteExtractor> extractor = quotes::QuoteExtractor::ForLanguage(lang, model);
  if (!extractor.ok()) {
    std::cerr << extractor.status().ToString() << "\n";
    return 3;
  }
  ner::ModelRegistry registry;
  Result<std::shared_ptr<const ner::NerTagger>> tagger = registry.Ner(lang);
  if (!tagger.ok()) {
    std::cerr << tagger.status().ToString() << "\n";
    return 3;
  }
  Result<std::unique_ptr<const identity::IdentityResources>> resources =
      identity::IdentityResources::Load();
  if (!resources.ok()) {
    std::cerr << resources.status().ToString() << "\n";
    return 3;
  }
  ner::ArticleNer ner(tagger->get(), lang);
  TextSegmenter segmenter(lang);
  int rc = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": cannot read\n";
      rc = 1;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    Segmentation seg = segmenter.Segment(text);
    std::vector<ner::Mention> mentions = ner.Find(text);
    identity::ArticleEntities entities =
        identity::FindArticleEntities(**resources, {file, text, lang, "", &mentions});
    nlohmann::json out;
    out["file"] = file;
    out["quotes"] = nlohmann::json::array();
    const auto start = std::chrono::steady_clock::now();
    std::vector<quotes::Quote> found = extractor->Extract({text, &seg, &entities});
    out["extract_seconds"] =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out["tokens"] = seg.tokens.size();
    for (const quotes::Quote& q : found) out["quotes"].push_back(QuoteJson(text, entities, q));
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lang = "en", model;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) {
      lang = argv[++i];
    } else if (a == "--model" && i + 1 < argc) {
      model = argv[++i];
    } else if (a == "--help" || a == "-h") {
      std::cout << "usage: quotes_bench_tool [--lang xx] [--model FILE] [FILE...]\n";
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    for (std::string line; std::getline(std::cin, line);) {
      if (!line.empty()) files.push_back(line);
    }
  }
  return Run(lang, model, files);
}
