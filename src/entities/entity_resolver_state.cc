// EntityResolver::SaveState / LoadState. Tested by entity_resolver_test.cc.
//
// Format (little-endian, binary_io.h): magic "DRS1", the article ids, then
// per entity: type, alias group, capital-of, name, variants with counts,
// roles, days, article count and co-occurrence counts. Name keys and the
// token index are rebuilt from the variants on load: they follow from the
// names and the normaliser, and rebuilding keeps the format independent of
// how keys are computed.
#include <cstring>

#include "entities/binary_io.h"
#include "entities/entity_resolver.h"

namespace dossier::identity {
namespace {

constexpr char kStateMagic[] = "DRS1";

void WriteRole(ner::ByteWriter& w, const GlobalRole& g) {
  w.VarU64(g.article);
  w.Str(g.role.canonical);
  w.Str(g.role.role_class);
  w.Str(g.role.country);
  w.Str(g.role.text);
  w.Str(g.role.date);
  w.VarU64(g.role.begin);
  w.VarU64(g.role.end);
}

GlobalRole ReadRole(ner::ByteReader& r) {
  GlobalRole g;
  g.article = static_cast<uint32_t>(r.VarU64());
  g.role.canonical = std::string(r.Str());
  g.role.role_class = std::string(r.Str());
  g.role.country = std::string(r.Str());
  g.role.text = std::string(r.Str());
  g.role.date = std::string(r.Str());
  g.role.begin = static_cast<uint32_t>(r.VarU64());
  g.role.end = static_cast<uint32_t>(r.VarU64());
  return g;
}

// Days are INT_MIN-able ints: zigzag keeps them short.
uint64_t ZigZag(int v) {
  return (static_cast<uint64_t>(static_cast<int64_t>(v)) << 1) ^
         static_cast<uint64_t>(static_cast<int64_t>(v) >> 63);
}
int UnZigZag(uint64_t v) {
  return static_cast<int>(static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1));
}

}  // namespace

std::string EntityResolver::SaveState() const {
  std::string out;
  ner::ByteWriter w(&out);
  out.append(kStateMagic, 4);
  w.VarU64(article_ids_.size());
  for (const std::string& id : article_ids_) w.Str(id);
  w.VarU64(nodes_.size());
  for (const Node& node : nodes_) {
    const GlobalEntity& g = node.entity;
    w.U8(static_cast<uint8_t>(g.type));
    w.Str(g.alias_id);
    w.Str(g.capital_of);
    w.Str(g.name);
    w.VarU64(g.variants.size());
    for (const NameVariant& v : g.variants) {
      w.Str(v.text);
      w.VarU64(v.count);
    }
    w.VarU64(g.roles.size());
    for (const GlobalRole& role : g.roles) WriteRole(w, role);
    w.VarU64(node.days.size());
    for (int d : node.days) w.VarU64(ZigZag(d));
    w.VarU64(g.article_count);
    w.VarU64(node.cooccurrence.size());
    for (const auto& [other, count] : node.cooccurrence) {
      w.VarU64(other);
      w.VarU64(count);
    }
  }
  return out;
}

Status EntityResolver::LoadState(std::string_view bytes) {
  nodes_.clear();
  article_ids_.clear();
  by_alias_.clear();
  by_token_.clear();
  auto corrupt = [this](const char* what) {
    nodes_.clear();
    article_ids_.clear();
    by_alias_.clear();
    by_token_.clear();
    return Status::Corruption(std::string("entity resolver state: ") + what);
  };
  if (bytes.size() < 4 || std::memcmp(bytes.data(), kStateMagic, 4) != 0) {
    return corrupt("bad magic");
  }
  ner::ByteReader r(bytes.substr(4));
  const uint64_t articles = r.VarU64();
  if (!r.ok() || articles > r.remaining()) return corrupt("bad article count");
  article_ids_.reserve(articles);
  for (uint64_t i = 0; i < articles && r.ok(); ++i) article_ids_.emplace_back(r.Str());
  const uint64_t entities = r.VarU64();
  if (!r.ok() || entities > r.remaining()) return corrupt("bad entity count");
  nodes_.reserve(entities);
  for (uint64_t i = 0; i < entities && r.ok(); ++i) {
    const auto id = static_cast<uint32_t>(nodes_.size());
    nodes_.emplace_back();
    GlobalEntity& g = nodes_.back().entity;
    g.id = id;
    const uint8_t type = r.U8();
    if (type >= ner::kNumEntityTypes) return corrupt("bad entity type");
    g.type = static_cast<ner::EntityType>(type);
    g.alias_id = std::string(r.Str());
    g.capital_of = std::string(r.Str());
    g.name = std::string(r.Str());
    const uint64_t variants = r.VarU64();
    if (!r.ok() || variants > r.remaining()) return corrupt("bad variant count");
    for (uint64_t v = 0; v < variants && r.ok(); ++v) {
      NameVariant nv;
      nv.text = std::string(r.Str());
      nv.count = static_cast<uint32_t>(r.VarU64());
      if (!r.ok()) break;
      nodes_.back().entity.variants.push_back(nv);
      IndexVariant(id, nv.text);
    }
    Node& node = nodes_.back();
    const uint64_t roles = r.VarU64();
    if (!r.ok() || roles > r.remaining()) return corrupt("bad role count");
    for (uint64_t k = 0; k < roles && r.ok(); ++k) node.entity.roles.push_back(ReadRole(r));
    const uint64_t days = r.VarU64();
    if (!r.ok() || days > r.remaining()) return corrupt("bad day count");
    for (uint64_t k = 0; k < days && r.ok(); ++k) node.days.push_back(UnZigZag(r.VarU64()));
    node.entity.article_count = static_cast<uint32_t>(r.VarU64());
    const uint64_t cooc = r.VarU64();
    if (!r.ok() || cooc > r.remaining()) return corrupt("bad co-occurrence count");
    for (uint64_t k = 0; k < cooc && r.ok(); ++k) {
      const auto other = static_cast<uint32_t>(r.VarU64());
      node.cooccurrence[other] = static_cast<uint32_t>(r.VarU64());
    }
    if (!node.entity.alias_id.empty()) by_alias_.emplace(node.entity.alias_id, id);
  }
  if (!r.ok()) return corrupt("truncated");
  if (!r.done()) return corrupt("trailing bytes");
  for (const Node& node : nodes_) {
    for (const auto& [other, count] : node.cooccurrence) {
      if (other >= nodes_.size()) return corrupt("co-occurrence names an unknown entity");
    }
  }
  return Status::OK();
}

}  // namespace dossier::identity
