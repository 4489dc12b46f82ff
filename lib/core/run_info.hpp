// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/funding.hpp"
#include "core/records.hpp"
#include "core/resolution.hpp"
#include "core/screener.hpp"

namespace fundscreen::core {

// One input file of a run, as the run metadata names it.
struct InputFile {
  std::string role; // "applications", "assessments" or "conflicts"
  std::string path;
  std::string sha256;
  size_t records = 0;
};

// What a screening run was, for the header of every output format: enough to tell later
// exactly which criteria and which inputs gave these decisions.
struct RunInfo {
  std::string tool_version;
  const CriteriaSet* set = nullptr;
  std::string criteria_path;
  std::string criteria_sha256;
  std::vector<InputFile> inputs;
  // Applications per decision, indexed by Decision.
  std::array<size_t, 5> counts{};
  size_t applications = 0;
  // Eligible applications (fund + reserve) and the funding line.
  size_t eligible = 0;
  int funded = 0;
  Money budget;
  Money used;
  // With pools: each pool's budget, used and funded (the totals above are all the pools').
  std::vector<PoolLine> pools;
  // Only when SOURCE_DATE_EPOCH or --timestamp gave one: reruns stay byte-identical.
  std::optional<std::string> timestamp;
  // The language of criteria titles: fi, sv or en.
  std::string lang = "en";
  // With resolutions: the screening's own picture before they bound (counts, funded, used
  // above are then the final ones); absent without resolutions.
  struct Screening {
    std::array<size_t, 5> counts{};
    int funded = 0;
    Money used;
    size_t resolutions = 0;
    // The applications on the final line (fund and reserve), resolved ones among them.
    size_t placed = 0;
  };
  std::optional<Screening> screening;
};

// One application with its whole screening, in input order, as the output formats see it.
struct ApplicationView {
  size_t index = 0; // 0-based position in the input
  // The application's fields; null when the outlines come from the first pass (a writer that
  // needs only outlines, as csv does; see run::ScreeningRun): a writer of outlines must not
  // read it.
  const Application* app = nullptr;
  // The whole screening; null when the writer asked for the outline only.
  const Assessed* assessed = nullptr;
  // The final decision: fund or reserve for eligible applications, else assessed->decision.
  Decision decision = Decision::pending;
  // Rank and cumulative amount, for eligible applications only.
  const Placement* placement = nullptr;
  // The decision alone (a replay of Detail::outline); null when `assessed` is given.
  const Outline* outline = nullptr;
  // With resolutions (RunInfo::screening): the screening's own decision and rank (0: not
  // ranked) before they bound, and the application's resolution, or null. `decision` and
  // `placement` are the final ones.
  Decision screened = Decision::pending;
  int screened_rank = 0;
  const Resolution* resolution = nullptr;
};

} // namespace fundscreen::core
