// SPDX-License-Identifier: Apache-2.0
#include "core/funding.hpp"

#include <algorithm>

namespace fundscreen::core {

static TieKey tie_key(const Value& value) {
  TieKey key;
  if (auto s = std::get_if<std::string>(&value))
    key.text = *s;
  else
    key.number = to_score(value);
  return key;
}

bool ties_on_id(const TieBreak& t) { return t.key == TieBreak::Key::field && t.name == "id"; }

RankEntry rank_entry(const CriteriaSet& set, const Assessed& assessed, const Application& app, size_t index) {
  RankEntry e;
  e.index = index;
  e.id = assessed.id;
  e.score = assessed.score;
  e.amount = assessed.amount;
  for (const TieBreak& t : set.ranking.tie_break) {
    if (ties_on_id(t)) continue;
    if (t.key == TieBreak::Key::field) {
      int field = set.field_index(t.name);
      e.keys.push_back(field >= 0 ? tie_key(app.values[field]) : TieKey{});
      continue;
    }
    TieKey key;
    for (const CriterionResult& r : assessed.criteria)
      if (r.criterion->id == t.name) key.number = r.mean_score;
    e.keys.push_back(std::move(key));
  }
  return e;
}

bool ties_on_criteria(const CriteriaSet& set) {
  return std::any_of(set.ranking.tie_break.begin(), set.ranking.tie_break.end(),
                     [](const TieBreak& t) { return t.key == TieBreak::Key::criterion_score; });
}

RankEntry rank_entry(const CriteriaSet& set, const Outline& outline, const Application& app, size_t index) {
  RankEntry e;
  e.index = index;
  e.id = outline.id;
  e.score = outline.score;
  e.amount = outline.amount;
  for (const TieBreak& t : set.ranking.tie_break) {
    if (ties_on_id(t)) continue;
    int field = t.key == TieBreak::Key::field ? set.field_index(t.name) : -1;
    e.keys.push_back(field >= 0 ? tie_key(app.values[field]) : TieKey{});
  }
  return e;
}

// -1, 0, 1 for `a` before, level with, after `b`; a missing value always comes last.
template <typename T>
static int compare_present(const std::optional<T>& a, const std::optional<T>& b, SortOrder order) {
  if (!a || !b) return a ? -1 : (b ? 1 : 0);
  if (*a == *b) return 0;
  bool less = *a < *b;
  return (order == SortOrder::ascending) == less ? -1 : 1;
}

static int compare_keys(const TieKey& a, const TieKey& b, SortOrder order) {
  if (a.text || b.text) return compare_present(a.text, b.text, order);
  return compare_present(a.number, b.number, order);
}

bool ranks_before(const CriteriaSet& set, const RankEntry& a, const RankEntry& b) {
  const auto& steps = set.ranking.tie_break;
  if (int c = compare_present(a.score, b.score, SortOrder::descending)) return c < 0;
  size_t k = 0; // the key of the step, as steps on the id have none
  for (const TieBreak& t : steps) {
    int c = 0;
    if (ties_on_id(t)) {
      if (a.id != b.id) c = (t.order == SortOrder::ascending) == (a.id < b.id) ? -1 : 1;
    } else {
      c = compare_keys(a.keys[k], b.keys[k], t.order);
      ++k;
    }
    if (c) return c < 0;
  }
  return a.index < b.index;
}

FundingLine draw_funding_line(const CriteriaSet& set, std::vector<RankEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [&](const RankEntry& a, const RankEntry& b) { return ranks_before(set, a, b); });
  return draw_ranked_funding_line(set, entries);
}

void place_next(const CriteriaSet& set, FundingLine& line, const RankEntry& entry, bool& stopped) {
  Placement p;
  p.index = entry.index;
  p.rank = static_cast<int>(line.placements.size() + 1);
  bool fits = line.used.cents + entry.amount.cents <= line.budget.cents;
  if (fits && !stopped) {
    line.used.cents += entry.amount.cents;
    p.decision = Decision::fund;
    p.cumulative = line.used;
    ++line.funded;
  } else if (set.funding == FundingPolicy::strict) {
    stopped = true;
  }
  line.placements.push_back(p);
}

FundingLine draw_ranked_funding_line(const CriteriaSet& set, const std::vector<RankEntry>& entries) {
  FundingLine line;
  line.budget = set.call.budget.value_or(Money{0});
  line.placements.reserve(entries.size()); // not grown by copies, in a call with many
  bool stopped = false;
  for (const RankEntry& entry : entries) place_next(set, line, entry, stopped);
  return line;
}

} // namespace fundscreen::core
