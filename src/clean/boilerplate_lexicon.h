// The word lists behind boilerplate detection: cue phrases in English,
// French, German, Spanish, Italian and Portuguese, each tagged with what it
// signals. Data only; the rules that weigh these cues live in boilerplate.cc.
//
// Phrases are folded (LowerForMatching): lowercase, accents kept. They are matched at
// word boundaries (see PhraseMatcher).
#ifndef DOSSIER_CLEAN_BOILERPLATE_LEXICON_H_
#define DOSSIER_CLEAN_BOILERPLATE_LEXICON_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace dossier {

enum class Cue : uint8_t {
  kPolicyStrong,     ///< a comment-section prompt or policy: "post a comment"
  kPolicyWeak,       ///< policy wording that stories also use: "guidelines"
  kReadAlso,         ///< a cross-link marker: "read also", "lire aussi"
  kPaywallStrong,    ///< "already a subscriber", "réservé aux abonnés"
  kPaywallWeak,      ///< "subscribe", "newsletter"
  kCaptionMarker,    ///< opens a photo credit: "photo:", "photo by", "©"
  kCaptionTail,      ///< ends a photo credit: "/afp", "via getty images"
  kCopyright,        ///< "all rights reserved", "copyright"
  kRepublished,      ///< "this article was originally published"
  kReportingCredit,  ///< "reporting by", "editing by"
  kLegalNote,        ///< legal wording of an appended note: "outlawed", "banned"
};
inline constexpr int kCueCount = 11;

struct CuePhrase {
  std::string_view text;
  Cue cue;
};

// Every cue phrase.
std::span<const CuePhrase> CuePhrases();

// Lines that are a comment-section heading once counts, colons and brackets
// are stripped: "comments", "commentaires (12)", "kommentare:".
std::span<const std::string_view> CommentHeadings();

// Words a share/print/email button row is made of, and fillers allowed among
// them ("share on facebook", "partager sur twitter", "print this article").
std::span<const std::string_view> ShareWords();
std::span<const std::string_view> ShareFillers();

}  // namespace dossier

#endif  // DOSSIER_CLEAN_BOILERPLATE_LEXICON_H_
