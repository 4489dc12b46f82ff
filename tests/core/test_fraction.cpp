// SPDX-License-Identifier: Apache-2.0
#include <cmath>
#include <limits>
#include <string>

#include <doctest/doctest.h>

#include "core/fraction.hpp"

using fundscreen::core::Fraction;

namespace {

std::string text(std::optional<Fraction> q) {
  if (!q) return "none";
  Fraction r = fundscreen::core::reduced(*q);
  return std::to_string(r.num) + "/" + std::to_string(r.den);
}

std::string decimal(Fraction q, bool money = false) {
  bool exact = true;
  std::string out = fundscreen::core::to_decimal(q, money, exact);
  return exact ? out : "~" + out;
}

} // namespace

TEST_CASE("core::parse_decimal") {
  using fundscreen::core::parse_decimal;
  SUBCASE("reads a decimal literal exactly") {
    CHECK(text(parse_decimal("0.8")) == "4/5");
    CHECK(text(parse_decimal(".8")) == "4/5");
    CHECK(text(parse_decimal("150000")) == "150000/1");
    CHECK(text(parse_decimal("95000.50")) == "190001/2");
    CHECK(text(parse_decimal("0.1")) == "1/10");
  }
  SUBCASE("reads an exponent, with a sign or a capital E") {
    CHECK(text(parse_decimal("1.5e3")) == "1500/1");
    CHECK(text(parse_decimal("2E-1")) == "1/5");
    CHECK(text(parse_decimal("1e+2")) == "100/1");
    CHECK(text(parse_decimal("0e400")) == "0/1");
  }
  SUBCASE("trailing zeros only move the point") {
    CHECK(text(parse_decimal("0.10000000000000000000000")) == "1/10");
    CHECK(text(parse_decimal("100000000000000000000e-5")) == "1000000000000000/1");
  }
  SUBCASE("nothing for what does not fit 64 bits or is not a decimal") {
    CHECK(text(parse_decimal("1e19")) == "none");
    CHECK(text(parse_decimal("1e-19")) == "none");
    CHECK(text(parse_decimal("99999999999999999999")) == "none");
    CHECK(text(parse_decimal("1.2.3")) == "none");
    CHECK(text(parse_decimal("1e")) == "none");
    CHECK(text(parse_decimal("")) == "none");
  }
}

TEST_CASE("core::fraction_of") {
  using fundscreen::core::fraction_of;
  SUBCASE("is the decimal a person wrote, not the double's binary value") {
    CHECK(text(fraction_of(0.8)) == "4/5");
    CHECK(text(fraction_of(3.5)) == "7/2");
    CHECK(text(fraction_of(950.0005)) == "1900001/2000");
    CHECK(text(fraction_of(-2.25)) == "-9/4");
    CHECK(text(fraction_of(-0.0)) == "0/1");
    CHECK(text(fraction_of(123456789012.345)) == "24691357802469/200");
    CHECK(text(fraction_of(1e-7)) == "1/10000000");
  }
  SUBCASE("every decimal of up to 15 digits comes back as written") {
    int differ = 0;
    for (int64_t m = 1; m < 2'000'000; m += 997)
      for (int k = 0; k <= 9; ++k) {
        int64_t p = 1;
        for (int i = 0; i < k; ++i) p *= 10;
        double d = static_cast<double>(m) / static_cast<double>(p);
        auto q = fraction_of(d);
        if (!q || text(q) != text(Fraction{m, p})) ++differ;
      }
    CHECK(differ == 0);
  }
  SUBCASE("nothing for infinity, NaN and what does not fit") {
    CHECK(text(fraction_of(std::numeric_limits<double>::infinity())) == "none");
    CHECK(text(fraction_of(std::nan(""))) == "none");
    CHECK(text(fraction_of(1e300)) == "none");
  }
}

