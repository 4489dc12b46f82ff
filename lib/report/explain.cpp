// SPDX-License-Identifier: Apache-2.0
// `explain ID`: one application's whole story for a person. Criterion titles are in
// `info.lang`; everything that came from inputs goes through printable().
#include <fmt/format.h>

#include "report/colour.hpp"
#include "report/columns.hpp"
#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/words.hpp"
#include "report/writer.hpp"
#include "util/text.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

constexpr std::string_view k_detail = "      ";

class Explainer {
public:
  Explainer(const core::RunInfo& info, const core::ApplicationView& view, std::ostream& out, WriterOptions options)
      : m_info(info), m_view(view), m_a(*view.assessed), m_out(out), m_options(options), m_lang(lang_of(info.lang)) {}

  void write() {
    write_heading();
    write_criteria();
    write_resolution();
    write_standing();
  }

private:
  // An amount with the call's currency, and without.
  std::string money(core::Money m) const { return money_text(m_lang, m, m_info.set ? m_info.set->call.currency : ""); }
  std::string amount(core::Money m) const { return money_text(m_lang, m); }
  std::string_view decision(Decision d) const { return decision_word(m_lang, d); }
  std::string score(const core::Score& s) const { return decimal_text(m_lang, core::to_string(s)); }
  void line(std::string_view indent, std::string_view text) { m_out << indent << printable(text) << '\n'; }

  std::string read_from(const util::Location& where) const {
    return i18n::trf(m_lang, "read from {} line {}", where.source, where.line);
  }

  void write_heading() {
    std::string applicant = field_text(m_info, *m_view.app, "applicant");
    std::string title = field_text(m_info, *m_view.app, "title");
    line("", applicant.empty() ? m_a.id : m_a.id + " \xC2\xB7 " + applicant);
    if (!title.empty()) line("", title);
    const util::Location& where = m_view.app->where;
    if (!where.source.empty()) line("", read_from(where));
    m_out << '\n'
          << i18n::tr(m_lang, "Decision:") << ' ' << paint(m_view.decision, decision(m_view.decision), m_options.color);
    std::string why = m_view.resolution
                          ? i18n::trf(m_lang, "resolved on {}", date_text(m_lang, m_view.resolution->decided_on))
                          : m_a.decided_by;
    m_out << " (" << printable(why) << ")\n";
    if (m_info.screening && (m_view.resolution || m_view.screened != m_view.decision)) {
      std::string rank = m_view.screened_rank ? " " + i18n::trf(m_lang, "(rank {})", m_view.screened_rank) : "";
      line("", m_view.resolution
                   ? i18n::trf(m_lang, "screening decision: {}{}; resolved after the screening",
                               decision(m_view.screened), rank)
                   : i18n::trf(m_lang, "screening decision: {}{}; the resolutions of other applications moved it",
                               decision(m_view.screened), rank));
    }
  }

  // With resolutions: the application's, every column of it, and the final decision.
  void write_resolution() {
    if (!m_info.screening) return;
    m_out << '\n' << i18n::tr(m_lang, "Resolution") << '\n';
    const core::Resolution* r = m_view.resolution;
    if (!r) {
      line("  ",
           i18n::trf(m_lang, "none: screening {}, final {}", decision(m_view.screened), decision(m_view.decision)));
      return;
    }
    line("  ", i18n::trf(m_lang, "screening: {} ({})", decision(m_view.screened), m_a.decided_by));
    if (r->amount)
      line("  ", i18n::trf(m_lang, "resolution: {}, agreed amount {} (requested {})", decision(r->decision),
                           money(*r->amount), money(m_a.amount)));
    else
      line("  ", i18n::trf(m_lang, "resolution: {}", decision(r->decision)));
    line("  ", i18n::trf(m_lang, "decided on {} by {}", date_text(m_lang, r->decided_on), r->decided_by));
    line("  ", i18n::trf(m_lang, "reason: {}", r->reason));
    if (!r->where.source.empty()) line("  ", read_from(r->where));
    line("  ", i18n::trf(m_lang, "final: {}", decision(m_view.decision)));
  }

  void write_criteria() {
    m_out << '\n' << i18n::tr(m_lang, "Criteria") << '\n';
    Columns heads({{""}, {""}, {""}, {""}}); // no header line: widths from the cells only
    for (const core::CriterionResult& r : m_a.criteria)
      heads.add({r.criterion->id, std::string(status_word(m_lang, r.status)),
                 std::string(kind_word(m_lang, r.criterion->kind)), r.criterion->title.in(m_info.lang)});
    for (size_t i = 0; i < m_a.criteria.size(); ++i) {
      m_out << "  " << heads.row(i) << '\n';
      write_details(m_a.criteria[i]);
    }
  }

  void write_details(const core::CriterionResult& r) {
    line(k_detail, r.reason);
    if (r.rule && r.criterion->rule) write_rule(r);
    for (const core::Review& review : r.reviews) line(k_detail, review_text(review, *r.criterion));
    if (r.mean_score) line(k_detail, i18n::trf(m_lang, "mean score {}", score(*r.mean_score)));
  }

