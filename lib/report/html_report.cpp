// SPDX-License-Identifier: Apache-2.0
// `report`: one HTML page for a board. Every text from the inputs goes through html_text(),
// every word through i18n; the page has no script and names no URL outside itself, and its
// style sheet prints on A4 with each part and each application on a page of its own.
#include "report/html_report.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/html_charts.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/words.hpp"
#include "util/error.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;
using i18n::Lang;
using i18n::tr;
using i18n::trf;

constexpr std::array<Decision, 5> k_decisions = {Decision::fund, Decision::reserve, Decision::clarify,
                                                 Decision::pending, Decision::reject};

std::string h(std::string_view text) { return html_text(text); }

std::string_view decision_class(Decision d) { return core::decision_name(d); }

std::string badge(Lang lang, Decision d) {
  return fmt::format("<span class=\"badge d-{}\">{}</span>", decision_class(d), h(decision_word(lang, d)));
}

// The link to an application's section.
std::string app_link(std::string_view id) {
  return fmt::format("<a href=\"#{}\">{}</a>", h(application_fragment(id)), h(id));
}

// The name of an input file's role, as the run metadata gives it.
std::string_view role_word(Lang lang, std::string_view role) {
  if (role == "applications") return tr(lang, "applications");
  if (role == "assessments") return tr(lang, "assessments");
  if (role == "conflicts") return tr(lang, "conflicts");
  if (role == "reviewers") return tr(lang, "reviewers");
  if (role == "resolutions") return tr(lang, "resolutions");
  return role;
}

// The style sheet, its colours from the palette (@name@ below).
std::string style_sheet() {
  std::string css = R"(:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
  color: @ink@; background: @paper@; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.8rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.4rem; margin-top: 2rem; border-bottom: 2px solid @head@; }
h3 { font-size: 1.15rem; margin-top: 1.5rem; }
a { color: @link@; }
.muted { color: @muted@; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; width: 100%; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #b8c0cc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: @head@; }
tbody th { font-weight: 600; }
table.ranking tbody th, table.others tbody th { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.funding-line td { background: @line_bg@; color: @line_ink@; font-weight: 700; text-align: center;
  border-top: 3px solid @line_ink@; border-bottom: 3px solid @line_ink@; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.25rem; color: @paper@; font-weight: 600;
  white-space: nowrap; }
.d-fund { background: @fund@; } .d-reserve { background: @reserve@; } .d-clarify { background: @clarify@; }
.d-pending { background: @pending@; } .d-reject { background: @reject@; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.85em;
  overflow-wrap: anywhere; white-space: pre-wrap; }
figure { margin: 1rem 0; }
svg { max-width: 100%; height: auto; font-family: inherit; }
nav ul { columns: 2; }
section.application { border-top: 2px solid @head@; margin-top: 2rem; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  table { font-size: 8.5pt; }
  th, td { padding: 0.15rem 0.3rem; }
  section.part, section.application { break-before: page; }
  main > section.part:first-child, #applications > section.application:first-of-type { break-before: auto; }
  section.application { border-top: none; }
  tr, figure, svg, caption { break-inside: avoid; }
  thead { display: table-header-group; }
  nav, p.back { display: none; }
  a { color: @ink@; text-decoration: none; }
}
)";
  const std::pair<std::string_view, html::Rgb> colours[] = {
      {"@ink@", html::palette::ink},           {"@paper@", html::palette::paper},
      {"@muted@", html::palette::muted},       {"@link@", html::palette::link},
      {"@head@", html::palette::head},         {"@line_bg@", html::palette::line_bg},
      {"@line_ink@", html::palette::line_ink}, {"@fund@", html::palette::fund},
      {"@reserve@", html::palette::reserve},   {"@clarify@", html::palette::clarify},
      {"@pending@", html::palette::pending},   {"@reject@", html::palette::reject},
  };
  for (const auto& [name, colour] : colours)
    for (size_t at = css.find(name); at != std::string::npos; at = css.find(name, at))
      css.replace(at, name.size(), html::css_colour(colour));
  return css;
}

