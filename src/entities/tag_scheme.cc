// Tested by tag_scheme_test.cc.
#include "entities/tag_scheme.h"

namespace dossier::ner {

std::string LabelName(int label) {
  if (label == kLabelO) return "O";
  static constexpr char kParts[] = {'B', 'I', 'L', 'U'};
  std::string s(1, kParts[static_cast<int>(LabelPartOf(label))]);
  s += '-';
  s += EntityTypeName(LabelType(label));
  return s;
}

bool AllowedTransition(int from, int to) {
  // Inside an open span (after B or I) only I or L of the same type may follow.
  bool from_open =
      from > 0 && (LabelPartOf(from) == LabelPart::kB || LabelPartOf(from) == LabelPart::kI);
  if (to == -1) return !from_open;
  bool to_continues =
      to > 0 && (LabelPartOf(to) == LabelPart::kI || LabelPartOf(to) == LabelPart::kL);
  if (from_open) return to_continues && LabelType(to) == LabelType(from);
  return !to_continues;
}

std::vector<uint8_t> BilouFromSpans(size_t n, const std::vector<EntitySpan>& spans) {
  std::vector<uint8_t> labels(n, kLabelO);
  for (const EntitySpan& s : spans) {
    if (s.first_token > s.last_token || s.last_token >= n) continue;
    if (s.first_token == s.last_token) {
      labels[s.first_token] = MakeLabel(s.type, LabelPart::kU);
      continue;
    }
    labels[s.first_token] = MakeLabel(s.type, LabelPart::kB);
    for (uint32_t i = s.first_token + 1; i < s.last_token; ++i) {
      labels[i] = MakeLabel(s.type, LabelPart::kI);
    }
    labels[s.last_token] = MakeLabel(s.type, LabelPart::kL);
  }
  return labels;
}

std::vector<EntitySpan> SpansFromBilou(const std::vector<uint8_t>& labels) {
  std::vector<EntitySpan> spans;
  size_t i = 0;
  while (i < labels.size()) {
    int label = labels[i];
    if (label == kLabelO) {
      ++i;
      continue;
    }
    EntitySpan span;
    span.type = LabelType(label);
    span.first_token = span.last_token = static_cast<uint32_t>(i);
    ++i;
    LabelPart part = LabelPartOf(label);
    if (part == LabelPart::kB || part == LabelPart::kI) {
      while (i < labels.size() && labels[i] != kLabelO && LabelType(labels[i]) == span.type) {
        LabelPart next = LabelPartOf(labels[i]);
        if (next != LabelPart::kI && next != LabelPart::kL) break;
        span.last_token = static_cast<uint32_t>(i++);
        if (next == LabelPart::kL) break;
      }
    }
    spans.push_back(span);
  }
  return spans;
}

Result<std::vector<EntitySpan>> SpansFromIob(const std::vector<std::string>& tags) {
  std::vector<EntitySpan> spans;
  bool open = false;
  EntityType open_type = EntityType::kMisc;
  for (size_t i = 0; i < tags.size(); ++i) {
    const std::string& tag = tags[i];
    if (tag == "O") {
      open = false;
      continue;
    }
    if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') {
      return Status::InvalidInput("bad IOB tag '" + tag + "' at token " + std::to_string(i + 1));
    }
    std::optional<EntityType> type = ParseEntityType(std::string_view(tag).substr(2));
    if (!type) {
      return Status::InvalidInput("unknown entity type in tag '" + tag + "' at token " +
                                  std::to_string(i + 1));
    }
    if (tag[0] == 'I' && open && open_type == *type) {
      spans.back().last_token = static_cast<uint32_t>(i);
      continue;
    }
    spans.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i), *type, 0});
    open = true;
    open_type = *type;
  }
  return spans;
}

std::vector<std::string> Iob2FromSpans(size_t n, const std::vector<EntitySpan>& spans) {
  std::vector<std::string> tags(n, "O");
  for (const EntitySpan& s : spans) {
    if (s.first_token > s.last_token || s.last_token >= n) continue;
    std::string_view name = EntityTypeName(s.type);
    tags[s.first_token] = "B-" + std::string(name);
    for (uint32_t i = s.first_token + 1; i <= s.last_token; ++i) {
      tags[i] = "I-" + std::string(name);
    }
  }
  return tags;
}

}  // namespace dossier::ner
