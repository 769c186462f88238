#include "cli/progress.h"

#include <cstdio>

#include <unistd.h>

namespace dossier::cli {

ProgressLine::ProgressLine()
    : enabled_(isatty(STDERR_FILENO) == 1),
      last_(std::chrono::steady_clock::now() - std::chrono::seconds(1)),
      start_(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() { Clear(); }

void ProgressLine::Update(const std::string& text) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  static const char kSpinner[] = "|/-\\";
  double seconds = std::chrono::duration<double>(now - start_).count();
  int frame = static_cast<int>(seconds * 10) % 4;
  std::fprintf(stderr, "\r\033[2K%c %s  [%.0fs]", kSpinner[frame], text.c_str(), seconds);
  std::fflush(stderr);
  shown_ = true;
}

void ProgressLine::Clear() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\033[2K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace dossier::cli
