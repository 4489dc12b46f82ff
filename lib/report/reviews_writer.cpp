// SPDX-License-Identifier: Apache-2.0
#include "report/reviews_writer.hpp"

#include <algorithm>
#include <sstream>

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/json_out.hpp"
#include "report/xlsx_book.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::CriterionAgreement;
using core::ReviewerLoad;
using core::ScoreSpread;

// Spreads of at least this many half points (two points) are listed in the table and markdown.
constexpr int k_listed_spread = 4;

std::string alpha_text(const core::AlphaTally::Result& a) {
  return a.thousandths ? core::thousandths_text(*a.thousandths) : "undefined (" + a.undefined + ")";
}

std::string optional_count(const std::optional<size_t>& n) { return n ? fmt::format("{}", *n) : "?"; }

std::string spread_text(const ScoreSpread& s) {
  if (s.scores == 0) return "no score";
  return s.min_halves == s.max_halves ? core::halves_text(s.min_halves)
                                      : core::halves_text(s.min_halves) + "–" + core::halves_text(s.max_halves);
}

size_t spread_count(const CriterionAgreement& c) {
  return static_cast<size_t>(std::count_if(c.applications.begin(), c.applications.end(), [](const ScoreSpread& s) {
    return s.scores > 0 && s.max_halves - s.min_halves >= k_listed_spread;
  }));
}

size_t disagree_count(const CriterionAgreement& c) {
  return static_cast<size_t>(
      std::count_if(c.applications.begin(), c.applications.end(), [](const ScoreSpread& s) { return s.disagree(); }));
}

// The applications whose scores spread by k_listed_spread or more, widest first, then in input order.
std::vector<const ScoreSpread*> wide_spreads(const CriterionAgreement& c) {
  std::vector<const ScoreSpread*> wide;
  for (const ScoreSpread& s : c.applications)
    if (s.scores > 0 && s.max_halves - s.min_halves >= k_listed_spread) wide.push_back(&s);
  std::stable_sort(wide.begin(), wide.end(), [](const ScoreSpread* a, const ScoreSpread* b) {
    return a->max_halves - a->min_halves > b->max_halves - b->min_halves;
  });
  return wide;
}

// "101 applications, 62 need the reviewers' judgement (39 failed a rule)".
std::string applications_text(const core::PanelReport& p) {
  return fmt::format("{}, {} the reviewers' judgement ({} failed a rule)",
                     util::count_of(p.applications, "application"),
                     p.judged_applications == 1 ? "1 needs" : fmt::format("{} need", p.judged_applications),
                     p.applications - p.judged_applications);
}

// What the roster assigns; `gap` separates the two halves of the sentence (a line break in the table).
std::string roster_text(const core::PanelReport& p, size_t on_roster, std::string_view gap) {
  if (!p.roster) return "no roster (--reviewers): assigned and owed assessments are unknown";
  return fmt::format("roster of {}: each is assigned their criteria on every application that needs{}judgement, "
                     "less those of their declared conflicts",
                     util::count_of(on_roster, "reviewer"), gap);
}

size_t roster_size(const core::PanelReport& p) {
  return static_cast<size_t>(
      std::count_if(p.reviewers.begin(), p.reviewers.end(), [](const ReviewerLoad& r) { return r.on_roster; }));
}

std::string pad(std::string_view text, size_t width) {
  size_t length = util::utf8_length(text);
  return std::string(text) + std::string(width > length ? width - length : 0, ' ');
}

// `label: a, b, c` indented by two spaces, wrapped before 100 characters under the first item.
std::string wrapped(std::string_view label, const std::vector<std::string>& items) {
  std::string text = fmt::format("  {}: ", label);
  size_t indent = util::utf8_length(text), column = indent;
  for (size_t i = 0; i < items.size(); ++i) {
    size_t length = util::utf8_length(items[i]) + (i + 1 < items.size() ? 1 : 0);
    if (i > 0 && column + 1 + length > 100) {
      text += '\n' + std::string(indent, ' ');
      column = indent;
    } else if (i > 0) {
      text += ' ';
      ++column;
    }
    text += items[i];
    if (i + 1 < items.size()) text += ',';
    column += length;
  }
  return text + '\n';
}

std::string owed_text(const core::OwedAssessment& o) {
  return fmt::format("{} ({})", o.application, util::join(o.criteria, ", "));
}

// ---- table --------------------------------------------------------------------------------

