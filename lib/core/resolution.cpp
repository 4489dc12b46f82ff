// SPDX-License-Identifier: Apache-2.0
#include "core/resolution.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

std::span<const FieldSpec> resolution_fields() {
  static const std::array<FieldSpec, 6> fields = {{
      {"application", FieldType::string, true, {}},
      {"decision", FieldType::enumeration, true, {"fund", "reserve", "reject"}},
      {"amount_eur", FieldType::money, false, {}},
      {"decided_on", FieldType::date, true, {}},
      {"decided_by", FieldType::string, true, {}},
      {"reason", FieldType::text, true, {}},
  }};
  return fields;
}

void Resolutions::add(Resolution r, util::Diagnostics& diagnostics) {
  if (const Resolution* first = find(r.application)) {
    diagnostics.error(r.application_where,
                      fmt::format("a second resolution of '{}' (the first is on line {}); one application has one "
                                  "resolution: keep the one that stands",
                                  r.application, first->where.line));
    return;
  }
  m_by_id.emplace(r.application, m_all.size());
  m_all.push_back(std::move(r));
}

const Resolution* Resolutions::find(std::string_view application) const {
  if (m_all.empty()) return nullptr;
  auto it = m_by_id.find(std::string(application));
  return it == m_by_id.end() ? nullptr : &m_all[it->second];
}

static bool is_id_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

bool names_id(std::string_view text, std::string_view id) {
  if (id.empty()) return false;
  for (size_t at = text.find(id); at != std::string_view::npos; at = text.find(id, at + 1)) {
    bool starts = at == 0 || !is_id_character(text[at - 1]);
    size_t end = at + id.size();
    bool ends = end == text.size() || !is_id_character(text[end]);
    if (starts && ends) return true;
  }
  return false;
}

void check_resolved_known(const Resolutions& resolutions, const IdRegistry& ids, util::Diagnostics& diagnostics) {
  for (const Resolution& r : resolutions.all()) {
    if (ids.contains(r.application)) continue;
    util::NearestWord nearest(r.application);
    ids.for_each([&](std::string_view id) { nearest.offer(id); });
    std::string hint = nearest.best();
    diagnostics.error(
        r.application_where,
        fmt::format("resolution of '{}', which is not among the applications; {}", r.application,
                    hint.empty() ? std::string("check the id") : fmt::format("did you mean '{}'?", hint)));
  }
}

// Warns of an agreed amount that reads as a slip of unit or digits: more than the amount
// applied for, or under a tenth of it (95 for 95 000: written in thousands).
static void check_agreed_amount(const Resolution& r, const Screened& s, util::Diagnostics& diagnostics) {
  Money agreed = *r.amount, applied = s.amount;
  if (applied.cents <= 0) return;
  if (agreed.cents > applied.cents)
    diagnostics.warning(r.amount_where,
                        fmt::format("the agreed amount {} for '{}' is more than the {} applied for; check the "
                                    "amount, which a negotiation rarely raises",
                                    to_string(agreed), r.application, to_string(applied)));
  else if (agreed.cents * 10 < applied.cents)
    diagnostics.warning(r.amount_where,
                        fmt::format("the agreed amount {} for '{}' is under a tenth of the {} applied for; if it "
                                    "is written in thousands, write it in euros ({})",
                                    to_string(agreed), r.application, to_string(applied),
                                    to_string(Money{agreed.cents * 1000})));
}

void check_resolutions(const Resolutions& resolutions, std::span<const Screened> screened, const IdRegistry& ids,
                       util::Diagnostics& diagnostics) {
  check_resolved_known(resolutions, ids, diagnostics);
  std::unordered_map<std::string_view, const Screened*> by_id;
  for (const Screened& s : screened) by_id.emplace(s.id, &s);
  for (const Resolution& r : resolutions.all()) {
    auto it = by_id.find(r.application);
    if (it == by_id.end()) continue;
    const Screened& s = *it->second;
    if (r.decision == Decision::fund && r.amount) check_agreed_amount(r, s, diagnostics);
    if (r.decision != Decision::fund || s.failed.empty()) continue;
    std::vector<std::string> unnamed;
    for (const std::string& c : s.failed)
      if (!names_id(r.reason, c)) unnamed.push_back(c);
    if (unnamed.empty()) continue;
    diagnostics.error(r.reason_where,
                      fmt::format("resolution funds '{}', which failed {} in the screening; the reason must name "
                                  "each failed criterion by its id ({}) and say why it does not bar funding",
                                  r.application, util::join(s.failed, ", "), util::join(unnamed, ", ")));
  }
}

