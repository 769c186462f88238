// WeightTable: the trained feature weights of a model, sparse and quantised.
//
// Feature keys are hashed into 2^bits buckets (feature hashing: colliding
// features share weights). Each bucket that has a non-zero weight owns a row
// of `blocks` x kNumLabels int16 weights: block 0 holds the stage-1 weights,
// block 1 (if present) the stage-2 weights, so one lookup serves both stages.
// Weight = int16 value x scale(block).
//
// Thread-safety: const methods may run concurrently.
#ifndef DOSSIER_ENTITIES_WEIGHT_TABLE_H_
#define DOSSIER_ENTITIES_WEIGHT_TABLE_H_

#include <cstdint>
#include <vector>

#include "entities/binary_io.h"
#include "entities/flat_hash_map.h"
#include "entities/tag_scheme.h"

namespace dossier::ner {

class WeightTable {
 public:
  static constexpr int kMaxBlocks = 2;

  WeightTable() = default;

  // Quantises dense tables (each 2^bits x kNumLabels floats, row-major).
  // Weights whose magnitude is below `prune` (in weight units) are dropped.
  static WeightTable FromDense(int bits, const std::vector<const std::vector<float>*>& blocks,
                               float prune);

  int bits() const { return bits_; }
  int blocks() const { return blocks_; }
  int width() const { return blocks_ * kNumLabels; }
  size_t rows() const { return index_.size(); }
  float scale(int block) const { return scale_[block]; }

  // acc[0..width()) += quantised rows of the buckets of `keys`.
  void Accumulate(const uint64_t* keys, size_t n, int32_t* acc) const;

  // The float weight of one (key, block, label), for tests.
  float Weight(uint64_t key, int block, int label) const;

  void Save(ByteWriter* w) const;
  bool Load(ByteReader* r);

 private:
  int bits_ = 20;
  int blocks_ = 1;
  float scale_[kMaxBlocks] = {1, 1};
  FlatHashMap<uint32_t> index_;  // bucket + 1 -> row
  std::vector<int16_t> rows_;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_WEIGHT_TABLE_H_
