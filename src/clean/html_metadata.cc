// Tested by html_extractor_test.cc.
#include "clean/html_metadata.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/ascii.h"
#include "clean/dates.h"
#include "clean/normalize.h"
#include "clean/text_util.h"

namespace dossier {
namespace {

using Json = nlohmann::json;

constexpr int kMaxJsonDepth = 64;
constexpr size_t kMaxJsonBytes = 1 << 20;

constexpr std::string_view kArticleTypes[] = {"newsarticle",
                                              "article",
                                              "reportagenewsarticle",
                                              "analysisnewsarticle",
                                              "opinionnewsarticle",
                                              "backgroundnewsarticle",
                                              "reviewnewsarticle",
                                              "blogposting",
                                              "liveblogposting",
                                              "socialmediaposting",
                                              "scholarlyarticle",
                                              "techarticle",
                                              "report"};
constexpr std::string_view kSiteTypes[] = {"newsmediaorganization", "organization", "website"};

struct JsonLdFacts {
  std::string headline, published, author, publisher, url, language, site_name;
  std::string any_published;  ///< datePublished of an object of another type (WebPage, ...)
};

// Deepest bracket nesting outside strings; the parser is iterative but a
// bound keeps the work on hostile input small.
int JsonDepth(std::string_view s) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : s) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      max_depth = std::max(max_depth, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return max_depth;
}

std::string String(const Json& j, std::string_view key) {
  if (!j.is_object()) return "";
  auto it = j.find(std::string(key));
  if (it == j.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_object()) {
    // {"@id": "..."} for mainEntityOfPage, {"name": ...} for publishers.
    for (const char* k : {"name", "@id", "url"}) {
      auto in = it->find(k);
      if (in != it->end() && in->is_string()) return in->get<std::string>();
    }
  }
  return "";
}

bool HasType(const Json& obj, std::span<const std::string_view> types) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  if (it->is_string()) return InTable(types, ascii::ToLower(it->get<std::string>()));
  if (it->is_array()) {
    for (const Json& t : *it) {
      if (t.is_string() && InTable(types, ascii::ToLower(t.get<std::string>()))) return true;
    }
  }
  return false;
}

std::string Authors(const Json& obj) {
  auto it = obj.find("author");
  if (it == obj.end()) return "";
  std::vector<std::string> names;
  auto add = [&](const Json& a) {
    if (a.is_string()) {
      names.push_back(a.get<std::string>());
    } else if (a.is_object()) {
      auto n = a.find("name");
      if (n != a.end() && n->is_string()) names.push_back(n->get<std::string>());
    }
  };
  if (it->is_array()) {
    for (const Json& a : *it) add(a);
  } else {
    add(*it);
  }
  std::string out;
  for (const std::string& n : names) {
    if (n.empty() || n.rfind("http", 0) == 0) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

void ReadArticle(const Json& obj, JsonLdFacts* f) {
  if (f->headline.empty()) f->headline = String(obj, "headline");
  if (f->headline.empty()) f->headline = String(obj, "name");
  if (f->published.empty()) f->published = String(obj, "datePublished");
  if (f->published.empty()) f->published = String(obj, "dateCreated");
  if (f->author.empty()) f->author = Authors(obj);
  if (f->publisher.empty()) f->publisher = String(obj, "publisher");
  if (f->url.empty()) f->url = String(obj, "url");
  if (f->url.empty()) f->url = String(obj, "mainEntityOfPage");
  if (f->language.empty()) f->language = String(obj, "inLanguage");
}

void ReadJsonLd(std::string_view text, JsonLdFacts* f) {
  if (text.size() > kMaxJsonBytes || JsonDepth(text) > kMaxJsonDepth) return;
  // Raw control characters inside strings are common and make JSON invalid.
  std::string clean(text);
  for (char& c : clean) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  const Json root = Json::parse(clean, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return;
  std::vector<const Json*> objects;
  auto add = [&](const Json& j) {
    if (j.is_object()) {
      objects.push_back(&j);
      auto g = j.find("@graph");
      if (g != j.end() && g->is_array()) {
        for (const Json& x : *g) {
          if (x.is_object()) objects.push_back(&x);
        }
      }
    }
  };
  if (root.is_array()) {
    for (const Json& j : root) add(j);
  } else {
    add(root);
  }
  for (const Json* o : objects) {
    if (HasType(*o, kArticleTypes)) ReadArticle(*o, f);
  }
  for (const Json* o : objects) {
    if (f->site_name.empty() && HasType(*o, kSiteTypes)) f->site_name = String(*o, "name");
    if (f->any_published.empty()) f->any_published = String(*o, "datePublished");
  }
}

std::string Meta(const RawPageMeta& raw, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : raw.metas) {
      if (k == key && !TrimSpaces(v).empty()) return v;
    }
  }
  return "";
}

constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / ",
    " : ", " ~ "};

