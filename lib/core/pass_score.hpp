// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

// A score-only panel: a criterion with a pass_score takes its reviewers' verdicts from their
// scores. This is the one place that derives them; the assessments' reader checks what the
// reviewers wrote with check_verdict(), AssessmentIndex stores counted_verdict(), and the
// screener and the audit trail work on what it stored.

// The verdict a score of `score_halves` gives on criterion `c`: at or above its pass_score
// passes, below fails. Nothing if `c` has no pass_score.
std::optional<Verdict> verdict_from_score(const Criterion& c, int score_halves);

// The verdict that counts for one assessment, and whether its score gave it.
struct CountedVerdict {
  Verdict verdict = Verdict::unclear;
  // True if the reviewer wrote no verdict and the criterion's pass_score derived it.
  bool derived = false;
};

// The verdict of assessment `a` that counts on criterion `c`: the one the reviewer wrote, or
// else the one its score gives by c's pass_score. Nothing if it has neither.
std::optional<CountedVerdict> counted_verdict(const Criterion& c, const Assessment& a);

// Reports what is wrong with the verdict of `a` on `c` beside its score: a verdict the score
// contradicts, `unclear` beside a score that decides, and no verdict where the score cannot
// give one (no pass_score, or no score). False if it reported one; true too when a cell of
// `a` could not be read, which its reader reported.
bool check_verdict(const Criterion& c, const Assessment& a, util::Diagnostics& diagnostics);

} // namespace fundscreen::core