namespace {

std::string money_with(Money money, const std::string& currency) {
  return currency.empty() ? to_string(money) : to_string(money) + " " + currency;
}

struct Placed {
  const Screened* screened = nullptr;
  const Resolution* resolution = nullptr;
  int rank = 0; // in the screening's line, 0 if it was not ranked
};

// In the order of the screening's ranks, then the unranked by id.
void order_placed(std::vector<Placed>& placed) {
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
    if ((a.rank > 0) != (b.rank > 0)) return a.rank > 0;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.screened->id < b.screened->id;
  });
}

} // namespace

// The rank of the next placement on `line`.
static int next_rank(const FundingLine& line) { return static_cast<int>(line.placements.size() + 1); }

// bind_resolutions() of one line; `pool` names its pool in messages, empty without pools.
static FundingLine bind_line(const CriteriaSet& set, const std::vector<RankEntry>& ranked, const FundingLine& screening,
                             const Resolutions& resolutions, std::span<const Screened> screened, std::string_view pool,
                             util::Diagnostics& diagnostics) {
  std::unordered_map<size_t, int> rank_of;
  for (const Placement& p : screening.placements) rank_of.emplace(p.index, p.rank);
  std::vector<Placed> funds, reserves;
  std::unordered_set<size_t> resolved;
  for (const Screened& s : screened) {
    const Resolution* r = resolutions.find(s.id);
    if (!r) continue;
    resolved.insert(s.index);
    auto rank = rank_of.find(s.index);
    Placed p{&s, r, rank == rank_of.end() ? 0 : rank->second};
    if (r->decision == Decision::fund) funds.push_back(p);
    if (r->decision == Decision::reserve) reserves.push_back(p);
  }
  order_placed(funds);
  order_placed(reserves);

  FundingLine line;
  line.budget = screening.budget;
  const Resolution* over = nullptr;
  for (const Placed& f : funds) {
    line.used.cents += f.resolution->amount.value_or(f.screened->amount).cents;
    if (!over && line.used.cents > line.budget.cents) over = f.resolution;
    line.placements.push_back({.index = static_cast<uint32_t>(f.screened->index),
                               .rank = next_rank(line),
                               .decision = Decision::fund,
                               .cumulative = line.used});
    ++line.funded;
  }
  if (over && !set.allow_overspend)
    diagnostics.error(over->amount ? over->amount_where : over->decision_where,
                      fmt::format("the resolutions fund {} of a budget of {}{}; lower an agreed amount, or allow "
                                  "it in the criteria set with funding: {{allow_overspend: true}}",
                                  money_with(line.used, set.call.currency), money_with(line.budget, set.call.currency),
                                  pool.empty() ? std::string() : fmt::format(" in pool '{}'", pool)));
  // The funding line over the others with what is left.
  bool stopped = false;
  for (const RankEntry& e : ranked)
    if (!resolved.count(e.index)) place_next(set, line, e, stopped);
  for (const Placed& r : reserves)
    line.placements.push_back({.index = static_cast<uint32_t>(r.screened->index),
                               .rank = next_rank(line),
                               .decision = Decision::reserve,
                               .cumulative = {}});
  return line;
}

FundingLine bind_resolutions(const CriteriaSet& set, const std::vector<RankEntry>& ranked, const FundingLine& screening,
                             const Resolutions& resolutions, std::span<const Screened> screened,
                             util::Diagnostics& diagnostics) {
  if (set.pools.empty()) return bind_line(set, ranked, screening, resolutions, screened, {}, diagnostics);
  return draw_pool_lines(set, ranked, [&](size_t p, const std::vector<RankEntry>& entries, Money budget) {
    FundingLine pool_screening;
    pool_screening.budget = budget;
    for (const Placement& placement : screening.placements)
      if (placement.pool == static_cast<int>(p)) pool_screening.placements.push_back(placement);
    std::vector<Screened> pool_screened;
    for (const Screened& s : screened)
      if (s.pool == static_cast<int>(p)) pool_screened.push_back(s);
    return bind_line(set, entries, pool_screening, resolutions, pool_screened, set.pools[p].id, diagnostics);
  });
}

} // namespace fundscreen::core