// A header row of a table: `heads` as <th scope="col">, those named in `numeric` right-aligned.
std::string head_row(std::initializer_list<std::string_view> heads, std::initializer_list<size_t> numeric = {}) {
  std::string out = "<thead><tr>";
  size_t i = 0;
  for (std::string_view head : heads) {
    bool num = std::find(numeric.begin(), numeric.end(), i++) != numeric.end();
    out += fmt::format("<th scope=\"col\"{}>{}</th>", num ? " class=\"num\"" : "", h(head));
  }
  return out + "</tr></thead>\n";
}

// What the report keeps of an application until end().
struct Entry {
  Summary summary;
  std::string section; // its <section>, written in add()
};

class HtmlReportWriter final : public Writer {
public:
  HtmlReportWriter(std::ostream& out, HtmlReportOptions options) : m_out(out), m_options(std::move(options)) {}

  Needs needs() const override { return {Detail::traced, true}; }

  void begin(const core::RunInfo& info) override {
    m_info = info;
    m_lang = lang_of(info.lang);
    if (!info.set) return;
    m_currency = info.set->call.currency;
    m_failures.assign(info.set->criteria.size(), 0);
    std::vector<std::string> fields;
    for (const core::FieldSpec& f : info.set->fields) fields.push_back(f.name);
    for (const std::string& by : m_options.by) {
      if (info.set->field_index(by) >= 0) continue;
      std::string message = fmt::format("--by '{}' is not a field of the criteria set '{}'", by, info.set->id);
      std::string hint = util::nearest(by, fields);
      message += hint.empty() ? fmt::format("; its fields: {}", util::join(fields, ", "))
                              : fmt::format("; did you mean '{}'?", hint);
      throw util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, message, {}});
    }
    m_by_rows.resize(m_options.by.size());
    m_by_index.resize(m_options.by.size());
  }

  void add(const core::ApplicationView& view) override {
    Entry entry{summarize(m_info, view, KeepTitle::yes), {}};
    const core::Assessed& a = *view.assessed;
    for (size_t i = 0; i < a.criteria.size() && i < m_failures.size(); ++i)
      if (a.criteria[i].status == core::Status::fail) ++m_failures[i];
    for (size_t k = 0; k < m_options.by.size(); ++k) {
      std::string value = field_text(m_info, *view.app, m_options.by[k]);
      auto [it, inserted] = m_by_index[k].try_emplace(value, m_by_rows[k].size());
      if (inserted) m_by_rows[k].push_back({value, {}});
      ++m_by_rows[k][it->second].counts[static_cast<size_t>(view.decision)];
    }
    entry.section = section(view, entry.summary);
    (view.placement ? m_ranked : m_others).push_back(std::move(entry));
  }

  void end() override {
    std::stable_sort(m_ranked.begin(), m_ranked.end(), [](const Entry& a, const Entry& b) {
      if (a.summary.pool != b.summary.pool) return a.summary.pool < b.summary.pool;
      return a.summary.rank < b.summary.rank;
    });
    std::string title = page_title();
    m_out << "<!doctype html>\n<html lang=\"" << i18n::lang_code(m_lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
          << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << h(title)
          << "</title>\n<style>\n"
          << style_sheet() << "</style>\n</head>\n<body>\n<header>\n<h1>" << h(title) << "</h1>\n";
    if (m_info.set && m_info.set->call.name != title)
      m_out << "<p class=\"muted\">" << h(m_info.set->call.name) << "</p>\n";
    m_out << "</header>\n";
    write_contents();
    m_out << "<main>\n";
    write_call();
    write_counts();
    write_ranking();
    write_others();
    write_charts();
    m_out << "<section class=\"part\" id=\"applications\" aria-labelledby=\"applications-heading\">\n"
          << "<h2 id=\"applications-heading\">" << h(tr(m_lang, "Applications")) << "</h2>\n";
    for (const auto* group : {&m_ranked, &m_others})
      for (const Entry& e : *group) m_out << e.section;
    m_out << "</section>\n</main>\n</body>\n</html>\n";
  }

private:
  std::string money(core::Money m) const { return money_text(m_lang, m, m_currency); }

  std::string page_title() const {
    if (!m_options.title.empty()) return m_options.title;
    if (!m_info.set) return std::string(tr(m_lang, "Screening report"));
    std::string title = m_info.set->title.in(m_info.lang);
    return title.empty() ? m_info.set->call.name : title;
  }

  void part_open(std::string_view id, std::string_view heading) {
    m_out << fmt::format("<section class=\"part\" id=\"{0}\" aria-labelledby=\"{0}-heading\">\n"
                         "<h2 id=\"{0}-heading\">{1}</h2>\n",
                         id, h(heading));
  }

  void write_contents() {
    m_out << "<nav aria-label=\"" << h(tr(m_lang, "Contents")) << "\">\n<ul>\n";
    const std::pair<std::string_view, std::string_view> parts[] = {
        {"call", tr(m_lang, "The call and its criteria")},
        {"decisions", tr(m_lang, "Decisions")},
        {"ranking", tr(m_lang, "Ranking and the funding line")},
        {"others", tr(m_lang, "Not ranked")},
        {"charts", tr(m_lang, "Charts")},
        {"applications", tr(m_lang, "Applications")},
    };
    for (const auto& [id, name] : parts) m_out << fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, h(name));
    m_out << "</ul>\n</nav>\n";
  }

  // The call, the set and every input with its SHA-256: which criteria and inputs gave this.
  void write_call() {
    part_open("call", tr(m_lang, "The call and its criteria"));
    m_out << "<table class=\"call\">\n<caption>" << h(tr(m_lang, "The screening")) << "</caption>\n"
          << head_row({tr(m_lang, "item"), tr(m_lang, "value")}) << "<tbody>\n";
    auto row = [&](std::string_view name, const std::string& value_html) {
      m_out << "<tr><th scope=\"row\">" << h(name) << "</th><td>" << value_html << "</td></tr>\n";
    };
    if (const core::CriteriaSet* set = m_info.set) {
      row(tr(m_lang, "call"), h(set->call.name));
      if (set->call.deadline) row(tr(m_lang, "deadline"), h(date_text(m_lang, *set->call.deadline)));
      row(tr(m_lang, "criteria set"), h(set->id));
      row(tr(m_lang, "title"), h(set->title.in(m_info.lang)));
      row(tr(m_lang, "version"), h(set->version));
      row(tr(m_lang, "budget"), h(money(m_info.budget)));
      row(tr(m_lang, "funding line"), h(set->funding == core::FundingPolicy::skip
                                            ? tr(m_lang, "skip: a smaller application below may still fit")
                                            : tr(m_lang, "strict: funding stops at the first that does not fit")));
    }
    row(tr(m_lang, "criteria file"),
        fmt::format("<code>{}</code><br><span class=\"muted\">SHA-256</span> <code>{}</code>", h(m_info.criteria_path),
                    h(m_info.criteria_sha256)));
    for (const core::InputFile& input : m_info.inputs)
      row(role_word(m_lang, input.role),
          fmt::format("<code>{}</code> ({})<br><span class=\"muted\">SHA-256</span> <code>{}</code>", h(input.path),
                      h(i18n::trnf(m_lang, "{} record", "{} records", input.records,
                                   count_text(m_lang, static_cast<int64_t>(input.records)))),
                      h(input.sha256)));
    if (m_info.timestamp) row(tr(m_lang, "screened at"), h(*m_info.timestamp));
    row("fundscreen", h(m_info.tool_version)); // the program's name
    m_out << "</tbody>\n</table>\n</section>\n";
  }

  void write_counts() {
    part_open("decisions", tr(m_lang, "Decisions"));
    bool resolved = m_info.screening.has_value();
    m_out << "<table class=\"counts\">\n<caption>" << h(tr(m_lang, "Applications by decision")) << "</caption>\n"
          << (resolved ? head_row({tr(m_lang, "decision"), tr(m_lang, "screening"), tr(m_lang, "final")}, {1, 2})
                       : head_row({tr(m_lang, "decision"), tr(m_lang, "applications")}, {1}))
          << "<tbody>\n";
    for (Decision d : k_decisions) {
      size_t n = m_info.counts[static_cast<size_t>(d)];
      m_out << "<tr><th scope=\"row\">" << badge(m_lang, d) << "</th>";
      if (resolved) m_out << "<td class=\"num\">" << m_info.screening->counts[static_cast<size_t>(d)] << "</td>";
      m_out << "<td class=\"num\">" << n << "</td></tr>\n";
    }
    m_out << "<tr><th scope=\"row\">" << h(tr(m_lang, "total")) << "</th>";
    if (resolved) m_out << "<td class=\"num\">" << m_info.applications << "</td>";
    m_out << "<td class=\"num\">" << m_info.applications << "</td></tr>\n</tbody>\n</table>\n";
    m_out << "<p>"
          << h(trf(m_lang, "Budget {}; funded {} for {}.", money(m_info.budget), money(m_info.used),
                   applications_text(m_lang, static_cast<size_t>(m_info.funded))))
          << "</p>\n";
    if (resolved)
      m_out << "<p>"
            << h(trf(m_lang,
                     "The resolutions ({}) bind: resolved funds are placed first; the screening alone funded {}.",
                     m_info.screening->resolutions, money(m_info.screening->used)))
            << "</p>\n";
    m_out << "</section>\n";
  }

  // The decision as the lists show it: with resolutions, what the screening had said.
  std::string decision_cell(const Summary& s) const {
    std::string out = badge(m_lang, s.decision);
    if (s.resolution)
      out += " " + h(trf(m_lang, "(resolved; screened {})", decision_word(m_lang, s.screened)));
    else if (s.screened != s.decision)
      out += " " + h(trf(m_lang, "(screened {})", decision_word(m_lang, s.screened)));
    return out;
  }

  void write_ranking() {
    part_open("ranking", tr(m_lang, "Ranking and the funding line"));
    if (m_info.pools.empty()) {
      ranked_table(-1, tr(m_lang, "Eligible applications in rank order"), m_info.budget, m_info.used, m_info.funded);
    } else {
      for (size_t p = 0; p < m_info.pools.size(); ++p) {
        const core::PoolLine& pool = m_info.pools[p];
        m_out << "<h3>" << h(trf(m_lang, "Pool {}", pool.id)) << "</h3>\n";
        ranked_table(static_cast<int>(p), trf(m_lang, "Eligible applications of pool {} in rank order", pool.id),
                     pool.budget, pool.used, pool.funded);
      }
    }
    m_out << "</section>\n";
  }

  void ranked_table(int pool, std::string_view caption, core::Money budget, core::Money used, int funded) {
    std::vector<const Entry*> rows;
    for (const Entry& e : m_ranked)
      if (pool < 0 || e.summary.pool == pool) rows.push_back(&e);
    if (rows.empty()) {
      m_out << "<p>" << h(tr(m_lang, "No eligible applications.")) << "</p>\n";
      return;
    }
    size_t line_after = 0; // the rows above the funding line
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i]->summary.decision == Decision::fund) line_after = i + 1;
    m_out << "<table class=\"ranking\">\n<caption>" << h(caption) << "</caption>\n"
          << head_row({tr(m_lang, "rank"), tr(m_lang, "id"), tr(m_lang, "applicant"), tr(m_lang, "score"),
                       tr(m_lang, "amount"), tr(m_lang, "cumulative"), tr(m_lang, "decision")},
                      {0, 3, 4, 5})
          << "<tbody>\n";
    std::string line = fmt::format("<tr class=\"funding-line\"><td colspan=\"7\">{}</td></tr>\n",
                                   h(trf(m_lang, "Funding line: {} of the budget {} used, {} funded", money(used),
                                         money(budget), applications_text(m_lang, static_cast<size_t>(funded)))));
    for (size_t i = 0; i < rows.size(); ++i) {
      if (i == line_after) m_out << line;
      const Summary& s = rows[i]->summary;
      m_out << fmt::format(
          "<tr class=\"app-row\"><td class=\"num\">{}</td><th scope=\"row\">{}</th><td>{}</td>"
          "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
          s.rank, app_link(s.id), h(s.applicant), s.score ? h(decimal_text(m_lang, core::to_string(*s.score))) : "",
          h(money(s.amount)), s.decision == Decision::fund ? h(money(s.cumulative)) : "", decision_cell(s));
    }
    if (line_after == rows.size()) m_out << line;
    m_out << "</tbody>\n</table>\n";
  }

  // The reason an application is not ranked, as the lists show it.
  std::string reason_text(const Summary& s) const {
    std::string reason = s.decided_by;
    if (s.resolution)
      reason = trf(m_lang, "resolved on {} by {}: {}", date_text(m_lang, std::string_view(s.resolution->decided_on)),
                   s.resolution->decided_by, s.resolution->reason);
    else
      for (const std::string& d : s.details) reason += "; " + d;
    return reason;
  }

  void write_others() {
    part_open("others", tr(m_lang, "Not ranked"));
    const std::pair<Decision, std::string_view> groups[] = {
        {Decision::clarify, tr(m_lang, "To clarify")},
        {Decision::pending, tr(m_lang, "Awaiting review")},
        {Decision::reject, tr(m_lang, "Rejected")},
    };
    for (const auto& [decision, heading] : groups) {
      m_out << "<h3>" << h(heading) << "</h3>\n";
      size_t rows = 0;
      for (const Entry& e : m_others) {
        const Summary& s = e.summary;
        if (s.decision != decision) continue;
        if (rows++ == 0)
          m_out << "<table class=\"others\">\n<caption>" << h(heading) << "</caption>\n"
                << head_row({tr(m_lang, "id"), tr(m_lang, "applicant"), tr(m_lang, "decision"), tr(m_lang, "reason")})
                << "<tbody>\n";
        m_out << fmt::format("<tr class=\"app-row\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                             app_link(s.id), h(s.applicant), decision_cell(s), h(reason_text(s)));
      }
      m_out << (rows ? "</tbody>\n</table>\n" : "<p>" + h(tr(m_lang, "None.")) + "</p>\n");
    }
    m_out << "</section>\n";
  }

  void chart(std::string_view heading, const html::Chart& c) {
    m_out << "<h3>" << h(heading) << "</h3>\n<figure>\n" << c.svg << c.table << "</figure>\n";
  }

  void write_charts() {
    part_open("charts", tr(m_lang, "Charts"));
    // Scores of the eligible in rank order with the funding line, per pool where there are pools.
    size_t pools = std::max<size_t>(m_info.pools.size(), 1);
    for (size_t p = 0; p < pools; ++p) {
      std::vector<html::ScoreBar> bars;
      for (const Entry& e : m_ranked)
        if (m_info.pools.empty() || e.summary.pool == static_cast<int>(p))
          bars.push_back({e.summary.id, e.summary.score, e.summary.decision == Decision::fund});
      std::string title = m_info.pools.empty()
                              ? std::string(tr(m_lang, "Scores of the eligible applications"))
                              : trf(m_lang, "Scores of the eligible applications in pool {}", m_info.pools[p].id);
      chart(title, html::scores_chart(m_lang, fmt::format("scores-{}", p), title, bars));
    }
    std::vector<html::CountBar> failures;
    for (size_t i = 0; i < m_failures.size(); ++i)
      if (m_failures[i])
        failures.push_back({m_info.set->criteria[i].id, m_info.set->criteria[i].title.in(m_info.lang), m_failures[i]});
    std::string failures_title(tr(m_lang, "Failures per criterion"));
    chart(failures_title,
          html::count_chart(m_lang, "failures", failures_title, tr(m_lang, "applications that failed it"), failures));
    std::vector<html::BudgetBar> budgets{{std::string(tr(m_lang, "the call")), m_info.budget, m_info.used}};
    for (const core::PoolLine& pool : m_info.pools)
      budgets.push_back({trf(m_lang, "pool {}", pool.id), pool.budget, pool.used});
    std::string budget_title(tr(m_lang, "Budget used"));
    chart(budget_title, html::budget_chart(m_lang, "budget", budget_title, m_currency, budgets));
    for (size_t k = 0; k < m_options.by.size(); ++k) {
      std::string title = trf(m_lang, "Decisions by {}", m_options.by[k]);
      chart(title, html::decisions_chart(m_lang, fmt::format("by-{}", k), title, m_options.by[k], m_by_rows[k]));
    }
    m_out << "</section>\n";
  }

  // The application's section: its decision, every criterion, the values its rules read, the
  // reviewers' verdicts and its resolution.
  std::string section(const core::ApplicationView& view, const Summary& s) const {
    const core::Assessed& a = *view.assessed;
    // Every id of the page is unique: the applications' begin with `app-`, their headings'
    // with `heading-app-`, the parts' are fixed words.
    std::string fragment = h(application_fragment(s.id));
    std::string out = fmt::format("<section class=\"application\" id=\"{0}\" aria-labelledby=\"heading-{0}\">\n"
                                  "<h3 id=\"heading-{0}\">{1}{2}</h3>\n",
                                  fragment, h(s.id), s.applicant.empty() ? "" : " \xC2\xB7 " + h(s.applicant));
    if (!s.title.empty()) out += "<p class=\"muted\">" + h(s.title) + "</p>\n";
    out += fmt::format("<p class=\"decision\">{}: {} <span class=\"muted\">{}</span></p>\n", h(tr(m_lang, "Decision")),
                       decision_cell(s), h(reason_text(s)));
    if (view.placement) {
      // One placed by a resolution may have no score.
      std::string standing = s.score ? trf(m_lang, "Rank {}, score {}, amount {}", s.rank,
                                           decimal_text(m_lang, core::to_string(*s.score)), money(s.amount))
                                     : trf(m_lang, "Rank {}, amount {}", s.rank, money(s.amount));
      if (s.decision == Decision::fund) standing += "; " + trf(m_lang, "cumulative {}", money(s.cumulative));
      out += "<p>" + h(standing) + "</p>\n";
    }
    out += criteria_table(a);
    out += reads_table(a);
    out += reviews_table(a);
    if (const core::Resolution* r = view.resolution) out += resolution_table(*r, view.screened);
    out += fmt::format("<p class=\"back\"><a href=\"#ranking\">{}</a></p>\n</section>\n",
                       h(tr(m_lang, "Back to the ranking")));
    return out;
  }

  std::string criteria_table(const core::Assessed& a) const {
    std::string out =
        "<table class=\"criteria\">\n<caption>" + h(tr(m_lang, "Criteria")) + "</caption>\n" +
        head_row({tr(m_lang, "criterion"), tr(m_lang, "title"), tr(m_lang, "status"), tr(m_lang, "reason")}) +
        "<tbody>\n";
    for (const core::CriterionResult& r : a.criteria)
      out += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n", h(r.criterion->id),
                         h(r.criterion->title.in(m_info.lang)), h(status_word(m_lang, r.status)), h(r.reason));
    return out + "</tbody>\n</table>\n";
  }

  // Each rule's text and each value it read, and what it computed, as explain shows them.
  std::string reads_table(const core::Assessed& a) const {
    std::string rows;
    for (const core::CriterionResult& r : a.criteria) {
      if (!r.rule || !r.criterion->rule) continue;
      std::string values;
      for (const core::RuleRead& read : r.rule->reads)
        values += fmt::format("<code>{}</code> = {}<br>", h(read.path), h(core::to_display(read.value_read())));
      for (const std::string& step : r.rule->steps) values += fmt::format("<code>{}</code><br>", h(step));
      if (values.size() >= 4) values.resize(values.size() - 4); // the last <br>
      rows += fmt::format("<tr><th scope=\"row\">{}</th><td><code>{}</code></td><td>{}</td></tr>\n", h(r.criterion->id),
                          h(r.criterion->rule->text()), values);
    }
    if (rows.empty()) return {};
    return "<table class=\"reads\">\n<caption>" + h(tr(m_lang, "Values read by the rules")) + "</caption>\n" +
           head_row({tr(m_lang, "criterion"), tr(m_lang, "rule"), tr(m_lang, "values read")}) + "<tbody>\n" + rows +
           "</tbody>\n</table>\n";
  }

  std::string reviews_table(const core::Assessed& a) const {
    std::string rows;
    for (const core::CriterionResult& r : a.criteria)
      for (const core::Review& review : r.reviews) {
        std::string note = review.note;
        if (!review.left_out.empty()) note += (note.empty() ? "" : "; ") + trf(m_lang, "left out: {}", review.left_out);
        rows += fmt::format(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>\n",
            h(r.criterion->id), h(review.reviewer), h(verdict_word(m_lang, review.verdict)),
            review.score_halves ? h(decimal_text(m_lang, core::halves_text(*review.score_halves))) : "", h(note));
      }
    if (rows.empty()) return "<p>" + h(tr(m_lang, "No reviewers' verdicts.")) + "</p>\n";
    return "<table class=\"reviews\">\n<caption>" + h(tr(m_lang, "Reviewers' verdicts")) + "</caption>\n" +
           head_row({tr(m_lang, "criterion"), tr(m_lang, "reviewer"), tr(m_lang, "verdict"), tr(m_lang, "score"),
                     tr(m_lang, "note")},
                    {3}) +
           "<tbody>\n" + rows + "</tbody>\n</table>\n";
  }

  std::string resolution_table(const core::Resolution& r, Decision screened) const {
    std::string out = "<table class=\"resolution\">\n<caption>" + h(tr(m_lang, "Resolution")) + "</caption>\n" +
                      head_row({tr(m_lang, "item"), tr(m_lang, "value")}) + "<tbody>\n";
    auto row = [&](std::string_view name, const std::string& value_html) {
      out += "<tr><th scope=\"row\">" + h(name) + "</th><td>" + value_html + "</td></tr>\n";
    };
    row(tr(m_lang, "screening"), badge(m_lang, screened));
    row(tr(m_lang, "resolution"), badge(m_lang, r.decision));
    if (r.amount) row(tr(m_lang, "agreed amount"), h(money(*r.amount)));
    row(tr(m_lang, "decided on"), h(date_text(m_lang, std::string_view(r.decided_on))));
    row(tr(m_lang, "decided by"), h(r.decided_by));
    row(tr(m_lang, "reason"), h(r.reason));
    return out + "</tbody>\n</table>\n";
  }

  std::ostream& m_out;
  HtmlReportOptions m_options;
  core::RunInfo m_info;
  Lang m_lang = Lang::en;
  std::string m_currency;
  std::vector<Entry> m_ranked;
  std::vector<Entry> m_others;
  std::vector<size_t> m_failures; // per criterion of the set, in its order
  // Per --by field: each value's decisions, in the order the values first appear.
  std::vector<std::vector<html::DecisionRow>> m_by_rows;
  std::vector<std::map<std::string, size_t>> m_by_index;
};

} // namespace

std::string application_fragment(std::string_view id) {
  std::string out = "app-";
  for (unsigned char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')
      out += static_cast<char>(c);
    else
      out += fmt::format("_{:02x}", c);
  }
  return out;
}

std::unique_ptr<Writer> make_html_report_writer(std::ostream& out, HtmlReportOptions options) {
  return std::make_unique<HtmlReportWriter>(out, std::move(options));
}

} // namespace fundscreen::report
