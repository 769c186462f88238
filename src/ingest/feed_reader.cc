// Tested by feed_reader_test.cc.
#include "ingest/feed_reader.h"

#include <array>
#include <cstring>
#include <memory>
#include <string_view>
#include <variant>
#include <vector>

#include <expat.h>

#include "base/ascii.h"
#include "ingest/xml_entities.h"

namespace dossier {
namespace {

// Expat joins namespace URI and local name with this; URIs hold no spaces.
constexpr char kNsSeparator = ' ';

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::array<std::string_view, 7> kFeedVocabularies = {
    "",  // RSS 0.9x / 2.0
    kAtomNs,
    kAtom03Ns,
    kContentNs,
    "http://purl.org/rss/1.0/",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
};

struct Name {
  std::string_view ns;
  std::string_view local;
};

Name SplitName(const XML_Char* name) {
  std::string_view full = name;
  size_t sep = full.rfind(kNsSeparator);
  if (sep == std::string_view::npos) return {{}, full};
  return {full.substr(0, sep), full.substr(sep + 1)};
}

bool IsFeedVocabulary(std::string_view ns) {
  for (std::string_view v : kFeedVocabularies) {
    if (ns == v) return true;
  }
  return false;
}

bool IsAtom(std::string_view ns) { return ns == kAtomNs || ns == kAtom03Ns; }

const char* Attr(const XML_Char** atts, std::string_view local) {
  for (size_t i = 0; atts[i] != nullptr; i += 2) {
    if (SplitName(atts[i]).local == local) return atts[i + 1];
  }
  return nullptr;
}

bool IsVoidElement(std::string_view local) {
  static constexpr std::array<std::string_view, 13> kVoid = {
      "area",  "base", "br",   "col",    "embed", "hr", "img",
      "input", "link", "meta", "source", "track", "wbr"};
  for (std::string_view v : kVoid) {
    if (local == v) return true;
  }
  return false;
}

void AppendEscaped(std::string_view s, bool attribute, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        if (attribute) {
          *out += "&quot;";
          break;
        }
        [[fallthrough]];
      default:
        out->push_back(c);
    }
  }
}

// How the text of an element is collected.
enum class Mode {
  kPlain,  ///< character data as is; child elements contribute their text only
  kHtml,   ///< character data is HTML source; child elements are re-serialised
  kXhtml,  ///< everything inside is XHTML markup, re-serialised
};

struct Capture {
  std::string* target;
  size_t depth;  // depth of the capturing element
  Mode mode;
};

struct Item {
  uint64_t number = 0;
  std::string title, link, first_href, id, published, updated;
  std::string author, author_name, creator, language;
  std::string source;  // RSS <source>: the outlet an aggregator took the item from
  std::string content, summary;
  bool content_is_text = false;
  bool summary_is_text = false;
  bool guid_is_permalink = true;
  bool oversized = false;
};

using Output = std::variant<RawRecord, InputError>;

