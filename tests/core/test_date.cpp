// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "core/date.hpp"
#include "test_builders.hpp"

using fundscreen::core::add;
using fundscreen::core::Date;
using fundscreen::core::Duration;
using fundscreen::core::make_date;
using fundscreen::core::negate;
using fundscreen::core::parse_date;
using fundscreen::core::to_string;
using fundscreen::testing::date;

namespace {

// The date `text` reads as, or "error: WHY".
std::string parsed(std::string_view text) {
  std::string why;
  auto d = parse_date(text, why);
  return d ? to_string(*d) : "error: " + why;
}

std::string moved(std::string_view from, Duration by) { return to_string(add(date(from), by)); }

} // namespace

TEST_CASE("core::parse_date") {
  SUBCASE("reads ISO dates") {
    CHECK(parsed("2021-03-01") == "2021-03-01");
    CHECK(parsed("1999-12-31") == "1999-12-31");
  }
  SUBCASE("reads Finnish dates with or without leading zeros") {
    CHECK(parsed("1.3.2021") == "2021-03-01");
    CHECK(parsed("01.03.2021") == "2021-03-01");
    CHECK(parsed("31.12.2021") == "2021-12-31");
  }
  SUBCASE("accepts 29 February in a leap year") {
    CHECK(parsed("2020-02-29") == "2020-02-29");
    CHECK(parsed("29.2.2020") == "2020-02-29");
  }
  SUBCASE("rejects a day the month does not have, saying how many it has") {
    CHECK(parsed("2021-02-30") == "error: 2021-02 has 28 days");
    CHECK(parsed("2021-02-29") == "error: 2021-02 has 28 days");
    CHECK(parsed("2021-04-31") == "error: 2021-04 has 30 days");
    CHECK(parsed("31.4.2021") == "error: 2021-04 has 30 days");
  }
  SUBCASE("rejects a month that does not exist") {
    CHECK(parsed("2021-13-01") == "error: there is no month 13");
    CHECK(parsed("2021-00-10") == "error: there is no month 0");
    CHECK(parsed("1.13.2021") == "error: there is no month 13");
  }
  SUBCASE("rejects other shapes, saying how to write a date") {
    const std::string shapes = "error: write dates as YYYY-MM-DD, e.g. 2021-03-01";
    CHECK(parsed("2021/03/01") == shapes);
    CHECK(parsed("2021-3-1") == shapes);
    CHECK(parsed("21-03-01") == shapes);
    CHECK(parsed("1.3.21") == shapes);
    CHECK(parsed("March 1, 2021") == shapes);
    CHECK(parsed("2021-03-01T10:00") == shapes);
    CHECK(parsed("") == shapes);
  }
}

TEST_CASE("core::make_date") {
  CHECK(make_date(2021, 3, 1) == date("2021-03-01"));
  CHECK_FALSE(make_date(2021, 2, 29).has_value());
  CHECK(make_date(2020, 2, 29).has_value());
  CHECK_FALSE(make_date(2021, 13, 1).has_value());
}

TEST_CASE("core::Date ordering") {
  CHECK(date("2020-12-01") < date("2020-12-02"));
  CHECK(date("2020-12-31") < date("2021-01-01"));
  CHECK(date("1.3.2021") == date("2021-03-01"));
}

TEST_CASE("core::add") {
  SUBCASE("moving back by months clamps the day to the end of a shorter month") {
    CHECK(moved("2021-05-31", Duration{-3, 0}) == "2021-02-28");
    CHECK(moved("2020-05-31", Duration{-3, 0}) == "2020-02-29");
    CHECK(moved("2021-03-31", Duration{-1, 0}) == "2021-02-28");
  }
  SUBCASE("moving forward by months clamps the day too") {
    CHECK(moved("2021-01-31", Duration{1, 0}) == "2021-02-28");
    CHECK(moved("2021-01-31", Duration{3, 0}) == "2021-04-30");
    CHECK(moved("2020-02-29", Duration{12, 0}) == "2021-02-28");
  }
  SUBCASE("months cross years") {
    CHECK(moved("2021-03-01", Duration{-3, 0}) == "2020-12-01");
    CHECK(moved("2021-12-15", Duration{1, 0}) == "2022-01-15");
  }
  SUBCASE("days cross months and years") {
    CHECK(moved("2020-12-31", Duration{0, 1}) == "2021-01-01");
    CHECK(moved("2021-01-01", Duration{0, -1}) == "2020-12-31");
    CHECK(moved("2021-03-01", Duration{0, -1}) == "2021-02-28");
    CHECK(moved("2020-03-01", Duration{0, -1}) == "2020-02-29");
    CHECK(moved("2021-03-01", Duration{0, 365}) == "2022-03-01");
  }
  SUBCASE("months are added before days") {
    // 2021-01-31 + 1 month is 2021-02-28, then + 1 day is 2021-03-01.
    CHECK(moved("2021-01-31", Duration{1, 1}) == "2021-03-01");
  }
  SUBCASE("nothing moves by an empty duration") { CHECK(moved("2021-03-01", Duration{}) == "2021-03-01"); }
}