TEST_CASE("core::add_exact and the other operations") {
  using namespace fundscreen::core;
  Fraction out;
  SUBCASE("are exact where floating point is not") {
    REQUIRE(add_exact(Fraction{1, 10}, Fraction{2, 10}, out));
    CHECK(compare_exact(out, Fraction{3, 10}) == 0);
    REQUIRE(multiply_exact(Fraction{4, 5}, Fraction{25000000, 100}, out));
    CHECK(compare_exact(out, Fraction{200000, 1}) == 0);
    REQUIRE(divide_exact(Fraction{21000000, 100}, Fraction{25000000, 100}, out));
    CHECK(text(out) == "21/25");
    REQUIRE(subtract_exact(Fraction{1, 3}, Fraction{1, 2}, out));
    CHECK(text(out) == "-1/6");
  }
  SUBCASE("a divisor's sign moves to the numerator") {
    REQUIRE(divide_exact(Fraction{1, 1}, Fraction{-3, 1}, out));
    CHECK(out.den > 0);
    CHECK(text(out) == "-1/3");
  }
  SUBCASE("a result is reduced when that makes it fit, and refused when nothing does") {
    constexpr int64_t k_max = std::numeric_limits<int64_t>::max();
    REQUIRE(add_exact(Fraction{k_max - 1, 100}, Fraction{k_max - 1, 100}, out));
    CHECK(compare_exact(out, Fraction{k_max - 1, 50}) == 0);
    CHECK_FALSE(multiply_exact(Fraction{k_max, 1}, Fraction{3, 1}, out));
    CHECK_FALSE(divide_exact(Fraction{k_max, 1}, Fraction{1, 7}, out));
    CHECK_FALSE(negate_exact(Fraction{std::numeric_limits<int64_t>::min(), 1}, out));
  }
  SUBCASE("compare_exact is exact at the limits of 64 bits") {
    constexpr int64_t k_max = std::numeric_limits<int64_t>::max();
    CHECK(compare_exact(Fraction{k_max, k_max - 1}, Fraction{k_max - 1, k_max - 2}) == -1);
    CHECK(compare_exact(Fraction{-k_max, 3}, Fraction{k_max, 3}) == -1);
    CHECK(compare_exact(Fraction{2, 4}, Fraction{1, 2}) == 0);
  }
}

TEST_CASE("core::to_decimal") {
  SUBCASE("is exact when the decimal ends") {
    CHECK(decimal(Fraction{21, 25}) == "0.84");
    CHECK(decimal(Fraction{7, 2}) == "3.5");
    CHECK(decimal(Fraction{-300, 100}) == "-3");
    CHECK(decimal(Fraction{98765600, 100000}) == "987.656");
  }
  SUBCASE("money writes whole cents as amounts are written") {
    CHECK(decimal(Fraction{20000000, 100}, true) == "200000");
    CHECK(decimal(Fraction{9500050, 100}, true) == "95000.50");
    CHECK(decimal(Fraction{987656, 1000}, true) == "987.656");
  }
  SUBCASE("rounds to 12 significant digits otherwise, and says so") {
    CHECK(decimal(Fraction{2, 3}) == "~0.666666666667");
    CHECK(decimal(Fraction{-10000, 3}) == "~-3333.33333333");
    CHECK(decimal(Fraction{6666667, 8333333}) == "~0.800000072");
    CHECK(decimal(Fraction{1, 3000000}) == "~0.000000333333333333");
    CHECK(decimal(Fraction{1, 3'000'000'000'000}) == "~0.000000000000333333");
    CHECK(decimal(Fraction{10'000'000'000'000, 3}, true) == "~3333333333333.33");
  }
}

TEST_CASE("core::to_cents") {
  using fundscreen::core::to_cents;
  CHECK(to_cents(Fraction{98765600, 100000}) == 98766);
  CHECK(to_cents(Fraction{-1, 200}) == -1);
  CHECK(to_cents(Fraction{1, 300}) == 0);
  CHECK(to_cents(Fraction{std::numeric_limits<int64_t>::max(), 1}) == std::nullopt);
}
