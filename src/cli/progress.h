// ProgressLine: a one-line progress display on stderr for long work.
//
// Shown only when stderr is a terminal; redrawn at most ten times a second.
#ifndef DOSSIER_CLI_PROGRESS_H_
#define DOSSIER_CLI_PROGRESS_H_

#include <chrono>
#include <string>

namespace dossier::cli {

class ProgressLine {
 public:
  ProgressLine();
  ~ProgressLine();  // clears the line

  bool enabled() const { return enabled_; }
  // Redraws with `text` unless the last redraw was under 100 ms ago.
  void Update(const std::string& text);
  // Erases the line (before printing anything else to stderr).
  void Clear();

 private:
  bool enabled_ = false;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace dossier::cli

#endif  // DOSSIER_CLI_PROGRESS_H_
