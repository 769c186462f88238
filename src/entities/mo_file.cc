// Tested by alias_table_test.cc (MoCatalog.*).
#include "entities/mo_file.h"

#include <cstdint>
#include <fstream>
#include <sstream>

namespace dossier::identity {
namespace {

constexpr uint32_t kMagic = 0x950412de;
constexpr uint32_t kMagicSwapped = 0xde120495;

uint32_t ReadU32(std::string_view bytes, size_t at, bool swapped) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const uint32_t b = static_cast<uint8_t>(bytes[at + static_cast<size_t>(i)]);
    v |= swapped ? b << (8 * (3 - i)) : b << (8 * i);
  }
  return v;
}

}  // namespace

Result<MoCatalog> MoCatalog::Parse(std::string_view bytes) {
  if (bytes.size() < 20) return Status::Corruption("mo file: shorter than its header");
  const uint32_t magic = ReadU32(bytes, 0, false);
  if (magic != kMagic && magic != kMagicSwapped) return Status::Corruption("mo file: bad magic");
  const bool swapped = magic == kMagicSwapped;
  const uint64_t count = ReadU32(bytes, 8, swapped);
  const uint64_t originals = ReadU32(bytes, 12, swapped);
  const uint64_t translations = ReadU32(bytes, 16, swapped);
  if (originals + count * 8 > bytes.size() || translations + count * 8 > bytes.size()) {
    return Status::Corruption("mo file: string tables outside the file");
  }
  MoCatalog catalog;
  auto string_at = [&](uint64_t table, uint64_t i, std::string_view* out) {
    const uint64_t len = ReadU32(bytes, static_cast<size_t>(table + i * 8), swapped);
    const uint64_t off = ReadU32(bytes, static_cast<size_t>(table + i * 8 + 4), swapped);
    if (off + len > bytes.size()) return false;
    *out = bytes.substr(static_cast<size_t>(off), static_cast<size_t>(len));
    return true;
  };
  for (uint64_t i = 0; i < count; ++i) {
    std::string_view id, text;
    if (!string_at(originals, i, &id) || !string_at(translations, i, &text)) {
      return Status::Corruption("mo file: string " + std::to_string(i) + " outside the file");
    }
    if (id.empty() || text.empty()) continue;  // the header entry
    // Plural entries hold "singular\0plural": keep the first form.
    size_t nul = text.find('\0');
    if (nul != std::string_view::npos) text = text.substr(0, nul);
    nul = id.find('\0');
    if (nul != std::string_view::npos) id = id.substr(0, nul);
    catalog.messages_.emplace(std::string(id), std::string(text));
  }
  return catalog;
}

Result<MoCatalog> MoCatalog::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IOError("cannot read " + path);
  Result<MoCatalog> catalog = Parse(buffer.str());
  if (!catalog.ok()) return Status::Corruption(path + ": " + catalog.status().message());
  return catalog;
}

std::string_view MoCatalog::Translate(std::string_view msgid) const {
  auto it = messages_.find(msgid);
  return it == messages_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace dossier::identity
