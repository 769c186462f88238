// Tested by ner_trainer_test.cc.
#include "entities/ner_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <random>

#include "entities/features.h"
#include "entities/gazetteer_builder.h"
#include "entities/lexicon_builder.h"
#include "entities/ner_eval.h"
#include "entities/perceptron.h"
#include "entities/tag_scheme.h"
#include "entities/tagger.h"
#include "entities/unlabeled_text.h"
#include "entities/word_forms.h"

namespace dossier::ner {
namespace {

struct Doc {
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<uint32_t> sentence_begin;
  std::vector<uint8_t> gold;
  DocumentAnalysis analysis;
  BucketedFeatures local, nonlocal;
  std::vector<uint8_t> stage1;
  bool dev = false;
  int fold = 0;
};

struct StageModel {
  std::vector<float> weights;
  Transitions transitions;
  int epochs = 0;
  double dev_f1 = 0;
};

// Names have letters: silver corpora (WikiANN) label bare years and numbers
// as entities when they were links; such spans are read as O.
bool HasLetter(const std::vector<std::string>& tokens, const EntitySpan& e) {
  for (uint32_t i = e.first_token; i <= e.last_token; ++i) {
    if (GetCaseClass(tokens[i]) != CaseClass::kNoLetter) return true;
  }
  return false;
}

// Silver corpora made from links (WikiANN) label common-noun link texts
// ("équipe nationale") and descriptions in front of names ("agrégateur de
// critiques Rotten Tomatoes"). Names are capitalised: trim leading words
// without a capital; false if no capitalised word is left.
bool CleanSilver(const std::vector<std::string>& tokens, EntitySpan* e) {
  auto capitalised = [&](uint32_t i) {
    CaseClass c = GetCaseClass(tokens[i]);
    return c == CaseClass::kInitCap || c == CaseClass::kAllCaps || c == CaseClass::kMixed;
  };
  while (e->first_token < e->last_token && !capitalised(e->first_token)) ++e->first_token;
  return capitalised(e->first_token);
}

void Bucketize(const FeatureBuffer& f, int bits, BucketedFeatures* out) {
  out->buckets.resize(f.keys.size());
  for (size_t i = 0; i < f.keys.size(); ++i) out->buckets[i] = Bucket(f.keys[i], bits);
  out->offsets = f.offsets;
}

std::string Format(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[256];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}

// Fits p(correct) = logistic(a * margin + b) by Newton's method on the
// L2-regularised log-loss. Margins are scaled to unit mean magnitude first
// and the fit starts from p = 1/2, where the problem is well conditioned.
void FitLogistic(const std::vector<std::pair<float, bool>>& data, float* a_out, float* b_out) {
  *a_out = 1.0f;
  *b_out = 0.0f;
  if (data.empty()) return;
  double scale = 0;
  for (const auto& d : data) scale += std::fabs(d.first);
  scale = scale > 0 ? scale / static_cast<double>(data.size()) : 1.0;
  const double lambda = 1.0;
  double a = 0, b = 0;
  for (int iter = 0; iter < 50; ++iter) {
    double ga = lambda * a, gb = lambda * b, haa = lambda, hab = 0, hbb = lambda;
    for (const auto& [margin, y] : data) {
      double m = margin / scale;
      double p = 1 / (1 + std::exp(-(a * m + b)));
      double r = p - (y ? 1 : 0), w = p * (1 - p);
      ga += r * m;
      gb += r;
      haa += w * m * m;
      hab += w * m;
      hbb += w;
    }
    double det = haa * hbb - hab * hab;
    double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    if (!std::isfinite(da) || !std::isfinite(db)) break;
    a -= da;
    b -= db;
    if (std::fabs(da) + std::fabs(db) < 1e-6) break;
  }
  *a_out = static_cast<float>(a / scale);
  *b_out = static_cast<float>(b);
}

class Trainer {
 public:
  Trainer(const NerArgs& args, const TrainLog& log) : args_(args), log_(log) {}

  Result<NerModel> Run(const NerTrainInput& input);

