// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "core/money.hpp"

using fundscreen::core::Money;
using fundscreen::core::parse_money;
using fundscreen::core::to_string;

namespace {

// The cents `text` reads as, or "error: WHY".
std::string cents(std::string_view text) {
  std::string why;
  auto m = parse_money(text, why);
  return m ? std::to_string(m->cents) : "error: " + why;
}

const std::string k_shapes = "error: write an amount such as 12000, 12000.50 or 12 000,50";
const std::string k_ambiguous = "error: three digits after the separator is ambiguous; money has at most two decimals";

} // namespace

TEST_CASE("core::parse_money") {
  SUBCASE("reads whole amounts and decimals with a dot or a comma") {
    CHECK(cents("95000") == "9500000");
    CHECK(cents("95000.50") == "9500050");
    CHECK(cents("95000,5") == "9500050");
    CHECK(cents("0,05") == "5");
    CHECK(cents("0") == "0");
  }
  SUBCASE("reads thousands separated by a space, a no-break space or a narrow no-break space") {
    CHECK(cents("800 000,50") == "80000050");
    const std::string no_break_space = "\xC2\xA0", narrow_no_break_space = "\xE2\x80\xAF";
    CHECK(cents("800" + no_break_space + "000,50") == "80000050");
    CHECK(cents("800" + narrow_no_break_space + "000,50") == "80000050");
    CHECK(cents("1 234 567") == "123456700");
  }
  SUBCASE("reads English and Finnish thousands groups") {
    CHECK(cents("1,234.56") == "123456");
    CHECK(cents("1.234,56") == "123456");
    CHECK(cents("1,234,567") == "123456700");
    CHECK(cents("1.234.567,89") == "123456789");
  }
  SUBCASE("drops a euro sign or EUR before or after the amount") {
    CHECK(cents("\xE2\x82\xAC 12") == "1200");
    CHECK(cents("12 EUR") == "1200");
    CHECK(cents("12\xE2\x82\xAC") == "1200");
    CHECK(cents("EUR 800 000") == "80000000");
  }
  SUBCASE("reads a negative amount") {
    CHECK(cents("-3.05") == "-305");
    const std::string minus_sign = "\xE2\x88\x92"; // U+2212
    CHECK(cents(minus_sign + "3.05") == "-305");
  }
  SUBCASE("trims surrounding white space") { CHECK(cents("  12  ") == "1200"); }
  SUBCASE("rejects letters") { CHECK(cents("12k") == k_shapes); }
  SUBCASE("rejects three digits after a lone separator as ambiguous") {
    CHECK(cents("1,234") == k_ambiguous);
    CHECK(cents("12.345") == k_ambiguous);
  }
  SUBCASE("rejects more than two decimals") {
    CHECK(cents("12.3456") == "error: money has at most two decimals (cents)");
  }
  SUBCASE("rejects thousands groups that are not three digits") {
    CHECK(cents("1.2.3") == k_shapes);
    CHECK(cents("1,23,456.00") == k_shapes);
  }
  SUBCASE("rejects an empty amount and an amount with no whole part") {
    CHECK(cents("") == k_shapes);
    CHECK(cents("   ") == k_shapes);
    CHECK(cents(",50") == k_shapes);
    CHECK(cents("\xE2\x82\xAC") == k_shapes);
  }
  SUBCASE("rejects a separator with no decimals after it") { CHECK(cents("12.") == k_shapes); }
  SUBCASE("rejects an amount too large to keep in cents") {
    CHECK(cents("99999999999999999999") == "error: the amount is too large");
  }
}

TEST_CASE("core::to_string(Money)") {
  CHECK(to_string(Money{9500050}) == "95000.50");
  CHECK(to_string(Money{9500000}) == "95000");
  CHECK(to_string(Money{-305}) == "-3.05");
  CHECK(to_string(Money{5}) == "0.05");
  CHECK(to_string(Money{-5}) == "-0.05");
  CHECK(to_string(Money{0}) == "0");
  CHECK(to_string(Money{INT64_MIN}) == "-92233720368547758.08");
  std::string out = "EUR ";
  fundscreen::core::append_money(out, Money{-120});
  CHECK(out == "EUR -1.20");
}

TEST_CASE("core::Money ordering") {
  std::string why;
  auto with_cents = parse_money("95000.50", why);
  auto whole = parse_money("95000", why);
  REQUIRE(with_cents);
  REQUIRE(whole);
  CHECK(*with_cents > *whole);
  CHECK(with_cents->cents - whole->cents == 50);
  CHECK(*parse_money("95 000,50", why) == *with_cents);
}