TEST_CASE("core::negate") {
  CHECK(negate(Duration{3, 14}) == Duration{-3, -14});
  CHECK(negate(Duration{-1, 0}) == Duration{1, 0});
}

TEST_CASE("core::to_string") {
  SUBCASE("writes a date as YYYY-MM-DD with zeros") {
    CHECK(to_string(date("1.3.2021")) == "2021-03-01");
    CHECK(to_string(Date{0}) == "1970-01-01");
  }
  SUBCASE("appends a date to what the string holds, years outside 0-9999 too") {
    std::string out = "on ";
    fundscreen::core::append_date(out, Date{-719468}); // 0000-03-01
    out += ", ";
    fundscreen::core::append_date(out, date("2021-03-01"));
    CHECK(out == "on 0000-03-01, 2021-03-01");
    CHECK(to_string(Date{2932897}) == "10000-01-01");
    CHECK(to_string(Date{-719529}) == "-001-12-31"); // as fmt pads a sign into the width
  }
  SUBCASE("writes a duration as rules write it") {
    CHECK(to_string(Duration{3, 0}) == "3 months");
    CHECK(to_string(Duration{1, 0}) == "1 month");
    CHECK(to_string(Duration{0, 14}) == "14 days");
    CHECK(to_string(Duration{0, 1}) == "1 day");
    CHECK(to_string(Duration{1, 14}) == "1 month + 14 days");
    CHECK(to_string(Duration{-3, 0}) == "-3 months");
    CHECK(to_string(Duration{0, 0}) == "0 months");
  }
}

// Regression (found by fuzz_money_date): a sign inside a Finnish date was read as a
// negative year.
TEST_CASE("core::parse_date rejects signs") {
  std::string why;
  CHECK_FALSE(parse_date("3.4.-020", why));
  CHECK(why == "write dates as YYYY-MM-DD, e.g. 2021-03-01");
  CHECK_FALSE(parse_date("+021-03-01", why));
}

TEST_CASE("core::months_between") {
  auto months = [](std::string_view start, std::string_view end) {
    return fundscreen::core::months_between(date(start), date(end));
  };
  SUBCASE("counts whole calendar months, the end day included") {
    CHECK(months("2025-01-01", "2025-12-31") == 12);
    CHECK(months("2025-03-15", "2026-03-14") == 12);
    CHECK(months("2025-01-01", "2025-12-30") == 11);
    CHECK(months("2025-01-01", "2025-01-31") == 1);
    CHECK(months("2025-01-01", "2025-01-30") == 0);
    CHECK(months("2025-01-01", "2028-12-31") == 48);
  }
  SUBCASE("a start at a month's end reaches the end of a shorter month, as date + 1 month does") {
    CHECK(months("2024-01-31", "2024-02-29") == 1);
    CHECK(months("2024-01-31", "2024-02-28") == 1); // 2024-01-31 + 1 month is 2024-02-29
    CHECK(months("2024-01-31", "2024-02-27") == 0);
    CHECK(months("2025-01-31", "2025-02-27") == 1); // 2025-01-31 + 1 month is 2025-02-28
    CHECK(months("2025-01-31", "2025-02-26") == 0);
    CHECK(months("2024-02-29", "2025-02-27") == 12);
    CHECK(months("2024-02-29", "2025-02-26") == 11);
    CHECK(months("2025-05-31", "2025-06-29") == 1);
  }
  SUBCASE("an end the day before the start is 0 months, an earlier end a negative count") {
    CHECK(months("2025-03-01", "2025-02-28") == 0);
    CHECK(months("2025-03-01", "2025-02-27") == -1);
    CHECK(months("2025-03-01", "2025-01-31") == -1);
    CHECK(months("2025-03-01", "2025-01-30") == -2);
    CHECK(months("2025-12-31", "2025-01-01") == -12);
  }
  SUBCASE("agrees with date + n months - 1 day <= end for every start and end in two years") {
    int disagree = 0;
    for (int32_t s = 19723; s < 19723 + 731; s += 3) { // 2024-01-01 on
      for (int32_t e = s - 40; e < s + 800; e += 7) {
        int64_t n = fundscreen::core::months_between(Date{s}, Date{e});
        Date next = add(Date{s}, Duration{static_cast<int32_t>(n) + 1, 0});
        Date reached = add(Date{s}, Duration{static_cast<int32_t>(n), 0});
        if (!(reached.days <= e + 1 && next.days > e + 1)) ++disagree;
      }
    }
    CHECK(disagree == 0);
  }
}
