// SPDX-License-Identifier: Apache-2.0
// `junit`: each application a test case, so that a CI dashboard shows the rejections:
// reject fails, clarify and pending are skipped, fund and reserve pass. The file is valid
// against the JUnit schema of Jenkins' xunit plugin (tests/data/junit-10.xsd) and
// well-formed XML whatever the applications hold. Streams: the counts in the header come
// from the RunInfo, so nothing is kept.
#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/writers.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;

class JunitWriter final : public Writer {
public:
  explicit JunitWriter(std::ostream& out) : m_out(out) {}

  void begin(const core::RunInfo& info) override {
    m_info = info;
    std::string set_id = info.set ? info.set->id : "";
    m_classname = xml_attribute("fundscreen." + set_id);
    size_t failures = count(Decision::reject);
    size_t skipped = count(Decision::clarify) + count(Decision::pending);
    // The JUnit schema Jenkins' xunit plugin checks (junit-10.xsd) allows `skipped` on a
    // testsuite only: the one suite carries it.
    std::string counts = fmt::format(R"(tests="{}" failures="{}" errors="0")", info.applications, failures);
    m_out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    m_out << fmt::format("<testsuites name=\"fundscreen\" {}>\n", counts);
    std::string suite = info.set ? info.set->id + " " + info.set->version : "";
    m_out << fmt::format("  <testsuite name=\"{}\" {} skipped=\"{}\">\n", xml_attribute(suite), counts, skipped);
  }

  void add(const core::ApplicationView& view) override {
    const core::Assessed& a = *view.assessed;
    std::string applicant = field_text(m_info, *view.app, "applicant");
    std::string name = applicant.empty() ? a.id : a.id + " " + applicant;
    m_out << fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n", m_classname, xml_attribute(name));
    switch (view.decision) {
    case Decision::reject: write_failure(a); break;
    case Decision::clarify:
    case Decision::pending:
      m_out << fmt::format("      <skipped message=\"{}\"/>\n", xml_attribute(reason_line(a, view.decision)));
      break;
    case Decision::fund:
    case Decision::reserve: write_placement(view); break;
    }
    m_out << "    </testcase>\n";
  }

  void end() override { m_out << "  </testsuite>\n</testsuites>\n"; }

private:
  size_t count(Decision d) const { return m_info.counts[static_cast<size_t>(d)]; }

  // One line per failed criterion: its id, title and reason.
  void write_failure(const core::Assessed& a) {
    std::string body;
    for (const core::CriterionResult& r : a.criteria)
      if (r.status == core::Status::fail)
        body += fmt::format("{} {}: {}\n", r.criterion->id, r.criterion->title.in(m_info.lang), r.reason);
    if (body.empty()) body = a.decided_by + "\n";
    body.pop_back();
    m_out << fmt::format("      <failure message=\"{}\" type=\"reject\">{}</failure>\n", xml_attribute(a.decided_by),
                         xml_text(body));
  }

  void write_placement(const core::ApplicationView& view) {
    std::string currency = m_info.set ? m_info.set->call.currency : "";
    std::string text = fmt::format("rank {} of {} eligible: {}", view.placement ? view.placement->rank : 0,
                                   m_info.eligible, core::decision_name(view.decision));
    if (view.decision == Decision::fund && view.placement)
      text += fmt::format(" (cumulative {} of {})", money_text(view.placement->cumulative, currency),
                          money_text(m_info.budget, currency));
    m_out << fmt::format("      <system-out>{}</system-out>\n", xml_text(text));
  }

  std::ostream& m_out;
  core::RunInfo m_info;
  std::string m_classname;
};

} // namespace

std::unique_ptr<Writer> make_junit_writer(std::ostream& out) { return std::make_unique<JunitWriter>(out); }

} // namespace fundscreen::report
