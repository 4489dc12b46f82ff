// SPDX-License-Identifier: Apache-2.0
// The entry point of `verify`: a sealed trail checked against its seal and, given the inputs,
// against a new screening of them.
#pragma once

#include <optional>
#include <string>

#include "run/screen.hpp"
#include "trail/check.hpp"

namespace fundscreen::run {

struct VerifyInputs {
  std::string trail;
  // The PEM file of the public key the trail must be signed by.
  std::string public_key;
  // The screening's inputs, to check their SHA-256s and screen them again; absent: the
  // trail alone is checked.
  std::optional<ScreeningInputs> screening;
};

struct Verification {
  trail::TrailCheck check; // with the findings of the inputs and the re-screening
  trail::TrailFormat format = trail::TrailFormat::json;
  std::optional<size_t> rescreened; // applications screened again
};

// Reads the trail in 1 MiB pieces, checks it (trail::check_trail), and with inputs checks
// their SHA-256s against the trail's run and compares every application of a new screening
// (with the trail's timestamp and language) with the recorded one. Throws util::Error: input
// for an unreadable trail or one not written by fundscreen, and as run::screen does.
Verification verify(VerifyInputs inputs, const Warn& warn);

} // namespace fundscreen::run
