// Tested by document_builder_test.cc.
#include "stories/document_builder.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace dossier::stories {

DocumentBuilder::DocumentBuilder(const PivotLexicon* lexicon, DocumentOptions options)
    : lexicon_(lexicon), options_(options) {}
DocumentBuilder::~DocumentBuilder() = default;

DocumentBuilder::Language& DocumentBuilder::ForLanguage(const std::string& language) {
  auto it = languages_.find(language);
  if (it != languages_.end()) return it->second;
  Language& l = languages_[language];
  l.segmenter = std::make_unique<TextSegmenter>(language);
  l.stemmer = std::make_unique<Stemmer>(language);
  return l;
}

void DocumentBuilder::AddWord(std::string_view language, Stemmer& stemmer, std::string_view folded,
                              float weight, std::map<uint64_t, float>* terms) {
  std::string_view stem = stemmer.Stem(folded);
  const std::vector<std::string>* pivots = lexicon_ != nullptr && language != lexicon_->pivot()
                                               ? lexicon_->Pivots(language, stem)
                                               : nullptr;
  if (pivots == nullptr) {
    (*terms)[FeatureKey(FeatureKind::kTerm, stem)] += weight;
    return;
  }
  const float share = weight / static_cast<float>(pivots->size());
  for (const std::string& p : *pivots) (*terms)[FeatureKey(FeatureKind::kTerm, p)] += share;
}

StoryDocument DocumentBuilder::Build(const Article& article,
                                     const identity::ArticleEntities& entities,
                                     const std::vector<uint32_t>& global_ids,
                                     const std::vector<std::string>& mentioned_dates) {
  StoryDocument d;
  d.id = article.id;
  d.language = article.language;
  d.day = DayFromIso(article.published);
  Language& lang = ForLanguage(article.language);
  std::map<uint64_t, float> terms;  // ordered: documents come out sorted by key
  std::unordered_set<uint64_t> numbers, shingles;
  std::vector<uint64_t> window;  // hashes of the last four word/number tokens

  auto add_text = [&](std::string_view text, float weight, bool main_text) {
    Segmentation seg = lang.segmenter->Segment(text);
    size_t sentence = 0;  // of the token; tokens and sentences come in text order
    for (const Token& t : seg.tokens) {
      while (sentence + 1 < seg.sentences.size() && t.begin >= seg.sentences[sentence].end)
        ++sentence;
      std::string_view raw = text.substr(t.begin, t.end - t.begin);
      if (t.kind == TokenKind::kPunct) continue;
      FoldCaseInto(raw, &fold_);
      if (main_text) {
        window.push_back(FeatureKey(FeatureKind::kShingle, fold_));
        if (window.size() > 4) window.erase(window.begin());
        if (window.size() == 4) {
          uint64_t h = 0;
          for (uint64_t w : window) h = (h ^ w) * 0x100000001b3ULL + (h >> 29);
          shingles.insert(h);
        }
      }
      if (t.kind == TokenKind::kNumber) {
        std::string digits;
        for (char c : raw) {
          if (c >= '0' && c <= '9') digits.push_back(c);
        }
        if (digits.size() >= 2 && main_text)
          numbers.insert(FeatureKey(FeatureKind::kNumber, digits));
        continue;
      }
      if (fold_.size() < 3) continue;
      const float lead =
          main_text ? 1.0f + options_.lead_decay * static_cast<float>(sentence) : 1.0f;
      AddWord(article.language, *lang.stemmer, fold_, weight / lead, &terms);
    }
    return seg;
  };

  if (!article.title.empty()) {
    d.title = article.title;
    add_text(article.title, 1.0f, false);
    add_text(article.text, 1.0f, true);
  } else {
    Segmentation seg = add_text(article.text, 1.0f, true);
    if (!seg.sentences.empty()) {
      const Sentence& s = seg.sentences[0];
      d.title = article.text.substr(s.begin, s.end - s.begin);
      add_text(d.title, 1.0f, false);
    }
  }
  d.terms.reserve(terms.size());
  for (const auto& [key, w] : terms) d.terms.push_back({key, w});
  d.numbers.assign(numbers.begin(), numbers.end());
  std::sort(d.numbers.begin(), d.numbers.end());
  d.shingles.assign(shingles.begin(), shingles.end());
  std::sort(d.shingles.begin(), d.shingles.end());

  std::unordered_map<uint32_t, size_t> seen;  // global id -> index in d.entities
  std::map<uint64_t, uint32_t> places;        // ordered: places come out sorted
  for (size_t i = 0; i < entities.entities.size() && i < global_ids.size(); ++i) {
    const identity::ArticleEntity& e = entities.entities[i];
    const uint32_t n = std::max<uint32_t>(1, static_cast<uint32_t>(e.mentions.size()));
    auto [it, fresh] = seen.emplace(global_ids[i], d.entities.size());
    if (fresh)
      d.entities.push_back({global_ids[i], e.type, n});
    else
      d.entities[it->second].mentions += n;
    if (e.type == ner::EntityType::kLoc) {
      std::string place = e.alias_id;
      if (place.empty()) place.append(1, '#').append(std::to_string(global_ids[i]));
      places[FeatureKey(FeatureKind::kPlace, place)] += n;
    }
  }
  for (const auto& [key, n] : places) {
    d.places.push_back(key);
    d.place_mentions.push_back(n);
  }
  for (const std::string& iso : mentioned_dates) {
    int32_t day = DayFromIso(iso);
    if (day != kNoDay) d.dates.push_back(day);
  }
  std::sort(d.dates.begin(), d.dates.end());
  for (size_t i = 1; i < d.dates.size(); ++i) {
    if (d.dates[i] == d.dates[i - 1] &&
        (d.repeated_dates.empty() || d.repeated_dates.back() != d.dates[i]))
      d.repeated_dates.push_back(d.dates[i]);
  }
  d.dates.erase(std::unique(d.dates.begin(), d.dates.end()), d.dates.end());
  return d;
}

}  // namespace dossier::stories
