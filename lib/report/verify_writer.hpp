// SPDX-License-Identifier: Apache-2.0
// `verify`'s output: every finding at its place, then the verdict.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "trail/check.hpp"

namespace fundscreen::report {

enum class VerifyFormat { table, json };

// Writes what `check` found of the trail at `path` (with `rescreened` applications screened
// again, when the inputs were given), in `format`.
void write_verification(std::ostream& out, const std::string& path, const trail::TrailCheck& check,
                        std::optional<size_t> rescreened, VerifyFormat format);

} // namespace fundscreen::report
