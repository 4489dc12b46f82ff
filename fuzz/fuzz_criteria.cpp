// SPDX-License-Identifier: Apache-2.0
// Fuzzes the criteria loader and lint checks; a set without problems is then used to screen
// an application with every field missing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/assessment_index.hpp"
#include "core/screener.hpp"
#include "io/criteria_loader.hpp"
#include "util/error.hpp"

using namespace fundscreen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    io::CriteriaCheck check = io::check_criteria(text, "set.yaml");
    for (const util::Diagnostic& d : check.problems) (void)util::format_diagnostic(d);
    if (!check.problems.empty()) return 0;
    const core::CriteriaSet& set = check.set;
    core::AssessmentIndex assessments(set);
    core::Screener screener(set, &assessments, nullptr);
    core::Application app;
    app.values.resize(set.fields.size());
    app.where = util::Location{"applications.csv", 2, 1};
    core::Assessed result = screener.assess(app, core::TraceReads::yes);
    (void)result;
  } catch (const util::Error&) {
    // Text that is not YAML at all: expected.
  }
  return 0;
}