void write_table(const ReviewsReport& r, std::ostream& out) {
  const core::CriteriaSet& set = *r.info->set;
  const core::PanelReport& p = *r.panel;
  out << fmt::format("{} version {} · {} · panel report\n", printable(set.id), printable(set.version),
                     printable(set.call.name));
  out << applications_text(p) << '\n' << roster_text(p, roster_size(p), "\n") << '\n';

  size_t width = 8;
  for (const ReviewerLoad& l : p.reviewers) width = std::max(width, util::utf8_length(printable(l.reviewer)));
  out << "\nReviewers\n";
  if (p.roster) {
    out << fmt::format("{}  {:>8}  {:>4}  {:>10}  {:>4}  {:>9}\n", pad("reviewer", width), "assigned", "done",
                       "unassigned", "owed", "conflicts");
    for (const ReviewerLoad& l : p.reviewers)
      out << fmt::format("{}  {:>8}  {:>4}  {:>10}  {:>4}  {:>9}{}\n", pad(printable(l.reviewer), width),
                         optional_count(l.assigned), l.done, optional_count(l.unassigned), optional_count(l.owed),
                         l.conflicts, l.on_roster ? "" : "  not on the roster");
    out << "(done: every assessment given; unassigned: done but not assigned, on an application a rule\n"
           "rejects or of a conflict; owed: assigned, not done)\n";
  } else {
    out << fmt::format("{}  {:>4}  {:>9}\n", pad("reviewer", width), "done", "conflicts");
    for (const ReviewerLoad& l : p.reviewers)
      out << fmt::format("{}  {:>4}  {:>9}\n", pad(printable(l.reviewer), width), l.done, l.conflicts);
    out << "(done: every assessment given)\n";
  }

  size_t id_width = 9;
  for (const CriterionAgreement& c : p.criteria) id_width = std::max(id_width, util::utf8_length(c.criterion->id));
  out << "\nAgreement: Krippendorff's alpha (interval) over the scores that count\n";
  out << fmt::format("{}  {:>6}  {:>5}  {:>6}  {:>8}  alpha\n", pad("criterion", id_width), "values", "pairs", "spread",
                     "disagree");
  for (const CriterionAgreement& c : p.criteria)
    out << fmt::format("{}  {:>6}  {:>5}  {:>6}  {:>8}  {}\n", pad(printable(c.criterion->id), id_width),
                       c.alpha.values, c.alpha.pairs, spread_count(c), disagree_count(c), alpha_text(c.alpha));
  out << "(values and pairs: the scores on applications with two or more, and the pairs among them;\n"
         "spread: applications whose scores differ by two points or more; disagree: a pass and a fail)\n";

  bool any = false;
  for (const CriterionAgreement& c : p.criteria) {
    std::vector<std::string> items;
    for (const ScoreSpread& s : c.applications)
      if (s.disagree()) items.push_back(fmt::format("{} ({} pass, {} fail)", printable(s.application), s.pass, s.fail));
    if (items.empty()) continue;
    if (!any) out << "\nPass and fail on the same application\n";
    any = true;
    out << wrapped(printable(c.criterion->id), items);
  }
  any = false;
  for (const CriterionAgreement& c : p.criteria) {
    std::vector<std::string> items;
    for (const ScoreSpread* s : wide_spreads(c))
      items.push_back(fmt::format("{} {} ({})", printable(s->application), spread_text(*s), s->scores));
    if (items.empty()) continue;
    if (!any) out << "\nScores two points or more apart (min–max, reviewers), widest first\n";
    any = true;
    out << wrapped(printable(c.criterion->id), items);
  }
}

// ---- markdown -----------------------------------------------------------------------------

