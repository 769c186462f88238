// Speed check of the text stage (not a test): segments the given UTF-8 files,
// or a built-in English news paragraph, repeatedly and prints the time per
// 4 KB of text, with and without stemming every word.
//
//   text_benchmark [--language=en] [file...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/segmenter.h"
#include "text/stemmer.h"

namespace {

constexpr char kParagraph[] =
    "French President Emmanuel Macron on Wednesday affirmed in Baghdad his support for Iraq's "
    "\"sovereignty\" in the face of \"foreign interference\", said Dr. J. Smith of the U.S. "
    "Institute. The United States has about 5,200 troops in Iraq right now, approx. 2,800 "
    "fewer than in Aug. 2020. \"You have a transition to lead,\" he added after a meeting with "
    "Iraqi President Barham Saleh. France carried out a series of airstrikes against Daesh "
    "forces in Iraq and Syria between 2014 and 2017.";

double Seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string language = "en";
  std::vector<std::string> texts;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--language=", 0) == 0) {
      language = arg.substr(11);
      continue;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "cannot read %s\n", arg.c_str());
      return 1;
    }
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  if (texts.empty()) {
    std::string text;
    while (text.size() < 4096) text += std::string(kParagraph) + "\n\n";
    texts.push_back(text);
  }
  size_t bytes_per_round = 0;
  for (const std::string& t : texts) bytes_per_round += t.size();

  dossier::TextSegmenter segmenter(language);
  dossier::Stemmer stemmer(language);
  size_t sentences = 0, tokens = 0;
  // The machine may be shared: report the best of several runs.
  for (bool stem : {false, true}) {
    const int kRounds = static_cast<int>(4'000'000 / bytes_per_round) + 1;
    double best = 1e9;
    for (int repeat = 0; repeat < 7; ++repeat) {
      auto start = std::chrono::steady_clock::now();
      for (int r = 0; r < kRounds; ++r) {
        for (const std::string& t : texts) {
          dossier::Segmentation s = segmenter.Segment(t);
          sentences += s.sentences.size();
          tokens += s.tokens.size();
          if (!stem) continue;
          for (const dossier::Token& tok : s.tokens) {
            if (tok.kind != dossier::TokenKind::kWord) continue;
            std::string folded =
                dossier::FoldCase(std::string_view(t).substr(tok.begin, tok.end - tok.begin));
            tokens += stemmer.Stem(folded).size();
          }
        }
      }
      double secs = Seconds(std::chrono::steady_clock::now() - start);
      best = std::min(best, secs * 1e6 / (static_cast<double>(kRounds) * bytes_per_round / 4096.0));
    }
    std::printf("%-20s %7.1f us per 4 KB (best of 7; %zu bytes x %d rounds)\n",
                stem ? "segment+fold+stem:" : "segment:", best, bytes_per_round, kRounds);
  }
  std::printf("(checksum %zu %zu)\n", sentences, tokens);
  return 0;
}
