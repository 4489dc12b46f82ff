// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "trail/findings.hpp"

using namespace fundscreen::trail;

namespace {

// Units named by one letter each; unit i of the file on line i + 1, its id the letter.
std::vector<Digest> units(std::string_view letters) {
  std::vector<Digest> out;
  for (char c : letters) out.push_back(sha256(std::string(1, c)));
  return out;
}

std::vector<UnitPlace> places(std::string_view letters) {
  std::vector<UnitPlace> out;
  for (size_t i = 0; i < letters.size(); ++i) out.push_back({i + 1, std::string(1, letters[i])});
  return out;
}

std::vector<Finding> compare(std::string_view sealed, std::string_view actual, size_t limit = 1000) {
  return compare_units(units(sealed), units(actual), places(actual), actual.size() + 1, limit);
}

} // namespace

TEST_CASE("trail::compare_units") {
  SUBCASE("the same units: nothing") { CHECK(compare("rabcdef", "rabcdef").empty()); }
  SUBCASE("a unit changed in place") {
    auto f = compare("rabcdef", "rabXdef");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::changed);
    CHECK(f[0].line == 4);
    CHECK(f[0].message == "application 'X' was changed after sealing (unit 4 of the seal)");
  }
  SUBCASE("a unit removed") {
    auto f = compare("rabcdef", "rabdef");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::removed);
    CHECK(f[0].line == 4);
    CHECK(f[0].message == "unit 4 of the seal was removed here");
  }
  SUBCASE("a unit inserted") {
    auto f = compare("rabcdef", "rabcXdef");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::inserted);
    CHECK(f[0].line == 5);
  }
  SUBCASE("two units swapped: one moved, named at the first line out of order") {
    auto f = compare("rabcdef", "rabdcef");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::moved);
    CHECK(f[0].line == 4);
    CHECK(f[0].message.find("the seal has it as unit") != std::string::npos);
  }
  SUBCASE("a unit moved far") {
    auto f = compare("rabcdefgh", "rbcdefgah");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::moved);
    CHECK(f[0].id == "a");
    CHECK(f[0].line == 2); // where it was taken out
    CHECK(f[0].message == "application 'a' was moved: the seal has it as unit 2, it is now unit 8");
  }
  SUBCASE("units missing at the end: cut short") {
    auto f = compare("rabcdef", "rabc");
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::truncated);
    CHECK(f[0].line == 5);
    CHECK(f[0].message == "the trail was cut short: the seal lists 7 units, the file has 4 (from unit 5 on)");
  }
  SUBCASE("past the limit, more differences follow") {
    auto f = compare("rabcdefgh", "rAbCdEfgh", 2);
    REQUIRE(f.size() == 3);
    CHECK(f[1].line == 4);
    CHECK(f[2].kind == FindingKind::more);
    CHECK(f[2].message == "more differences follow");
    auto g = compare("rabcdefgh", "rABCDEFGH", 1);
    REQUIRE(g.size() == 1);
    CHECK(g[0].kind == FindingKind::more);
    CHECK(g[0].line == 2);
  }
}
