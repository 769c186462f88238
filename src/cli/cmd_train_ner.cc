// dossier train-ner: trains a named-entity model from labelled column
// corpora (CoNLL, WikiANN, CoNLL-U) and writes it where `dossier ner` and
// the model registry find it.
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "entities/ner_trainer.h"

namespace dossier::cli {
namespace {

struct TrainNerOptions {
  std::string lang = "en";
  std::vector<std::string> train;
  std::string dev;
  std::string out;
  std::string format = "auto";
  std::string gazetteer;
  std::vector<std::string> unlabeled;
  ner::NerArgs args;
  bool no_non_local = false;
  bool no_retrain = false;
  bool no_document = false;
};

std::string CommandLine(const TrainNerOptions& o) {
  std::string s = "dossier train-ner --lang " + o.lang + " --train";
  for (const std::string& t : o.train) s += " " + t;
  if (!o.dev.empty()) s += " --dev " + o.dev;
  s += " --out " + o.out + " --format " + o.format;
  if (!o.gazetteer.empty()) s += " --gazetteer " + o.gazetteer;
  if (!o.unlabeled.empty()) {
    s += " --unlabeled";
    for (const std::string& u : o.unlabeled) s += " " + u;
  }
  s += " --epochs " + std::to_string(o.args.epochs) + " --clusters " +
       std::to_string(o.args.clusters) + " --folds " + std::to_string(o.args.folds) +
       " --hash-bits " + std::to_string(o.args.hash_bits) + " --seed " +
       std::to_string(o.args.seed);
  if (o.no_non_local) s += " --no-non-local";
  if (o.no_retrain) s += " --no-retrain";
  if (o.no_document) s += " --no-document";
  if (o.args.clean_silver) s += " --clean-silver";
  return s;
}

int RunTrainNer(TrainNerOptions o) {
  Result<ner::CorpusFormat> format = ner::ParseCorpusFormat(o.format);
  if (!format.ok()) {
    std::fprintf(stderr, "dossier train-ner: %s\n", format.status().message().c_str());
    return kExitUsage;
  }
  o.args.lang = o.lang;
  o.args.non_local = !o.no_non_local;
  o.args.retrain_full = !o.no_retrain;
  o.args.features.document = !o.no_document;
  o.args.features.clusters = o.args.clusters > 0 || !o.unlabeled.empty();
  o.args.command = CommandLine(o);
  ner::NerTrainInput input;
  input.train_files = o.train;
  input.dev_file = o.dev;
  input.format = *format;
  input.gazetteer_dir = o.gazetteer;
  input.unlabeled = o.unlabeled;
  auto start = std::chrono::steady_clock::now();
  Result<ner::NerModel> model = ner::TrainNerModel(o.args, input, [](const std::string& line) {
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
  });
  if (!model.ok()) {
    std::fprintf(stderr, "dossier train-ner: %s\n", model.status().ToString().c_str());
    return model.status().code() == Status::Code::kInvalidInput ? kExitUsage : kExitFailure;
  }
  Status st = model->Save(o.out);
  if (!st.ok()) {
    std::fprintf(stderr, "dossier train-ner: %s\n", st.ToString().c_str());
    return kExitFailure;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("wrote %s in %.0f s\n", o.out.c_str(), secs);
  return kExitOk;
}

}  // namespace

void AddTrainNerCommand(CLI::App& app, const GlobalOptions& /*global*/, int* exit_code) {
  auto o = std::make_shared<TrainNerOptions>();
  CLI::App* cmd = app.add_subcommand(
      "train-ner",
      "Train a named-entity model (PER, ORG, LOC, MISC) from labelled column files; prints the "
      "dev F1 of every epoch");
  cmd->add_option("--lang", o->lang, "language of the data (ISO 639-1)")->capture_default_str();
  cmd->add_option("--train", o->train, "labelled training files")->required();
  cmd->add_option("--dev", o->dev,
                  "labelled dev file for early stopping (default: hold out part of --train)");
  cmd->add_option("--out", o->out, "model file to write, e.g. models/ner-en.bin")->required();
  cmd->add_option("--format", o->format, "auto, conll, wikiann or conllu")->capture_default_str();
  cmd->add_option("--epochs", o->args.epochs, "maximum epochs per stage")->capture_default_str();
  cmd->add_option("--gazetteer", o->gazetteer,
                  "directory with GeoNames-style files (cities15000.txt, countries.json, ...)");
  cmd->add_option("--unlabeled", o->unlabeled,
                  "unlabelled text (*.txt, *.jsonl files or directories) for word clusters");
  cmd->add_option("--clusters", o->args.clusters, "finest number of word clusters (0: none)")
      ->capture_default_str();
  cmd->add_option("--folds", o->args.folds, "jack-knife folds for stage 2")->capture_default_str();
  cmd->add_option("--hash-bits", o->args.hash_bits, "feature table size, log2")
      ->capture_default_str()
      ->check(CLI::Range(16, 26));
  cmd->add_option("--seed", o->args.seed, "shuffling seed")->capture_default_str();
  cmd->add_option("--prune", o->args.prune, "drop weights below this magnitude")
      ->capture_default_str();
  cmd->add_flag("--no-non-local", o->no_non_local, "train stage 1 only");
  cmd->add_flag("--no-retrain", o->no_retrain, "do not retrain on train + dev at the end");
  cmd->add_flag("--no-document", o->no_document, "no document-level case features");
  cmd->add_flag("--clean-silver", o->args.clean_silver,
                "silver data: trim lower-case words off the front of gold entities, drop "
                "entities without a capital");
  cmd->callback([o, exit_code] { *exit_code = RunTrainNer(*o); });
}

}  // namespace dossier::cli