// "Headline | Site", "Site - Headline", "Headline - Section - Site" ->
// "Headline": the site's own name goes, else the first part stays (pages
// name themselves first, their site last).
std::string StripSiteAffix(const std::string& title, const std::string& site) {
  const std::string folded_site = LowerForMatching(site);
  for (std::string_view sep : kTitleSeparators) {
    const size_t first = title.find(sep);
    if (first == std::string::npos) continue;
    std::string_view head = std::string_view(title).substr(0, first);
    std::string_view rest = std::string_view(title).substr(first + sep.size());
    if (!folded_site.empty() && LowerForMatching(head) == folded_site) {
      const size_t next = rest.find(sep);
      return std::string(next == std::string_view::npos ? rest : rest.substr(0, next));
    }
    // "The Site: Headline" keeps both; a one-word head is a section name
    // only when the rest is long, which we cannot tell: keep the head.
    if (head.size() < 3) return std::string(rest);
    return std::string(head);
  }
  return title;
}

// Lower-case words only, for "is this heading part of that title".
std::string TitleKey(std::string_view s) {
  std::string out;
  bool gap = false;
  for (unsigned char c : LowerForMatching(s)) {
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (gap && !out.empty()) out.push_back(' ');
      out.push_back(static_cast<char>(c));
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

// The UTC offset of the page's own clock: the first of its stated dates
// with a time and an offset other than UTC; nullopt when none says.
std::optional<int> PageOffset(std::initializer_list<std::string_view> dates) {
  for (std::string_view text : dates) {
    std::optional<DateParts> d = ParseDate(NormalizeInline(text));
    if (d && d->has_time && d->has_offset && d->offset_minutes != 0) return d->offset_minutes;
  }
  return std::nullopt;
}

// The date as the page states it, in its own time zone: the day an outlet
// dates an article is the day it names, not the UTC one. A time stated in
// UTC is moved to the page's clock when the page states its offset
// elsewhere (article:published_time in UTC, <time> in -05:00).
std::string LocalDate(std::string_view text, std::optional<int> page_offset) {
  std::optional<DateParts> d = ParseDate(NormalizeInline(text));
  if (!d) return "";
  if (d->has_time && d->has_offset && d->offset_minutes == 0 && page_offset) {
    d->offset_minutes = -*page_offset;  // FormatIso8601 subtracts it: UTC to local
    std::string local = FormatIso8601(*d);
    if (!local.empty() && local.back() == 'Z') local.pop_back();
    return local;
  }
  d->has_offset = false;
  return FormatIso8601(*d);
}

// Meta tags a CMS names its own way ("w-published-date", "published",
// "parsely-pub-date" variants): a key that speaks of publishing or of a
// date, not of a change, whose whole value is a date.
std::string AnyPublishedMeta(const RawPageMeta& raw, std::optional<int> page_offset) {
  constexpr std::string_view kNotPublished[] = {"modif", "updat", "expir", "valid", "revis",
                                                "birth", "event", "start", "end"};
  for (const auto& [key, value] : raw.metas) {
    if (key.find("publish") == std::string::npos && key.find("date") == std::string::npos) {
      continue;
    }
    bool other = false;
    for (std::string_view w : kNotPublished) other = other || key.find(w) != std::string::npos;
    if (other) continue;
    std::string date = LocalDate(value, page_offset);
    if (date.size() >= 10) return date;
  }
  return "";
}

// "Published", "Posted on", "Date published:": a label that the date
// follows, in its line or in the next one.
bool PublishedLabel(std::string_view folded) {
  for (std::string_view label : {"published", "posted", "date published", "publication date",
                                 "publish date", "date posted"}) {
    if (folded.starts_with(label)) return true;
  }
  return false;
}

// A dated line in blocks [begin, end): "Published August 7, 2023", "June
// 10, 2025 | 13 min read". Only short blocks, and only full dates. Lines
// that say "updated" count only when `updated_too`.
std::string VisibleDate(const PageDom& dom, size_t begin, size_t end, bool updated_too) {
  constexpr size_t kMaxBlockBytes = 120;
  end = std::min(end, dom.blocks.size());
  for (size_t i = begin; i < end; ++i) {
    const std::string& text = dom.blocks[i].text;
    if (text.size() > kMaxBlockBytes) continue;
    if (!updated_too) {
      const std::string folded = LowerForMatching(text);
      if ((folded.find("updated") != std::string::npos ||
           folded.find("modified") != std::string::npos) &&
          folded.find("publish") == std::string::npos &&
          folded.find("posted") == std::string::npos) {
        continue;
      }
    }
    for (size_t at = 0; at < text.size(); ++at) {
      if ((at > 0 && text[at - 1] != ' ') || !IsWordByteAt(text, at)) continue;
      size_t used = 0;
      std::optional<DateParts> d = ParseDatePrefix(std::string_view(text).substr(at), &used);
      if (!d || d->day == 0 || d->year < 1990 || d->year > 2100) continue;
      d->has_offset = false;
      return FormatIso8601(*d);
    }
  }
  return "";
}

// A full date in a labelled line anywhere on the page ("Published",
// then "Feb 2, 2023" at the foot of the article).
std::string LabelledDate(const PageDom& dom) {
  constexpr size_t kMaxLabelBytes = 40;
  for (size_t i = 0; i < dom.blocks.size(); ++i) {
    const std::string& text = dom.blocks[i].text;
    if (text.size() > kMaxLabelBytes || !PublishedLabel(LowerForMatching(text))) continue;
    std::string d = VisibleDate(dom, i, i + 2, /*updated_too=*/false);
    if (!d.empty()) return d;
  }
  return "";
}

// Near the headline, else near the start of the text, else after a label.
std::string VisibleDate(const PageDom& dom, size_t h1_block, size_t body_block) {
  constexpr size_t kBeforeH1 = 4, kAfterH1 = 25, kAroundBody = 8;
  for (bool updated_too : {false, true}) {
    if (h1_block < dom.blocks.size()) {
      std::string d = VisibleDate(dom, h1_block > kBeforeH1 ? h1_block - kBeforeH1 : 0,
                                  h1_block + kAfterH1, updated_too);
      if (!d.empty()) return d;
    }
    if (body_block < dom.blocks.size()) {
      std::string d = VisibleDate(dom, body_block > kAroundBody ? body_block - kAroundBody : 0,
                                  body_block + kAroundBody, updated_too);
      if (!d.empty()) return d;
    }
  }
  return LabelledDate(dom);
}

// Headings end with anchors in documentation ("Models\xC2\xB6").
std::string CleanHeading(std::string_view h) {
  std::string out = NormalizeInline(h);
  for (std::string_view tail : {std::string_view("\xC2\xB6"), std::string_view("#")}) {
    while (out.size() >= tail.size() &&
           out.compare(out.size() - tail.size(), tail.size(), tail) == 0) {
      out.resize(out.size() - tail.size());
      while (!out.empty() && out.back() == ' ') out.pop_back();
    }
  }
  return out;
}

// "/2021/07/22/" or "/2021/07/" in a URL.
std::string DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (url[i] != '/') continue;
    auto digits = [&](size_t at, size_t n) {
      if (at + n > url.size()) return false;
      for (size_t k = 0; k < n; ++k) {
        if (url[at + k] < '0' || url[at + k] > '9') return false;
      }
      return true;
    };
    if (!digits(i + 1, 4) || url.size() <= i + 5 || url[i + 5] != '/' || !digits(i + 6, 2))
      continue;
    std::string date = std::string(url.substr(i + 1, 4)) + "-" + std::string(url.substr(i + 6, 2));
    if (url.size() > i + 8 && url[i + 8] == '/' && digits(i + 9, 2) &&
        (url.size() == i + 11 || url[i + 11] == '/')) {
      date += "-" + std::string(url.substr(i + 9, 2));
    } else if (url.size() > i + 8 && url[i + 8] != '/') {
      continue;
    }
    std::string iso = NormalizeDate(date);
    if (!iso.empty()) return iso;
  }
  return "";
}

