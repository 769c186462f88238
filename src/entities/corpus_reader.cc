// Tested by corpus_reader_test.cc.
#include "entities/corpus_reader.h"

#include <cstdio>
#include <memory>

#include "base/ascii.h"
#include "entities/tag_scheme.h"

namespace dossier::ner {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line, bool tabs_only) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    auto is_sep = [&](char c) { return c == '\t' || (!tabs_only && c == ' '); };
    while (i < line.size() && is_sep(line[i])) ++i;
    size_t start = i;
    while (i < line.size() && !is_sep(line[i])) ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

CorpusFormat GuessFormat(std::string_view line) {
  size_t tab = line.find('\t');
  if (tab != std::string_view::npos) {
    std::string_view first = line.substr(0, tab);
    bool digits = !first.empty();
    for (char c : first) digits = digits && c >= '0' && c <= '9';
    if (digits) return CorpusFormat::kConllu;
    size_t colon = first.find(':');
    if (colon >= 2 && colon <= 3) return CorpusFormat::kWikiann;
  }
  return CorpusFormat::kConll;
}

// Removes the "xx:" language prefix of wikiann tokens.
std::string_view StripLanguagePrefix(std::string_view token) {
  size_t colon = token.find(':');
  if (colon < 2 || colon > 3 || colon + 1 >= token.size()) return token;
  for (size_t i = 0; i < colon; ++i) {
    if (token[i] < 'a' || token[i] > 'z') return token;
  }
  return token.substr(colon + 1);
}

struct ParseState {
  Corpus corpus;
  LabeledSentence sentence;
  std::string pending;  // raw non-token lines not yet attached
  bool new_document = true;
};

Status FinishSentence(ParseState* st, bool documents_marked) {
  if (st->sentence.tokens.empty()) return Status::OK();
  LabeledSentence& s = st->sentence;
  if (st->corpus.has_tags) {
    Result<std::vector<EntitySpan>> spans = SpansFromIob(s.tags);
    if (!spans.ok()) return spans.status();
    s.spans = std::move(*spans);
  }
  if (st->new_document || !documents_marked || st->corpus.documents.empty()) {
    st->corpus.documents.emplace_back();
    st->new_document = false;
  }
  st->corpus.documents.back().sentences.push_back(std::move(s));
  st->sentence = LabeledSentence();
  return Status::OK();
}

}  // namespace

size_t Corpus::TokenCount() const {
  size_t n = 0;
  for (const LabeledDocument& d : documents) {
    for (const LabeledSentence& s : d.sentences) n += s.tokens.size();
  }
  return n;
}

Result<CorpusFormat> ParseCorpusFormat(std::string_view name) {
  if (name == "auto") return CorpusFormat::kAuto;
  if (name == "conll") return CorpusFormat::kConll;
  if (name == "wikiann") return CorpusFormat::kWikiann;
  if (name == "conllu") return CorpusFormat::kConllu;
  return Status::InvalidInput("unknown corpus format '" + std::string(name) +
                              "' (expected conll, wikiann or conllu)");
}

Result<Corpus> ParseCorpus(std::string_view text, CorpusFormat format, bool require_tags) {
  ParseState st;
  bool tags_seen = false, untagged_seen = false;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool doc_marker = line.starts_with("-DOCSTART-");
    if (ascii::IsBlank(line, " \t\r") || doc_marker || line.starts_with("#")) {
      DOSSIER_RETURN_IF_ERROR(FinishSentence(&st, format == CorpusFormat::kConll));
      if (doc_marker) st.new_document = true;
      st.pending.append(line);
      st.pending.push_back('\n');
      continue;
    }
    if (format == CorpusFormat::kAuto) format = GuessFormat(line);
    std::vector<std::string_view> fields = SplitFields(line, format != CorpusFormat::kConll);
    size_t token_field = format == CorpusFormat::kConllu ? 1 : 0;
    size_t min_fields = token_field + 2;
    std::string_view token, tag;
    if (fields.size() >= min_fields) {
      token = fields[token_field];
      tag = fields.back();
      tags_seen = true;
    } else if (!require_tags && fields.size() == min_fields - 1) {
      token = fields[token_field];
      untagged_seen = true;
    } else {
      return Status::InvalidInput("line " + std::to_string(line_no) + ": expected " +
                                  std::to_string(min_fields) + " columns: '" + std::string(line) +
                                  "'");
    }
    if (format == CorpusFormat::kWikiann) token = StripLanguagePrefix(token);
    if (st.sentence.tokens.empty()) {
      st.sentence.before = std::move(st.pending);
      st.pending.clear();
    }
    st.sentence.tokens.emplace_back(token);
    st.sentence.tags.emplace_back(tag);
    st.sentence.lines.emplace_back(line);
    if (tags_seen && untagged_seen) {
      return Status::InvalidInput("line " + std::to_string(line_no) +
                                  ": some lines have a tag column and some do not");
    }
    st.corpus.has_tags = !untagged_seen;
  }
  DOSSIER_RETURN_IF_ERROR(FinishSentence(&st, format == CorpusFormat::kConll));
  st.corpus.trailer = std::move(st.pending);
  return std::move(st.corpus);
}

Status ReadFileToString(const std::string& path, std::string* out) {
  out->clear();
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::NotFound("cannot open " + path);
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (failed) return Status::IOError("read error on " + path);
  return Status::OK();
}

Result<Corpus> ReadCorpus(const std::string& path, CorpusFormat format, bool require_tags) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  Result<Corpus> c = ParseCorpus(text, format, require_tags);
  if (!c.ok()) return Status::InvalidInput(path + ": " + c.status().message());
  return c;
}

}  // namespace dossier::ner