class FeedParser {
 public:
  FeedParser(const std::string& path, const IngestOptions& options)
      : parser_(XML_ParserCreateNS(nullptr, kNsSeparator)),
        path_(path),
        max_bytes_(options.max_record_bytes) {
    if (parser_ == nullptr) return;
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &FeedParser::StartThunk, &FeedParser::EndThunk);
    XML_SetCharacterDataHandler(parser_, &FeedParser::TextThunk);
    XML_SetCommentHandler(parser_, &FeedParser::CommentThunk);
    XML_SetSkippedEntityHandler(parser_, &FeedParser::SkippedEntityThunk);
    XML_SetUnknownEncodingHandler(parser_, &HandleUnknownEncoding, nullptr);
    // Pretend there is an external DTD: undeclared entities (&nbsp; in
    // feeds written by HTML people) then reach the skipped-entity handler
    // instead of failing the document. Nothing external is ever loaded.
    XML_UseForeignDTD(parser_, XML_TRUE);
  }
  ~FeedParser() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
  }
  FeedParser(const FeedParser&) = delete;
  FeedParser& operator=(const FeedParser&) = delete;

  bool ok() const { return parser_ != nullptr; }

  // Parses one chunk. False on an XML error or an over-long token; then
  // error() holds the message (locator: Where()).
  bool Parse(std::string_view chunk, bool last) {
    fed_ += chunk.size();
    if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last) != XML_STATUS_OK) {
      error_ = std::string("XML error: ") + XML_ErrorString(XML_GetErrorCode(parser_));
      error_locator_ = Where(/*with_line=*/true);
      return false;
    }
    // Expat buffers a token (tag, attribute, comment) until it is complete;
    // a token that keeps growing would grow memory with it.
    if (fed_ - last_event_ > max_bytes_ + (1u << 20)) {
      error_ = "XML token longer than " + std::to_string(max_bytes_) + " bytes";
      error_locator_ = Where(/*with_line=*/true);
      return false;
    }
    return true;
  }

  const std::string& error() const { return error_; }
  const std::string& error_locator() const { return error_locator_; }
  std::vector<Output>& ready() { return ready_; }

  // "item N" inside an item, else ""; with_line adds the parser's line.
  std::string Where(bool with_line) const {
    std::string where = item_ != nullptr ? "item " + std::to_string(item_->number) : "";
    if (with_line) {
      if (!where.empty()) where += ", ";
      where += "line " + std::to_string(XML_GetCurrentLineNumber(parser_));
    }
    return where;
  }

 private:
  static void StartThunk(void* self, const XML_Char* name, const XML_Char** atts) {
    static_cast<FeedParser*>(self)->OnStart(name, atts);
  }
  static void EndThunk(void* self, const XML_Char* name) {
    static_cast<FeedParser*>(self)->OnEnd(name);
  }
  static void TextThunk(void* self, const XML_Char* s, int len) {
    static_cast<FeedParser*>(self)->OnText(std::string_view(s, static_cast<size_t>(len)));
  }
  static void CommentThunk(void* self, const XML_Char*) { static_cast<FeedParser*>(self)->Touch(); }
  static void SkippedEntityThunk(void* self, const XML_Char* name, int is_parameter_entity) {
    if (!is_parameter_entity) static_cast<FeedParser*>(self)->OnSkippedEntity(name);
  }

  void Touch() { last_event_ = static_cast<uint64_t>(XML_GetCurrentByteIndex(parser_)); }

  std::string_view Parent() const {
    return stack_.size() >= 2 ? std::string_view(stack_[stack_.size() - 2]) : std::string_view();
  }

  // Starts collecting the element's text into *target, unless an earlier
  // element already filled it (the first one wins).
  bool CaptureFirst(std::string* target, Mode mode) {
    if (!target->empty()) {
      discard_.clear();
      target = &discard_;
    }
    captures_.push_back({target, stack_.size(), mode});
    return target != &discard_;
  }

  void OnStart(const XML_Char* name, const XML_Char** atts) {
    Touch();
    Name n = SplitName(name);
    stack_.emplace_back(n.local);
    if (!captures_.empty()) {
      if (captures_.back().mode != Mode::kPlain) {
        SerializeStart(n.local, atts);
      } else if (item_ != nullptr && n.local == "name" && Parent() == "author") {
        CaptureFirst(&item_->author_name, Mode::kPlain);
      }
      return;
    }
    if (!IsFeedVocabulary(n.ns)) return;
    if (item_ == nullptr) {
      if (n.local == "item" || n.local == "entry") {
        item_ = std::make_unique<Item>();
        item_->number = ++items_;
        item_depth_ = stack_.size();
      } else if (Parent() == "channel" || Parent() == "feed") {
        if (n.local == "title") CaptureFirst(&outlet_, Mode::kPlain);
        if (n.local == "language") CaptureFirst(&channel_language_, Mode::kPlain);
      }
      return;
    }
    if (stack_.size() == item_depth_ + 1) StartItemField(n, atts);
  }

  void StartItemField(Name n, const XML_Char** atts) {
    Item& it = *item_;
    std::string_view l = n.local;
    if (l == "title") {
      CaptureFirst(&it.title, Mode::kPlain);
    } else if (l == "link") {
      const char* href = Attr(atts, "href");
      if (href == nullptr) {
        CaptureFirst(&it.link, Mode::kPlain);
        return;
      }
      const char* rel = Attr(atts, "rel");
      if ((rel == nullptr || std::strcmp(rel, "alternate") == 0) && it.link.empty()) {
        it.link = href;
      } else if (it.first_href.empty()) {
        it.first_href = href;
      }
    } else if (l == "guid" || l == "id" || l == "identifier") {
      const char* permalink = Attr(atts, "isPermaLink");
      if (l == "guid" && permalink != nullptr && std::strcmp(permalink, "false") == 0) {
        it.guid_is_permalink = false;
      }
      CaptureFirst(&it.id, Mode::kPlain);
    } else if (l == "pubDate" || l == "published" || l == "date" || l == "issued" ||
               l == "created") {
      CaptureFirst(&it.published, Mode::kPlain);
    } else if (l == "updated" || l == "modified") {
      CaptureFirst(&it.updated, Mode::kPlain);
    } else if (l == "author") {
      CaptureFirst(&it.author, Mode::kPlain);
    } else if (l == "creator") {
      CaptureFirst(&it.creator, Mode::kPlain);
    } else if (l == "language") {
      CaptureFirst(&it.language, Mode::kPlain);
    } else if (l == "source" && n.ns.empty()) {
      CaptureFirst(&it.source, Mode::kPlain);
    } else if (l == "encoded") {
      if (n.ns == kContentNs && CaptureFirst(&it.content, Mode::kHtml)) it.content_is_text = false;
    } else if (l == "content" || l == "summary" || l == "description") {
      StartTextConstruct(n, atts);
    }
  }

  // Atom content / summary (typed), RSS description (HTML).
  void StartTextConstruct(Name n, const XML_Char** atts) {
    Mode mode = Mode::kHtml;
    if (IsAtom(n.ns)) {
      if (Attr(atts, "src") != nullptr) return;  // out-of-line content
      const char* type_attr = Attr(atts, "type");
      const char* mode_attr = Attr(atts, "mode");  // Atom 0.3
      std::string_view type = type_attr != nullptr ? type_attr : "text";
      if (type == "text" || type == "text/plain") {
        mode = Mode::kPlain;
      } else if (type == "html" || type == "text/html") {
        mode = Mode::kHtml;
      } else if (type == "xhtml" || type == "application/xhtml+xml") {
        mode = Mode::kXhtml;
      } else {
        return;  // media content: not an article
      }
      if (mode_attr != nullptr && std::strcmp(mode_attr, "xml") == 0) mode = Mode::kXhtml;
      if (mode_attr != nullptr && std::strcmp(mode_attr, "base64") == 0) return;
    }
    bool is_content = n.local == "content";
    std::string* target = is_content ? &item_->content : &item_->summary;
    if (CaptureFirst(target, mode)) {
      (is_content ? item_->content_is_text : item_->summary_is_text) = mode == Mode::kPlain;
    }
  }

  void SerializeStart(std::string_view local, const XML_Char** atts) {
    std::string piece = "<";
    piece += local;
    for (size_t i = 0; atts[i] != nullptr; i += 2) {
      piece += ' ';
      piece += SplitName(atts[i]).local;
      piece += "=\"";
      AppendEscaped(atts[i + 1], /*attribute=*/true, &piece);
      piece += '"';
    }
    piece += '>';
    Append(piece);
  }

  void OnEnd(const XML_Char* /*name*/) {
    Touch();
    size_t depth = stack_.size();
    if (!captures_.empty()) {
      const Capture& top = captures_.back();
      if (top.depth == depth) {
        captures_.pop_back();
      } else if (top.mode != Mode::kPlain && !IsVoidElement(stack_.back())) {
        Append("</" + stack_.back() + ">");
      }
    }
    if (item_ != nullptr && depth == item_depth_) FinishItem();
    stack_.pop_back();
  }

  void OnText(std::string_view s) {
    Touch();
    if (captures_.empty()) return;
    const Capture& top = captures_.back();
    // Text of an HTML-typed element is HTML source; text nested in markup,
    // or in XHTML, is text and must be escaped to stay text.
    bool escape =
        top.mode == Mode::kXhtml || (top.mode == Mode::kHtml && stack_.size() > top.depth);
    if (!escape) {
      Append(s);
      return;
    }
    std::string escaped;
    AppendEscaped(s, /*attribute=*/false, &escaped);
    Append(escaped);
  }

  void OnSkippedEntity(const XML_Char* name) {
    if (captures_.empty()) return;
    std::string_view utf8 = HtmlEntityUtf8(name);
    // Markup keeps the reference for the HTML parser; plain text needs the
    // character (or the reference as written, when unknown).
    if (captures_.back().mode == Mode::kPlain && !utf8.empty()) {
      Append(utf8);
    } else {
      Append(std::string("&") + name + ";");
    }
  }

  void Append(std::string_view s) {
    std::string* target = captures_.back().target;
    if (target->size() + s.size() > max_bytes_) {
      if (item_ != nullptr) item_->oversized = true;
      return;
    }
    target->append(s);
  }

  void FinishItem() {
    Item& it = *item_;
    std::string locator = "item " + std::to_string(it.number);
    if (it.oversized) {
      ready_.emplace_back(
          InputError{path_, locator, "larger than " + std::to_string(max_bytes_) + " bytes"});
    } else if (ascii::IsBlank(it.content) && ascii::IsBlank(it.summary)) {
      ready_.emplace_back(InputError{path_, locator, "no content, description or summary"});
    } else {
      ready_.emplace_back(MakeRecord(std::move(locator)));
    }
    item_.reset();
    item_depth_ = 0;
  }

  RawRecord MakeRecord(std::string locator) {
    Item& it = *item_;
    RawRecord r;
    r.path = path_;
    r.locator = std::move(locator);
    bool use_content = !ascii::IsBlank(it.content);
    r.body = std::move(use_content ? it.content : it.summary);
    bool is_text = use_content ? it.content_is_text : it.summary_is_text;
    r.kind = is_text ? ContentKind::kText : ContentKind::kHtml;
    r.charset = "utf-8";
    r.id = ascii::Trim(it.id);
    r.title = ascii::Trim(it.title);
    r.url = ascii::Trim(it.link);
    if (r.url.empty()) r.url = ascii::Trim(it.first_href);
    if (r.url.empty() && it.guid_is_permalink &&
        (r.id.rfind("http://", 0) == 0 || r.id.rfind("https://", 0) == 0)) {
      r.url = r.id;
    }
    r.published = ascii::Trim(it.published);
    if (r.published.empty()) r.published = ascii::Trim(it.updated);
    r.author = ascii::Trim(it.creator);
    if (r.author.empty()) r.author = ascii::Trim(it.author_name);
    if (r.author.empty()) r.author = ascii::Trim(it.author);
    r.outlet = ascii::Trim(it.source);
    if (r.outlet.empty()) r.outlet = ascii::Trim(outlet_);
    r.language = ascii::Trim(it.language);
    if (r.language.empty()) r.language = ascii::Trim(channel_language_);
    return r;
  }

  XML_Parser parser_;
  const std::string& path_;
  size_t max_bytes_;
  uint64_t fed_ = 0;                // bytes handed to expat
  uint64_t last_event_ = 0;         // byte index of the last event expat reported
  std::vector<std::string> stack_;  // local names of the open elements
  std::vector<Capture> captures_;
  std::string discard_;
  std::unique_ptr<Item> item_;
  size_t item_depth_ = 0;
  uint64_t items_ = 0;
  std::string outlet_;
  std::string channel_language_;
  std::vector<Output> ready_;
  std::string error_;
  std::string error_locator_;
};

