// SPDX-License-Identifier: Apache-2.0
// What the table reader says about headers that do not line up with the schema's fields.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/header_hints.hpp"

using fundscreen::core::FieldSpec;
using fundscreen::core::FieldType;

namespace {

std::vector<FieldSpec> schema() {
  std::vector<FieldSpec> fields = {
      {"id", FieldType::string, true, {}},
      {"business_id", FieldType::string, true, {}},
      {"starts", FieldType::date, false, {}},
  };
  fields[1].columns = {"Y-tunnus", "FO-nummer", "Business ID"};
  return fields;
}

} // namespace

TEST_CASE("io::unknown_header_hint") {
  CHECK(fundscreen::io::unknown_header_hint("column", "Y-tunus", schema()) == "; did you mean 'Y-tunnus'?");
  CHECK(fundscreen::io::unknown_header_hint("column", "colour", schema()) == "");
  CHECK(fundscreen::io::unknown_header_hint("key", "business_id", schema()) ==
        "; field 'business_id' is read from the key 'Y-tunnus', 'FO-nummer' or 'Business ID' (its 'column' in the "
        "criteria set)");
}

TEST_CASE("io::missing_header_message") {
  using fundscreen::io::missing_header_message;
  auto fields = schema();
  SUBCASE("a required field names its headers, and the one that differs only in case or spaces") {
    CHECK(missing_header_message(fields[1], "column", {"BUSINESS  ID", "Y-tunnu"}, 1) ==
          "missing required column 'Y-tunnus', 'FO-nummer' or 'Business ID' for field 'business_id'; if the column "
          "'BUSINESS  ID' holds it, rename it 'Business ID'");
    CHECK(missing_header_message(fields[1], "column", {"Y-tunnu"}, 2) ==
          "missing required column 'Y-tunnus', 'FO-nummer' or 'Business ID' for field 'business_id'; if the column "
          "'Y-tunnu' holds it, rename it 'Y-tunnus'");
    CHECK(missing_header_message(fields[0], "column", {"ID"}, 2) ==
          "missing required column 'id'; if the column 'ID' holds it, rename it 'id'");
    CHECK(missing_header_message(fields[0], "column", {"colour"}, 2) == "missing required column 'id'");
  }
  SUBCASE("an optional field, with the only unknown header when it is the only field missing") {
    CHECK(missing_header_message(fields[2], "column", {"Alku"}, 1) ==
          "missing column 'starts', a field of the criteria set; if the column 'Alku' holds it, rename it 'starts'; "
          "otherwise add the column (its values may be empty)");
    CHECK(missing_header_message(fields[2], "column", {"Alku"}, 2) ==
          "missing column 'starts', a field of the criteria set; add the column (its values may be empty), or "
          "correct the spelling of the column that holds it");
  }
}

TEST_CASE("io::two_headers") {
  CHECK(fundscreen::io::two_headers(schema()[1], "key", "Y-tunnus", "Business ID") ==
        "keys 'Y-tunnus' and 'Business ID' both hold field 'business_id'; keep the one that is meant and remove the "
        "other");
}
