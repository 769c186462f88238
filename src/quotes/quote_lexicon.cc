// Tested by quote_lexicon_test.cc.
#include "quotes/quote_lexicon.h"

#include <string>

#include "quotes/quote_data.h"

namespace dossier::quotes {
namespace {

constexpr std::string_view kPrefix = "reporting-verbs-";

std::vector<std::string> SplitWords(std::string_view line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) words.emplace_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

std::string UnifyApostrophes(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size(); ++i) {
    if (word.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(word[i]);
    }
  }
  return out;
}

Result<QuoteLexicon> QuoteLexicon::Parse(std::string_view text, std::string_view source) {
  QuoteLexicon lex;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> w = SplitWords(line);
    for (std::string& x : w) x = UnifyApostrophes(x);
    if (w.empty()) continue;
    auto bad = [&](const char* why) {
      return Status::InvalidInput(std::string(source) + ":" + std::to_string(line_no) + ": " + why);
    };
    if (w.size() < 2) return bad("an entry needs a kind and at least one word");
    const std::string& kind = w[0];
    if (kind == "verb" || kind == "object") {
      const bool object = kind == "object";
      for (size_t i = 1; i < w.size(); ++i) {
        VerbForm& f = lex.verbs_[w[i]];
        if (f.lemma.empty()) f.lemma = w[1];
        f.takes_object = f.takes_object || object;
      }
    } else if (kind == "prep") {
      lex.preps_.emplace_back(w.begin() + 1, w.end());
    } else {
      std::unordered_set<std::string>* set = kind == "aux"          ? &lex.aux_
                                             : kind == "that"       ? &lex.that_
                                             : kind == "person"     ? &lex.person_
                                             : kind == "group"      ? &lex.group_
                                             : kind == "noncue"     ? &lex.noncue_
                                             : kind == "trail"      ? &lex.trail_
                                             : kind == "conj"       ? &lex.conj_
                                             : kind == "nonsubject" ? &lex.nonsubject_
                                             : kind == "like"       ? &lex.like_
                                                                    : nullptr;
      if (set == nullptr) return bad("unknown kind");
      set->insert(w.begin() + 1, w.end());
    }
  }
  if (lex.verbs_.empty()) return Status::InvalidInput(std::string(source) + ": no verb entry");
  return lex;
}

Result<QuoteLexicon> QuoteLexicon::ForLanguage(std::string_view language) {
  std::string name = std::string(kPrefix) + std::string(language);
  for (size_t i = 0; i < quotes_internal::kQuoteDataFileCount; ++i) {
    const quotes_internal::EmbeddedFile& f = quotes_internal::kQuoteDataFiles[i];
    if (name == f.name) return Parse(f.content, "data/quotes/" + name + ".txt");
  }
  return Status::NotFound("no reporting-verb lexicon for language '" + std::string(language) +
                          "' (data/quotes/" + name + ".txt)");
}

std::vector<std::string> QuoteLexicon::Languages() {
  std::vector<std::string> out;
  for (size_t i = 0; i < quotes_internal::kQuoteDataFileCount; ++i) {
    std::string_view name = quotes_internal::kQuoteDataFiles[i].name;
    if (name.substr(0, kPrefix.size()) == kPrefix) out.emplace_back(name.substr(kPrefix.size()));
  }
  return out;
}

const VerbForm* QuoteLexicon::Verb(std::string_view folded) const {
  auto it = verbs_.find(std::string(folded));
  return it == verbs_.end() ? nullptr : &it->second;
}

}  // namespace dossier::quotes
