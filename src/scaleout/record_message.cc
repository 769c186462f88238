// Tested by record_message_test.cc.
#include "scaleout/record_message.h"

#include <cstdio>
#include <initializer_list>

#define XXH_INLINE_ALL  // header-only: no library to link
#include <xxhash.h>

namespace dossier::scaleout {
namespace {

constexpr std::string_view kMagic = "DREC1\n";

void PutField(std::string_view v, std::string* out) {
  out->append(std::to_string(v.size()));
  out->push_back(':');
  out->append(v);
}

bool GetField(std::string_view* in, std::string* out) {
  size_t n = 0, i = 0;
  while (i < in->size() && (*in)[i] >= '0' && (*in)[i] <= '9' && i < 12) {
    n = n * 10 + static_cast<size_t>((*in)[i] - '0');
    ++i;
  }
  if (i == 0 || i >= in->size() || (*in)[i] != ':' || in->size() - i - 1 < n) return false;
  out->assign(in->substr(i + 1, n));
  in->remove_prefix(i + 1 + n);
  return true;
}

}  // namespace

std::string EncodeRecord(const RawRecord& r) {
  std::string out(kMagic);
  const std::string_view kind = r.kind == ContentKind::kHtml ? "html" : "text";
  for (std::string_view f :
       {std::string_view(r.path), std::string_view(r.locator), kind, std::string_view(r.body),
        std::string_view(r.charset), std::string_view(r.id), std::string_view(r.url),
        std::string_view(r.title), std::string_view(r.published), std::string_view(r.outlet),
        std::string_view(r.language), std::string_view(r.author)}) {
    PutField(f, &out);
  }
  return out;
}

Result<RawRecord> DecodeRecord(std::string_view in) {
  if (in.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("not a dossier record message");
  }
  in.remove_prefix(kMagic.size());
  RawRecord r;
  std::string kind;
  for (std::string* f : {&r.path, &r.locator, &kind, &r.body, &r.charset, &r.id, &r.url, &r.title,
                         &r.published, &r.outlet, &r.language, &r.author}) {
    if (!GetField(&in, f)) return Status::Corruption("truncated dossier record message");
  }
  if (!in.empty()) return Status::Corruption("trailing bytes after a dossier record message");
  if (kind != "text" && kind != "html") return Status::Corruption("unknown record kind " + kind);
  r.kind = kind == "html" ? ContentKind::kHtml : ContentKind::kText;
  return r;
}

std::string RecordMessageId(std::string_view encoded) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "r%016llx",
                static_cast<unsigned long long>(XXH64(encoded.data(), encoded.size(), 0)));
  return buf;
}

}  // namespace dossier::scaleout
