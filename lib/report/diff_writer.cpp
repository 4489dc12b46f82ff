// SPDX-License-Identifier: Apache-2.0
#include "report/diff_writer.hpp"

#include <array>
#include <sstream>

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/json_out.hpp"
#include "report/money_text.hpp"
#include "report/xlsx_book.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

constexpr std::array<Decision, 5> k_decisions = {Decision::fund, Decision::reserve, Decision::clarify,
                                                 Decision::pending, Decision::reject};

std::string rank_text(int rank) { return rank > 0 ? std::to_string(rank) : "-"; }

std::string status_text(const std::optional<core::Status>& s) {
  return s ? std::string(core::status_name(*s)) : "(not in this version)";
}

std::string changed_ids(const core::DecisionShift& s) {
  std::vector<std::string> ids;
  for (const auto& c : s.criteria) ids.push_back(c.id);
  return util::join(ids, ";");
}

std::string currency(const DiffReport& d) { return d.new_set ? d.new_set->call.currency : ""; }

// ---- table and markdown share the wording; markdown escapes what came from inputs ------------

void write_table(const DiffReport& d, std::ostream& out) {
  const auto& dd = d.decisions;
  out << fmt::format("diff {} -> {}\n", printable(d.old_name), printable(d.new_name));
  out << fmt::format("\nThe criteria set: {}\n",
                     d.set_changes.empty() ? "no changes" : util::count_of(d.set_changes.size(), "change"));
  for (const auto& c : d.set_changes) {
    out << fmt::format("  {:<8} {}\n", core::change_kind_name(c.kind), c.what);
    if (!c.old_value.empty()) out << fmt::format("           - {}\n", printable(c.old_value));
    if (!c.new_value.empty()) out << fmt::format("           + {}\n", printable(c.new_value));
  }
  out << fmt::format("\nDecisions: {} of {} changed, {} changed rank only\n", dd.decisions_changed, dd.applications,
                     dd.changed.size() - dd.decisions_changed);
  for (const auto& s : dd.changed) {
    out << fmt::format("  {}  {} -> {}  rank {} -> {}\n", printable(s.id), core::decision_name(s.old_decision),
                       core::decision_name(s.new_decision), rank_text(s.old_rank), rank_text(s.new_rank));
    for (const auto& c : s.criteria) {
      out << fmt::format("      {}: {} -> {}\n", c.id, status_text(c.old_status), status_text(c.new_status));
      if (!c.new_reason.empty()) out << fmt::format("        now: {}\n", printable(c.new_reason));
      for (const auto& r : c.new_reads) out << fmt::format("          {}\n", printable(r));
    }
  }
  out << "\nOld decision (rows) by new decision (columns)\n";
  out << fmt::format("  {:<8}", "");
  for (Decision col : k_decisions) out << fmt::format("{:>8}", core::decision_name(col));
  out << '\n';
  for (Decision row : k_decisions) {
    out << fmt::format("  {:<8}", core::decision_name(row));
    for (Decision col : k_decisions)
      out << fmt::format("{:>8}", dd.matrix[static_cast<size_t>(row)][static_cast<size_t>(col)]);
    out << '\n';
  }
  out << fmt::format("\nFunding: {} of {} before, {} of {} after\n", money_text(dd.old_used, currency(d)),
                     money_text(dd.old_budget, currency(d)), money_text(dd.new_used, currency(d)),
                     money_text(dd.new_budget, currency(d)));
  out << fmt::format("  enter the funded set: {}\n",
                     dd.entered_funding.empty() ? "none" : printable(util::join(dd.entered_funding, ", ")));
  out << fmt::format("  leave the funded set: {}\n",
                     dd.left_funding.empty() ? "none" : printable(util::join(dd.left_funding, ", ")));
}

void write_markdown(const DiffReport& d, std::ostream& out) {
  const auto& dd = d.decisions;
  out << fmt::format("# Criteria diff: {} → {}\n\n", markdown_text(d.old_name), markdown_text(d.new_name));
  out << "## What changed in the set\n\n";
  if (d.set_changes.empty())
    out << "No changes.\n\n";
  else {
    out << "| change | what | old | new |\n| --- | --- | --- | --- |\n";
    for (const auto& c : d.set_changes)
      out << fmt::format("| {} | {} | {} | {} |\n", core::change_kind_name(c.kind), markdown_text(c.what),
                         markdown_text(c.old_value), markdown_text(c.new_value));
    out << '\n';
  }
  out << fmt::format("## What changed in the decisions\n\n{} of {} applications change decision.\n\n",
                     dd.decisions_changed, dd.applications);
  if (!dd.changed.empty()) {
    out << "| id | old | new | old rank | new rank | criteria |\n| --- | --- | --- | ---: | ---: | --- |\n";
    for (const auto& s : dd.changed)
      out << fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_text(s.id), core::decision_name(s.old_decision),
                         core::decision_name(s.new_decision), rank_text(s.old_rank), rank_text(s.new_rank),
                         markdown_text(changed_ids(s)));
    out << '\n';
  }
  out << fmt::format("Funding: {} before, {} after. Entering the funded set: {}. Leaving it: {}.\n",
                     money_text(dd.old_used, currency(d)), money_text(dd.new_used, currency(d)),
                     dd.entered_funding.empty() ? "none" : markdown_text(util::join(dd.entered_funding, ", ")),
                     dd.left_funding.empty() ? "none" : markdown_text(util::join(dd.left_funding, ", ")));
}

