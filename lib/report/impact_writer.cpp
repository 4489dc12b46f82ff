// SPDX-License-Identifier: Apache-2.0
#include "report/impact_writer.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "report/colour.hpp"
#include "report/escape.hpp"
#include "report/json_out.hpp"
#include "report/xlsx_book.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::ImpactResult;

// A share as a percentage: 0.5 → "50%", 0.333 → "33.3%".
std::string percent(core::Thousandths share) { return core::to_string(core::Thousandths{share.value * 100}) + "%"; }

std::string thresholds_text(const core::LightThresholds& t) {
  return fmt::format("green: every known result held; yellow: some failed; red: more than {} of the known "
                     "results failed, fewer than {} known, or more than {} unknown",
                     percent(t.red_failed_share), t.min_known, percent(t.max_unknown_share));
}

std::string projects_text(const ImpactReport& r) {
  size_t n = r.assessment->projects;
  return r.screened ? fmt::format("the {} the screening funds", util::count_of(n, "project"))
                    : fmt::format("{}, every one reported (no screening given)", util::count_of(n, "project"));
}

// What an indicator read, or why its result is unknown.
std::string evidence(const core::ProjectResult& p) {
  if (p.result == ImpactResult::unknown) return p.reason;
  std::vector<std::string> reads;
  for (const core::RuleRead& read : p.reads) reads.push_back(read.path + " = " + core::to_display(read.value_read()));
  return util::join(reads, ", ");
}

std::string pad(std::string_view text, size_t width) {
  size_t length = util::utf8_length(text);
  return std::string(text) + std::string(width > length ? width - length : 0, ' ');
}

// ---- table --------------------------------------------------------------------------------

void write_table(const ImpactReport& r, std::ostream& out, Color color) {
  const core::CriteriaSet& set = *r.set;
  const core::ImpactAssessment& a = *r.assessment;
  out << fmt::format("{} version {} · {} · impact over {}\n", printable(set.id), printable(set.version),
                     printable(set.call.name), projects_text(r));
  out << fmt::format("lights: {}\n", thresholds_text(set.lights));

  size_t impact_width = 6, criteria_width = 8;
  for (const auto& f : a.impacts) {
    impact_width = std::max(impact_width, util::utf8_length(f.impact->id));
    criteria_width = std::max(criteria_width, util::utf8_length(util::join(f.criteria, " ")));
  }
  out << "\nImpacts\n";
  out << fmt::format("{}  {}  {:>4}  {:>6}  {:>7}  light\n", pad("impact", impact_width),
                     pad("criteria", criteria_width), "held", "failed", "unknown");
  for (const auto& f : a.impacts) {
    out << fmt::format("{}  {}  {:>4}  {:>6}  {:>7}  {}  {}\n", pad(printable(f.impact->id), impact_width),
                       pad(printable(util::join(f.criteria, " ")), criteria_width), f.counts.held, f.counts.failed,
                       f.counts.unknown, paint(f.light.light, pad(core::light_name(f.light.light), 6), color),
                       f.light.reason);
    for (const auto& p : f.results) {
      if (p.result == ImpactResult::held) continue;
      out << fmt::format("    {:<8} {}: {}\n", core::impact_result_name(p.result), printable(p.application),
                         printable(evidence(p)));
      if (!p.note.empty()) out << fmt::format("             note: {}\n", printable(p.note));
    }
  }

  size_t id_width = 9, impacts_width = 7;
  for (const auto& c : a.criteria) {
    id_width = std::max(id_width, util::utf8_length(c.criterion->id));
    impacts_width = std::max(impacts_width, util::utf8_length(util::join(c.impacts, " ")));
  }
  out << "\nCriteria\n";
  out << fmt::format("{}  {}  {:>4}  {:>6}  {:>7}  light\n", pad("criterion", id_width), pad("impacts", impacts_width),
                     "held", "failed", "unknown");
  for (const auto& c : a.criteria) {
    out << fmt::format("{}  {}  {:>4}  {:>6}  {:>7}  {}  {}\n", pad(printable(c.criterion->id), id_width),
                       pad(printable(util::join(c.impacts, " ")), impacts_width), c.counts.held, c.counts.failed,
                       c.counts.unknown, paint(c.light.light, pad(core::light_name(c.light.light), 6), color),
                       c.light.reason);
    if (!c.failed_in.empty()) out << fmt::format("    failed in {}\n", printable(util::join(c.failed_in, ", ")));
    if (!c.unknown_in.empty()) out << fmt::format("    unknown in {}\n", printable(util::join(c.unknown_in, ", ")));
  }
}

// ---- markdown -----------------------------------------------------------------------------

