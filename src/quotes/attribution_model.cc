// Tested by attribution_model_test.cc.
#include "quotes/attribution_model.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <zstd.h>

#include "entities/binary_io.h"
#include "entities/tag_scheme.h"

namespace dossier::quotes {
namespace {

using ner::ByteReader;
using ner::ByteWriter;
using ner::kNumLabels;

// A model is a few MB; anything announcing more is damaged.
constexpr uint64_t kMaxPayload = uint64_t{1} << 31;

void WriteTransitions(const ner::Transitions& t, ByteWriter* w) {
  for (float v : t.start) w->F32(v);
  for (float v : t.trans) w->F32(v);
  for (float v : t.end) w->F32(v);
}

void ReadTransitions(ByteReader* r, ner::Transitions* t) {
  for (float& v : t->start) v = r->F32();
  for (float& v : t->trans) v = r->F32();
  for (float& v : t->end) v = r->F32();
}

}  // namespace

AttributionRole RoleOfType(ner::EntityType type) {
  return type == kSourceRole ? AttributionRole::kSource
         : type == kCueRole  ? AttributionRole::kCue
                             : AttributionRole::kContent;
}

ner::EntityType TypeOfRole(AttributionRole role) {
  switch (role) {
    case AttributionRole::kSource:
      return kSourceRole;
    case AttributionRole::kCue:
      return kCueRole;
    case AttributionRole::kContent:
      break;
  }
  return kContentRole;
}

std::string AttributionModel::Serialize() const {
  std::string payload;
  ByteWriter w(&payload);
  w.Str(provenance_);
  // Sorted, so the same model always serialises to the same bytes.
  std::vector<std::pair<std::string, uint8_t>> words(cue_words_.classes().begin(),
                                                     cue_words_.classes().end());
  std::sort(words.begin(), words.end());
  w.VarU64(words.size());
  for (const auto& [word, cls] : words) {
    w.Str(word);
    w.U8(cls);
  }
  w.U8(static_cast<uint8_t>(stages_.size()));
  for (const AttributionStage& st : stages_) {
    WriteTransitions(st.transitions, &w);
    st.weights.Save(&w);
  }

  std::string out;
  ByteWriter header(&out);
  header.U32(kAttributionMagic);
  header.U32(kAttributionFormatVersion);
  header.U64(payload.size());
  const size_t bound = ZSTD_compressBound(payload.size());
  const size_t header_size = out.size();
  out.resize(header_size + bound);
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, 19);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  size_t n = ZSTD_compress2(cctx, out.data() + header_size, bound, payload.data(), payload.size());
  ZSTD_freeCCtx(cctx);
  // Cannot fail into a ZSTD_compressBound buffer; an error leaves an empty
  // (rejected) file rather than garbage.
  out.resize(ZSTD_isError(n) ? 0 : header_size + n);
  return out;
}

Result<AttributionModel> AttributionModel::Parse(std::string_view bytes) {
  ByteReader header(bytes);
  const uint32_t magic = header.U32();
  const uint32_t version = header.U32();
  const uint64_t size = header.U64();
  if (!header.ok() || magic != kAttributionMagic) {
    return Status::Corruption("not a dossier attribution model (bad magic number)");
  }
  if (version > kAttributionFormatVersion) {
    return Status::InvalidInput("attribution model format " + std::to_string(version) +
                                " is newer than this build reads (" +
                                std::to_string(kAttributionFormatVersion) + ")");
  }
  if (size > kMaxPayload) return Status::Corruption("attribution model: payload size too large");
  std::string payload(size, '\0');
  std::string_view compressed = bytes.substr(16);
  size_t n = ZSTD_decompress(payload.data(), payload.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n) || n != size) {
    return Status::Corruption("attribution model: damaged payload");
  }
  ByteReader r(payload);
  AttributionModel m;
  m.provenance_ = std::string(r.Str());
  const uint64_t n_words = r.VarU64();
  for (uint64_t i = 0; i < n_words && r.ok(); ++i) {
    std::string word(r.Str());
    const uint8_t cls = r.U8();
    if (cls == 0 || cls > 4) r.Fail();
    m.cue_words_.Add(std::move(word), cls);
  }
  const uint8_t n_stages = r.U8();
  if (n_stages == 0 || n_stages > kMaxStages) r.Fail();
  for (uint8_t k = 0; k < n_stages && r.ok(); ++k) {
    AttributionStage st;
    ReadTransitions(&r, &st.transitions);
    if (!r.ok() || !st.weights.Load(&r) || st.weights.blocks() != 1) r.Fail();
    m.stages_.push_back(std::move(st));
  }
  if (!r.ok() || !r.done()) return Status::Corruption("attribution model: malformed payload");
  return m;
}

