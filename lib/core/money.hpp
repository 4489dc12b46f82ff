// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fundscreen::core {

// An amount of money in integer cents: sums and comparisons are exact.
struct Money {
  int64_t cents = 0;
  auto operator<=>(const Money&) const = default;
};

// Parses an amount as people write it in exports: `95000`, `95000.50`, `95 000,50` (space,
// no-break space or narrow no-break space between thousands), `1,234.50`, `1.234,50`, with
// an optional `€` or `EUR`. At most two decimals. On failure returns nothing and sets `why`.
std::optional<Money> parse_money(std::string_view text, std::string& why);

// The amount as a plain decimal: `95000`, `95000.50`, `-3.05`.
std::string to_string(Money money);
// to_string(`money`) appended to `out`, without a temporary string.
void append_money(std::string& out, Money money);
// to_string(`money`) written at `out`, which has room for k_money_room bytes; returns its end.
inline constexpr size_t k_money_room = 24;
char* write_money(char* out, Money money);

} // namespace fundscreen::core
