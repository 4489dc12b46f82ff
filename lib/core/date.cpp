// SPDX-License-Identifier: Apache-2.0
#include "core/date.hpp"

#include <charconv>
#include <chrono>
#include <cstring>

#include <fmt/format.h>

namespace fundscreen::core {

namespace chr = std::chrono;

static Date from_ymd(chr::year_month_day ymd) {
  return Date{static_cast<int32_t>(chr::sys_days(ymd).time_since_epoch().count())};
}

static chr::year_month_day to_ymd(Date date) { return chr::year_month_day(chr::sys_days(chr::days(date.days))); }

std::optional<Date> make_date(int year, unsigned month, unsigned day) {
  chr::year_month_day ymd{chr::year(year), chr::month(month), chr::day(day)};
  if (!ymd.ok()) return std::nullopt;
  return from_ymd(ymd);
}

static bool parse_number(std::string_view text, int& out) {
  if (text.empty() || text.size() > 4) return false;
  for (char c : text) // digits only: no sign, so that "-020" is not a year
    if (c < '0' || c > '9') return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

static const char* const k_date_shapes = "write dates as YYYY-MM-DD, e.g. 2021-03-01";

// Splits `text` on `sep` into exactly three numbers.
static bool split3(std::string_view text, char sep, int (&parts)[3], size_t (&widths)[3]) {
  for (int i = 0; i < 3; ++i) {
    size_t cut = i < 2 ? text.find(sep) : text.size();
    if (cut == std::string_view::npos) return false;
    widths[i] = cut;
    if (!parse_number(text.substr(0, cut), parts[i])) return false;
    text.remove_prefix(i < 2 ? cut + 1 : cut);
  }
  return true;
}

// The general path: YYYY-MM-DD or D.M.YYYY, with a reason for anything else.
static std::optional<Date> parse_date_shapes(std::string_view text, std::string& why) {
  int p[3];
  size_t w[3];
  int year = 0, month = 0, day = 0;
  if (split3(text, '-', p, w) && w[0] == 4 && w[1] == 2 && w[2] == 2) {
    year = p[0], month = p[1], day = p[2];
  } else if (split3(text, '.', p, w) && w[2] == 4 && w[0] <= 2 && w[1] <= 2) {
    day = p[0], month = p[1], year = p[2];
  } else {
    why = k_date_shapes;
    return std::nullopt;
  }
  if (month < 1 || month > 12) {
    why = fmt::format("there is no month {}", month);
    return std::nullopt;
  }
  auto date = make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date) {
    auto last = chr::year_month_day_last(chr::year(year), chr::month_day_last(chr::month(month)));
    why = fmt::format("{}-{:02} has {} days", year, month, static_cast<unsigned>(last.day()));
  }
  return date;
}

// The digits of `text` as a number, if they are all digits.
static bool digits(std::string_view text, int& out) {
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

std::optional<Date> parse_date(std::string_view text, std::string& why) {
  // YYYY-MM-DD, the common case, without the general path's search and conversions.
  int year = 0, month = 0, day = 0;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4), year) &&
      digits(text.substr(5, 2), month) && digits(text.substr(8, 2), day) && month >= 1 && month <= 12)
    if (auto date = make_date(year, static_cast<unsigned>(month), static_cast<unsigned>(day))) return date;
  return parse_date_shapes(text, why);
}

std::string to_string(Date date) {
  std::string text;
  append_date(text, date);
  return text;
}

char* write_date(char* out, Date date) {
  auto ymd = to_ymd(date);
  int year = static_cast<int>(ymd.year());
  auto month = static_cast<unsigned>(ymd.month()), day = static_cast<unsigned>(ymd.day());
  if (year < 0 || year > 9999) return fmt::format_to_n(out, k_date_room, "{:04}-{:02}-{:02}", year, month, day).out;
  auto digit = [](unsigned n) { return static_cast<char>('0' + n % 10); };
  auto y = static_cast<unsigned>(year);
  char text[10] = {digit(y / 1000),   digit(y / 100), digit(y / 10), digit(y),        '-',
                   digit(month / 10), digit(month),   '-',           digit(day / 10), digit(day)};
  std::memcpy(out, text, sizeof text);
  return out + sizeof text;
}

void append_date(std::string& out, Date date) {
  char text[k_date_room];
  out.append(text, static_cast<size_t>(write_date(text, date) - text));
}

Date add(Date date, Duration duration) {
  auto ymd = to_ymd(date);
  if (duration.months != 0) {
    chr::year_month ym = chr::year_month(ymd.year(), ymd.month()) + chr::months(duration.months);
    auto last = chr::year_month_day_last(ym.year(), chr::month_day_last(ym.month())).day();
    ymd = chr::year_month_day(ym.year(), ym.month(), std::min(ymd.day(), last));
  }
  Date moved = from_ymd(ymd);
  moved.days += duration.days;
  return moved;
}

Duration negate(Duration duration) { return Duration{-duration.months, -duration.days}; }

int64_t months_between(Date start, Date end) {
  Date after{end.days + 1};
  auto from = to_ymd(start), to = to_ymd(after);
  // The count by the calendar months alone, then one less if the day of the month is not
  // yet reached (add() clamps it, so a start on the 31st reaches the end of a short month).
  int64_t months = (static_cast<int64_t>(static_cast<int>(to.year())) - static_cast<int>(from.year())) * 12 +
                   (static_cast<int64_t>(static_cast<unsigned>(to.month())) - static_cast<unsigned>(from.month()));
  if (add(start, Duration{static_cast<int32_t>(months), 0}) > after) --months;
  return months;
}

std::string to_string(Duration duration) {
  auto part = [](int32_t n, const char* unit) { return fmt::format("{} {}{}", n, unit, n == 1 || n == -1 ? "" : "s"); };
  if (duration.months != 0 && duration.days != 0)
    return part(duration.months, "month") + " + " + part(duration.days, "day");
  if (duration.days != 0) return part(duration.days, "day");
  return part(duration.months, "month");
}

} // namespace fundscreen::core
