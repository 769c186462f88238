// Tested by tag_scheme_test.cc.
#include "entities/entity_type.h"

namespace dossier::ner {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPer:
      return "PER";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PER") return EntityType::kPer;
  if (name == "ORG") return EntityType::kOrg;
  if (name == "LOC") return EntityType::kLoc;
  if (name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

}  // namespace dossier::ner
