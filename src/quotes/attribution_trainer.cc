// Tested by attribution_model_test.cc; measured by bench/quote_bench.py.
#include "quotes/attribution_trainer.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <unordered_map>

#include "entities/feature_hash.h"
#include "entities/perceptron.h"
#include "entities/tag_scheme.h"

namespace dossier::quotes {
namespace {

namespace fs = std::filesystem;

constexpr double kMatchOverlap = 0.3;  // the bench's matching rule

Result<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::IOError("cannot read " + p.string());
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (true) {
    size_t k = s.find(sep, at);
    out.push_back(s.substr(at, k == std::string_view::npos ? std::string_view::npos : k - at));
    if (k == std::string_view::npos) return out;
    at = k + 1;
  }
}

// byte offset of each code point of text, and text.size() at the end.
std::vector<uint32_t> CharToByte(std::string_view text) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<uint8_t>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

struct Unit {
  size_t doc = 0;
  TokenRange range;
  std::vector<uint8_t> gold;
};

// The tokens [first, last] that bytes [begin, end) overlap within `u`, or
// false when none does.
bool TokensOf(const Segmentation& seg, const TokenRange& u, uint32_t begin, uint32_t end,
              uint32_t* first, uint32_t* last) {
  bool any = false;
  for (uint32_t t = u.first; t < u.first + u.count; ++t) {
    const Token& tok = seg.tokens[t];
    if (tok.begin < end && begin < tok.end) {
      if (!any) *first = t;
      *last = t;
      any = true;
    }
  }
  return any;
}

struct PreparedDoc {
  Segmentation seg;
  TokenFeatures features;
  std::vector<TokenRange> units;
  std::vector<AttributionSpan> gold;  // every fragment, clipped to units
};

// Segments d and projects its gold spans on the tokens; features come later
// (they need the cue words of all training documents).
PreparedDoc Prepare(const AttributionDocument& d, TextSegmenter* segmenter) {
  PreparedDoc p;
  p.seg = segmenter->Segment(d.text);
  p.units = TaggingUnits(p.seg);
  for (const GoldAttributionSpan& g : d.spans) {
    for (const TokenRange& u : p.units) {
      uint32_t a = 0, b = 0;
      if (TokensOf(p.seg, u, g.begin, g.end, &a, &b)) p.gold.push_back({g.role, a, b});
    }
  }
  std::sort(p.gold.begin(), p.gold.end(), [](const AttributionSpan& x, const AttributionSpan& y) {
    return x.first_token != y.first_token ? x.first_token < y.first_token
                                          : x.last_token > y.last_token;
  });
  return p;
}

// BILOU labels of unit u from the gold spans: the first of overlapping
// spans wins.
std::vector<uint8_t> GoldLabels(const PreparedDoc& p, const TokenRange& u) {
  std::vector<ner::EntitySpan> spans;
  int64_t covered_to = -1;
  for (const AttributionSpan& g : p.gold) {
    if (g.first_token < u.first || g.last_token >= u.first + u.count) continue;
    if (static_cast<int64_t>(g.first_token) <= covered_to) continue;
    spans.push_back({g.first_token - u.first, g.last_token - u.first, TypeOfRole(g.role), 0});
    covered_to = g.last_token;
  }
  return ner::BilouFromSpans(u.count, spans);
}

// Counts how often each word is (part of) a gold cue, and in all.
void CountCueWords(const AttributionDocument& d, const PreparedDoc& p,
                   std::unordered_map<std::string, uint32_t>* as_cue,
                   std::unordered_map<std::string, uint32_t>* total) {
  std::vector<bool> cue(p.seg.tokens.size());
  for (const AttributionSpan& g : p.gold) {
    if (g.role != AttributionRole::kCue) continue;
    for (uint32_t t = g.first_token; t <= g.last_token; ++t) cue[t] = true;
  }
  for (size_t t = 0; t < p.seg.tokens.size(); ++t) {
    const Token& tok = p.seg.tokens[t];
    if (tok.kind == TokenKind::kPunct) continue;
    std::string w =
        UnifyApostrophes(FoldCase(std::string_view(d.text).substr(tok.begin, tok.end - tok.begin)));
    if (cue[t]) ++(*as_cue)[w];
    ++(*total)[w];
  }
}

void Bucketize(const TokenFeatures& f, int bits, ner::BucketedFeatures* out) {
  out->offsets = f.offsets;
  out->buckets.resize(f.keys.size());
  for (size_t k = 0; k < f.keys.size(); ++k) out->buckets[k] = ner::Bucket(f.keys[k], bits);
}

}  // namespace

