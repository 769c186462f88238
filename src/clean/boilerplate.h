// BoilerplateStripper: removes the residue of poor extraction from an
// article's paragraphs, by general rules over line shape and wording (cue
// phrases in en/fr/de/es/it/pt, see boilerplate_lexicon.h).
//
// What goes, and how it is recognised:
//  - comment sections: a "Comments"/"Commentaires"/"Kommentare" heading
//    followed by moderation-policy lines, the heading and the whole policy
//    run; short comment prompts ("Post a comment") anywhere; a trailing run
//    of policy or prompt lines;
//  - cross-links: "READ ALSO", "Lire aussi", "Lesen Sie auch", "Leer más"...
//    lines (also ">> READ ALSO -" forms), and the headline-shaped line right
//    after a marker that carries no headline itself;
//  - paywall/registration/newsletter prompts, and the bullet lines that
//    directly follow a prompt introducing a list;
//  - photo captions: a line that is, or ends with, a photo credit
//    ("... 2020. Photo: Name / AFP", "Photo by X/AFP via Getty Images");
//  - share/print/email button rows made only of such words;
//  - legal notes appended by an outlet ("* A terrorist group outlawed in
//    Russia ..."), copyright lines, "originally published" notes and
//    "Reporting by ...; Editing by ..." credits.
// A sentence of the story that merely contains a cue word ("comments",
// "register") stays: single weak cues never remove a line.
//
//   BoilerplateStripper stripper;  // build once: compiles the cue automaton
//   BoilerplateReport report;
//   stripper.Strip(&paragraphs, &report);
//
// Thread-safety: Strip() is const and safe to call from several threads.
#ifndef DOSSIER_CLEAN_BOILERPLATE_H_
#define DOSSIER_CLEAN_BOILERPLATE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dossier {

enum class BoilerplateKind {
  kComments,   ///< comment-section heading, policy or prompt
  kReadAlso,   ///< cross-link marker or the headline it introduces
  kPaywall,    ///< paywall/registration/newsletter prompt and its bullet list
  kCaption,    ///< photo caption or credit
  kShare,      ///< share/print/email buttons
  kLegalNote,  ///< appended legal footnote
  kCopyright,  ///< copyright line
  kCredit,     ///< "originally published" note or reporting credit
};

// "comments", "read-also", "paywall", "caption", "share", "legal-note",
// "copyright", "credit".
std::string_view BoilerplateKindName(BoilerplateKind kind);

struct RemovedLine {
  std::string text;  ///< the paragraph as it was
  BoilerplateKind kind;
};

// What Strip() removed, in document order (for diagnostics, tests, and the
// metadata step, which reads outlet names out of it).
struct BoilerplateReport {
  std::vector<RemovedLine> removed;
};

class BoilerplateStripper {
 public:
  BoilerplateStripper();
  ~BoilerplateStripper();
  BoilerplateStripper(const BoilerplateStripper&) = delete;
  BoilerplateStripper& operator=(const BoilerplateStripper&) = delete;

  // Removes boilerplate paragraphs from *paragraphs (normalised text, one
  // paragraph per element) and appends each to report->removed when report
  // is not null.
  void Strip(std::vector<std::string_view>* paragraphs, BoilerplateReport* report) const;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

}  // namespace dossier

#endif  // DOSSIER_CLEAN_BOILERPLATE_H_
