// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "core/money.hpp"

namespace fundscreen::report {

// An amount for people: a space between thousands, a dot before two decimals, then the
// currency if there is one: `697 700.50 EUR`, `-1 200.00`. Machine formats use
// core::to_string(Money) instead.
std::string money_text(core::Money money, std::string_view currency = {});

} // namespace fundscreen::report
