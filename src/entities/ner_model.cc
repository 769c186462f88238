// Tested by model_io_test.cc.
#include "entities/ner_model.h"

#include <cstdio>

#include <zstd.h>

#include "entities/binary_io.h"
#include "entities/corpus_reader.h"

namespace dossier::ner {
namespace {

constexpr uint32_t Tag(const char (&s)[5]) {
  return static_cast<uint32_t>(s[0]) | static_cast<uint32_t>(s[1]) << 8 |
         static_cast<uint32_t>(s[2]) << 16 | static_cast<uint32_t>(s[3]) << 24;
}
constexpr uint32_t kArgs = Tag("ARGS");
constexpr uint32_t kLexicon = Tag("LEXI");
constexpr uint32_t kGazetteer = Tag("GAZE");
constexpr uint32_t kTransitions = Tag("TRAN");
constexpr uint32_t kWeights = Tag("WGHT");

constexpr uint64_t kMaxPayload = uint64_t{1} << 32;

void PutSection(uint32_t tag, const std::string& body, ByteWriter* w) {
  w->U32(tag);
  w->Str(body);
}

void WriteTransitions(const Transitions& t, ByteWriter* w) {
  for (float v : t.start) w->F32(v);
  for (float v : t.trans) w->F32(v);
  for (float v : t.end) w->F32(v);
}

void ReadTransitions(ByteReader* r, Transitions* t) {
  for (float& v : t->start) v = r->F32();
  for (float& v : t->trans) v = r->F32();
  for (float& v : t->end) v = r->F32();
}

}  // namespace

std::string NerModel::Serialize() const {
  std::string payload;
  ByteWriter w(&payload);
  std::string body;
  ByteWriter b(&body);
  PutSection(kArgs, args.ToText(), &w);
  lexicon.Save(&b);
  PutSection(kLexicon, body, &w);
  body.clear();
  gazetteer.Save(&b);
  PutSection(kGazetteer, body, &w);
  body.clear();
  WriteTransitions(transitions[0], &b);
  WriteTransitions(transitions[1], &b);
  PutSection(kTransitions, body, &w);
  body.clear();
  weights.Save(&b);
  PutSection(kWeights, body, &w);

  std::string out;
  ByteWriter header(&out);
  header.U32(kNerMagic);
  header.U32(kNerFormatVersion);
  header.U64(payload.size());
  size_t bound = ZSTD_compressBound(payload.size());
  size_t header_size = out.size();
  out.resize(header_size + bound);
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 19);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  size_t n = ZSTD_compress2(cctx, out.data() + header_size, bound, payload.data(), payload.size());
  ZSTD_freeCCtx(cctx);
  // Compression into a ZSTD_compressBound buffer cannot fail; keep the check
  // so a broken library shows up as an empty (rejected) file, not garbage.
  out.resize(ZSTD_isError(n) ? 0 : header_size + n);
  return out;
}

Result<NerModel> NerModel::Parse(std::string_view bytes) {
  ByteReader header(bytes);
  uint32_t magic = header.U32();
  uint32_t version = header.U32();
  uint64_t size = header.U64();
  if (!header.ok() || magic != kNerMagic) {
    return Status::Corruption("not a dossier NER model (bad magic number)");
  }
  if (version > kNerFormatVersion) {
    return Status::Unsupported("NER model format version " + std::to_string(version) +
                               " is newer than this build reads (" +
                               std::to_string(kNerFormatVersion) + ")");
  }
  if (version == 0 || size > kMaxPayload || bytes.size() < 16) {
    return Status::Corruption("bad NER model header");
  }
  std::string payload(size, '\0');
  size_t n = ZSTD_decompress(payload.data(), payload.size(), bytes.data() + 16, bytes.size() - 16);
  if (ZSTD_isError(n) || n != size) {
    return Status::Corruption("NER model payload does not decompress (truncated or damaged)");
  }

  NerModel m;
  ByteReader r(payload);
  bool seen_weights = false;
  while (r.ok() && !r.done()) {
    uint32_t tag = r.U32();
    std::string_view body = r.Str();
    if (!r.ok()) break;
    ByteReader s(body);
    switch (tag) {
      case kArgs: {
        Result<NerArgs> a = NerArgs::FromText(body);
        if (!a.ok()) return Status::Corruption(a.status().message());
        m.args = std::move(*a);
        break;
      }
      case kLexicon:
        m.lexicon.Load(&s);
        break;
      case kGazetteer:
        m.gazetteer.Load(&s);
        break;
      case kTransitions:
        ReadTransitions(&s, &m.transitions[0]);
        ReadTransitions(&s, &m.transitions[1]);
        break;
      case kWeights:
        seen_weights = m.weights.Load(&s);
        break;
      default:
        break;  // a section from a later writer of the same version
    }
    if (!s.ok()) return Status::Corruption("NER model section is malformed");
  }
  if (!r.ok() || !seen_weights) return Status::Corruption("NER model is truncated");
  return m;
}

Status NerModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  if (bytes.empty()) return Status::Internal("model compression failed");
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::IOError("cannot write " + tmp);
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = std::fclose(f) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Status::IOError("cannot write " + path);
  }
  return Status::OK();
}

Result<NerModel> NerModel::Load(const std::string& path) {
  std::string bytes;
  Status st = ReadFileToString(path, &bytes);
  if (!st.ok()) return Status::NotFound("NER model not found: " + path);
  Result<NerModel> m = Parse(bytes);
  if (m.ok()) return m;
  std::string msg = path + ": " + m.status().message();
  if (m.status().code() == Status::Code::kUnsupported) return Status::Unsupported(msg);
  return Status::Corruption(msg);
}

}  // namespace dossier::ner