void write_markdown(const ImpactReport& r, std::ostream& out) {
  const core::CriteriaSet& set = *r.set;
  const core::ImpactAssessment& a = *r.assessment;
  out << fmt::format("# Impact: {} version {}\n\n", markdown_text(set.id), markdown_text(set.version));
  out << fmt::format("{}: {}. Lights — {}.\n\n", markdown_text(set.call.name), projects_text(r),
                     thresholds_text(set.lights));
  out << "## Impacts\n\n";
  out << "| impact | criteria | held | failed | unknown | light | why |\n";
  out << "| --- | --- | ---: | ---: | ---: | --- | --- |\n";
  for (const auto& f : a.impacts)
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", markdown_text(f.impact->id),
                       markdown_text(util::join(f.criteria, ", ")), f.counts.held, f.counts.failed, f.counts.unknown,
                       core::light_name(f.light.light), f.light.reason);
  bool any = false;
  for (const auto& f : a.impacts)
    for (const auto& p : f.results) {
      if (p.result == ImpactResult::held) continue;
      if (!any) out << "\n### Where an impact failed or is unknown\n\n";
      any = true;
      out << fmt::format("- **{}** {} in {}: {}", markdown_text(f.impact->id), core::impact_result_name(p.result),
                         markdown_text(p.application), markdown_text(evidence(p)));
      if (!p.note.empty()) out << fmt::format(" — note: {}", markdown_text(p.note));
      out << '\n';
    }
  out << "\n## Criteria\n\n";
  out << "| criterion | title | impacts | held | failed | unknown | light | failed in |\n";
  out << "| --- | --- | --- | ---: | ---: | ---: | --- | --- |\n";
  for (const auto& c : a.criteria)
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_text(c.criterion->id),
                       markdown_text(c.criterion->title.in(r.lang)), markdown_text(util::join(c.impacts, ", ")),
                       c.counts.held, c.counts.failed, c.counts.unknown, core::light_name(c.light.light),
                       markdown_text(util::join(c.failed_in, ", ")));
}

// ---- csv ----------------------------------------------------------------------------------

void write_csv(const ImpactReport& r, std::ostream& out) {
  out << "impact,criteria,held,failed,unknown,light,reason,failed_in,unknown_in\n";
  for (const auto& f : r.assessment->impacts) {
    std::vector<std::string> failed, unknown;
    for (const auto& p : f.results) {
      if (p.result == ImpactResult::failed) failed.push_back(p.application);
      if (p.result == ImpactResult::unknown) unknown.push_back(p.application);
    }
    out << fmt::format("{},{},{},{},{},{},{},{},{}\n", csv_cell(f.impact->id), csv_cell(util::join(f.criteria, ";")),
                       f.counts.held, f.counts.failed, f.counts.unknown, core::light_name(f.light.light),
                       csv_cell(f.light.reason), csv_cell(util::join(failed, ";")), csv_cell(util::join(unknown, ";")));
  }
}

// ---- json ---------------------------------------------------------------------------------

void json_counts(JsonOut& j, const core::ImpactCounts& t, const core::LightVerdict& light) {
  j.key("held");
  j.integer(static_cast<int64_t>(t.held));
  j.key("failed");
  j.integer(static_cast<int64_t>(t.failed));
  j.key("unknown");
  j.integer(static_cast<int64_t>(t.unknown));
  j.field("light", core::light_name(light.light));
  j.field("light_reason", light.reason);
}

void json_result(JsonOut& j, const core::ProjectResult& p) {
  j.begin_object();
  j.field("application", p.application);
  j.field("result", core::impact_result_name(p.result));
  j.field("reason", p.reason);
  write_reads(j, p.reads);
  j.field("note", p.note);
  j.end_object();
}

void json_run(JsonOut& j, const ImpactReport& r) {
  const core::CriteriaSet& set = *r.set;
  j.key("run");
  j.begin_object();
  j.field("fundscreen", r.tool_version);
  j.key("criteria");
  j.begin_object();
  j.field("id", set.id);
  j.field("version", set.version);
  j.field("path", r.criteria_path);
  j.field("sha256", r.criteria_sha256);
  j.end_object();
  write_inputs(j, r.inputs);
  j.key("screened");
  j.boolean(r.screened);
  j.key("projects");
  j.integer(static_cast<int64_t>(r.assessment->projects));
  j.key("lights");
  j.begin_object();
  j.key("red_failed_share");
  j.number(core::to_string(set.lights.red_failed_share));
  j.key("min_known");
  j.integer(set.lights.min_known);
  j.key("max_unknown_share");
  j.number(core::to_string(set.lights.max_unknown_share));
  j.end_object();
  j.end_object();
}

void write_json(const ImpactReport& r, std::ostream& out) {
  JsonOut j(out, JsonStyle::pretty);
  j.begin_object();
  json_run(j, r);
  j.key("impacts");
  j.begin_array();
  for (const auto& f : r.assessment->impacts) {
    j.begin_object();
    j.field("id", f.impact->id);
    j.field("description", f.impact->description);
    j.field("indicator", f.impact->indicator ? f.impact->indicator->text() : "");
    write_strings(j, "criteria", f.criteria);
    json_counts(j, f.counts, f.light);
    j.key("results");
    j.begin_array();
    for (const auto& p : f.results) json_result(j, p);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("criteria");
  j.begin_array();
  for (const auto& c : r.assessment->criteria) {
    j.begin_object();
    j.field("id", c.criterion->id);
    j.field("title", c.criterion->title.in(r.lang));
    write_strings(j, "impacts", c.impacts);
    json_counts(j, c.counts, c.light);
    write_strings(j, "failed_in", c.failed_in);
    write_strings(j, "unknown_in", c.unknown_in);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  out << '\n';
}

} // namespace

void write_impact(const ImpactReport& report, Format format, std::ostream& out, WriterOptions options) {
  switch (format) {
  case Format::csv: write_csv(report, out); return;
  case Format::xlsx: // the csv's table as a sheet
    write_csv_as_xlsx(
        "impact", [&](std::ostream& csv) { write_csv(report, csv); }, out);
    return;
  case Format::json: write_json(report, out); return;
  case Format::markdown: write_markdown(report, out); return;
  default: write_table(report, out, options.color); return;
  }
}

} // namespace fundscreen::report