// Delivers what the parser completed. False once the consumer stops.
bool Drain(FeedParser& parser, RecordSink* sink) {
  for (Output& out : parser.ready()) {
    if (auto* record = std::get_if<RawRecord>(&out)) {
      if (!sink->Emit(std::move(*record))) return false;
    } else {
      const InputError& e = std::get<InputError>(out);
      sink->Error(e.path, e.locator, e.message);
    }
  }
  parser.ready().clear();
  return true;
}

}  // namespace

void ReadFeed(BufferedReader& in, const std::string& path, const IngestOptions& options,
              RecordSink* sink) {
  FeedParser parser(path, options);
  if (!parser.ok()) {
    sink->Error(path, "", "cannot create an XML parser");
    return;
  }
  // Records are delivered between XML_Parse calls, never from inside expat's
  // callbacks, so a consumer's exception cannot unwind through C frames.
  for (;;) {
    std::string_view chunk = in.Peek(in.capacity());
    if (chunk.empty() && !in.status().ok()) {
      if (!Drain(parser, sink)) return;
      sink->Error(path, parser.Where(/*with_line=*/false), in.status().message());
      return;
    }
    bool last = chunk.empty();
    bool ok = parser.Parse(chunk, last);
    in.Consume(chunk.size());
    if (!Drain(parser, sink)) return;
    if (!ok) {
      sink->Error(path, parser.error_locator(), parser.error());
      return;
    }
    if (last) return;
  }
}

}  // namespace dossier
