// clean_bench: time ArticleCleaner::Clean on the seed articles.
//
//   clean_bench [iterations] [4k]
//
// Prints microseconds per article and per 4 KB of text, single thread; with
// "4k", on ~4 KB articles made of the seeds' paragraphs.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/cleaner.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  const int iterations = argc > 1 ? std::atoi(argv[1]) : 2000;
  std::vector<dossier::RawRecord> records;
  size_t bytes = 0;
  for (const fs::directory_entry& e :
       fs::directory_iterator(fs::path(DOSSIER_SOURCE_DIR) / "samples")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    dossier::RawRecord r;
    r.path = e.path().string();
    r.body = s.str();
    bytes += r.body.size();
    records.push_back(std::move(r));
  }
  if (records.empty()) {
    std::fprintf(stderr, "no samples found\n");
    return 1;
  }
  // Articles of about 4 KB: the seeds' paragraphs, concatenated.
  if (argc > 2 && std::string(argv[2]) == "4k") {
    std::string all;
    for (const dossier::RawRecord& r : records) all += r.body + "\n\n";
    std::vector<dossier::RawRecord> big;
    size_t start = 0;
    while (start < all.size()) {
      size_t end = all.find("\n\n", std::min(all.size(), start + 4000));
      if (end == std::string::npos) end = all.size();
      if (end - start >= 3500) {
        dossier::RawRecord r;
        r.body = all.substr(start, end - start);
        big.push_back(std::move(r));
      }
      start = end + 2;
    }
    records = std::move(big);
    bytes = 0;
    for (const dossier::RawRecord& r : records) bytes += r.body.size();
  }
  dossier::ArticleCleaner cleaner;
  size_t ok = 0;
  // CPU time of this thread as well as wall time: on a shared machine the
  // wall clock also counts time the thread waited for a core.
  timespec cpu_start, cpu_end;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_start);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i) {
    for (const dossier::RawRecord& r : records) ok += cleaner.Clean(r).ok();
  }
  const double us =
      std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu_end);
  const double cpu_us =
      (cpu_end.tv_sec - cpu_start.tv_sec) * 1e6 + (cpu_end.tv_nsec - cpu_start.tv_nsec) / 1e3;
  const double articles = static_cast<double>(iterations) * static_cast<double>(records.size());
  const double avg_bytes = static_cast<double>(bytes) / static_cast<double>(records.size());
  for (const auto& [label, total] : {std::pair<const char*, double>{"cpu", cpu_us}, {"wall", us}}) {
    const double per_article = total / articles;
    std::printf(
        "%s: %zu articles (avg %.0f bytes): %.1f us/article, %.1f us per 4 KB, %.0f articles/s\n",
        label, static_cast<size_t>(articles), avg_bytes, per_article,
        per_article * 4096.0 / avg_bytes, 1e6 / per_article);
  }
  return ok == static_cast<size_t>(articles) ? 0 : 1;
}
