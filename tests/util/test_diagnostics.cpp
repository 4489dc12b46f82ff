// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "test_builders.hpp"
#include "util/diagnostics.hpp"

using fundscreen::testing::listing;
using fundscreen::util::Diagnostics;
using fundscreen::util::Location;

TEST_CASE("util::Diagnostics") {
  Diagnostics d;

  SUBCASE("counts errors and warnings apart") {
    d.error(Location{"a.csv", 2, 1}, "bad");
    d.warning(Location{"a.csv", 1, 1}, "odd");
    d.error(Location{"a.csv", 3, 1}, "worse");
    CHECK(d.errors() == 2);
    CHECK(d.warnings() == 1);
  }
  SUBCASE("sort_by_place orders by line and column within a source") {
    d.error(Location{"a.csv", 3, 1}, "third");
    d.error(Location{"a.csv", 1, 9}, "second");
    d.error(Location{"a.csv", 1, 2}, "first");
    d.sort_by_place();
    CHECK(listing(d.items()) == "1:2: first\n1:9: second\n3:1: third\n");
  }
  SUBCASE("sort_by_place keeps sources in the order they first appeared") {
    d.error(Location{"b.csv", 5, 1}, "b5");
    d.error(Location{"a.csv", 1, 1}, "a1");
    d.error(Location{"b.csv", 2, 1}, "b2");
    d.sort_by_place();
    CHECK(listing(d.items()) == "2:1: b2\n5:1: b5\n1:1: a1\n");
  }
  SUBCASE("sort_by_place keeps problems at the same place in the order found") {
    d.error(Location{"a.csv", 1, 1}, "one");
    d.error(Location{"a.csv", 1, 1}, "two");
    d.sort_by_place();
    CHECK(listing(d.items()) == "1:1: one\n1:1: two\n");
  }
}

TEST_CASE("util::first_place") {
  using fundscreen::util::first_place;
  CHECK(first_place("apps.csv", "apps.csv", 12) == "line 12");
  CHECK(first_place("more.csv", "apps.csv", 12) == "apps.csv:12");
}
