// Tested by model_io_test.cc and perceptron_test.cc.
#include "entities/weight_table.h"

#include <algorithm>
#include <cmath>

#include "entities/feature_hash.h"

namespace dossier::ner {
namespace {

uint64_t ZigZag(int64_t v) {
  return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63);
}
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

inline void AddRow(const int16_t* p, int width, int32_t* acc) {
  for (int y = 0; y < width; ++y) acc[y] += p[y];
}

}  // namespace

WeightTable WeightTable::FromDense(int bits, const std::vector<const std::vector<float>*>& blocks,
                                   float prune) {
  WeightTable t;
  t.bits_ = bits;
  t.blocks_ = static_cast<int>(blocks.size());
  const size_t buckets = size_t{1} << bits;
  for (int k = 0; k < t.blocks_; ++k) {
    float max_abs = 0;
    for (float v : *blocks[k]) max_abs = std::max(max_abs, std::fabs(v));
    t.scale_[k] = max_abs > 0 ? max_abs / 32000.0f : 1.0f;
  }
  const int width = t.width();
  std::vector<int16_t> row(width);
  for (size_t b = 0; b < buckets; ++b) {
    bool any = false;
    for (int k = 0; k < t.blocks_; ++k) {
      const float* src = blocks[k]->data() + b * kNumLabels;
      for (int y = 0; y < kNumLabels; ++y) {
        float v = std::fabs(src[y]) < prune ? 0.0f : src[y];
        long q = std::lround(v / t.scale_[k]);
        row[k * kNumLabels + y] = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
        any = any || row[k * kNumLabels + y] != 0;
      }
    }
    if (!any) continue;
    t.index_[b + 1] = static_cast<uint32_t>(t.rows_.size() / width);
    t.rows_.insert(t.rows_.end(), row.begin(), row.end());
  }
  return t;
}

void WeightTable::Accumulate(const uint64_t* keys, size_t n, int32_t* acc) const {
  const int width = this->width();
  // Prefetch the index slots first: the lookups are independent cache misses.
  for (size_t i = 0; i < n; ++i) index_.Prefetch(Bucket(keys[i], bits_) + 1);
  // Then the rows, once all their addresses are known.
  const int16_t* rows[256];
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t* r = index_.Find(Bucket(keys[i], bits_) + 1);
    if (r == nullptr) continue;
    const int16_t* p = rows_.data() + static_cast<size_t>(*r) * width;
    __builtin_prefetch(p);
    __builtin_prefetch(p + 32);
    if (m == 256) {
      for (size_t j = 0; j < m; ++j) AddRow(rows[j], width, acc);
      m = 0;
    }
    rows[m++] = p;
  }
  for (size_t j = 0; j < m; ++j) AddRow(rows[j], width, acc);
}

float WeightTable::Weight(uint64_t key, int block, int label) const {
  const uint32_t* r = index_.Find(Bucket(key, bits_) + 1);
  if (r == nullptr || block >= blocks_) return 0;
  return rows_[static_cast<size_t>(*r) * width() + block * kNumLabels + label] * scale_[block];
}

void WeightTable::Save(ByteWriter* w) const {
  w->U8(static_cast<uint8_t>(bits_));
  w->U8(static_cast<uint8_t>(blocks_));
  for (int k = 0; k < blocks_; ++k) w->F32(scale_[k]);
  std::vector<std::pair<uint32_t, uint32_t>> order;  // bucket, row
  order.reserve(index_.size());
  for (const auto& s : index_.slots()) {
    if (s.key != 0) order.emplace_back(static_cast<uint32_t>(s.key - 1), s.value);
  }
  std::sort(order.begin(), order.end());
  w->VarU64(order.size());
  const int width = this->width();
  uint32_t prev = 0;
  for (const auto& [bucket, row] : order) {
    w->VarU64(bucket - prev);  // buckets ascend: small deltas
    prev = bucket;
    const int16_t* p = rows_.data() + static_cast<size_t>(row) * width;
    uint64_t mask = 0;
    for (int y = 0; y < width; ++y) mask |= uint64_t{p[y] != 0} << y;
    w->VarU64(mask);
    for (int y = 0; y < width; ++y) {
      if (p[y] != 0) w->VarU64(ZigZag(p[y]));
    }
  }
}

bool WeightTable::Load(ByteReader* r) {
  *this = WeightTable();
  bits_ = r->U8();
  blocks_ = r->U8();
  if (!r->ok() || bits_ < 8 || bits_ > 30 || blocks_ < 1 || blocks_ > kMaxBlocks) {
    r->Fail();
    return false;
  }
  for (int k = 0; k < blocks_; ++k) scale_[k] = r->F32();
  uint64_t n = r->VarU64();
  if (!r->ok() || n > r->remaining() || n > (uint64_t{1} << bits_)) {
    r->Fail();
    return false;
  }
  const int width = this->width();
  index_.Reserve(n);
  rows_.assign(n * width, 0);
  uint64_t bucket = 0;
  for (uint64_t i = 0; i < n && r->ok(); ++i) {
    bucket += r->VarU64();
    uint64_t mask = r->VarU64();
    if (bucket >= (uint64_t{1} << bits_) || (mask >> width) != 0) {
      r->Fail();
      break;
    }
    index_[bucket + 1] = static_cast<uint32_t>(i);
    int16_t* p = rows_.data() + i * width;
    for (int y = 0; y < width; ++y) {
      if ((mask >> y) & 1) {
        int64_t v = UnZigZag(r->VarU64());
        if (v < -32767 || v > 32767) r->Fail();
        p[y] = static_cast<int16_t>(v);
      }
    }
  }
  return r->ok();
}

}  // namespace dossier::ner
