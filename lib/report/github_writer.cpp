// SPDX-License-Identifier: Apache-2.0
// `github`: GitHub Actions workflow commands, so that a pull request that changes the
// applications or the criteria shows each rejected application on its row of the
// applications file (::error, titled with its id, one line per failed criterion), each one
// awaiting clarification or review as a ::notice there too, and the counts and funding line
// as a last ::notice. Funded and reserve applications get no annotation. The column is left
// out: an application keeps the line of its record, not the places of its fields. Streams.
#include <fmt/format.h>

#include "report/money_text.hpp"
#include "report/problem_formats.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

class GithubWriter final : public Writer {
public:
  explicit GithubWriter(std::ostream& out) : m_out(out) {}

  void begin(const core::RunInfo& info) override { m_info = info; }

  void add(const core::ApplicationView& view) override {
    if (view.decision != Decision::reject && view.decision != Decision::clarify && view.decision != Decision::pending)
      return;
    const core::Assessed& a = *view.assessed;
    util::Location where = view.app->where;
    where.column = 0;
    std::string applicant = field_text(m_info, *view.app, "applicant");
    std::string name = applicant.empty() ? a.id : fmt::format("{} ({})", a.id, applicant);
    std::string decision(core::decision_name(view.decision));
    std::string message;
    if (view.decision == Decision::reject) {
      message = fmt::format("{}: reject, {}", name, a.decided_by);
      for (const core::CriterionResult& r : a.criteria)
        if (r.status == core::Status::fail)
          message += fmt::format("\n{} {}: {}", r.criterion->id, r.criterion->title.in(m_info.lang), r.reason);
    } else {
      message = fmt::format("{}: {}, {}", name, decision, a.decided_by);
      for (const std::string& reason : criterion_reasons(a, view.decision)) message += "\n" + reason;
    }
    m_out << github_command(view.decision == Decision::reject ? "error" : "notice", where,
                            fmt::format("fundscreen: {} {}", decision, a.id), message);
  }

  void end() override {
    std::string counts;
    for (Decision d : {Decision::fund, Decision::reserve, Decision::clarify, Decision::pending, Decision::reject})
      counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", m_info.counts[static_cast<size_t>(d)],
                            core::decision_name(d));
    std::string currency = m_info.set ? m_info.set->call.currency : "";
    std::string set = m_info.set ? fmt::format("{} version {}", m_info.set->id, m_info.set->version) : "";
    m_out << github_command("notice", {}, "fundscreen: screening",
                            fmt::format("{} applications against {}: {}; {} funded, {} of {}", m_info.applications, set,
                                        counts, m_info.funded, money_text(m_info.used, currency),
                                        money_text(m_info.budget, currency)));
  }

private:
  std::ostream& m_out;
  core::RunInfo m_info;
};

} // namespace

std::unique_ptr<Writer> make_github_writer(std::ostream& out) { return std::make_unique<GithubWriter>(out); }

} // namespace fundscreen::report