void write_markdown(const ReviewsReport& r, std::ostream& out) {
  const core::CriteriaSet& set = *r.info->set;
  const core::PanelReport& p = *r.panel;
  out << fmt::format("# Panel report: {} version {}\n\n", markdown_text(set.id), markdown_text(set.version));
  out << fmt::format("{}: {}; {}.\n\n", markdown_text(set.call.name), applications_text(p),
                     roster_text(p, roster_size(p), " "));
  out << "## Reviewers\n\n";
  if (p.roster) {
    out << "| reviewer | assigned | done | unassigned | owed | conflicts |\n";
    out << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
    for (const ReviewerLoad& l : p.reviewers)
      out << fmt::format("| {}{} | {} | {} | {} | {} | {} |\n", markdown_text(l.reviewer),
                         l.on_roster ? "" : " (not on the roster)", optional_count(l.assigned), l.done,
                         optional_count(l.unassigned), optional_count(l.owed), l.conflicts);
    out << "\nDone: every assessment given; unassigned: done but not assigned (on an application a rule rejects, "
           "or of a conflict); owed: assigned, not done.\n";
  } else {
    out << "| reviewer | done | conflicts |\n";
    out << "| --- | ---: | ---: |\n";
    for (const ReviewerLoad& l : p.reviewers)
      out << fmt::format("| {} | {} | {} |\n", markdown_text(l.reviewer), l.done, l.conflicts);
    out << "\nDone: every assessment given.\n";
  }
  bool any = false;
  for (const ReviewerLoad& l : p.reviewers) {
    if (l.owed_by_application.empty()) continue;
    if (!any) out << "\n### Owed assessments\n\n";
    any = true;
    std::vector<std::string> items;
    for (const auto& o : l.owed_by_application) items.push_back(markdown_text(owed_text(o)));
    out << fmt::format("- **{}**: {}\n", markdown_text(l.reviewer), util::join(items, "; "));
  }
  out << "\n## Agreement\n\n";
  out << "Krippendorff's alpha (interval) over the scores that count; values and pairs: the scores on "
         "applications with two or more, and the pairs among them.\n\n";
  out << "| criterion | title | values | pairs | alpha | scores two points or more apart | pass and fail |\n";
  out << "| --- | --- | ---: | ---: | --- | --- | --- |\n";
  for (const CriterionAgreement& c : p.criteria) {
    std::vector<std::string> wide, disagree;
    for (const ScoreSpread* s : wide_spreads(c))
      wide.push_back(fmt::format("{} {} ({})", markdown_text(s->application), spread_text(*s), s->scores));
    for (const ScoreSpread& s : c.applications)
      if (s.disagree()) disagree.push_back(markdown_text(s.application));
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", markdown_text(c.criterion->id),
                       markdown_text(c.criterion->title.in(r.info->lang)), c.alpha.values, c.alpha.pairs,
                       alpha_text(c.alpha), util::join(wide, ", "), util::join(disagree, ", "));
  }
}

// ---- csv ----------------------------------------------------------------------------------

// One row of the long csv; empty cells where a section has no such value.
struct Row {
  explicit Row(std::string_view section_) : section(section_) {}
  std::string_view section;
  std::string reviewer, criterion, application, assigned, done, unassigned, owed, conflicts, scores, min, max, pass,
      fail, alpha, values, pairs, note;
};

void write_row(std::ostream& out, const Row& w) {
  out << w.section;
  for (const std::string* cell :
       {&w.reviewer, &w.criterion, &w.application, &w.assigned, &w.done, &w.unassigned, &w.owed, &w.conflicts,
        &w.scores, &w.min, &w.max, &w.pass, &w.fail, &w.alpha, &w.values, &w.pairs, &w.note})
    out << ',' << csv_cell(*cell);
  out << '\n';
}

std::string n(size_t value) { return fmt::format("{}", value); }
std::string n(const std::optional<size_t>& value) { return value ? n(*value) : ""; }

void write_csv(const ReviewsReport& r, std::ostream& out) {
  const core::PanelReport& p = *r.panel;
  out << "section,reviewer,criterion,application,assigned,done,unassigned,owed,conflicts,scores,min,max,pass,fail,"
         "alpha,values,"
         "pairs,note\n";
  for (const ReviewerLoad& l : p.reviewers) {
    Row w{"reviewer"};
    w.reviewer = l.reviewer;
    w.assigned = n(l.assigned);
    w.done = n(l.done);
    w.unassigned = n(l.unassigned);
    w.owed = n(l.owed);
    w.conflicts = n(l.conflicts);
    w.note = !p.roster || l.on_roster ? "" : "not on the roster";
    write_row(out, w);
  }
  for (const ReviewerLoad& l : p.reviewers)
    for (const auto& o : l.owed_by_application)
      for (const std::string& criterion : o.criteria) {
        Row w{"owed"};
        w.reviewer = l.reviewer;
        w.criterion = criterion;
        w.application = o.application;
        write_row(out, w);
      }
  for (const CriterionAgreement& c : p.criteria) {
    Row w{"agreement"};
    w.criterion = c.criterion->id;
    if (c.alpha.thousandths)
      w.alpha = core::thousandths_text(*c.alpha.thousandths);
    else
      w.note = "alpha undefined: " + c.alpha.undefined;
    w.values = n(c.alpha.values);
    w.pairs = n(c.alpha.pairs);
    write_row(out, w);
  }
  for (const CriterionAgreement& c : p.criteria)
    for (const ScoreSpread& s : c.applications) {
      Row w{"scores"};
      w.criterion = c.criterion->id;
      w.application = s.application;
      w.scores = n(s.scores);
      if (s.scores) {
        w.min = core::halves_text(s.min_halves);
        w.max = core::halves_text(s.max_halves);
      }
      w.pass = n(s.pass);
      w.fail = n(s.fail);
      if (s.disagree()) w.note = "pass and fail";
      write_row(out, w);
    }
}