std::string LanguageTag(std::string_view tag) {
  std::string out;
  for (char c : TrimSpaces(tag)) {
    if (c == '-' || c == '_' || c == ',' || c == ';') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  if (out.size() < 2 || out.size() > 3) return "";
  for (char c : out) {
    if (c < 'a' || c > 'z') return "";
  }
  return out;
}

std::string FirstNonEmpty(std::initializer_list<std::string> values) {
  for (const std::string& v : values) {
    std::string n = NormalizeInline(v);
    if (!n.empty()) return n;
  }
  return "";
}

}  // namespace

bool DeclaresArticle(const RawPageMeta& meta) {
  for (const auto& [key, value] : meta.metas) {
    if (key == "og:type" && LowerForMatching(TrimSpaces(value)) == "article") return true;
  }
  constexpr std::string_view kType = "\"@type\"";
  for (const std::string& ld : meta.json_ld) {
    for (size_t at = ld.find(kType); at != std::string::npos; at = ld.find(kType, at + 1)) {
      size_t i = at + kType.size();
      while (i < ld.size() && (ld[i] == ' ' || ld[i] == ':' || ld[i] == '[' || ld[i] == '\n')) ++i;
      if (i >= ld.size() || ld[i] != '"') continue;
      const size_t end = ld.find('"', i + 1);
      if (end == std::string::npos) break;
      const std::string_view type = std::string_view(ld).substr(i + 1, end - i - 1);
      if (type.ends_with("Article") || type.ends_with("Posting")) return true;
    }
  }
  return false;
}

