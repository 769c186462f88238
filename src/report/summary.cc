#include "report/summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "clean/boilerplate.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace dossier::report {
namespace {

// Past these, centrality (quadratic in the candidates) would cost more than
// the report is worth; the leads of articles carry their substance anyway.
constexpr size_t kMaxSentencesPerArticle = 40;
constexpr size_t kMaxCandidates = 2000;
// Sentences named by a copy of the same words count once towards centrality,
// and a sentence seconded by another article counts more than by its own.
constexpr double kOtherArticleWeight = 2.0;
constexpr double kLeadBonus = 0.5;

using SparseVector = std::vector<std::pair<int, double>>;  // feature -> weight, by feature

struct Candidate {
  size_t article = 0;
  size_t position = 0;  ///< index among its article's candidates
  uint32_t begin = 0;
  uint32_t end = 0;
  std::vector<int> features;  ///< distinct, sorted
  SparseVector vector;        ///< unit length
  double relevance = 0;
};

bool EndsLikeASentence(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.empty()) return false;
  for (std::string_view end : {".", "!", "?", "\"", "'", ")", "”", "’", "»", "…"}) {
    if (s.ends_with(end)) return true;
  }
  return false;
}

// The byte ranges of the paragraphs the boilerplate rules keep.
std::vector<std::pair<uint32_t, uint32_t>> KeptParagraphs(const std::string& text,
                                                          const BoilerplateStripper& stripper) {
  std::vector<std::string_view> paragraphs;
  size_t at = 0;
  while (at < text.size()) {
    size_t next = text.find("\n\n", at);
    if (next == std::string::npos) next = text.size();
    if (next > at) paragraphs.emplace_back(text.data() + at, next - at);
    at = next + 2;
  }
  stripper.Strip(&paragraphs, nullptr);
  std::vector<std::pair<uint32_t, uint32_t>> kept;
  for (std::string_view p : paragraphs) {
    const auto begin = static_cast<uint32_t>(p.data() - text.data());
    kept.emplace_back(begin, begin + static_cast<uint32_t>(p.size()));
  }
  return kept;
}

class FeatureSpace {
 public:
  int Id(const std::string& key) {
    auto [it, added] = ids_.emplace(key, static_cast<int>(ids_.size()));
    return it->second;
  }
  size_t size() const { return ids_.size(); }

 private:
  std::unordered_map<std::string, int> ids_;
};

// Per-language segmenters and stemmers, made on first use.
class LanguageTools {
 public:
  TextSegmenter& Segmenter(const std::string& language) {
    auto& s = segmenters_[language];
    if (!s) s = std::make_unique<TextSegmenter>(language);
    return *s;
  }
  Stemmer& StemmerFor(const std::string& language) {
    auto& s = stemmers_[language];
    if (!s) s = std::make_unique<Stemmer>(language);
    return *s;
  }

 private:
  std::map<std::string, std::unique_ptr<TextSegmenter>> segmenters_;
  std::map<std::string, std::unique_ptr<Stemmer>> stemmers_;
};

// Where each entity is named in the article: (offset, feature), by offset.
std::vector<std::pair<uint32_t, int>> EntityFeatures(const SummaryArticle& article,
                                                     FeatureSpace* space) {
  std::vector<std::pair<uint32_t, int>> out;
  for (const auto& [offset, entity] : article.entities) {
    std::string key = "@";
    key += std::to_string(entity);
    out.emplace_back(offset, space->Id(key));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The candidate sentences of one article, with their features.
void AddCandidates(size_t index, const SummaryArticle& article, const SummaryOptions& options,
                   bool need_full_stop, const BoilerplateStripper& stripper, LanguageTools* tools,
                   FeatureSpace* space, std::vector<Candidate>* out) {
  const std::string& text = article.text;
  const std::string& language = article.source.language;
  const std::vector<std::pair<uint32_t, uint32_t>> kept = KeptParagraphs(text, stripper);
  const Segmentation seg = tools->Segmenter(language).Segment(text);
  const std::vector<std::pair<uint32_t, int>> named = EntityFeatures(article, space);
  Stemmer& stemmer = tools->StemmerFor(language);
  std::string folded;
  size_t position = 0;
  for (const Sentence& s : seg.sentences) {
    if (position >= kMaxSentencesPerArticle || out->size() >= kMaxCandidates) break;
    const bool in_kept = std::any_of(kept.begin(), kept.end(), [&s](const auto& p) {
      return s.begin >= p.first && s.end <= p.second;
    });
    if (!in_kept) continue;
    const std::string_view sentence(text.data() + s.begin, s.end - s.begin);
    if (need_full_stop && !EndsLikeASentence(sentence)) continue;
    Candidate c;
    c.article = index;
    c.begin = s.begin;
    c.end = s.end;
    size_t words = 0;
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      const Token& token = seg.tokens[t];
      const std::string_view word(text.data() + token.begin, token.end - token.begin);
      if (token.kind == TokenKind::kPunct) continue;
      ++words;
      if (token.kind == TokenKind::kNumber) {
        std::string key = "#";
        for (char ch : word) {
          if (std::isdigit(static_cast<unsigned char>(ch))) key += ch;
        }
        c.features.push_back(space->Id(key));
        continue;
      }
      FoldCaseInto(word, &folded);
      const std::string_view stem = stemmer.Stem(folded);
      if (stem.size() < 2) continue;
      std::string key = language;
      key.append(":").append(stem);
      c.features.push_back(space->Id(key));
    }
    if (words < options.min_words || words > options.max_words) continue;
    auto first = std::lower_bound(named.begin(), named.end(), std::make_pair(s.begin, -1));
    for (auto it = first; it != named.end() && it->first < s.end; ++it) {
      c.features.push_back(it->second);
    }
    std::sort(c.features.begin(), c.features.end());
    c.features.erase(std::unique(c.features.begin(), c.features.end()), c.features.end());
    if (c.features.empty()) continue;
    c.position = position++;
    out->push_back(std::move(c));
  }
}

double Dot(const SparseVector& a, const SparseVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      sum += a[i++].second * b[j++].second;
    }
  }
  return sum;
}

