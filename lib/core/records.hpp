// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "util/error.hpp"

namespace fundscreen::core {

// One application: its values by the criteria set's fields, and where it was read.
struct Application {
  std::vector<Value> values;
  util::Location where;
};

// A reviewer's verdict on one criterion.
enum class Verdict { pass, fail, unclear };

// The verdict's name as inputs and outputs write it.
std::string_view verdict_name(Verdict verdict);

// One reviewer's verdict on one criterion of one application.
struct Assessment {
  std::string application;
  std::string criterion;
  std::string reviewer;
  // The verdict as the reviewer wrote it, if they wrote one: on a criterion with a pass_score
  // the score alone gives it (core/pass_score.hpp).
  std::optional<Verdict> verdict;
  // The score in half points (0 to 10 for 0 to 5), if one was given.
  std::optional<int> score_halves;
  std::string note;
  // False if the verdict or the score was written but could not be read (and was reported
  // there): the two cannot be checked against each other.
  bool cells_read = true;
  util::Location where;
  util::Location application_where;
  util::Location criterion_where;
  util::Location reviewer_where;
  // The verdict's and the score's cells, or the row where the file has no such column or key.
  util::Location verdict_where;
  util::Location score_where;
};

// One funded project's report at the end of the funding: values by core::outcome_fields().
struct Outcome {
  std::vector<Value> values;
  util::Location where;
};

// A goal's target as written in an outcome report: a number, or a range such as `40–50` or
// `2-3`, which a result meets at its lower end. Nothing if it is neither.
std::optional<double> goal_target_floor(std::string_view text);

// The columns of a conflicts-of-interest file: a reviewer with an application id or an
// applicant's name (or both).
std::span<const FieldSpec> conflict_fields();

// Whether an assessments file needs a verdict in every row, or (when a criterion of the set
// derives verdicts from scores by a pass_score) the verdicts are checked per criterion.
enum class VerdictColumn { required, optional };

// The columns of an assessments file.
std::span<const FieldSpec> assessment_fields(VerdictColumn verdict = VerdictColumn::required);

// The columns of a call's roster of reviewers: an id, a name and, optionally, the criteria
// the reviewer assesses.
std::span<const FieldSpec> roster_fields();

// The scale of the reviewers' scores, in half points: 0 to 10 for the usual 0 to 5.
struct ScoreScale {
  int min_halves = 0;
  int max_halves = 10;
  bool operator==(const ScoreScale&) const = default;
};

// The scale as a criteria set writes it: "0 to 5", "1 to 4.5".
std::string to_string(ScoreScale scale);

// A score of `halves` half points as people write it: 7 -> "3.5", 8 -> "4".
std::string halves_text(int halves);

// A score as half points, or nothing (with `why`) if it is outside `scale` or not a half point.
std::optional<int> score_to_halves(double score, std::string_view text, ScoreScale scale, std::string& why);

} // namespace fundscreen::core
