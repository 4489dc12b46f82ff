// SPDX-License-Identifier: Apache-2.0
#include "core/pass_score.hpp"

#include <fmt/format.h>

namespace fundscreen::core {

std::optional<Verdict> verdict_from_score(const Criterion& c, int score_halves) {
  if (!c.pass_score) return std::nullopt;
  // Half points against thousandths, exactly: a half point is 500 thousandths.
  return int64_t{score_halves} * 500 >= c.pass_score->value ? Verdict::pass : Verdict::fail;
}

std::optional<CountedVerdict> counted_verdict(const Criterion& c, const Assessment& a) {
  if (a.verdict) return CountedVerdict{*a.verdict, false};
  if (!a.score_halves) return std::nullopt;
  if (auto derived = verdict_from_score(c, *a.score_halves)) return CountedVerdict{*derived, true};
  return std::nullopt;
}

// "the score 4, which passes criterion R4 (pass_score: 3)"
static std::string score_decides(const Criterion& c, int score_halves, Verdict derived) {
  return fmt::format("the score {}, which {} criterion {} (pass_score: {})", halves_text(score_halves),
                     derived == Verdict::pass ? "passes" : "fails", c.id, to_string(*c.pass_score));
}

bool check_verdict(const Criterion& c, const Assessment& a, util::Diagnostics& diagnostics) {
  if (!a.cells_read) return true; // what was written is reported where it was read
  std::optional<Verdict> derived = a.score_halves ? verdict_from_score(c, *a.score_halves) : std::nullopt;
  if (a.verdict && derived && *a.verdict == Verdict::unclear) {
    diagnostics.error(a.verdict_where,
                      fmt::format("verdict 'unclear' beside {}; leave the verdict empty to let the score decide, or "
                                  "the score empty if the reviewer could not judge",
                                  score_decides(c, *a.score_halves, *derived)));
    return false;
  }
  if (a.verdict && derived && *a.verdict != *derived) {
    diagnostics.error(a.verdict_where,
                      fmt::format("verdict '{}' contradicts {}; leave the verdict empty to let the score decide, or "
                                  "correct the score",
                                  verdict_name(*a.verdict), score_decides(c, *a.score_halves, *derived)));
    return false;
  }
  if (a.verdict || derived) return true;
  if (c.pass_score)
    diagnostics.error(a.score_where,
                      fmt::format("missing score: criterion {} derives the verdict from the score (pass_score: {}); "
                                  "give a score, or the verdict 'unclear' if the reviewer could not judge",
                                  c.id, to_string(*c.pass_score)));
  else
    diagnostics.error(a.verdict_where, fmt::format("missing verdict: criterion {} has no pass_score to derive it "
                                                   "from the score; give pass, fail or unclear",
                                                   c.id));
  return false;
}

} // namespace fundscreen::core
