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
