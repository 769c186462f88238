// Entity types and entity spans: the vocabulary of the entity stage.
//
// An EntitySpan names a run of tokens [first_token, last_token] (inclusive, in
// the tokens given to the tagger) and its type. The numeric values of
// EntityType are written into model files: they are frozen.
//
// Thread-safety: plain values.
#ifndef DOSSIER_ENTITIES_ENTITY_TYPE_H_
#define DOSSIER_ENTITIES_ENTITY_TYPE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace dossier::ner {

// Persisted: do not renumber.
enum class EntityType : uint8_t {
  kPer = 0,   ///< a person (real or fictional)
  kOrg = 1,   ///< an organisation: company, party, team, institution
  kLoc = 2,   ///< a place: country, city, region, geographic feature
  kMisc = 3,  ///< other names: nationalities, events, works, products
};
inline constexpr int kNumEntityTypes = 4;

// "PER", "ORG", "LOC", "MISC".
std::string_view EntityTypeName(EntityType type);

// Parses the four names above (exact, upper case); nullopt otherwise.
std::optional<EntityType> ParseEntityType(std::string_view name);

struct EntitySpan {
  uint32_t first_token = 0;  ///< index of the first token
  uint32_t last_token = 0;   ///< index of the last token (inclusive)
  EntityType type = EntityType::kMisc;
  float score = 0;  ///< confidence in (0, 1]; 0 when not computed (gold spans)

  bool operator==(const EntitySpan& o) const {
    return first_token == o.first_token && last_token == o.last_token && type == o.type;
  }
};

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_ENTITY_TYPE_H_
