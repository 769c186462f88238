// dossier ner: named entities (PER, ORG, LOC, MISC).
//   dossier ner --conll FILE   column file in, the same lines out with the
//                              predicted IOB2 tag appended (score with conlleval)
//   dossier ner FILE...        plain-text articles in, entities with byte offsets out
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clean/language.h"
#include "cli/commands.h"
#include "entities/article_ner.h"
#include "entities/corpus_reader.h"
#include "entities/model_registry.h"
#include "entities/tag_scheme.h"

namespace dossier::cli {
namespace {

struct NerOptions {
  std::string conll;
  std::vector<std::string> files;
  std::string lang = "auto";
  std::string model;
  std::string format = "auto";
  bool stats = false;
};

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Result<std::shared_ptr<const ner::NerTagger>> LoadTagger(const NerOptions& o,
                                                         ner::ModelRegistry* registry,
                                                         const std::string& lang) {
  if (o.model.empty()) return registry->Ner(lang);
  Result<ner::NerTagger> t = ner::NerTagger::Load(o.model);
  if (!t.ok()) return t.status();
  return std::make_shared<const ner::NerTagger>(std::move(*t));
}

int ReportError(const Status& st) {
  std::fprintf(stderr, "dossier ner: %s\n", st.ToString().c_str());
  return st.code() == Status::Code::kInvalidInput ? kExitUsage : kExitFailure;
}

int RunConll(const NerOptions& o) {
  Result<ner::CorpusFormat> format = ner::ParseCorpusFormat(o.format);
  if (!format.ok()) return ReportError(format.status());
  auto t0 = std::chrono::steady_clock::now();
  ner::ModelRegistry registry;
  Result<std::shared_ptr<const ner::NerTagger>> tagger =
      LoadTagger(o, &registry, o.lang == "auto" ? "en" : o.lang);
  if (!tagger.ok()) return ReportError(tagger.status());
  double load_s = Since(t0);
  Result<ner::Corpus> corpus = ner::ReadCorpus(o.conll, *format, /*require_tags=*/false);
  if (!corpus.ok()) return ReportError(corpus.status());

  // Tag first, print after, so --stats times the tagger alone.
  auto t1 = std::chrono::steady_clock::now();
  std::vector<std::vector<std::vector<ner::EntitySpan>>> spans;
  spans.reserve(corpus->documents.size());
  for (const ner::LabeledDocument& d : corpus->documents) {
    std::vector<std::vector<std::string_view>> sentences;
    for (const ner::LabeledSentence& s : d.sentences) {
      sentences.emplace_back(s.tokens.begin(), s.tokens.end());
    }
    spans.push_back((*tagger)->TagDocument(sentences));
  }
  double tag_s = Since(t1);

  std::string out;
  for (size_t d = 0; d < corpus->documents.size(); ++d) {
    const ner::LabeledDocument& doc = corpus->documents[d];
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      const ner::LabeledSentence& sent = doc.sentences[s];
      out += sent.before;
      std::vector<std::string> tags = ner::Iob2FromSpans(sent.tokens.size(), spans[d][s]);
      for (size_t i = 0; i < sent.lines.size(); ++i) {
        out += sent.lines[i];
        out += sent.lines[i].find('\t') != std::string::npos ? '\t' : ' ';
        out += tags[i];
        out += '\n';
      }
      if (out.size() > (1 << 20)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
  }
  out += corpus->trailer;
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (o.stats) {
    size_t tokens = corpus->TokenCount();
    std::fprintf(stderr,
                 "ner: %zu tokens tagged in %.3f s (%.0f tokens/s); model loaded in %.3f s\n",
                 tokens, tag_s, tag_s > 0 ? static_cast<double>(tokens) / tag_s : 0.0, load_s);
  }
  return kExitOk;
}

int RunText(const GlobalOptions& global, const NerOptions& o) {
  ner::ModelRegistry registry;
  LanguageDetector detector;
  bool any_error = false;
  for (const std::string& path : o.files) {
    std::string text;
    Status st = ner::ReadFileToString(path, &text);
    if (!st.ok()) {
      std::fprintf(stderr, "dossier ner: %s\n", st.ToString().c_str());
      any_error = true;
      continue;
    }
    std::string lang = o.lang;
    if (lang == "auto") {
      lang = detector.Detect(text).code;
      if (lang.empty()) lang = "en";
    }
    Result<std::shared_ptr<const ner::NerTagger>> tagger = LoadTagger(o, &registry, lang);
    if (!tagger.ok()) return ReportError(tagger.status());
    ner::ArticleNer article_ner(tagger->get(), lang);
    std::vector<ner::Mention> mentions = article_ner.Find(text);
    if (global.json) {
      nlohmann::json entities = nlohmann::json::array();
      for (const ner::Mention& m : mentions) {
        entities.push_back({{"type", std::string(ner::EntityTypeName(m.type))},
                            {"text", text.substr(m.begin, m.end - m.begin)},
                            {"start", m.begin},
                            {"end", m.end},
                            {"score", m.score}});
      }
      nlohmann::json j = {{"path", path}, {"language", lang}, {"entities", entities}};
      std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      std::printf("%s\n", line.c_str());
    } else {
      if (o.files.size() > 1) std::printf("# %s (%s)\n", path.c_str(), lang.c_str());
      for (const ner::Mention& m : mentions) {
        std::string s = text.substr(m.begin, m.end - m.begin);
        for (char& c : s) {
          if (c == '\n' || c == '\t') c = ' ';
        }
        std::printf("%s\t%u\t%u\t%s\n", std::string(ner::EntityTypeName(m.type)).c_str(), m.begin,
                    m.end, s.c_str());
      }
    }
  }
  return any_error ? kExitRejected : kExitOk;
}

}  // namespace

void AddNerCommand(CLI::App& app, const GlobalOptions& global, int* exit_code) {
  auto o = std::make_shared<NerOptions>();
  CLI::App* cmd = app.add_subcommand(
      "ner",
      "Named entities (PER, ORG, LOC, MISC): of plain-text files (TYPE, start and end byte, "
      "text; --json: one object per file), or with --conll of a column file (each line with "
      "the predicted IOB2 tag appended)");
  cmd->add_option("files", o->files, "plain-text articles");
  cmd->add_option("--conll", o->conll, "a column file (token first); '-' is stdin");
  cmd->add_option("--lang", o->lang, "language of the model: en, fr, ... or auto (detect)")
      ->capture_default_str();
  cmd->add_option("--model", o->model, "a model file instead of the registry's ner-<lang>.bin");
  cmd->add_option("--format", o->format, "with --conll: auto, conll, wikiann or conllu")
      ->capture_default_str();
  cmd->add_flag("--stats", o->stats, "with --conll: print tokens/s of the tagger on stderr");
  cmd->callback([&global, o, exit_code] {
    if (o->conll.empty() == o->files.empty()) {
      std::fprintf(stderr, "dossier ner: give either --conll FILE or text files\n");
      *exit_code = kExitUsage;
      return;
    }
    *exit_code = o->conll.empty() ? RunText(global, *o) : RunConll(*o);
  });
}

}  // namespace dossier::cli
