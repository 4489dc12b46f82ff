// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "core/pattern.hpp"

using fundscreen::core::Pattern;

TEST_CASE("core::Pattern") {
  std::string why;
  SUBCASE("matches the whole text only, with or without anchors") {
    auto id = Pattern::compile("[0-9]{7}-[0-9]", why);
    REQUIRE(id);
    CHECK(id->matches("1234567-8"));
    CHECK_FALSE(id->matches("x1234567-8"));
    CHECK_FALSE(id->matches("1234567-89"));
    auto anchored = Pattern::compile("^[0-9]{7}-[0-9]$", why);
    REQUIRE(anchored);
    CHECK(anchored->matches("1234567-8"));
    CHECK_FALSE(anchored->matches("1234567-8 "));
  }
  SUBCASE("reads UTF-8: a dot is one character, ä included") {
    auto p = Pattern::compile("P.lt.mo", why);
    REQUIRE(p);
    CHECK(p->matches("Pöltämo"));
  }
  SUBCASE("a pattern that does not compile gives RE2's reason") {
    CHECK_FALSE(Pattern::compile("[0-9", why));
    CHECK(why == "missing ]: [0-9");
  }
  SUBCASE("a pattern that would take exponential time with backtracking is linear") {
    auto p = Pattern::compile("(a+)+$", why);
    REQUIRE(p);
    CHECK_FALSE(p->matches(std::string(100000, 'a') + "!"));
  }
}