// Unit-length idf-weighted vectors; inverse sentence frequency over the candidates.
void Weigh(size_t feature_count, std::vector<Candidate>* candidates) {
  std::vector<int> df(feature_count, 0);
  for (const Candidate& c : *candidates) {
    for (int f : c.features) ++df[f];
  }
  const double n = static_cast<double>(candidates->size());
  for (Candidate& c : *candidates) {
    double norm = 0;
    for (int f : c.features) {
      const double w = std::log((n + 1) / df[f]);
      c.vector.emplace_back(f, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [f, w] : c.vector) w = norm > 0 ? w / norm : 0;
  }
}

// Degree centrality over cosine similarity (LexRank without the iteration).
void Score(const SummaryOptions& options, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& cs = *candidates;
  std::vector<double> score(cs.size(), 0);
  for (size_t i = 0; i < cs.size(); ++i) {
    for (size_t j = i + 1; j < cs.size(); ++j) {
      const double sim = Dot(cs[i].vector, cs[j].vector);
      if (sim <= 0 || sim >= options.duplicate_similarity) continue;
      const double w = cs[i].article == cs[j].article ? sim : sim * kOtherArticleWeight;
      score[i] += w;
      score[j] += w;
    }
  }
  double best = 0;
  for (size_t i = 0; i < cs.size(); ++i) {
    score[i] *= 1 + kLeadBonus / (1.0 + static_cast<double>(cs[i].position));
    best = std::max(best, score[i]);
  }
  for (size_t i = 0; i < cs.size(); ++i) cs[i].relevance = best > 0 ? score[i] / best : 0;
}

std::vector<size_t> SelectByMmr(const std::vector<Candidate>& cs,
                                const std::vector<SummaryArticle>& articles,
                                const SummaryOptions& options) {
  std::vector<size_t> chosen;
  std::vector<double> max_sim(cs.size(), 0);
  std::vector<bool> taken(cs.size(), false);
  std::vector<std::string> languages;
  std::vector<size_t> used_articles;
  while (chosen.size() < options.max_sentences) {
    double best = -1e9;
    size_t pick = cs.size();
    for (size_t i = 0; i < cs.size(); ++i) {
      if (taken[i] || max_sim[i] >= options.duplicate_similarity) continue;
      double value = options.lambda * cs[i].relevance - (1 - options.lambda) * max_sim[i];
      const std::string& lang = articles[cs[i].article].source.language;
      if (std::find(languages.begin(), languages.end(), lang) == languages.end()) {
        value += options.new_language_bonus;
      }
      if (std::find(used_articles.begin(), used_articles.end(), cs[i].article) ==
          used_articles.end()) {
        value += options.new_article_bonus;
      }
      if (value > best) {
        best = value;
        pick = i;
      }
    }
    if (pick == cs.size()) break;
    taken[pick] = true;
    chosen.push_back(pick);
    languages.push_back(articles[cs[pick].article].source.language);
    used_articles.push_back(cs[pick].article);
    for (size_t i = 0; i < cs.size(); ++i) {
      if (!taken[i]) max_sim[i] = std::max(max_sim[i], Dot(cs[i].vector, cs[pick].vector));
    }
  }
  return chosen;
}

}  // namespace

std::vector<SummarySentence> Summarize(const std::vector<SummaryArticle>& articles,
                                       const SummaryOptions& options) {
  if (options.max_sentences == 0) return {};
  const BoilerplateStripper stripper;
  LanguageTools tools;
  FeatureSpace space;
  std::vector<Candidate> candidates;
  // Texts without sentence punctuation (transcripts, lists) still get a summary.
  for (bool need_full_stop : {true, false}) {
    for (size_t i = 0; i < articles.size(); ++i) {
      AddCandidates(i, articles[i], options, need_full_stop, stripper, &tools, &space, &candidates);
    }
    if (!candidates.empty()) break;
  }
  Weigh(space.size(), &candidates);
  Score(options, &candidates);
  std::vector<size_t> chosen = SelectByMmr(candidates, articles, options);
  // Reading order: the article's date, then the article, then the position.
  std::sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    const std::string& dx = articles[x.article].source.published;
    const std::string& dy = articles[y.article].source.published;
    if (dx.empty() != dy.empty()) return !dx.empty();
    if (dx != dy) return dx < dy;
    if (x.article != y.article) return x.article < y.article;
    return x.begin < y.begin;
  });
  std::vector<SummarySentence> out;
  for (size_t i : chosen) {
    const Candidate& c = candidates[i];
    SummarySentence s;
    s.source = articles[c.article].source;
    s.source.start = c.begin;
    s.source.end = c.end;
    s.text = articles[c.article].text.substr(c.begin, c.end - c.begin);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dossier::report
