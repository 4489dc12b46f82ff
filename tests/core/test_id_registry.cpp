// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "core/id_registry.hpp"

using fundscreen::core::IdRegistry;

TEST_CASE("core::IdRegistry") {
  fundscreen::util::Diagnostics found;
  SUBCASE("finds duplicates after room was made for the ids") {
    IdRegistry ids;
    ids.reserve(5000, 30000);
    for (int i = 0; i < 6000; ++i) ids.add("A" + std::to_string(i), {"apps.csv", i + 2, 1}, found);
    ids.add("A4321", {"apps.csv", 9000, 1}, found);
    CHECK(ids.size() == 6000);
    CHECK(ids.contains("A5999"));
    CHECK_FALSE(ids.contains("A6000"));
    REQUIRE(found.errors() == 1);
    CHECK(found.items()[0].message == "duplicate application id 'A4321' (first at line 4323)");
  }
  SUBCASE("ids hashed beforehand find the same duplicates") {
    IdRegistry ids;
    ids.reserve(5000, 30000);
    for (int i = 0; i < 6000; ++i) {
      std::string id = "A" + std::to_string(i);
      ids.add(id, IdRegistry::hash(id), {"apps.csv", i + 2, 1}, found);
    }
    ids.add("A4321", IdRegistry::hash("A4321"), {"apps.csv", 9000, 1}, found);
    ids.add("A4321", {"apps.csv", 9001, 1}, found);
    CHECK(ids.size() == 6000);
    REQUIRE(found.errors() == 2);
    CHECK(found.items()[0].message == "duplicate application id 'A4321' (first at line 4323)");
    CHECK(found.items()[1].message == "duplicate application id 'A4321' (first at line 4323)");
  }
  SUBCASE("making room after ids were added keeps them") {
    IdRegistry ids;
    for (int i = 0; i < 100; ++i) ids.add("B" + std::to_string(i), {"apps.csv", i + 2, 1}, found);
    ids.reserve(100000, 600000);
    for (int i = 0; i < 100; ++i) CHECK(ids.contains("B" + std::to_string(i)));
    ids.add("B7", {"apps.csv", 500, 1}, found);
    CHECK(found.errors() == 1);
  }
}
