// SPDX-License-Identifier: Apache-2.0
#include "core/funding.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "util/text.hpp"

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
  e.pool = pool_of(set, app);
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
  e.pool = pool_of(set, app);
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

static std::string_view text_of(const Value& value) {
  const std::string* s = std::get_if<std::string>(&value);
  return s ? std::string_view(*s) : std::string_view();
}

int pool_of(const CriteriaSet& set, const Application& app) {
  if (set.pools.empty()) return -1;
  int field = set.field_index(set.pool_field);
  return field < 0 ? -1 : set.pool_index(text_of(app.values[static_cast<size_t>(field)]));
}

std::optional<std::string> pool_problem(const CriteriaSet& set, const Value& value) {
  std::string_view pool = text_of(value);
  if (set.pool_index(pool) >= 0) return std::nullopt;
  std::vector<std::string> ids;
  for (const Pool& p : set.pools) ids.push_back(p.id);
  if (pool.empty())
    return fmt::format("no pool in '{}'; each application draws from one of the pools: {}", set.pool_field,
                       util::join(ids, ", "));
  std::string hint = util::nearest(pool, ids);
  return fmt::format("unknown pool '{}'; {}", pool,
                     hint.empty() ? fmt::format("the pools are {}", util::join(ids, ", "))
                                  : fmt::format("did you mean '{}'? (the pools are {})", hint, util::join(ids, ", ")));
}

FundingLine draw_pool_lines(
    const CriteriaSet& set, const std::vector<RankEntry>& ranked,
    const std::function<FundingLine(size_t pool, const std::vector<RankEntry>& entries, Money budget)>& draw) {
  FundingLine line;
  line.placements.reserve(ranked.size());
  std::vector<RankEntry> entries;
  for (size_t p = 0; p < set.pools.size(); ++p) {
    entries.clear();
    for (const RankEntry& e : ranked)
      if (e.pool == static_cast<int>(p)) entries.push_back(e);
    FundingLine pool = draw(p, entries, set.pools[p].budget.value_or(Money{0}));
    for (Placement& placement : pool.placements) {
      placement.pool = static_cast<int>(p);
      line.placements.push_back(placement);
    }
    line.budget.cents += pool.budget.cents;
    line.used.cents += pool.used.cents;
    line.funded += pool.funded;
    line.pools.push_back({set.pools[p].id, pool.budget, pool.used, pool.funded, pool.placements.size()});
  }
  return line;
}

FundingLine draw_ranked_funding_line(const CriteriaSet& set, const std::vector<RankEntry>& entries) {
  if (!set.pools.empty()) {
    for (const RankEntry& e : entries)
      if (e.pool < 0) throw std::logic_error("an eligible application without a pool reached the funding line");
    return draw_pool_lines(set, entries, [&](size_t, const std::vector<RankEntry>& pool, Money budget) {
      FundingLine line;
      line.budget = budget;
      bool stopped = false;
      for (const RankEntry& entry : pool) place_next(set, line, entry, stopped);
      return line;
    });
  }
  FundingLine line;
  line.budget = set.call.budget.value_or(Money{0});
  line.placements.reserve(entries.size()); // not grown by copies, in a call with many
  bool stopped = false;
  for (const RankEntry& entry : entries) place_next(set, line, entry, stopped);
  return line;
}

} // namespace fundscreen::core
