// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/score.hpp"
#include "core/screener.hpp"

namespace fundscreen::core {

// One tie-break value of an application: a score or number, a text, or missing.
struct TieKey {
  std::optional<Score> number;
  std::optional<std::string> text;
};

// What the ranking needs of one eligible application; kept small, since a call may have
// many eligible applications.
struct RankEntry {
  // Position in the input, the last tie-break (32 bits: core::IdRegistry stops a run before
  // 2^32 applications), and beside it in the same 8 bytes the index of its pool in the set's
  // pools, -1 without pools.
  uint32_t index = 0;
  int pool = -1;
  std::string id;
  std::optional<Score> score;
  // The values of the set's tie-break steps, in order, except steps on the `id` field, which
  // compare `id` (a required field, so never missing): most sets end on it, and a copy of
  // every eligible application's id would be most of the ranking's memory.
  std::vector<TieKey> keys;
  Money amount;
};
static_assert(sizeof(RankEntry) <= 96, "a call may have millions of ranking entries");

// True if the tie-break step `t` is on the application's id, which RankEntry::keys leaves out.
bool ties_on_id(const TieBreak& t);

// The ranking entry of an eligible application: its score and the set's tie-break values.
RankEntry rank_entry(const CriteriaSet& set, const Assessed& assessed, const Application& app, size_t index);

// True if the set's tie-break order names a criterion's score, which an Outline lacks.
bool ties_on_criteria(const CriteriaSet& set);

// The same from an outline; needs a tie-break order without criteria (see ties_on_criteria).
RankEntry rank_entry(const CriteriaSet& set, const Outline& outline, const Application& app, size_t index);

// Where an eligible application landed.
struct Placement {
  uint32_t index = 0; // as RankEntry::index
  int rank = 0;
  Decision decision = Decision::reserve;
  // The index of its pool in the set's pools (whose line it is on, ranked from 1), or -1.
  int pool = -1;
  // The sum of funded amounts down to and including this one (funded ones only).
  Money cumulative;
};
static_assert(sizeof(Placement) <= 24, "one for each eligible application");

// One pool's funding line in brief.
struct PoolLine {
  std::string id;
  Money budget;
  Money used;
  int funded = 0;
  size_t placed = 0; // the applications on its line
};

// The ranking and the funding line over all eligible applications.
struct FundingLine {
  // In rank order.
  std::vector<Placement> placements;
  Money budget;
  Money used;
  // The number of applications above the line (funded), for `strict` also where it stopped.
  int funded = 0;
  // With pools: each pool's line in the set's order (placements, budget, used and funded
  // above are then all the pools' together, the placements pool by pool).
  std::vector<PoolLine> pools;
};

// The index of `app`'s pool in the set's pools, or -1 (no pools, or its value names none).
int pool_of(const CriteriaSet& set, const Application& app);

// What is wrong with `value` as an application's pool field (the set has pools): empty, or
// not a pool's id; nullopt if it names a pool.
std::optional<std::string> pool_problem(const CriteriaSet& set, const Value& value);

// With pools: the line of each pool, drawn by `draw(pool index, its entries in rank order,
// its budget)` over the entries of `ranked` in that pool, joined into one line.
FundingLine draw_pool_lines(
    const CriteriaSet& set, const std::vector<RankEntry>& ranked,
    const std::function<FundingLine(size_t pool, const std::vector<RankEntry>& entries, Money budget)>& draw);

// Sorts `entries` by score (highest first) and the tie-break order, then draws the funding
// line within the call's budget by the set's policy. Ties are compared exactly.
FundingLine draw_funding_line(const CriteriaSet& set, std::vector<RankEntry> entries);

// True if `a` ranks before `b`: the higher score, then the set's tie-break order, then the
// earlier input position (so no two entries tie: any sort gives the same order).
bool ranks_before(const CriteriaSet& set, const RankEntry& a, const RankEntry& b);

// Places `entry` next on `line` (the rank after its last placement): funded if its amount fits
// in what is left of the budget and, with a strict policy, no entry above it failed to fit
// (`stopped` remembers that one did). The one rule of the funding line, for every way of
// drawing it.
void place_next(const CriteriaSet& set, FundingLine& line, const RankEntry& entry, bool& stopped);

// draw_funding_line() of entries already sorted by ranks_before(); with pools, each pool's
// line within its budget (draw_pool_lines).
FundingLine draw_ranked_funding_line(const CriteriaSet& set, const std::vector<RankEntry>& ranked);

} // namespace fundscreen::core
