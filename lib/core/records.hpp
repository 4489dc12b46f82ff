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
  Verdict verdict = Verdict::unclear;
  // The score in half points (0 to 10 for 0 to 5), if one was given.
  std::optional<int> score_halves;
  std::string note;
  util::Location where;
  util::Location application_where;
  util::Location criterion_where;
  util::Location reviewer_where;
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

// The columns of an assessments file.
std::span<const FieldSpec> assessment_fields();

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

// A score as half points, or nothing (with `why`) if it is outside `scale` or not a half point.
std::optional<int> score_to_halves(double score, std::string_view text, ScoreScale scale, std::string& why);

} // namespace fundscreen::core