Result<std::vector<GoldAttributionSpan>> ParseBratAttributions(std::string_view ann,
                                                               std::string_view text) {
  const std::vector<uint32_t> c2b = CharToByte(text);
  struct TextBound {
    std::string type;
    std::vector<std::pair<uint32_t, uint32_t>> frags;
  };
  std::map<std::string, TextBound, std::less<>> bounds;
  std::vector<std::map<std::string, std::string, std::less<>>> events;
  for (std::string_view line : Split(ann, '\n')) {
    std::vector<std::string_view> parts = Split(line, '\t');
    // Lines without a tab continue the text of a span that holds a line break.
    if (parts.size() < 2 || parts[0].empty()) continue;
    if (parts[0][0] == 'T') {
      size_t sp = parts[1].find(' ');
      if (sp == std::string_view::npos) continue;
      TextBound tb;
      tb.type = std::string(parts[1].substr(0, sp));
      for (std::string_view frag : Split(parts[1].substr(sp + 1), ';')) {
        unsigned long a = 0, b = 0;
        std::istringstream in{std::string(frag)};
        if (!(in >> a >> b) || a > b || b >= c2b.size()) {
          return Status::InvalidInput("bad span '" + std::string(line) + "'");
        }
        tb.frags.push_back({c2b[a], c2b[b]});
      }
      bounds[std::string(parts[0])] = std::move(tb);
    } else if (parts[0][0] == 'E') {
      std::map<std::string, std::string, std::less<>> roles;
      for (std::string_view item : Split(parts[1], ' ')) {
        size_t colon = item.find(':');
        if (colon == std::string_view::npos) continue;
        roles[std::string(item.substr(0, colon))] = std::string(item.substr(colon + 1));
      }
      events.push_back(std::move(roles));
    }
  }
  std::vector<GoldAttributionSpan> out;
  const std::pair<const char*, AttributionRole> kRoles[] = {{"Source", AttributionRole::kSource},
                                                            {"Cue", AttributionRole::kCue},
                                                            {"Content", AttributionRole::kContent}};
  for (const auto& ev : events) {
    if (ev.find("Content") == ev.end()) continue;  // the bench scores these only
    for (const auto& [name, role] : kRoles) {
      auto r = ev.find(name);
      if (r == ev.end()) continue;
      auto tb = bounds.find(r->second);
      if (tb == bounds.end()) continue;
      for (const auto& [a, b] : tb->second.frags) out.push_back({role, a, b});
    }
  }
  return out;
}

