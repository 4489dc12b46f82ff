// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "core/impact.hpp"
#include "core/screener.hpp"
#include "report/writer.hpp"

namespace fundscreen::report {

// The ANSI colour that starts text about decision `d` (fund green, reserve cyan, clarify
// and pending yellow, reject red) when `color` is always, else nothing.
std::string_view colour_start(core::Decision d, Color color);

// The ANSI reset that ends a coloured text when `color` is always, else nothing.
std::string_view colour_end(Color color);

// `text` in the colour of decision `d` when `color` is always.
std::string paint(core::Decision d, std::string_view text, Color color);

// `text` in the colour of traffic light `light` when `color` is always.
std::string paint(core::Light light, std::string_view text, Color color);

} // namespace fundscreen::report
