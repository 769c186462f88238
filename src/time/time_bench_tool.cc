// time_bench_tool: the time tagger over lines of stdin, for bench/time_bench.py.
//
// Input: one case a line, "<id>\t<lang>\t<published YYYY-MM-DD or empty>\t<sentence>".
// Output: one line per expression found,
// "<id>\t<begin>\t<end>\t<value>\t<precision>\t<anchored 0|1>\t<relation at|before|after>"
// (byte offsets into the sentence), and nothing for a case without expression.
#include <iostream>
#include <map>
#include <string>

#include "clean/dates.h"
#include "time/time_tagger.h"

namespace {

constexpr const char* kRelation[] = {"at", "before", "after"};

std::string_view Field(std::string_view* line) {
  size_t tab = line->find('\t');
  std::string_view f = line->substr(0, tab);
  *line = tab == std::string_view::npos ? std::string_view() : line->substr(tab + 1);
  return f;
}

}  // namespace

int main() {
  std::map<std::string, dossier::TimeTagger, std::less<>> taggers;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::string_view rest = line;
    std::string_view id = Field(&rest);
    std::string_view lang = Field(&rest);
    std::string_view published = Field(&rest);
    std::string_view sentence = rest;
    auto it = taggers.find(lang);
    if (it == taggers.end()) {
      dossier::Result<dossier::TimeTagger> t = dossier::TimeTagger::Create(lang);
      if (!t.ok()) {
        std::cerr << "time_bench_tool: " << t.status().ToString() << "\n";
        return 2;
      }
      it = taggers.emplace(std::string(lang), std::move(*t)).first;
    }
    std::optional<dossier::TimeAnchor> anchor;
    if (std::optional<dossier::DateParts> d = dossier::ParseDate(published); d && d->day > 0) {
      anchor = dossier::TimeAnchor{{d->year, d->month, d->day}, false};
    }
    for (const dossier::TemporalExpression& e : it->second.Tag(sentence, anchor)) {
      std::cout << id << '\t' << e.begin << '\t' << e.end << '\t' << e.value << '\t'
                << dossier::PrecisionName(e.precision) << '\t' << (e.anchored ? 1 : 0) << '\t'
                << kRelation[static_cast<int>(e.relation)] << '\n';
    }
  }
  return 0;
}
