// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fundscreen::core {

// A calendar date, kept as days since 1970-01-01 so that comparison is exact and cheap.
struct Date {
  int32_t days = 0;
  auto operator<=>(const Date&) const = default;
};

// A calendar duration: months and days are kept apart, because a month is not a fixed
// number of days (2021-05-31 minus 3 months is 2021-02-28).
struct Duration {
  int32_t months = 0;
  int32_t days = 0;
  bool operator==(const Duration&) const = default;
};

// The date `year`-`month`-`day`, or nothing if there is no such day.
std::optional<Date> make_date(int year, unsigned month, unsigned day);

// Parses an ISO 8601 date (`2021-03-01`) or a Finnish one (`1.3.2021`). On failure returns
// nothing and sets `why` to a reason a user can act on.
std::optional<Date> parse_date(std::string_view text, std::string& why);

// The date as `YYYY-MM-DD`.
std::string to_string(Date date);
// to_string(`date`) appended to `out`, without a temporary string.
void append_date(std::string& out, Date date);
// to_string(`date`) written at `out`, which has room for k_date_room bytes; returns its end.
inline constexpr size_t k_date_room = 32;
char* write_date(char* out, Date date);

// `date` moved by `duration`; months first, the day clamped to the end of a shorter month.
Date add(Date date, Duration duration);

// The whole calendar months from `start` to `end`, the end day counted (inclusive): the
// greatest n for which `start` + n months (as add() moves it) is no later than the day
// after `end`. 2025-01-01 to 2025-12-31 is 12, 2025-03-15 to 2026-03-14 is 12, 2025-01-01 to
// 2025-12-30 is 11, 2024-01-31 to 2024-02-29 is 1; an `end` before `start` gives 0 (the day
// before) or less.
int64_t months_between(Date start, Date end);

// `duration` with its sign flipped.
Duration negate(Duration duration);

// The duration as written in rules, e.g. `3 months` or `1 month 14 days`.
std::string to_string(Duration duration);

} // namespace fundscreen::core