ExtractedPage PageMetadata(const PageDom& dom, size_t body_block) {
  const RawPageMeta& raw = dom.meta;
  JsonLdFacts ld;
  for (const std::string& j : raw.json_ld) ReadJsonLd(j, &ld);

  ExtractedPage page;
  page.outlet = FirstNonEmpty(
      {ld.publisher, Meta(raw, {"og:site_name"}), Meta(raw, {"application-name"}), ld.site_name});

  // Title: the page's own heading when the title tags name it too (they add
  // site names and slogans), else the first title tag without its affix.
  constexpr size_t kMaxH1 = 3;
  constexpr size_t kMinLoneH1 = 10, kMaxLoneH1 = 200;
  std::vector<std::string> h1s;
  size_t h1_block = dom.blocks.size();
  for (size_t i = 0; i < dom.blocks.size() && h1s.size() < kMaxH1; ++i) {
    const HtmlBlock& b = dom.blocks[i];
    if (b.kind != BlockKind::kHeading || b.heading_level != 1) continue;
    std::string h = CleanHeading(b.text);
    if (h.empty()) continue;
    if (h1s.empty()) h1_block = i;
    h1s.push_back(std::move(h));
  }
  const std::string titles[] = {NormalizeInline(Meta(raw, {"og:title"})),
                                NormalizeInline(Meta(raw, {"twitter:title"})),
                                NormalizeInline(ld.headline), NormalizeInline(raw.title_tag)};
  // An article's one headline is its title: its title tags are often
  // written for search engines ("7 Key Methodologies" for "Software
  // Development Methodologies Compared").
  if (h1s.size() == 1 && h1s[0].size() >= kMinLoneH1 && h1s[0].size() <= kMaxLoneH1 &&
      DeclaresArticle(raw)) {
    page.title = h1s[0];
  }
  for (const std::string& h : h1s) {
    if (!page.title.empty()) break;
    const std::string key = TitleKey(h);
    if (h.size() < 3 || h.size() > 300 || key.empty()) continue;
    for (const std::string& t : titles) {
      if (!t.empty() && TitleKey(t).find(key) != std::string::npos) {
        page.title = h;
        break;
      }
    }
    if (!page.title.empty()) break;
  }
  for (const std::string& t : titles) {
    if (!page.title.empty()) break;
    if (!t.empty()) page.title = StripSiteAffix(t, page.outlet);
  }
  if (page.title.empty() && !h1s.empty()) page.title = h1s[0];

  std::string author =
      Meta(raw, {"author", "article:author", "dc.creator", "byl", "sailthru.author"});
  if (author.rfind("http", 0) == 0) author.clear();
  page.author = FirstNonEmpty({ld.author, author});

  page.url = FirstNonEmpty({raw.canonical, Meta(raw, {"og:url"}), ld.url});

  const std::string article_published =
      Meta(raw, {"article:published_time", "og:article:published_time", "og:published_time",
                 "published_time", "article:published", "datepublished"});
  const std::string meta_date = Meta(
      raw, {"date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
            "dc.date.issued", "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date",
            "parsely-pub-date", "citation_publication_date", "citation_date"});
  const std::optional<int> page_offset =
      PageOffset({ld.published, article_published, meta_date, raw.published_itemprop,
                  ld.any_published, raw.time_datetime});
  for (const std::string& candidate :
       {ld.published, article_published, meta_date, raw.published_itemprop, ld.any_published}) {
    page.published = LocalDate(candidate, page_offset);
    if (!page.published.empty()) break;
  }
  if (page.published.empty()) page.published = AnyPublishedMeta(raw, page_offset);
  if (page.published.empty()) page.published = LocalDate(raw.time_datetime, page_offset);
  if (page.published.empty()) page.published = VisibleDate(dom, h1_block, body_block);
  if (page.published.empty()) page.published = DateFromUrl(page.url);

  for (const std::string& candidate :
       {raw.html_lang, Meta(raw, {"content-language", "language", "dc.language"}), ld.language,
        Meta(raw, {"og:locale"})}) {
    page.language = LanguageTag(candidate);
    if (!page.language.empty()) break;
  }
  return page;
}

}  // namespace dossier
