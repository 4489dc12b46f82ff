// SPDX-License-Identifier: Apache-2.0
#include "run/reviews_run.hpp"

#include <string>
#include <variant>
#include <vector>

namespace fundscreen::run {

ReviewsRun reviews(ScreeningInputs inputs) {
  ReviewsRun run;
  run.screening = std::make_unique<ScreeningRun>(std::move(inputs));
  const ScreeningRun& screening = *run.screening;
  core::PanelTally tally(screening.set(), screening.roster(), &screening.conflicts());
  int applicant_field = screening.set().field_index("applicant");
  static const std::string k_none;
  screening.replay(Detail::assessed, [&](const core::ApplicationView& view) {
    const std::string* applicant = nullptr;
    if (applicant_field >= 0) applicant = std::get_if<std::string>(&view.app->values[applicant_field]);
    tally.add(*view.assessed, applicant ? *applicant : k_none);
  });
  std::vector<std::string> order;
  for (auto& [reviewer, count] : screening.assessments().reviewer_counts()) order.push_back(reviewer);
  run.report = tally.finish(order);
  return run;
}

} // namespace fundscreen::run
