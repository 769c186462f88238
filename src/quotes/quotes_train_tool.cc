// quotes_train_tool: trains the attribution tagger (attribution_model.h) on
// a brat-annotated corpus split and writes the model file.
//
//   quotes_train_tool --corpus ../shared/bench/quotes/polnear/train
//       --out models/quotes-en.bin [--epochs 12] [--bits 20] [--heldout 10]
//
// --heldout K holds out every K-th article to pick the best epoch (0: train
// on all for --epochs passes). --stack-folds F (default 5, 0: one stage)
// adds a second stage trained on F-fold jackknifed first-stage labels.
// The models/ file: see models/README.md for the command that made it.
// Exit 1 on a data or write error, 2 on usage errors.
#include <chrono>
#include <iostream>
#include <string>

#include "quotes/attribution_trainer.h"

namespace {

using namespace dossier;

bool ParseInt(const std::string& s, int lo, int hi, int* out) {
  try {
    size_t used = 0;
    int v = std::stoi(s, &used);
    if (used != s.size() || v < lo || v > hi) return false;
    *out = v;
    return true;
  } catch (...) {
    return false;
  }
}

constexpr const char* kUsage =
    "usage: quotes_train_tool --corpus DIR --out FILE [--lang en] [--epochs N] [--bits B]\n"
    "                         [--heldout K] [--stack-folds F] [--stack-epochs N]\n";

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, out, lang = "en", command = "quotes_train_tool";
  quotes::AttributionTrainerOptions options;
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    bool ok = true;
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (!has_value) {
      ok = false;
    } else if (a == "--corpus") {
      corpus = argv[++i];
    } else if (a == "--out") {
      out = argv[++i];
    } else if (a == "--lang") {
      lang = argv[++i];
    } else if (a == "--epochs") {
      ok = ParseInt(argv[++i], 1, 1000, &options.epochs);
    } else if (a == "--bits") {
      ok = ParseInt(argv[++i], 12, 24, &options.hash_bits);
    } else if (a == "--stack-folds") {
      ok = ParseInt(argv[++i], 0, 20, &options.stack_folds);
    } else if (a == "--stack-epochs") {
      ok = ParseInt(argv[++i], 1, 1000, &options.stack_epochs);
    } else if (a == "--heldout") {
      ok = ParseInt(argv[++i], 0, 1000, &options.heldout_every);
    } else {
      ok = false;
    }
    if (!ok) {
      std::cerr << "bad argument " << a << "\n" << kUsage;
      return 2;
    }
  }
  if (corpus.empty() || out.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  Result<quotes::QuoteLexicon> lexicon = quotes::QuoteLexicon::ForLanguage(lang);
  if (!lexicon.ok()) {
    std::cerr << lexicon.status().ToString() << "\n";
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<quotes::AttributionDocument>> docs = quotes::ReadBratCorpus(corpus);
  if (!docs.ok()) {
    std::cerr << docs.status().ToString() << "\n";
    return 1;
  }
  options.language = lang;
  options.provenance = std::to_string(docs->size()) + " articles of " + corpus + "; " + command;
  quotes::AttributionTrainer trainer(options, &*lexicon);
  Result<quotes::AttributionModel> model = trainer.Train(*docs, &std::cerr);
  if (!model.ok()) {
    std::cerr << model.status().ToString() << "\n";
    return 1;
  }
  Status saved = model->Save(out);
  if (!saved.ok()) {
    std::cerr << saved.ToString() << "\n";
    return 1;
  }
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  size_t rows = 0;
  for (const quotes::AttributionStage& st : model->stages()) rows += st.weights.rows();
  std::cerr << "wrote " << out << " (" << model->stages().size() << " stages, " << rows
            << " feature rows) in " << secs << " s\n";
  return 0;
}
