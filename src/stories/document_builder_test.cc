#include "stories/document_builder.h"

#include <gtest/gtest.h>

namespace dossier::stories {
namespace {

float WeightOf(const StoryDocument& d, std::string_view stem) {
  const uint64_t key = FeatureKey(FeatureKind::kTerm, stem);
  for (const WeightedTerm& t : d.terms) {
    if (t.key == key) return t.weight;
  }
  return 0;
}

StoryDocument BuildText(const DocumentOptions& options, const std::string& title,
                        const std::string& text) {
  DocumentBuilder builder(nullptr, options);
  Article a;
  a.id = "a1";
  a.language = "en";
  a.title = title;
  a.text = text;
  return builder.Build(a, identity::ArticleEntities{}, {});
}

// The lead names the happening; a word of the text's sentence i weighs
// 1 / (1 + lead_decay * i), the headline's words count fully.
TEST(DocumentBuilder, LaterSentencesWeighLess) {
  const std::string text =
      "The convoy reached Baghdad. Talks began. Nobody spoke. The parade went on. A convoy "
      "left.";
  StoryDocument flat = BuildText({.lead_decay = 0}, "", text);
  EXPECT_FLOAT_EQ(WeightOf(flat, "convoy"), 3);  // twice in the text, once in the title
  EXPECT_FLOAT_EQ(WeightOf(flat, "parad"), 1);

  StoryDocument lead = BuildText({.lead_decay = 0.5f}, "", text);
  // First sentence (also the title when there is none): 1 + 1; fifth: 1/3.
  EXPECT_FLOAT_EQ(WeightOf(lead, "convoy"), 2 + 1.0f / 3);
  EXPECT_FLOAT_EQ(WeightOf(lead, "parad"), 1.0f / 2.5f);
  EXPECT_FLOAT_EQ(WeightOf(lead, "baghdad"), 2);

  StoryDocument titled = BuildText({.lead_decay = 0.5f}, "Parade in Baghdad", text);
  EXPECT_FLOAT_EQ(WeightOf(titled, "parad"), 1 + 1.0f / 2.5f);
  EXPECT_FLOAT_EQ(WeightOf(titled, "baghdad"), 2);
}

}  // namespace
}  // namespace dossier::stories
