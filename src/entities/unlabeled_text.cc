// Tested through the trainer (ner_trainer_test.cc).
#include "entities/unlabeled_text.h"

#include <algorithm>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "entities/corpus_reader.h"
#include "entities/simple_tokenizer.h"

namespace dossier::ner {
namespace {

namespace fs = std::filesystem;

void EachLine(std::string_view text,
              const std::function<void(const std::vector<std::string_view>&)>& on_line,
              UnlabeledStats* stats) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    tokens.clear();
    SimpleTokenize(text.substr(pos, nl - pos), &tokens);
    pos = nl + 1;
    if (tokens.empty()) continue;
    ++stats->lines;
    stats->tokens += tokens.size();
    on_line(tokens);
  }
}

// The article text fields of common dataset layouts.
bool IsTextKey(const std::string& key) {
  return key == "text" || key == "main_content" || key == "articleBody";
}

// Every string under a text key, anywhere in the document.
void EachText(const nlohmann::json& j,
              const std::function<void(const std::vector<std::string_view>&)>& on_line,
              UnlabeledStats* stats) {
  if (j.is_array()) {
    for (const nlohmann::json& v : j) EachText(v, on_line, stats);
    return;
  }
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it->is_string() && IsTextKey(it.key())) {
      EachLine(it->get_ref<const std::string&>(), on_line, stats);
    } else {
      EachText(*it, on_line, stats);
    }
  }
}

Status ReadOne(const std::string& path,
               const std::function<void(const std::vector<std::string_view>&)>& on_line,
               UnlabeledStats* stats) {
  std::string text;
  DOSSIER_RETURN_IF_ERROR(ReadFileToString(path, &text));
  ++stats->files;
  if (path.ends_with(".json")) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return Status::InvalidInput(path + ": not JSON");
    EachText(j, on_line, stats);
    return Status::OK();
  }
  if (!path.ends_with(".jsonl")) {
    EachLine(text, on_line, stats);
    return Status::OK();
  }
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) continue;
    EachText(j, on_line, stats);
  }
  return Status::OK();
}

}  // namespace

Status ReadUnlabeledText(const std::vector<std::string>& paths,
                         const std::function<void(const std::vector<std::string_view>&)>& on_line,
                         UnlabeledStats* stats) {
  *stats = UnlabeledStats();
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      DOSSIER_RETURN_IF_ERROR(ReadOne(p, on_line, stats));
      continue;
    }
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      std::string f = it->path().string();
      if (f.ends_with(".txt") || f.ends_with(".jsonl") || f.ends_with(".json")) files.push_back(f);
    }
    if (ec) return Status::IOError("cannot list " + p + ": " + ec.message());
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) DOSSIER_RETURN_IF_ERROR(ReadOne(f, on_line, stats));
  }
  return Status::OK();
}

}  // namespace dossier::ner
