// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "report/writer.hpp"

namespace fundscreen::cmd {

// Colour for --color `color` (auto, always, never): auto means only on a terminal, never
// with NO_COLOR set and never into an --output file.
report::Color choose_color(const std::string& color, const std::string& output);

// Runs `write` on `out`, or, when `output` names a file, on a temporary file renamed to it
// at the end, so that nothing is ever half written.
void write_output(const std::string& output, std::ostream& out, const std::function<void(std::ostream&)>& write);

} // namespace fundscreen::cmd
