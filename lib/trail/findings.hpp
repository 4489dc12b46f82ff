// SPDX-License-Identifier: Apache-2.0
// What `verify` found wrong with a trail, each at its place, and the alignment of a trail's
// units with the list in its seal that names the first unit changed, removed, inserted or
// moved.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trail/sha256.hpp"

namespace fundscreen::trail {

enum class FindingKind {
  changed,   // a unit's bytes differ from the sealed ones, in place
  removed,   // a sealed unit is not in the file
  inserted,  // a unit of the file is not in the seal
  moved,     // a sealed unit is at another place
  truncated, // the file ends early: no seal, a document cut off, units missing at the end
  stray,     // text that is neither a unit nor the seal
  seal,      // the seal itself was edited or is damaged
  signature, // the signature does not verify, or is not by the expected key
  input,     // an input's SHA-256 differs from the trail's
  decision,  // a re-screened application differs from the recorded one
  more,      // past the limit: more differences follow
};

std::string_view finding_kind_name(FindingKind kind);

struct Finding {
  FindingKind kind = FindingKind::changed;
  uint64_t line = 0; // in the trail, from 1; 0 for the trail as a whole
  std::string id;    // the application's id, where the unit has one
  std::string message;
};

// A unit of the file as a finding names it.
struct UnitPlace {
  uint64_t line = 1;
  std::string id;
};

// The differences between the seal's list `sealed` and the units in the file, `actual` at
// `places`, as findings in the order of the file; `end_line` is the line after the last
// unit. At most `limit` findings, then one of kind `more`.
std::vector<Finding> compare_units(const std::vector<Digest>& sealed, const std::vector<Digest>& actual,
                                   const std::vector<UnitPlace>& places, uint64_t end_line, size_t limit = 1000);

} // namespace fundscreen::trail
