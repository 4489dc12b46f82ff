// SPDX-License-Identifier: Apache-2.0
// `jsonl`: the audit trail as a normalised stream. The `run` line holds what every
// application shares (the criteria's definitions: titles, kinds, rule texts, weights); each
// `application` line holds only what is particular to one application. Merging the two
// gives back `json`'s application objects exactly; README.md ("The jsonl stream") says how.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/run_info.hpp"

namespace fundscreen::report {

// A line being appended to a string (jsonl_lines.cpp).
class LineOut;

// The lines of one run's `jsonl`, with what they share computed once. Thread-safe once
// constructed: append_application() only reads this object and its arguments, so worker
// threads may format the lines of different applications side by side.
class JsonlLines {
public:
  // The lines of the run `info`; `info.set` must outlive this object.
  explicit JsonlLines(const core::RunInfo& info);

  // Appends the `run` line, with the criteria's definitions, and its line end to `out`.
  void append_run(std::string& out) const;

  // Appends the `application` line of `view` (which needs `view.assessed`) and its line end
  // to `out`.
  void append_application(std::string& out, const core::ApplicationView& view) const;

private:
  // What every application line writes the same for one criterion.
  struct CriterionLine {
    // `{"id":"X1","status":"pass"`, by status.
    std::array<std::string, 4> open;
    core::CriterionKind kind = core::CriterionKind::rule;
    // Whether the set has a rule for it that the screening evaluates.
    bool has_rule = false;
    // Each path the rule may read, with its key in `reads`: `"app.stage":`.
    std::vector<std::pair<std::string, std::string>> read_keys;
  };

  static CriterionLine criterion_line(const core::Criterion& c);
  // The key of the value `read` in a `reads` object, with its colon.
  static void append_read_key(LineOut& out, const CriterionLine& line, const core::RuleRead& read);
  // Appends the criterion `result`, the set's criterion number `index`.
  void append_criterion(LineOut& out, const core::CriterionResult& result, size_t index) const;
  // The application's field `field` as a JSON string, or null when missing or empty.
  void append_display_field(LineOut& out, const core::Application& app, int field) const;

  core::RunInfo m_info;
  i18n::Lang m_lang = i18n::Lang::en; // of m_info.lang, in which the screening worded its reasons
  std::vector<CriterionLine> m_criteria;
  int m_applicant_field = -1;
  int m_title_field = -1;
};

} // namespace fundscreen::report