  // The rule's text (each of its lines under the one before), then each value it read and
  // each product, quotient or month count it computed.
  void write_rule(const core::CriterionResult& r) {
    std::string_view text = r.criterion->rule->text();
    std::string label = i18n::trf(m_lang, "rule: {}", "");
    std::string more(util::utf8_length(label), ' ');
    while (true) {
      size_t end = text.find('\n');
      line(fmt::format("{}{}", k_detail, label), text.substr(0, end));
      if (end == std::string_view::npos) break;
      text.remove_prefix(end + 1);
      label = more;
    }
    for (const core::RuleRead& read : r.rule->reads)
      line(fmt::format("{}  ", k_detail), read.path + " = " + core::to_display(read.value_read()));
    for (const std::string& step : r.rule->steps) line(fmt::format("{}  ", k_detail), step);
  }

  // "Aino Mäkelä: pass, score 4", or for a verdict derived from the score "Aino Mäkelä:
  // score 3.5 → pass (pass_score 3)"; then the note and why it was left out.
  std::string review_text(const core::Review& review, const core::Criterion& c) const {
    std::string text;
    std::string_view verdict = verdict_word(m_lang, review.verdict);
    if (review.derived && review.score_halves && c.pass_score)
      text = fmt::format("{}: {} \xE2\x86\x92 {} {}", review.reviewer,
                         i18n::trf(m_lang, "score {}", decimal_text(m_lang, core::halves_text(*review.score_halves))),
                         verdict,
                         i18n::trf(m_lang, "(pass_score {})", decimal_text(m_lang, core::to_string(*c.pass_score))));
    else
      text = fmt::format("{}: {}", review.reviewer, verdict);
    if (review.score_halves && !review.derived)
      text += i18n::trf(m_lang, ", score {}", decimal_text(m_lang, core::halves_text(*review.score_halves)));
    if (!review.note.empty()) text += i18n::trf(m_lang, "; note: {}", review.note);
    if (!review.left_out.empty()) text += " " + i18n::trf(m_lang, "(left out: {})", review.left_out);
    return text;
  }

  void write_standing() {
    m_out << '\n' << i18n::tr(m_lang, "Standing") << '\n';
    if (m_a.score) line("  ", i18n::trf(m_lang, "score {}", score(*m_a.score)));
    switch (m_view.decision) {
    case Decision::fund:
    case Decision::reserve: write_placement(); break;
    case Decision::clarify: line("  ", i18n::tr(m_lang, "not ranked: goes to clarifying discussions")); break;
    case Decision::pending: line("  ", i18n::tr(m_lang, "not ranked: awaits review")); break;
    case Decision::reject:
      line("  ", m_view.resolution ? i18n::tr(m_lang, "not ranked: rejected by resolution")
                                   : i18n::tr(m_lang, "not ranked: rejected"));
      break;
    }
  }

  // The rank, then what the funding line made of it: the application's pool's line, with pools.
  void write_placement() {
    int rank = m_view.placement ? m_view.placement->rank : 0;
    int p = m_view.placement ? m_view.placement->pool : -1;
    const core::PoolLine* pool =
        p >= 0 && static_cast<size_t>(p) < m_info.pools.size() ? &m_info.pools[static_cast<size_t>(p)] : nullptr;
    std::string in_pool = pool ? " " + i18n::trf(m_lang, "in pool {}", pool->id) : "";
    core::Money budget = pool ? pool->budget : m_info.budget;
    core::Money used = pool ? pool->used : m_info.used;
    int funded = pool ? pool->funded : m_info.funded;
    std::string_view outcome =
        m_view.decision == Decision::fund ? i18n::tr(m_lang, "funded") : decision(Decision::reserve);
    if (m_info.screening)
      line("  ", i18n::trf(m_lang, "rank {} of {} on the final line{} (resolved funds first): {}", rank,
                           pool ? pool->placed : m_info.screening->placed, in_pool, outcome));
    else
      line("  ", i18n::trf(m_lang, "rank {} of {} eligible{}: {}", rank, pool ? pool->placed : m_info.eligible, in_pool,
                           outcome));
    if (m_view.decision == Decision::fund) {
      core::Money cumulative = m_view.placement ? m_view.placement->cumulative : core::Money{};
      return line("  ", i18n::trf(m_lang, "cumulative {} of {}", amount(cumulative), money(budget)));
    }
    if (m_view.resolution)
      return line("  ", i18n::tr(m_lang, "a resolved reserve: placed after the funding line, it draws nothing"));
    bool strict = !m_info.set || m_info.set->funding == core::FundingPolicy::strict;
    if (strict && rank > funded + 1)
      return line("  ", i18n::trf(m_lang, "the funding line stopped above it, at rank {}", funded + 1));
    core::Money left{budget.cents - used.cents};
    if (strict)
      return line("  ", i18n::trf(m_lang, "it did not fit the remaining budget: requested {}, left {} of {}",
                                  money(m_a.amount), amount(left), money(budget)));
    line("  ", i18n::trf(m_lang, "it did not fit the budget left at its rank: requested {}", money(m_a.amount)));
  }

  const core::RunInfo& m_info;
  const core::ApplicationView& m_view;
  const core::Assessed& m_a;
  std::ostream& m_out;
  WriterOptions m_options;
  i18n::Lang m_lang;
};

} // namespace

void write_explanation(const core::RunInfo& info, const core::ApplicationView& view, std::ostream& out,
                       WriterOptions options) {
  Explainer(info, view, out, options).write();
}

} // namespace fundscreen::report
