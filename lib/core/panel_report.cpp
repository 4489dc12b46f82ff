// SPDX-License-Identifier: Apache-2.0
#include "core/panel_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

namespace fundscreen::core {

namespace {

__extension__ using Wide = __int128;

Wide abs_wide(Wide v) { return v < 0 ? -v : v; }

Wide gcd_wide(Wide a, Wide b) {
  a = abs_wide(a);
  b = abs_wide(b);
  while (b != 0) {
    Wide t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// a * b, or false if it does not fit.
bool mul(Wide a, Wide b, Wide& out) { return !__builtin_mul_overflow(a, b, &out); }
bool add(Wide a, Wide b, Wide& out) { return !__builtin_add_overflow(a, b, &out); }

// p / q (q > 0) rounded to an integer, half away from zero.
int64_t round_half_away(Wide p, Wide q) {
  Wide whole = abs_wide(p) / q;
  Wide rest = abs_wide(p) % q;
  if (2 * rest >= q) ++whole;
  return static_cast<int64_t>(p < 0 ? -whole : whole);
}

} // namespace

void AlphaTally::add_unit(std::span<const int> halves) {
  auto m = static_cast<int64_t>(halves.size());
  if (m < 2) return;
  Wide sum = 0, squares = 0;
  for (int v : halves) {
    sum += v;
    squares += Wide{v} * v;
  }
  Wide within = m * squares - sum * sum;
  auto it = std::lower_bound(m_within.begin(), m_within.end(), m,
                             [](const std::pair<int64_t, Wide>& e, int64_t size) { return e.first < size; });
  if (it == m_within.end() || it->first != m) it = m_within.insert(it, {m, 0});
  it->second += within;
  m_values += m;
  m_pairs += m * (m - 1) / 2;
  m_sum += sum;
  m_squares += squares;
}

AlphaTally::Result AlphaTally::result() const {
  Result r;
  r.values = static_cast<size_t>(m_values);
  r.pairs = static_cast<size_t>(m_pairs);
  if (m_values == 0) {
    r.undefined = "no pairable values";
    return r;
  }
  // D_e's numerator over 2: n * sum(v^2) - (sum v)^2; zero when every value is the same.
  Wide expected = m_values * m_squares - m_sum * m_sum;
  if (expected == 0) {
    r.undefined = "no variance";
    return r;
  }
  // D_o / D_e = (n - 1) * P / (Q * expected), P / Q = sum over m of within_m / (m - 1).
  Wide p = 0, q = 1;
  bool exact = true;
  for (const auto& [m, within] : m_within) {
    Wide pm, qm, wq;
    exact = exact && mul(p, m - 1, pm) && mul(within, q, wq) && add(pm, wq, p) && mul(q, m - 1, qm);
    if (!exact) break;
    q = qm;
    Wide g = gcd_wide(p, q);
    if (g > 1) {
      p /= g;
      q /= g;
    }
  }
  Wide denominator, observed, numerator, scaled;
  exact = exact && mul(q, expected, denominator) && mul(p, m_values - 1, observed) &&
          !__builtin_sub_overflow(denominator, observed, &numerator) && mul(numerator, 1000, scaled);
  if (exact) {
    r.thousandths = round_half_away(scaled, denominator);
    return r;
  }
  // Beyond 128 bits (a panel of very many sizes of units): in long double.
  long double ratio = 0;
  for (const auto& [m, within] : m_within) ratio += static_cast<long double>(within) / static_cast<long double>(m - 1);
  ratio *= static_cast<long double>(m_values - 1) / static_cast<long double>(expected);
  r.thousandths = static_cast<int64_t>(std::llround((1.0L - ratio) * 1000.0L));
  return r;
}

std::string thousandths_text(int64_t thousandths) {
  int64_t whole = std::abs(thousandths);
  return fmt::format("{}{}.{:03}", thousandths < 0 ? "-" : "", whole / 1000, whole % 1000);
}

PanelTally::PanelTally(const CriteriaSet& set, const Roster* roster, const ConflictIndex* conflicts)
    : m_set(set), m_roster(roster), m_conflicts(conflicts) {
  for (size_t i = 0; i < set.criteria.size(); ++i)
    if (set.criteria[i].kind != CriterionKind::rule) {
      m_judged.push_back(i);
      m_report.criteria.push_back({&set.criteria[i], {}, {}});
    }
  m_alpha.resize(m_judged.size());
  m_report.roster = roster != nullptr;
  if (roster)
    for (const RosterReviewer& r : roster->reviewers()) {
      ReviewerLoad& load = load_of(r.id);
      load.on_roster = true;
      load.assigned = 0;
      load.owed = 0;
      load.unassigned = 0; // assessments given on assigned pairs, until finish()
    }
  if (conflicts)
    for (const Conflict& c : conflicts->conflicts()) ++load_of(c.reviewer).conflicts;
}

ReviewerLoad& PanelTally::load_of(const std::string& reviewer) {
  auto [it, added] = m_load_index.emplace(reviewer, m_report.reviewers.size());
  if (added) m_report.reviewers.emplace_back().reviewer = reviewer;
  return m_report.reviewers[it->second];
}

void PanelTally::add(const Assessed& assessed, const std::string& applicant) {
  ++m_report.applications;
  bool judged = std::none_of(assessed.criteria.begin(), assessed.criteria.end(),
                             [](const CriterionResult& r) { return r.rule && r.rule_status == Status::fail; });
  if (judged) ++m_report.judged_applications;
  std::vector<int> scores;
  for (size_t j = 0; j < m_judged.size(); ++j) {
    const CriterionResult& result = assessed.criteria[m_judged[j]];
    ScoreSpread spread;
    spread.application = assessed.id;
    scores.clear();
    for (const Review& review : result.reviews) {
      ++load_of(review.reviewer).done;
      if (!review.left_out.empty()) continue;
      if (review.verdict == Verdict::pass) ++spread.pass;
      if (review.verdict == Verdict::fail) ++spread.fail;
      if (review.score_halves) scores.push_back(*review.score_halves);
    }
    m_alpha[j].add_unit(scores);
    if (!scores.empty()) {
      auto [low, high] = std::minmax_element(scores.begin(), scores.end());
      spread.scores = scores.size();
      spread.min_halves = *low;
      spread.max_halves = *high;
    }
    if (spread.scores > 0 || spread.pass + spread.fail > 0 || !result.reviews.empty())
      m_report.criteria[j].applications.push_back(std::move(spread));
  }
  if (!m_roster || !judged) return;
  for (const RosterReviewer& r : m_roster->reviewers()) {
    if (m_conflicts && m_conflicts->excludes(r.id, assessed.id, applicant)) continue;
    ReviewerLoad& load = m_report.reviewers[m_load_index.at(r.id)];
    OwedAssessment owed;
    owed.application = assessed.id;
    for (size_t index : m_judged) {
      const Criterion& c = m_set.criteria[index];
      if (!r.criteria.empty() && std::find(r.criteria.begin(), r.criteria.end(), c.id) == r.criteria.end()) continue;
      ++*load.assigned;
      const auto& reviews = assessed.criteria[index].reviews;
      bool given = std::any_of(reviews.begin(), reviews.end(), [&](const Review& v) { return v.reviewer == r.id; });
      if (given)
        ++*load.unassigned;
      else
        owed.criteria.push_back(c.id);
    }
    if (owed.criteria.empty()) continue;
    *load.owed += owed.criteria.size();
    load.owed_by_application.push_back(std::move(owed));
  }
}

PanelReport PanelTally::finish(std::span<const std::string> reviewer_order) const {
  PanelReport report = m_report;
  for (size_t j = 0; j < m_alpha.size(); ++j) report.criteria[j].alpha = m_alpha[j].result();
  for (ReviewerLoad& load : report.reviewers)
    if (load.unassigned) load.unassigned = load.done - *load.unassigned;
  // Roster first (they were added first), then by reviewer_order, then as met.
  size_t on_roster = m_roster ? m_roster->reviewers().size() : 0;
  auto rank = [&](const ReviewerLoad& load) {
    auto it = std::find(reviewer_order.begin(), reviewer_order.end(), load.reviewer);
    return it - reviewer_order.begin();
  };
  std::stable_sort(report.reviewers.begin() + static_cast<std::ptrdiff_t>(on_roster), report.reviewers.end(),
                   [&](const ReviewerLoad& a, const ReviewerLoad& b) { return rank(a) < rank(b); });
  return report;
}

} // namespace fundscreen::core