Result<AttributionModel> AttributionModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read attribution model " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  Result<AttributionModel> m = Parse(buf.str());
  if (!m.ok()) {
    std::string msg = path + ": " + m.status().message();
    return m.status().code() == Status::Code::kInvalidInput ? Status::InvalidInput(msg)
                                                            : Status::Corruption(msg);
  }
  return m;
}

Status AttributionModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  if (bytes.empty()) return Status::Internal("attribution model: compression failed");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IOError("cannot write attribution model " + path);
  return Status::OK();
}

void DecodeStage(const AttributionStage& stage, const TokenFeatures& a, const TokenFeatures* b,
                 const std::vector<TokenRange>& units, std::vector<uint8_t>* labels) {
  std::vector<int32_t> acc;
  std::vector<float> emissions;
  const float scale = stage.weights.scale(0);
  for (const TokenRange& u : units) {
    acc.assign(static_cast<size_t>(u.count) * kNumLabels, 0);
    for (uint32_t i = 0; i < u.count; ++i) {
      const uint32_t t = u.first + i;
      for (const TokenFeatures* f : {&a, b}) {
        if (f == nullptr) continue;
        const uint32_t from = f->offsets[t], to = f->offsets[t + 1];
        stage.weights.Accumulate(f->keys.data() + from, to - from, acc.data() + i * kNumLabels);
      }
    }
    emissions.resize(acc.size());
    for (size_t k = 0; k < acc.size(); ++k) emissions[k] = static_cast<float>(acc[k]) * scale;
    ner::ViterbiDecode(emissions.data(), u.count, stage.transitions, labels->data() + u.first);
  }
}

std::vector<AttributionSpan> SpansOfLabels(const std::vector<uint8_t>& labels,
                                           const std::vector<TokenRange>& units) {
  std::vector<AttributionSpan> out;
  for (const TokenRange& u : units) {
    std::vector<uint8_t> unit(labels.begin() + u.first, labels.begin() + u.first + u.count);
    for (const ner::EntitySpan& s : ner::SpansFromBilou(unit)) {
      if (s.type == ner::EntityType::kMisc) continue;  // a slot the model never learns
      out.push_back({RoleOfType(s.type), u.first + s.first_token, u.first + s.last_token});
    }
  }
  return out;
}

std::vector<uint8_t> AttributionModel::Label(const TokenFeatures& features,
                                             const std::vector<TokenRange>& units,
                                             size_t stages) const {
  std::vector<uint8_t> labels(features.offsets.empty() ? 0 : features.offsets.size() - 1,
                              ner::kLabelO);
  if (stages_.empty() || stages == 0) return labels;
  DecodeStage(stages_[0], features, nullptr, units, &labels);
  if (stages >= 2 && stages_.size() >= 2) {
    TokenFeatures stacked = StackedFeatures(features, units, labels);
    DecodeStage(stages_[1], features, &stacked, units, &labels);
  }
  return labels;
}

std::vector<AttributionSpan> AttributionModel::TagFeatures(
    const TokenFeatures& features, const std::vector<TokenRange>& units) const {
  return SpansOfLabels(Label(features, units, stages_.size()), units);
}

Result<std::shared_ptr<const AttributionModel>> LoadAttributionModel(
    std::string_view language, const std::vector<std::string>& dirs) {
  if (language.empty() || language.size() > 3 ||
      !std::all_of(language.begin(), language.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return Status::InvalidInput("bad language code '" + std::string(language) + "'");
  }
  const std::string name = "quotes-" + std::string(language) + ".bin";
  std::string searched;
  for (const std::string& dir : dirs) {
    const std::string path = dir + "/" + name;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      searched += (searched.empty() ? "" : ", ") + dir;
      continue;
    }
    Result<AttributionModel> m = AttributionModel::Load(path);
    if (!m.ok()) return m.status();
    return std::make_shared<const AttributionModel>(std::move(*m));
  }
  return Status::NotFound("no " + name + " in " + (searched.empty() ? "(no directory)" : searched));
}

std::vector<AttributionSpan> AttributionModel::Tag(std::string_view text, const Segmentation& seg,
                                                   const QuoteLexicon& lexicon) const {
  return TagFeatures(AttributionFeatures(text, seg, lexicon, &cue_words_), TaggingUnits(seg));
}

}  // namespace dossier::quotes
