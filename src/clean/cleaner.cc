// Tested by cleaner_test.cc and clean_seeds_test.cc.
#include "clean/cleaner.h"

#define XXH_INLINE_ALL
#include <cstdio>
#include <string>
#include <vector>

#include <xxhash.h>

#include "clean/boilerplate.h"
#include "clean/charset.h"
#include "clean/dates.h"
#include "clean/html_extractor.h"
#include "clean/language.h"
#include "clean/normalize.h"
#include "clean/text_metadata.h"

namespace dossier {
namespace {

std::string HexId(uint64_t hash) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

// The first non-empty value, normalised as one line.
std::string Pick(std::initializer_list<std::string_view> values) {
  for (std::string_view v : values) {
    std::string n = NormalizeInline(v);
    if (!n.empty()) return n;
  }
  return "";
}

}  // namespace

struct ArticleCleaner::Rep {
  CleanOptions options;
  BoilerplateStripper stripper;
  HtmlExtractor extractor;
  LanguageDetector detector;
};

ArticleCleaner::ArticleCleaner(CleanOptions options) : rep_(std::make_unique<Rep>()) {
  rep_->options = options;
}

ArticleCleaner::~ArticleCleaner() = default;

Result<Article> ArticleCleaner::Clean(const RawRecord& record) const {
  const bool html = record.kind == ContentKind::kHtml;
  Result<DecodedText> decoded = DecodeToUtf8(record.body, record.charset, html);
  if (!decoded.ok()) return decoded.status();

  ExtractedPage page;
  std::string_view body = decoded->text;
  if (html) {
    Result<ExtractedPage> extracted = rep_->extractor.Extract(decoded->text);
    if (!extracted.ok()) return extracted.status();
    page = std::move(*extracted);
    body = page.text;
  }

  const std::string normalized = NormalizeText(body);
  std::vector<std::string_view> paragraphs = SplitParagraphs(normalized);
  BoilerplateReport report;
  rep_->stripper.Strip(&paragraphs, &report);

  // Fields the record states win over the page's, which win over the text's.
  const std::string known_title = Pick({record.title, page.title});
  const TextMetadata found = ExtractTextMetadata(&paragraphs, report, known_title);

  Article a;
  a.text = JoinParagraphs(paragraphs);
  if (a.text.size() < std::max<size_t>(rep_->options.min_text_bytes, 1)) {
    return Status::InvalidInput("no article text left after cleaning");
  }
  a.path = record.path;
  a.locator = record.locator;
  a.url = Pick({record.url, page.url});
  a.title = known_title.empty() ? found.title : known_title;
  a.author = Pick({record.author, page.author});
  a.outlet = Pick({record.outlet, page.outlet, found.outlet});
  a.dateline = found.dateline;
  for (std::string_view candidate :
       {std::string_view(record.published), std::string_view(page.published),
        std::string_view(found.published)}) {
    a.published = NormalizeDate(NormalizeInline(candidate));
    if (!a.published.empty()) break;
  }

  const std::string hint = Pick({record.language, page.language});
  const LanguageGuess lang = rep_->detector.Detect(a.text, hint);
  a.language = lang.code;
  a.language_confidence = lang.confidence;
  a.mixed_language = lang.mixed;

  a.content_hash = XXH64(a.text.data(), a.text.size(), 0);
  a.id = record.id.empty() ? HexId(a.content_hash) : NormalizeInline(record.id);
  return a;
}

}  // namespace dossier
