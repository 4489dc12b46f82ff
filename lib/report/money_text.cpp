// SPDX-License-Identifier: Apache-2.0
#include "report/money_text.hpp"

#include <fmt/format.h>

namespace fundscreen::report {

std::string money_text(core::Money money, std::string_view currency) {
  int64_t cents = money.cents < 0 ? -money.cents : money.cents;
  std::string whole = std::to_string(cents / 100);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ' ';
    grouped += whole[i];
  }
  std::string text = fmt::format("{}{}.{:02}", money.cents < 0 ? "-" : "", grouped, cents % 100);
  if (!currency.empty()) text += fmt::format(" {}", currency);
  return text;
}

} // namespace fundscreen::report