void write_csv(const DiffReport& d, std::ostream& out) {
  out << "id,old_decision,new_decision,old_rank,new_rank,changed_criteria\n";
  for (const auto& s : d.decisions.changed)
    out << fmt::format("{},{},{},{},{},{}\n", csv_cell(s.id), core::decision_name(s.old_decision),
                       core::decision_name(s.new_decision), s.old_rank > 0 ? std::to_string(s.old_rank) : "",
                       s.new_rank > 0 ? std::to_string(s.new_rank) : "", csv_cell(changed_ids(s)));
}

void json_rank(JsonOut& j, std::string_view key, int rank) {
  j.key(key);
  if (rank > 0)
    j.integer(rank);
  else
    j.null();
}

void json_status(JsonOut& j, std::string_view key, const std::optional<core::Status>& s) {
  j.key(key);
  if (s)
    j.string(core::status_name(*s));
  else
    j.null();
}

void write_json(const DiffReport& d, std::ostream& out) {
  const auto& dd = d.decisions;
  JsonOut j(out, JsonStyle::pretty);
  j.begin_object();
  j.field("old", d.old_name);
  j.field("new", d.new_name);
  j.key("set_changes");
  j.begin_array();
  for (const auto& c : d.set_changes) {
    j.begin_object();
    j.field("kind", core::change_kind_name(c.kind));
    j.field("what", c.what);
    j.field("old", c.old_value);
    j.field("new", c.new_value);
    j.end_object();
  }
  j.end_array();
  j.key("applications");
  j.integer(static_cast<int64_t>(dd.applications));
  j.key("decisions_changed");
  j.integer(static_cast<int64_t>(dd.decisions_changed));
  j.key("changed");
  j.begin_array();
  for (const auto& s : dd.changed) {
    j.begin_object();
    j.field("id", s.id);
    j.field("old_decision", core::decision_name(s.old_decision));
    j.field("new_decision", core::decision_name(s.new_decision));
    json_rank(j, "old_rank", s.old_rank);
    json_rank(j, "new_rank", s.new_rank);
    j.key("criteria");
    j.begin_array();
    for (const auto& c : s.criteria) {
      j.begin_object();
      j.field("id", c.id);
      json_status(j, "old", c.old_status);
      json_status(j, "new", c.new_status);
      j.field("old_reason", c.old_reason);
      j.field("new_reason", c.new_reason);
      write_strings(j, "old_reads", c.old_reads);
      write_strings(j, "new_reads", c.new_reads);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("matrix");
  j.begin_object();
  for (Decision row : k_decisions) {
    j.key(core::decision_name(row));
    j.begin_object();
    for (Decision col : k_decisions) {
      j.key(core::decision_name(col));
      j.integer(static_cast<int64_t>(dd.matrix[static_cast<size_t>(row)][static_cast<size_t>(col)]));
    }
    j.end_object();
  }
  j.end_object();
  j.key("funding");
  j.begin_object();
  j.field("old_used", core::to_string(dd.old_used));
  j.field("new_used", core::to_string(dd.new_used));
  write_strings(j, "entered", dd.entered_funding);
  write_strings(j, "left", dd.left_funding);
  j.end_object();
  j.end_object();
  j.end_line();
}

} // namespace

void write_diff(const DiffReport& diff, Format format, std::ostream& out) {
  switch (format) {
  case Format::csv: write_csv(diff, out); return;
  case Format::xlsx: // the csv's table as a sheet
    write_csv_as_xlsx(
        "changes", [&](std::ostream& csv) { write_csv(diff, csv); }, out);
    return;
  case Format::json: write_json(diff, out); return;
  case Format::markdown: write_markdown(diff, out); return;
  default: write_table(diff, out); return;
  }
}

} // namespace fundscreen::report
