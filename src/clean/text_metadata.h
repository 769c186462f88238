// Metadata found in an article's own text, for records that did not state it.
//
//  - title: a first paragraph that is headline-shaped (<= 20 words, no final
//    period) and followed by more text; or the rest of a "date 2021-07 Title"
//    header line. The title leaves the body.
//  - published: a standalone date line near the top ("Aug 28, 2020",
//    "Published: ...", "Publié le ...", "Mis à jour le ..."), or the date of
//    a "date ..." header; never a date inside a sentence or a caption. The
//    line leaves the body.
//  - outlet, by decreasing trust: a name that boilerplate removed by the
//    previous step names (see outlet_names.h: "Rudaw moderates all
//    comments", "Al-Monitor Archives", "© 2021 Outlet"); a trailing wire
//    credit "(Belga)" "(AFP)" at the very end of the text, or a closing
//    credit paragraph "Le Monde avec AFP" (both removed from the text); the
//    wire of a dateline "PARIS (Reuters) -". Photo agencies in photo credits
//    never count.
//  - dateline: one of the first two paragraphs opening with "ERBIL,
//    Kurdistan Region – ", "BAGHDAD — ", "PARIS (Reuters) -" (see
//    dateline.h): the place goes to `dateline` and the prefix leaves the
//    paragraph, whose sentence is otherwise kept intact.
//
// Thread-safety: free function over caller-owned data.
#ifndef DOSSIER_CLEAN_TEXT_METADATA_H_
#define DOSSIER_CLEAN_TEXT_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/boilerplate.h"

namespace dossier {

struct TextMetadata {
  std::string title;
  std::string published;  ///< ISO 8601, partial allowed
  std::string outlet;
  std::string dateline;  ///< the place of a dateline
};

// Reads metadata from `paragraphs` (normalised text after boilerplate
// removal) and `removed` (what boilerplate removal took out), and takes the
// lines and prefixes it used out of `paragraphs` (views may be narrowed).
// `known_title`: a title the record or page already states; then the first
// paragraph is taken out only when it repeats that title, and no title is
// looked for.
TextMetadata ExtractTextMetadata(std::vector<std::string_view>* paragraphs,
                                 const BoilerplateReport& removed, std::string_view known_title);

}  // namespace dossier

#endif  // DOSSIER_CLEAN_TEXT_METADATA_H_
