// SPDX-License-Identifier: Apache-2.0
// Resolutions: the decisions people took after the screening (in negotiations, clarifying
// discussions), and how they bind the funding line.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/funding.hpp"
#include "core/id_registry.hpp"
#include "core/screener.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::core {

// One decision a person took on an application after its screening.
struct Resolution {
  std::string application;
  Decision decision = Decision::reserve; // fund, reserve or reject
  // The amount agreed in negotiation; without it a `fund` draws the amount applied for.
  std::optional<Money> amount;
  std::string decided_on; // a date, as written (checked as a date when read)
  std::string decided_by;
  std::string reason;
  util::Location where;
  util::Location application_where;
  util::Location decision_where;
  util::Location amount_where;
  util::Location reason_where;
};

// The columns of a resolutions file: application, decision (fund|reserve|reject),
// amount_eur (optional), decided_on (a date), decided_by, reason.
std::span<const FieldSpec> resolution_fields();

// The resolutions of one run by application id: a second resolution of the same application
// is an error at its application cell (naming the first).
class Resolutions {
public:
  // Adds `r`, or reports it as a second resolution of its application.
  void add(Resolution r, util::Diagnostics& diagnostics);
  const Resolution* find(std::string_view application) const;
  const std::vector<Resolution>& all() const { return m_all; }
  bool empty() const { return m_all.empty(); }
  size_t size() const { return m_all.size(); }

private:
  std::vector<Resolution> m_all;                   // in the order read
  std::unordered_map<std::string, size_t> m_by_id; // places in m_all
};

// What the screening said of a resolved application: the first pass records it.
struct Screened {
  size_t index = 0; // its input position
  std::string id;
  Decision decision = Decision::pending; // the screening's decision before the funding line
  bool eligible = false;
  Money amount;                    // the amount applied for (the set's funding amount)
  std::vector<std::string> failed; // the criteria it failed
  int pool = -1;                   // the index of its pool in the set's pools, -1 without pools
};

// Reports each resolution of an application that `ids` lacks, with a "did you mean".
void check_resolved_known(const Resolutions& resolutions, const IdRegistry& ids, util::Diagnostics& diagnostics);

// Reports what binding `resolutions` cannot do: an application the screening does not know
// (with a "did you mean" among `ids`), a `fund` of an application that failed a criterion
// whose reason does not name every failed criterion by its id; and warns of an agreed amount
// above the amount applied for or under a tenth of it. `screened` holds what the screening
// said of each resolved application it knows.
void check_resolutions(const Resolutions& resolutions, std::span<const Screened> screened, const IdRegistry& ids,
                       util::Diagnostics& diagnostics);

// The final funding line: the resolved applications are placed first, the funded ones (in
// the order of their screening rank, then those the screening did not rank, by id) drawing
// their amount (agreed, else applied for) from the budget; the remaining ranked eligible
// applications of `ranked` (sorted by ranks_before()) are then drawn with what is left, by
// the set's policy; resolved reserves come last, and a resolved reject has no place. Ranks
// count from 1 over the whole line. Resolved funds that overspend the budget are an error
// at the last one's amount (or decision) cell unless the set's funding allows overspending.
// With pools, each pool's line is bound so on its own, within the pool's budget, by the
// applications of that pool.
FundingLine bind_resolutions(const CriteriaSet& set, const std::vector<RankEntry>& ranked, const FundingLine& screening,
                             const Resolutions& resolutions, std::span<const Screened> screened,
                             util::Diagnostics& diagnostics);

// True if `text` names `id` as a word of its own (not inside a longer id such as C10 for C1).
bool names_id(std::string_view text, std::string_view id);

} // namespace fundscreen::core
