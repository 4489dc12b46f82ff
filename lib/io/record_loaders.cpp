// SPDX-License-Identifier: Apache-2.0
#include "io/record_loaders.hpp"

#include <fmt/format.h>

#include "core/funding.hpp"

namespace fundscreen::io {

TableOptions table_options(const InputOptions& options, std::string record, std::string key) {
  TableOptions t;
  t.csv = options.csv;
  t.doubts = options.doubts;
  t.sheet = options.sheet;
  t.record_name = std::move(record);
  t.yaml_key = std::move(key);
  return t;
}

// Where cell `index` of `row` is, or the row where the file has no such column or key.
static util::Location cell_or_row(const TypedRow& row, size_t index) {
  return row.cells[index].line > 0 ? row.cells[index] : row.where;
}

void read_applications(const std::string& path, const core::CriteriaSet& set, const InputOptions& options,
                       util::Diagnostics& diagnostics, const std::function<void(core::Application&&)>& sink,
                       Sha256* digest) {
  // The row's values are lent to the application and taken back, so that the reader reuses
  // their memory for the next row (unless the sink keeps them).
  core::Application app;
  TableOptions table = table_options(options, "application", "applications");
  table.columns = Columns::all;
  int pool = set.pools.empty() ? -1 : set.field_index(set.pool_field);
  read_table_file(
      path, set.fields, table, diagnostics,
      [&](TypedRow&& row) {
        if (pool >= 0 && !row.was_reported(static_cast<size_t>(pool)))
          if (auto problem = core::pool_problem(set, row.values[static_cast<size_t>(pool)]))
            diagnostics.error(cell_or_row(row, static_cast<size_t>(pool)), *problem);
        app.values.swap(row.values);
        app.where = row.where;
        sink(std::move(app));
        // A sink that kept the values left a valid, empty vector; the reader sizes each row anew.
        app.values.swap(row.values); // NOLINT(bugprone-use-after-move)
      },
      digest);
}

static std::string text_of(const core::Value& v) {
  const std::string* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}

void read_assessments(const std::string& path, const InputOptions& options, const core::CriteriaSet& set,
                      util::Diagnostics& diagnostics, const std::function<void(core::Assessment&&)>& sink,
                      Sha256* digest) {
  // A set whose criteria all take verdicts needs the column (and a value in every row), as
  // it always did; with a pass_score the verdicts are checked per criterion (check_verdict).
  auto verdict = set.has_pass_score() ? core::VerdictColumn::optional : core::VerdictColumn::required;
  read_table_file(
      path, core::assessment_fields(verdict), table_options(options, "assessment", "assessments"), diagnostics,
      [&](TypedRow&& row) {
        core::Assessment a;
        a.application = text_of(row.values[0]);
        a.criterion = text_of(row.values[1]);
        a.reviewer = text_of(row.values[2]);
        std::string written = text_of(row.values[3]);
        if (!written.empty())
          a.verdict = written == "pass" ? core::Verdict::pass
                                        : (written == "fail" ? core::Verdict::fail : core::Verdict::unclear);
        a.note = text_of(row.values[5]);
        a.cells_read = !row.was_reported(3) && !row.was_reported(4);
        a.where = row.where;
        a.application_where = row.cells[0];
        a.criterion_where = row.cells[1];
        a.reviewer_where = row.cells[2];
        a.verdict_where = cell_or_row(row, 3);
        a.score_where = cell_or_row(row, 4);
        if (const double* score = std::get_if<double>(&row.values[4])) {
          std::string why;
          a.score_halves = core::score_to_halves(*score, fmt::format("{}", *score), set.reviews.scale, why);
          if (!a.score_halves) {
            diagnostics.error(row.cells[4], why);
            a.cells_read = false;
          }
        }
        // A row without its keys cannot be checked further.
        if (!a.application.empty() && !a.criterion.empty()) sink(std::move(a));
      },
      digest);
}

size_t load_assessments(const std::string& path, const InputOptions& options, const core::CriteriaSet& set,
                        const core::Roster* roster, core::AssessmentIndex& index, util::Diagnostics& diagnostics,
                        Sha256* digest) {
  size_t rows = 0;
  read_assessments(
      path, options, set, diagnostics,
      [&](core::Assessment&& a) {
        ++rows;
        index.count_reviewer(a);
        if (roster) core::check_reviewer(*roster, a, diagnostics);
        if (core::check_assessment(set, a, diagnostics)) index.add(a);
      },
      digest);
  return rows;
}

std::optional<core::Roster> read_roster(const std::string& path, const InputOptions& options,
                                        const core::CriteriaSet& set, util::Diagnostics& diagnostics, Sha256* digest) {
  util::Diagnostics read;
  std::vector<core::RosterReviewer> rows;
  read_table_file(
      path, core::roster_fields(), table_options(options, "reviewer", "reviewers"), read,
      [&](TypedRow&& row) {
        core::RosterReviewer& r = rows.emplace_back();
        r.id = text_of(row.values[0]);
        r.name = text_of(row.values[1]);
        if (auto* criteria = std::get_if<core::StringList>(&row.values[2])) r.criteria = std::move(*criteria);
        r.where = row.cells[0];
        r.criteria_where = row.cells[2];
      },
      digest);
  bool whole = read.errors() == 0;
  for (const auto& d : read.items()) diagnostics.add(d);
  core::Roster roster(path);
  for (core::RosterReviewer& r : rows)
    if (!r.id.empty()) roster.add(std::move(r), diagnostics);
  roster.check(set, diagnostics);
  if (!whole) return std::nullopt;
  return roster;
}

std::vector<core::Outcome> read_outcomes(const std::string& path, const InputOptions& options,
                                         util::Diagnostics& diagnostics, Sha256* digest) {
  std::vector<core::Outcome> outcomes;
  read_table_file(
      path, core::outcome_fields(), table_options(options, "outcome report", "outcomes"), diagnostics,
      [&](TypedRow&& row) {
        if (!core::is_missing(row.values[0]))
          outcomes.push_back(core::Outcome{std::move(row.values), std::move(row.where)});
      },
      digest);
  return outcomes;
}

std::vector<core::Conflict> read_conflicts(const std::string& path, const InputOptions& options,
                                           util::Diagnostics& diagnostics, Sha256* digest) {
  std::vector<core::Conflict> conflicts;
  read_table_file(
      path, core::conflict_fields(), table_options(options, "conflict", "conflicts"), diagnostics,
      [&](TypedRow&& row) {
        core::Conflict c(text_of(row.values[0]), text_of(row.values[1]), text_of(row.values[2]));
        c.where = row.where;
        c.reviewer_where = row.cells[0];
        c.application_where = row.cells[1];
        c.applicant_where = row.cells[2];
        if (c.application.empty() && c.applicant.empty())
          diagnostics.error(row.where, "a conflict names an application or an applicant (or both)");
        else if (!c.reviewer.empty())
          conflicts.push_back(std::move(c));
      },
      digest);
  return conflicts;
}

void report_conflicts(core::ConflictCheck& check, const core::IdRegistry& ids, const std::vector<std::string>& paths,
                      const core::CriteriaSet& set, const InputOptions& options, util::Diagnostics& diagnostics) {
  if (check.applicant_missing()) {
    util::Diagnostics ignored; // the applications' own problems were reported when first read
    for (const std::string& path : paths)
      if (path != "-")
        read_applications(path, set, options, ignored, [&](core::Application&& app) { check.offer(app); });
  }
  check.report(ids, diagnostics);
}

void report_similar_reviewers(const core::AssessmentIndex& assessments, const core::Roster* roster,
                              const InputOptions& options, util::Diagnostics& diagnostics) {
  if (roster) return;
  auto severity = options.doubts == Doubts::reject ? util::Severity::error : util::Severity::warning;
  core::check_similar_reviewers(assessments, severity, diagnostics);
}

} // namespace fundscreen::io
