// Speed check of the SQLite store (not a test): stores articles in batches as
// the pipeline does, then runs a few searches and Stats(), and prints
// articles/s (wall clock and CPU) and ms per search.
//
//   store_benchmark [--articles=20000] [--batch=256] [--db=PATH] [CORPUS...]
//
// CORPUS: .jsonl files (field "text") or folders of .txt files, replayed (each
// copy made distinct) until there are enough articles. Without one, synthetic
// 4 KB texts are used. The stems string is the lower-cased words of the text,
// about what the text stage builds.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include "store/store.h"

namespace {

namespace fs = std::filesystem;

// printf into a std::string. (GCC 12 warns falsely, -Wrestrict, on
// "literal" + std::to_string(...).)
template <typename... Args>
std::string Format(const char* format, Args... args) {
  char buf[256];
  std::snprintf(buf, sizeof(buf), format, args...);
  return buf;
}

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Zipf-like words from a 20,000-word vocabulary, in sentences and paragraphs.
std::string SyntheticText(std::mt19937_64& rng, size_t bytes) {
  std::uniform_real_distribution<double> u(0, 1);
  std::string text;
  while (text.size() < bytes) {
    text += Format("w%d", static_cast<int>(std::pow(20000.0, u(rng))));
    text += rng() % 12 == 0 ? ". " : " ";
    if (rng() % 90 == 0) text += "\n\n";
  }
  return text;
}

void LoadCorpus(const std::string& path, std::vector<std::string>* texts) {
  if (fs::is_directory(path)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(path)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::ostringstream s;
      s << in.rdbuf();
      if (!s.str().empty()) texts->push_back(s.str());
    }
    return;
  }
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("text") && j["text"].is_string()) {
      texts->push_back(j["text"].get<std::string>());
    }
  }
}

std::string LowerWords(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int n = 20000;
  int batch_size = 256;
  std::string path;
  std::vector<std::string> corpus;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--articles=", 0) == 0) {
      n = std::atoi(arg.c_str() + 11);
    } else if (arg.rfind("--batch=", 0) == 0) {
      batch_size = std::max(1, std::atoi(arg.c_str() + 8));
    } else if (arg.rfind("--db=", 0) == 0) {
      path = arg.substr(5);
    } else {
      LoadCorpus(arg, &corpus);
    }
  }
  const bool keep = !path.empty();
  if (path.empty()) {
    path = (fs::temp_directory_path() / Format("store_benchmark_%d.db", static_cast<int>(getpid())))
               .string();
  }
  fs::remove(path);
  auto store = dossier::Store::Open(path);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  std::mt19937_64 rng(42);
  std::vector<std::vector<dossier::AnalyzedArticle>> batches;
  size_t bytes = 0;
  for (int i = 0; i < n; i += batch_size) {
    std::vector<dossier::AnalyzedArticle> batch;
    for (int j = i; j < std::min(n, i + batch_size); ++j) {
      dossier::AnalyzedArticle a;
      a.article.id = Format("a%d", j);
      a.article.url = Format("https://example.org/%d", j);
      a.article.outlet = Format("Outlet %d", j % 50);
      a.article.language = j % 3 ? "en" : "fr";
      a.article.published = Format("2021-0%d-1%d", 1 + j % 9, j % 10);
      if (corpus.empty()) {
        a.article.title = SyntheticText(rng, 60);
        a.article.text = SyntheticText(rng, 4096);
      } else {
        const std::string& t = corpus[static_cast<size_t>(j) % corpus.size()];
        a.article.title = t.substr(0, t.find('\n'));
        a.article.text = t;
        if (static_cast<size_t>(j) >= corpus.size()) {
          a.article.text += Format("\n\nReplayed copy %d.", j / static_cast<int>(corpus.size()));
        }
      }
      a.article.content_hash = rng();
      a.stems = LowerWords(a.article.title + " " + a.article.text);
      a.sentence_count = 40;
      a.token_count = 700;
      bytes += a.article.text.size();
      batch.push_back(std::move(a));
    }
    batches.push_back(std::move(batch));
  }
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  for (const auto& batch : batches) {
    auto r = (*store)->PutArticles(batch);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      return 1;
    }
  }
  const double secs = Seconds(start);
  const double cpu = CpuSeconds() - cpu_start;
  std::printf("put:    %d articles of %.0f bytes on average, batches of %d\n", n,
              static_cast<double>(bytes) / n, batch_size);
  std::printf("        %.0f articles/s wall, %.0f articles/s CPU; %.0f us CPU per 4 KB\n", n / secs,
              n / cpu, cpu * 1e6 / (static_cast<double>(bytes) / 4096));

  auto search_start = std::chrono::steady_clock::now();
  int searches = 0;
  size_t hits = 0;
  for (const char* q : {"w1", "w2 w3", "w17 w5", "the president", "troops Iraq", "Syrie armée"}) {
    dossier::SearchQuery query;
    query.text = q;
    auto r = (*store)->Search(query);
    if (r.ok()) hits += r->size();
    ++searches;
  }
  std::printf("search: %.1f ms per query (%zu hits)\n", Seconds(search_start) * 1e3 / searches,
              hits);
  auto stats_start = std::chrono::steady_clock::now();
  auto stats = (*store)->Stats();
  std::printf("stats:  %.2f ms\n", Seconds(stats_start) * 1e3);
  std::printf("file:   %.1f MB\n", static_cast<double>(fs::file_size(path)) / 1e6);
  store->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  }
  return 0;
}
