// Builds the gazetteer a model carries, from GeoNames-style data files
// (trainer side; the tagger only reads the result from the model file).
//
// From a directory holding:
//   cities15000.txt            GeoNames cities with population and alternate names
//   regionInfo.tsv             first-level administrative regions
//   countryInfo.tsv            countries and capitals
//   countries.json             countries: names, native names, spellings,
//                              translations, demonyms, languages, regions
//   country_translations.json  geonameid -> {language: country name}
// (missing files are skipped) it fills these categories:
//   country, capital, city_1m, city_100k, city (by population), region
//   (administrative), area (world regions: "Western Europe"), demonym
//   (nationality adjectives and nouns), language.
// Names are tokenised with SimpleTokenize and lower-cased; alternate names
// are kept only in Latin script, and short all-capital codes ("ALV") are
// dropped (they collide with acronyms of organisations).
//
// Thread-safety: pure function.
#ifndef DOSSIER_ENTITIES_GAZETTEER_BUILDER_H_
#define DOSSIER_ENTITIES_GAZETTEER_BUILDER_H_

#include <string>

#include "base/status.h"
#include "entities/gazetteer.h"

namespace dossier::ner {

struct GazetteerBuildStats {
  size_t files = 0;
  size_t names = 0;
};

// `lang` is the ISO 639-1 code of the model ("en", "fr"): it selects the
// translations and demonyms. Fails only if `dir` has none of the files or a
// file is malformed.
Status BuildGazetteer(const std::string& dir, const std::string& lang, Gazetteer* g,
                      GazetteerBuildStats* stats);

}  // namespace dossier::ner

#endif  // DOSSIER_ENTITIES_GAZETTEER_BUILDER_H_