 private:
  Status ReadData(const NerTrainInput& input);
  Status BuildResources(const NerTrainInput& input);
  void ExtractLocal();
  template <typename Filter>
  std::vector<SentenceRef> Sentences(int stage, Filter filter) const;
  template <typename TrainFilter, typename EvalFilter>
  StageModel TrainStage(int stage, TrainFilter train, EvalFilter eval, int epochs, bool early_stop,
                        const std::string& name);
  template <typename Filter>
  NerScores Evaluate(int stage, const StageModel& m, Filter filter,
                     std::vector<std::pair<float, bool>>* margins = nullptr) const;
  void JackKnife(int epochs);
  double Seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  NerArgs args_;
  const TrainLog& log_;
  size_t dropped_spans_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<Corpus>> corpora_;
  std::vector<Doc> docs_;
  NerModel model_;
};

Status Trainer::ReadData(const NerTrainInput& input) {
  if (input.train_files.empty()) return Status::InvalidInput("no training file");
  auto add = [&](const std::string& path, bool dev) -> Status {
    Result<Corpus> c = ReadCorpus(path, input.format);
    if (!c.ok()) return c.status();
    if (!c->has_tags) return Status::InvalidInput(path + ": no tag column");
    corpora_.push_back(std::make_unique<Corpus>(std::move(*c)));
    for (const LabeledDocument& d : corpora_.back()->documents) {
      Doc doc;
      doc.dev = dev;
      for (const LabeledSentence& s : d.sentences) {
        doc.sentence_begin.push_back(static_cast<uint32_t>(doc.gold.size()));
        doc.sentences.emplace_back(s.tokens.begin(), s.tokens.end());
        std::vector<EntitySpan> spans;
        for (EntitySpan e : s.spans) {
          if (args_.clean_silver && !CleanSilver(s.tokens, &e)) {
            ++dropped_spans_;
          } else if (HasLetter(s.tokens, e)) {
            spans.push_back(e);
          } else {
            ++dropped_spans_;
          }
        }
        std::vector<uint8_t> g = BilouFromSpans(s.tokens.size(), spans);
        doc.gold.insert(doc.gold.end(), g.begin(), g.end());
      }
      doc.sentence_begin.push_back(static_cast<uint32_t>(doc.gold.size()));
      docs_.push_back(std::move(doc));
    }
    return Status::OK();
  };
  for (const std::string& f : input.train_files) DOSSIER_RETURN_IF_ERROR(add(f, false));
  if (!input.dev_file.empty()) {
    DOSSIER_RETURN_IF_ERROR(add(input.dev_file, true));
    args_.dev = input.dev_file;
  } else {
    size_t k = static_cast<size_t>(std::max(2.0, 1.0 / std::max(0.01, args_.dev_fraction) + 0.5));
    for (size_t i = 0; i < docs_.size(); ++i) docs_[i].dev = i % k == k - 1;
    args_.dev = "every " + std::to_string(k) + "th document of the training data held out";
  }
  size_t train_tokens = 0, dev_tokens = 0, dev_docs = 0;
  for (const Doc& d : docs_) {
    (d.dev ? dev_tokens : train_tokens) += d.gold.size();
    dev_docs += d.dev;
  }
  if (train_tokens == 0 || dev_tokens == 0) {
    return Status::InvalidInput("need both training and dev documents");
  }
  log_("data: " + std::to_string(docs_.size() - dev_docs) + " training documents (" +
       std::to_string(train_tokens) + " tokens), " + std::to_string(dev_docs) + " dev documents (" +
       std::to_string(dev_tokens) + " tokens); " + std::to_string(dropped_spans_) +
       " gold entities read as O (no letter" + (args_.clean_silver ? ", or no capital" : "") + ")");
  for (const std::string& f : input.train_files)
    args_.train += (args_.train.empty() ? "" : " ") + f;
  return Status::OK();
}

Status Trainer::BuildResources(const NerTrainInput& input) {
  if (!input.gazetteer_dir.empty() && args_.features.gazetteer) {
    GazetteerBuildStats gs;
    DOSSIER_RETURN_IF_ERROR(
        BuildGazetteer(input.gazetteer_dir, args_.lang, &model_.gazetteer, &gs));
    log_("gazetteer: " + std::to_string(model_.gazetteer.phrase_count()) + " phrases from " +
         std::to_string(gs.files) + " files in " + input.gazetteer_dir);
    args_.resources += "gazetteer=" + input.gazetteer_dir + "; ";
  } else {
    args_.features.gazetteer = false;
  }
  if (!args_.features.clusters) return Status::OK();
  LexiconBuilder lb;
  UnlabeledStats us;
  DOSSIER_RETURN_IF_ERROR(ReadUnlabeledText(
      input.unlabeled, [&](const std::vector<std::string_view>& t) { lb.AddLine(t); }, &us));
  for (const Doc& d : docs_) {
    for (const auto& s : d.sentences) lb.AddLine(s);
  }
  std::string report;
  double t0 = Seconds();
  lb.Build(args_.clusters, args_.min_cluster_count, &model_.lexicon, &report);
  log_(report + Format(" in %.0f s; unlabelled text: %.0f files, %.0f tokens", Seconds() - t0,
                       static_cast<double>(us.files), static_cast<double>(us.tokens)));
  args_.resources += "unlabelled=";
  for (const std::string& u : input.unlabeled) args_.resources += u + " ";
  args_.resources += "+ training tokens";
  return Status::OK();
}

void Trainer::ExtractLocal() {
  FeatureExtractor fx(args_.features, &model_.lexicon, &model_.gazetteer);
  FeatureBuffer buf;
  size_t keys = 0;
  for (Doc& d : docs_) {
    fx.Analyze(d.sentences, &d.analysis);
    fx.LocalFeatures(d.analysis, &buf);
    Bucketize(buf, args_.hash_bits, &d.local);
    keys += buf.keys.size();
  }
  log_(Format("features: %.0f local feature occurrences [%.0f s]", static_cast<double>(keys),
              Seconds()));
}

template <typename Filter>
std::vector<SentenceRef> Trainer::Sentences(int stage, Filter filter) const {
  std::vector<SentenceRef> out;
  for (const Doc& d : docs_) {
    if (!filter(d)) continue;
    for (size_t s = 0; s + 1 < d.sentence_begin.size(); ++s) {
      SentenceRef r;
      r.features[0] = &d.local;
      r.features[1] = stage == 2 ? &d.nonlocal : nullptr;
      r.first = d.sentence_begin[s];
      r.n = d.sentence_begin[s + 1] - d.sentence_begin[s];
      r.gold = d.gold.data() + r.first;
      if (r.n > 0) out.push_back(r);
    }
  }
  return out;
}

template <typename Filter>
NerScores Trainer::Evaluate(int stage, const StageModel& m, Filter filter,
                            std::vector<std::pair<float, bool>>* margins) const {
  NerScores scores;
  std::vector<float> scratch;
  std::vector<uint8_t> pred;
  for (const SentenceRef& s : Sentences(stage, filter)) {
    pred.resize(s.n);
    DecodeWithWeights(m.weights, m.transitions, s, &scratch, pred.data());
    std::vector<uint8_t> gold(s.gold, s.gold + s.n);
    std::vector<EntitySpan> g = SpansFromBilou(gold), p = SpansFromBilou(pred);
    scores.Add(g, p);
    if (margins == nullptr) continue;
    for (const EntitySpan& e : p) {
      bool correct = std::find(g.begin(), g.end(), e) != g.end();
      margins->emplace_back(SpanMargin(scratch.data(), pred.data(), e), correct);
    }
  }
  return scores;
}

template <typename TrainFilter, typename EvalFilter>
StageModel Trainer::TrainStage(int stage, TrainFilter train, EvalFilter eval, int epochs,
                               bool early_stop, const std::string& name) {
  AveragedPerceptron p(args_.hash_bits);
  std::vector<SentenceRef> sentences = Sentences(stage, train);
  std::mt19937_64 rng(args_.seed);
  StageModel best, current;
  int since_best = 0;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(sentences.begin(), sentences.end(), rng);
    size_t errors = 0, tokens = 0;
    for (const SentenceRef& s : sentences) {
      errors += p.Train(s);
      tokens += s.n;
    }
    if (!early_stop) continue;
    p.Averaged(&current.weights, &current.transitions);
    NerScores dev = Evaluate(stage, current, eval);
    log_(name +
         Format(" epoch %2.0f: train token errors %.2f%%, dev ", epoch,
                100.0 * static_cast<double>(errors) / static_cast<double>(tokens)) +
         dev.Summary() + Format(" [%.0f s]", Seconds()));
    args_.scores += name + Format(" epoch %.0f dev F1 %.2f; ", epoch, dev.overall.F1());
    if (epoch == 1 || dev.overall.F1() > best.dev_f1) {
      std::swap(best, current);
      best.epochs = epoch;
      best.dev_f1 = dev.overall.F1();
      since_best = 0;
    } else if (++since_best >= args_.patience) {
      break;
    }
  }
  if (!early_stop) {
    p.Averaged(&best.weights, &best.transitions);
    best.epochs = epochs;
  }
  return best;
}

void Trainer::JackKnife(int epochs) {
  const int folds = std::max(2, args_.folds);
  for (size_t i = 0; i < docs_.size(); ++i) docs_[i].fold = static_cast<int>(i % folds);
  std::vector<float> scratch;
  for (int k = 0; k < folds; ++k) {
    StageModel m = TrainStage(
        1, [&](const Doc& d) { return d.fold != k; }, [](const Doc&) { return false; }, epochs,
        false, "fold");
    for (Doc& d : docs_) {
      if (d.fold != k) continue;
      d.stage1.assign(d.gold.size(), kLabelO);
      for (size_t s = 0; s + 1 < d.sentence_begin.size(); ++s) {
        SentenceRef r;
        r.features[0] = &d.local;
        r.first = d.sentence_begin[s];
        r.n = d.sentence_begin[s + 1] - r.first;
        DecodeWithWeights(m.weights, m.transitions, r, &scratch, d.stage1.data() + r.first);
      }
    }
    log_(Format("jack-knife fold %.0f of %.0f labelled [%.0f s]", k + 1, folds, Seconds()));
  }
  FeatureExtractor fx(args_.features, &model_.lexicon, &model_.gazetteer);
  FeatureBuffer buf;
  for (Doc& d : docs_) {
    fx.NonLocalFeatures(d.analysis, d.stage1, &buf);
    Bucketize(buf, args_.hash_bits, &d.nonlocal);
  }
}

Result<NerModel> Trainer::Run(const NerTrainInput& input) {
  DOSSIER_RETURN_IF_ERROR(ReadData(input));
  DOSSIER_RETURN_IF_ERROR(BuildResources(input));
  ExtractLocal();
  auto is_train = [](const Doc& d) { return !d.dev; };
  auto is_dev = [](const Doc& d) { return d.dev; };
  auto all = [](const Doc&) { return true; };

  StageModel s1 = TrainStage(1, is_train, is_dev, args_.epochs, true, "stage 1");
  log_(Format("stage 1: best dev F1 %.2f after %.0f epochs", s1.dev_f1, s1.epochs));
  StageModel s2;
  if (args_.non_local) {
    JackKnife(s1.epochs);
    s2 = TrainStage(2, is_train, is_dev, args_.epochs, true, "stage 2");
    log_(Format("stage 2: best dev F1 %.2f after %.0f epochs", s2.dev_f1, s2.epochs));
  }
  // Calibrate span scores on dev, with the final stage as early stopping left it.
  std::vector<std::pair<float, bool>> margins;
  Evaluate(args_.non_local ? 2 : 1, args_.non_local ? s2 : s1, is_dev, &margins);
  FitLogistic(margins, &args_.score_a, &args_.score_b);
  log_(Format("span scores: logistic(%.3f * margin %+.3f), fitted on %.0f dev spans", args_.score_a,
              args_.score_b, static_cast<double>(margins.size())));
  args_.scores += Format("best dev F1: stage 1 %.2f (%.0f epochs)", s1.dev_f1, s1.epochs);
  if (args_.non_local) args_.scores += Format(", stage 2 %.2f (%.0f epochs)", s2.dev_f1, s2.epochs);
  if (args_.retrain_full) {
    s1 = TrainStage(1, all, all, s1.epochs, false, "stage 1 (all data)");
    if (args_.non_local) s2 = TrainStage(2, all, all, s2.epochs, false, "stage 2 (all data)");
    log_(Format("retrained on train + dev [%.0f s]", Seconds()));
    args_.scores += "; final model retrained on train + dev";
  }
  std::vector<const std::vector<float>*> blocks = {&s1.weights};
  if (args_.non_local) blocks.push_back(&s2.weights);
  model_.weights = WeightTable::FromDense(args_.hash_bits, blocks, args_.prune);
  model_.transitions[0] = s1.transitions;
  model_.transitions[1] = args_.non_local ? s2.transitions : s1.transitions;
  model_.args = args_;
  log_(Format("model: %.0f weight rows [%.0f s]", static_cast<double>(model_.weights.rows()),
              Seconds()));
  return std::move(model_);
}

}  // namespace

Result<NerModel> TrainNerModel(const NerArgs& args, const NerTrainInput& input,
                               const TrainLog& log) {
  Trainer t(args, log);
  return t.Run(input);
}

}  // namespace dossier::ner
