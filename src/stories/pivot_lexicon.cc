// Tested by pivot_lexicon_test.cc.
#include "stories/pivot_lexicon.h"

#include <algorithm>
#include <utility>

#include "stories/dictd_file.h"
#include "text/segmenter.h"
#include "text/stemmer.h"

namespace dossier::stories {
namespace {

// One folded word, or "" for a phrase (a space, or nothing left).
std::string OneWord(std::string_view s, bool english) {
  if (english && s.substr(0, 3) == "to ") s.remove_prefix(3);
  if (s.empty() || s.find(' ') != std::string_view::npos) return "";
  return FoldCase(s);
}

void AddPivot(std::vector<std::string>* pivots, const std::string& p, int max) {
  if (p.empty() || static_cast<int>(pivots->size()) >= max) return;
  if (std::find(pivots->begin(), pivots->end(), p) == pivots->end()) pivots->push_back(p);
}

}  // namespace

std::string_view FreedictLanguageCode(std::string_view code) {
  static constexpr std::pair<std::string_view, std::string_view> kCodes[] = {
      {"ar", "ara"}, {"cs", "ces"}, {"da", "dan"}, {"de", "deu"}, {"el", "ell"}, {"en", "eng"},
      {"es", "spa"}, {"fi", "fin"}, {"fr", "fra"}, {"hu", "hun"}, {"it", "ita"}, {"ja", "jpn"},
      {"nl", "nld"}, {"no", "nor"}, {"pl", "pol"}, {"pt", "por"}, {"ro", "ron"}, {"ru", "rus"},
      {"sv", "swe"}, {"tr", "tur"}, {"uk", "ukr"}};
  for (const auto& [two, three] : kCodes) {
    if (two == code) return three;
  }
  return "";
}

Result<std::unique_ptr<const PivotLexicon>> PivotLexicon::Load(const LexiconOptions& options) {
  std::unique_ptr<PivotLexicon> lex(new PivotLexicon());
  lex->pivot_ = options.pivot;
  std::string_view p3 = FreedictLanguageCode(options.pivot);
  if (p3.empty()) return Status::InvalidInput("no FreeDict code for language " + options.pivot);
  Stemmer pivot_stemmer(options.pivot);
  const bool pivot_english = options.pivot == "en";
  for (const std::string& lang : options.languages) {
    std::string_view l3 = FreedictLanguageCode(lang);
    if (l3.empty()) return Status::InvalidInput("no FreeDict code for language " + lang);
    std::string forward = options.dict_dir + "/freedict-" + std::string(l3) + "-" + std::string(p3);
    std::string backward =
        options.dict_dir + "/freedict-" + std::string(p3) + "-" + std::string(l3);
    Result<std::vector<DictEntry>> fwd = ReadDictd(forward);
    Result<std::vector<DictEntry>> bwd = ReadDictd(backward);
    if (!fwd.ok() && fwd.status().code() != Status::Code::kNotFound) return fwd.status();
    if (!bwd.ok() && bwd.status().code() != Status::Code::kNotFound) return bwd.status();
    if (!fwd.ok() && !bwd.ok()) {
      return Status::NotFound("no FreeDict dictionary between " + lang + " and " + options.pivot +
                              ": looked for " + forward + ".index and " + backward +
                              ".index (Debian packages dict-freedict-*)");
    }
    Stemmer stemmer(lang);
    StemMap& map = lex->maps_[lang];
    auto stem_of = [](Stemmer& st, const std::string& folded) {
      return std::string(st.Stem(folded));
    };
    if (fwd.ok()) {
      for (const DictEntry& e : *fwd) {
        std::string word = OneWord(e.headword, false);
        if (word.empty()) continue;
        std::vector<std::string>& pivots = map[stem_of(stemmer, word)];
        for (const std::string& t : FreedictTranslations(e.definition)) {
          std::string tw = OneWord(t, pivot_english);
          if (!tw.empty()) AddPivot(&pivots, stem_of(pivot_stemmer, tw), options.max_translations);
        }
      }
    }
    if (bwd.ok()) {
      for (const DictEntry& e : *bwd) {
        std::string word = OneWord(e.headword, pivot_english);
        if (word.empty()) continue;
        std::string pivot = stem_of(pivot_stemmer, word);
        for (const std::string& t : FreedictTranslations(e.definition)) {
          std::string tw = OneWord(t, false);
          if (!tw.empty()) AddPivot(&map[stem_of(stemmer, tw)], pivot, options.max_translations);
        }
      }
    }
    for (auto it = map.begin(); it != map.end();) {
      it = it->second.empty() ? map.erase(it) : std::next(it);
    }
  }
  return std::unique_ptr<const PivotLexicon>(std::move(lex));
}

const std::vector<std::string>* PivotLexicon::Pivots(std::string_view language,
                                                     std::string_view stem) const {
  auto m = maps_.find(language);
  if (m == maps_.end()) return nullptr;
  auto it = m->second.find(std::string(stem));
  return it == m->second.end() ? nullptr : &it->second;
}

size_t PivotLexicon::size(std::string_view language) const {
  auto m = maps_.find(language);
  return m == maps_.end() ? 0 : m->second.size();
}

}  // namespace dossier::stories
