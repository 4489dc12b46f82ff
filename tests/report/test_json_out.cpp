// SPDX-License-Identifier: Apache-2.0
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "report/json_out.hpp"

using fundscreen::report::JsonOut;
using fundscreen::report::JsonStyle;

TEST_CASE("report::JsonOut") {
  std::ostringstream out;
  JsonOut json(out, JsonStyle::compact);

  SUBCASE("a top-level value is in the stream once it ends, before what the caller writes after it") {
    json.begin_object();
    json.field("a", "x\"y");
    json.end_object();
    out << '\n';
    json.begin_array();
    json.integer(1);
    json.end_array();
    out << '\n';
    CHECK(out.str() == "{\"a\":\"x\\\"y\"}\n[1]\n");
  }

  SUBCASE("end_line and flush write the lines in order") {
    for (int i = 0; i < 3; ++i) {
      json.begin_object();
      json.key("i");
      json.integer(i);
      json.end_object();
      json.end_line();
    }
    json.flush();
    CHECK(out.str() == "{\"i\":0}\n{\"i\":1}\n{\"i\":2}\n");
  }
}
