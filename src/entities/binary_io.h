// Little-endian byte writer and reader for the model file sections.
//
// The reader never reads past its buffer: a short or malformed buffer sets
// a sticky failure flag, every later read returns zeros, and the caller
// checks ok() once at the end of a section (the stream pattern of STYLE.md).
//
// Thread-safety: one object per thread.
#ifndef DOSSIER_ENTITIES_BINARY_IO_H_
#define DOSSIER_ENTITIES_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace dossier::ner {

class ByteWriter {
 public:
  explicit ByteWriter(std::string* out) : out_(out) {}
  void U8(uint8_t v) { out_->push_back(static_cast<char>(v)); }
  void U32(uint32_t v) { Raw(&v, 4); }
  void U64(uint64_t v) { Raw(&v, 8); }
  void F32(float v) { Raw(&v, 4); }
  void I16(int16_t v) { Raw(&v, 2); }
  void VarU64(uint64_t v) {
    while (v >= 0x80) {
      U8(static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    U8(static_cast<uint8_t>(v));
  }
  void Str(std::string_view s) {
    VarU64(s.size());
    out_->append(s);
  }

 private:
  // The formats are little-endian; so are all the machines dossier targets.
  void Raw(const void* p, size_t n) { out_->append(static_cast<const char*>(p), n); }
  std::string* out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ >= data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }

  uint8_t U8() {
    uint8_t v = 0;
    Raw(&v, 1);
    return v;
  }
  uint32_t U32() {
    uint32_t v = 0;
    Raw(&v, 4);
    return v;
  }
  uint64_t U64() {
    uint64_t v = 0;
    Raw(&v, 8);
    return v;
  }
  float F32() {
    float v = 0;
    Raw(&v, 4);
    return v;
  }
  int16_t I16() {
    int16_t v = 0;
    Raw(&v, 2);
    return v;
  }
  uint64_t VarU64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      uint8_t b = U8();
      if (!ok_) return 0;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    ok_ = false;
    return 0;
  }
  std::string_view Str() {
    uint64_t n = VarU64();
    if (!ok_ || n > remaining()) {
      ok_ = false;
      return {};
    }
    std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  // Marks the reader failed (a caller found a value out of range).
  void Fail() { ok_ = false; }

 private:
  void Raw(void* p, size_t n) {
    if (!ok_ || n > remaining()) {
      ok_ = false;
      return;
    }
    std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
  }
  std::string_view data_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_BINARY_IO_H_