Result<std::vector<AttributionDocument>> ReadBratCorpus(const std::string& dir) {
  const fs::path text_dir = fs::path(dir) / "text", ann_dir = fs::path(dir) / "attributions";
  std::error_code ec;
  std::vector<fs::path> texts, anns;
  for (const auto& e : fs::directory_iterator(text_dir, ec)) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  for (const auto& e : fs::directory_iterator(ann_dir, ec)) {
    if (e.path().extension() == ".ann") anns.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  std::sort(anns.begin(), anns.end());
  std::vector<AttributionDocument> docs;
  for (const fs::path& t : texts) {
    const std::string stem = t.stem().string() + "_";
    auto a = std::lower_bound(anns.begin(), anns.end(), ann_dir / stem);
    if (a == anns.end() || a->filename().string().rfind(stem, 0) != 0) continue;
    Result<std::string> text = ReadFile(t);
    if (!text.ok()) return text.status();
    Result<std::string> ann = ReadFile(*a);
    if (!ann.ok()) return ann.status();
    Result<std::vector<GoldAttributionSpan>> spans = ParseBratAttributions(*ann, *text);
    if (!spans.ok()) return Status::InvalidInput(a->string() + ": " + spans.status().message());
    docs.push_back({t.stem().string(), std::move(*text), std::move(*spans)});
  }
  if (docs.empty()) return Status::NotFound("no annotated article under " + dir);
  return docs;
}

SpanCounts CountContentMatches(const std::vector<AttributionSpan>& predicted,
                               const std::vector<AttributionSpan>& gold) {
  auto contents = [](const std::vector<AttributionSpan>& v) {
    std::vector<AttributionSpan> out;
    for (const AttributionSpan& s : v) {
      if (s.role == AttributionRole::kContent) out.push_back(s);
    }
    return out;
  };
  const std::vector<AttributionSpan> p = contents(predicted), g = contents(gold);
  struct Pair {
    double overlap;
    size_t i, j;
  };
  std::vector<Pair> pairs;
  for (size_t i = 0; i < p.size(); ++i) {
    for (size_t j = 0; j < g.size(); ++j) {
      const int64_t lo = std::max(p[i].first_token, g[j].first_token);
      const int64_t hi = std::min(p[i].last_token, g[j].last_token);
      if (hi < lo) continue;
      const double longer =
          std::max(p[i].last_token - p[i].first_token, g[j].last_token - g[j].first_token) + 1.0;
      const double o = static_cast<double>(hi - lo + 1) / longer;
      if (o >= kMatchOverlap) pairs.push_back({o, i, j});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return a.overlap > b.overlap; });
  std::vector<bool> used_p(p.size()), used_g(g.size());
  SpanCounts c;
  c.predicted = p.size(), c.gold = g.size();
  for (const Pair& x : pairs) {
    if (used_p[x.i] || used_g[x.j]) continue;
    used_p[x.i] = used_g[x.j] = true;
    ++c.matched;
  }
  return c;
}

namespace {

// The perceptron passes of one stage over `units`, whose documents'
// features are sources[doc][0] and, if non-empty, sources[doc][1]. Keeps
// the epoch that `score` (may be empty: the last epoch) likes best.
AttributionStage TrainStage(std::vector<Unit> units,
                            const std::vector<std::array<ner::BucketedFeatures, 2>>& sources,
                            int bits, int epochs, float prune, uint64_t seed,
                            const std::function<double(const AttributionStage&)>& score,
                            const std::string& name, std::ostream* log) {
  ner::AveragedPerceptron perceptron(bits);
  std::mt19937_64 rng(seed);
  std::vector<float> weights;
  AttributionStage best;
  double best_score = -1;
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    std::shuffle(units.begin(), units.end(), rng);
    size_t wrong = 0, tokens = 0;
    for (const Unit& u : units) {
      ner::SentenceRef s;
      s.features[0] = &sources[u.doc][0];
      if (!sources[u.doc][1].offsets.empty()) s.features[1] = &sources[u.doc][1];
      s.first = u.range.first;
      s.n = u.range.count;
      s.gold = u.gold.data();
      wrong += static_cast<size_t>(perceptron.Train(s));
      tokens += u.range.count;
    }
    AttributionStage stage;
    perceptron.Averaged(&weights, &stage.transitions);
    stage.weights = ner::WeightTable::FromDense(bits, {&weights}, prune);
    const double value = score ? score(stage) : epoch;
    if (log != nullptr) {
      *log << name << " epoch " << epoch << ": training token error "
           << 100.0 * static_cast<double>(wrong) / static_cast<double>(std::max<size_t>(tokens, 1))
           << "%";
      if (score) *log << ", held-out content F1 " << 100.0 * value;
      *log << "\n";
    }
    if (value > best_score) {
      best_score = value;
      best = std::move(stage);
    }
  }
  return best;
}

}  // namespace

