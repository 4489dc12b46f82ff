// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "core/score.hpp"

using fundscreen::core::Score;

TEST_CASE("core::to_string(Score)") {
  SUBCASE("rounds half away from zero at two decimals") {
    CHECK(to_string(Score(25, 6)) == "4.17");
    CHECK(to_string(Score(4, 1)) == "4.00");
    CHECK(to_string(Score(1, 200)) == "0.01");
    CHECK(to_string(Score(-1, 200)) == "-0.01");
    CHECK(to_string(Score(-23, 6)) == "-3.83");
    CHECK(to_string(Score(-1, 1000)) == "0.00");
  }
  SUBCASE("appends to what the string holds") {
    std::string out = "score ";
    append_score(out, Score(-7, 2));
    CHECK(out == "score -3.50");
  }
}

TEST_CASE("core::to_string_below") {
  using fundscreen::core::Score;
  using fundscreen::core::to_string_below;
  SUBCASE("two decimals when they read below the limit") {
    CHECK(to_string_below(Score(27, 8), Score(7, 2)) == "3.38"); // 3.375 against 3.5
  }
  SUBCASE("more decimals, cut, when two would round up to the limit") {
    CHECK(to_string_below(Score(3497, 1000), Score(7, 2)) == "3.497");
    CHECK(to_string_below(Score(3496, 1000), Score(7, 2)) == "3.496");
    CHECK(to_string_below(Score(10499, 3000), Score(7, 2)) == "3.499"); // 3.49966… against 3.5
    CHECK(to_string_below(Score(-1, 1000), Score(0, 1)) == "-0.001");
  }
}
