// SPDX-License-Identifier: Apache-2.0
// `verify` without inputs: a split trail checked against its seal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "trail/findings.hpp"
#include "trail/seal.hpp"
#include "trail/splitter.hpp"

namespace fundscreen::trail {

// Whose key a signature was checked with.
enum class KeySource { none, own, given };

struct TrailCheck {
  std::vector<Finding> findings;
  size_t units = 0;      // in the file
  Digest head{};         // the chain over the file's units
  std::string signed_by; // the fingerprint of the key that signed it (hex), if signed
  KeySource key_source = KeySource::none;
  std::optional<ParsedSeal> seal;
};

// The facts `verify` reads of a unit: its id, decision and rank (empty when absent), as the
// splitter read them (Capture::heads).
struct UnitFacts {
  std::string id;
  std::string decision;
  std::string rank;
};
UnitFacts unit_facts(const Unit& unit);

// True if the splitter's first unit is the run of a fundscreen trail.
bool has_run_unit(const Splitter& split);

// Checks the units of `split` (after finish(), with Capture::heads) against its seal, the
// seal's head against its list and its signature, by `public_key` (raw) when given, else by
// the key in the seal. At most `limit` findings of the units' order.
TrailCheck check_trail(const Splitter& split, const std::optional<std::string>& public_key, size_t limit = 1000);

} // namespace fundscreen::trail