Result<AttributionModel> AttributionTrainer::Train(const std::vector<AttributionDocument>& docs,
                                                   std::ostream* log) const {
  const int bits = options_.hash_bits;
  const int k = options_.heldout_every;
  TextSegmenter segmenter(options_.language);
  std::vector<PreparedDoc> prepared;
  prepared.reserve(docs.size());
  for (const AttributionDocument& d : docs) prepared.push_back(Prepare(d, &segmenter));
  auto is_heldout = [k](size_t d) { return k > 0 && static_cast<int>(d % k) == k - 1; };
  std::unordered_map<std::string, uint32_t> as_cue, total;
  for (size_t d = 0; d < prepared.size(); ++d) {
    if (!is_heldout(d)) CountCueWords(docs[d], prepared[d], &as_cue, &total);
  }
  CueWords cue_words = CueWords::FromCounts(as_cue, total);
  if (log != nullptr) *log << cue_words.size() << " cue words learned\n";
  std::vector<std::array<ner::BucketedFeatures, 2>> sources(prepared.size());
  std::vector<Unit> units;
  std::vector<size_t> heldout, training;
  for (size_t d = 0; d < prepared.size(); ++d) {
    prepared[d].features =
        AttributionFeatures(docs[d].text, prepared[d].seg, *lexicon_, &cue_words);
    if (is_heldout(d)) {
      heldout.push_back(d);
      continue;
    }
    training.push_back(d);
    Bucketize(prepared[d].features, bits, &sources[d][0]);
    for (const TokenRange& u : prepared[d].units)
      units.push_back({d, u, GoldLabels(prepared[d], u)});
  }
  if (units.empty()) return Status::InvalidInput("no training text");

  // Held-out content F1 of a model with the stages so far.
  auto score_with = [&](std::vector<AttributionStage> stages) {
    AttributionModel model(std::move(stages), cue_words, "");
    SpanCounts total_counts;
    for (size_t d : heldout) {
      SpanCounts c = CountContentMatches(model.TagFeatures(prepared[d].features, prepared[d].units),
                                         prepared[d].gold);
      total_counts.predicted += c.predicted, total_counts.gold += c.gold;
      total_counts.matched += c.matched;
    }
    return total_counts.F1();
  };
  std::function<double(const AttributionStage&)> score1, score2;
  const int epochs = options_.epochs;
  const uint64_t seed = options_.seed;
  AttributionStage stage1;
  if (!heldout.empty()) score1 = [&](const AttributionStage& s) { return score_with({s}); };
  stage1 = TrainStage(units, sources, bits, epochs, options_.prune, seed, score1, "stage 1", log);
  if (options_.stack_folds < 2) {
    return AttributionModel({std::move(stage1)}, std::move(cue_words), options_.provenance);
  }

  // Stacking: the second stage learns from first-stage labels of text the
  // first stage did not train on (jackknife over the training documents),
  // as it will see them on new text.
  const size_t folds = static_cast<size_t>(options_.stack_folds);
  std::vector<std::vector<uint8_t>> labels(prepared.size());
  for (size_t f = 0; f < folds; ++f) {
    std::vector<Unit> fold_units;
    for (const Unit& u : units) {
      if (u.doc % folds != f) fold_units.push_back(u);
    }
    AttributionStage s =
        TrainStage(std::move(fold_units), sources, bits, options_.stack_epochs, options_.prune,
                   seed + f + 1, {}, "fold " + std::to_string(f + 1), log);
    AttributionModel fold_model({std::move(s)}, cue_words, "");
    for (size_t d : training) {
      if (d % folds == f) labels[d] = fold_model.Label(prepared[d].features, prepared[d].units, 1);
    }
  }
  for (size_t d : training) {
    TokenFeatures stacked = StackedFeatures(prepared[d].features, prepared[d].units, labels[d]);
    Bucketize(stacked, bits, &sources[d][1]);
  }
  if (!heldout.empty()) {
    score2 = [&](const AttributionStage& s) { return score_with({stage1, s}); };
  }
  AttributionStage stage2 =
      TrainStage(units, sources, bits, epochs, options_.prune, seed, score2, "stage 2", log);
  return AttributionModel({std::move(stage1), std::move(stage2)}, std::move(cue_words),
                          options_.provenance);
}

}  // namespace dossier::quotes
