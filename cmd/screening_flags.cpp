// SPDX-License-Identifier: Apache-2.0
#include "screening_flags.hpp"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace fundscreen::cmd {

void add_screening_flags(CLI::App& app, ScreeningFlags& flags, CriteriaOption criteria) {
  app.add_option("applications", flags.applications, "Application files (CSV or YAML; - for CSV on stdin)")->required();
  if (criteria == CriteriaOption::required)
    app.add_option("--criteria,-c", flags.criteria, "The criteria set (YAML)")->required();
  app.add_option("--assessments,-a", flags.assessments, "Reviewers' assessments (CSV or YAML)");
  app.add_option("--conflicts", flags.conflicts,
                 "Declared conflicts of interest: reviewer with application and/or applicant (CSV or YAML)");
  app.add_option("--reviewers", flags.reviewers,
                 "The call's roster: reviewer (id), name, criteria (CSV or YAML); assessments and conflicts must "
                 "name its reviewers");
  app.add_option("--resolutions", flags.resolutions,
                 "Decisions taken after the screening: application, decision (fund|reserve|reject), amount_eur, "
                 "decided_on, decided_by, reason (CSV or YAML); they bind the funding line");
  app.add_option("--lang", flags.lang,
                 "Language of the output: fi, sv or en (default: the set's lang, else en); machine formats keep "
                 "their names")
      ->check(CLI::IsMember({"fi", "sv", "en"}));
  app.add_option("--timestamp", flags.timestamp,
                 "The run's timestamp in the output (default: SOURCE_DATE_EPOCH if set, else none)");
  add_input_flags(app, flags.input);
}

// SOURCE_DATE_EPOCH as an ISO 8601 UTC time, as reproducible builds define it.
static std::optional<std::string> source_date_epoch() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (!value || !*value) return std::nullopt;
  char* end = nullptr;
  long long seconds = std::strtoll(value, &end, 10);
  if (*end != '\0' || seconds < 0)
    throw util::Error(
        util::ErrorKind::usage,
        util::Diagnostic{
            {}, util::Severity::error, fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds", value), {}});
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec);
}

run::ScreeningInputs screening_inputs(const ScreeningFlags& flags) {
  run::ScreeningInputs inputs;
  inputs.applications = flags.applications;
  inputs.criteria = flags.criteria;
  inputs.assessments = flags.assessments;
  inputs.conflicts = flags.conflicts;
  inputs.reviewers = flags.reviewers;
  inputs.resolutions = flags.resolutions;
  inputs.input = input_options(flags.input);
  inputs.lang = flags.lang;
  inputs.timestamp = flags.timestamp.empty() ? source_date_epoch() : std::optional(flags.timestamp);
  inputs.tool_version = FUNDSCREEN_VERSION;
  return inputs;
}

} // namespace fundscreen::cmd