// ---- json ---------------------------------------------------------------------------------

void count(JsonOut& j, std::string_view name, size_t value) {
  j.key(name);
  j.integer(static_cast<int64_t>(value));
}

void count(JsonOut& j, std::string_view name, const std::optional<size_t>& value) {
  j.key(name);
  if (value)
    j.integer(static_cast<int64_t>(*value));
  else
    j.null();
}

void write_json(const ReviewsReport& r, std::ostream& out) {
  const core::RunInfo& info = *r.info;
  const core::PanelReport& p = *r.panel;
  JsonOut j(out, JsonStyle::pretty);
  j.begin_object();
  j.key("run");
  j.begin_object();
  j.field("fundscreen", info.tool_version);
  j.key("criteria");
  j.begin_object();
  j.field("id", info.set->id);
  j.field("version", info.set->version);
  j.field("path", info.criteria_path);
  j.field("sha256", info.criteria_sha256);
  j.end_object();
  write_inputs(j, info.inputs);
  if (info.timestamp) j.field("timestamp", *info.timestamp);
  j.key("roster");
  j.boolean(p.roster);
  count(j, "applications", p.applications);
  count(j, "judged_applications", p.judged_applications);
  j.end_object();

  j.key("reviewers");
  j.begin_array();
  for (const ReviewerLoad& l : p.reviewers) {
    j.begin_object();
    j.field("reviewer", l.reviewer);
    j.key("on_roster");
    j.boolean(l.on_roster);
    count(j, "assigned", l.assigned);
    count(j, "done", l.done);
    count(j, "unassigned", l.unassigned);
    count(j, "owed", l.owed);
    count(j, "conflicts", l.conflicts);
    j.key("owed_assessments");
    j.begin_array();
    for (const auto& o : l.owed_by_application) {
      j.begin_object();
      j.field("application", o.application);
      write_strings(j, "criteria", o.criteria);
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();

  j.key("criteria");
  j.begin_array();
  for (const CriterionAgreement& c : p.criteria) {
    j.begin_object();
    j.field("id", c.criterion->id);
    j.field("title", c.criterion->title.in(info.lang));
    j.field("kind", core::kind_name(c.criterion->kind));
    j.key("alpha");
    if (c.alpha.thousandths)
      j.number(core::thousandths_text(*c.alpha.thousandths));
    else
      j.null();
    j.field("alpha_undefined", c.alpha.undefined);
    count(j, "values", c.alpha.values);
    count(j, "pairs", c.alpha.pairs);
    std::vector<std::string> disagree;
    for (const ScoreSpread& s : c.applications)
      if (s.disagree()) disagree.push_back(s.application);
    write_strings(j, "disagreements", disagree);
    j.key("applications");
    j.begin_array();
    for (const ScoreSpread& s : c.applications) {
      j.begin_object();
      j.field("application", s.application);
      count(j, "scores", s.scores);
      j.key("min");
      if (s.scores)
        j.number(core::halves_text(s.min_halves));
      else
        j.null();
      j.key("max");
      if (s.scores)
        j.number(core::halves_text(s.max_halves));
      else
        j.null();
      count(j, "pass", s.pass);
      count(j, "fail", s.fail);
      j.key("disagree");
      j.boolean(s.disagree());
      j.end_object();
    }
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  out << '\n';
}

} // namespace

void write_reviews(const ReviewsReport& report, Format format, std::ostream& out) {
  switch (format) {
  case Format::csv: write_csv(report, out); return;
  case Format::xlsx: // the csv's table (its sections one after the other) as a sheet
    write_csv_as_xlsx(
        "reviews", [&](std::ostream& csv) { write_csv(report, csv); }, out);
    return;
  case Format::json: write_json(report, out); return;
  case Format::markdown: write_markdown(report, out); return;
  default: write_table(report, out); return;
  }
}

} // namespace fundscreen::report
