// SPDX-License-Identifier: Apache-2.0
// The resolutions' reader, on files written to the temporary folder: every error a row can
// have, at its cell, and what a good row reads as.
#include <fstream>

#include <doctest/doctest.h>
#include <unistd.h>

#include "io/resolution_loader.hpp"
#include "test_builders.hpp"

using namespace fundscreen;

namespace {

// The resolutions file `name` holding `text`, read: every problem, one `line:column: message`
// a line, then each resolution read, `application decision amount decided_on decided_by | reason`.
std::string read(const std::string& name, const std::string& text) {
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fundscreen-" +
                     std::to_string(getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  util::Diagnostics found;
  core::Resolutions resolutions = io::read_resolutions(path, io::InputOptions{}, found);
  std::remove(path.c_str());
  std::string out = testing::listing(found.items());
  for (const core::Resolution& r : resolutions.all())
    out += r.application + " " + std::string(core::decision_name(r.decision)) + " " +
           (r.amount ? core::to_string(*r.amount) : "-") + " " + r.decided_on + " " + r.decided_by + " | " + r.reason +
           "\n";
  return out;
}

const char* const k_header = "application,decision,amount_eur,decided_on,decided_by,reason\n";

} // namespace

TEST_CASE("io::read_resolutions") {
  SUBCASE("good rows: an agreed amount in Finnish form, a Finnish date, no amount") {
    CHECK(read("good.csv", std::string(k_header) + "A1,fund,\"95 000,50\",28.4.2021,ohjelmajohtaja,Sovittu.\n"
                                                   "A2,reject,,2021-04-21,ohjelmajohtaja,Ei jatkoon.\n") ==
          "A1 fund 95000.50 2021-04-28 ohjelmajohtaja | Sovittu.\n"
          "A2 reject - 2021-04-21 ohjelmajohtaja | Ei jatkoon.\n");
  }
  SUBCASE("a decision that is not fund, reserve or reject") {
    CHECK(read("decision.csv", std::string(k_header) + "A1,funded,,2021-04-28,X,Y\n") ==
          "2:4: unknown value 'funded' for field 'decision'; allowed: fund, reserve, reject (did you mean 'fund'?)\n");
  }
  SUBCASE("a bad date and a bad amount") {
    CHECK(read("cells.csv", std::string(k_header) + "A1,fund,12.345,2021-04-28,X,Y\nA2,fund,,2021-02-30,X,Y\n") ==
          "2:9: invalid money '12.345' for field 'amount_eur'; three digits after the separator is ambiguous; money "
          "has at most two decimals\n"
          "3:10: invalid date '2021-02-30' for field 'decided_on'; 2021-02 has 28 days\n");
  }
  SUBCASE("a reason missing, empty or only spaces") {
    CHECK(read("reason.csv", std::string(k_header) + "A1,fund,,2021-04-28,X,\nA2,fund,,2021-04-28,X,\"  \"\n") ==
          "2:23: missing value for required field 'reason'\n"
          "3:23: missing value for required field 'reason'\n");
  }
  SUBCASE("a missing column stops the file") {
    CHECK(read("column.csv", "application,decision,decided_on,decided_by\nA1,fund,2021-04-28,X\n") ==
          "1:1: missing required column 'reason'\n");
  }
  SUBCASE("a second resolution of one application, at its application cell") {
    CHECK(read("twice.csv", std::string(k_header) + "A1,fund,,2021-04-28,X,Y\nA1,reject,,2021-04-29,X,Z\n") ==
          "3:1: a second resolution of 'A1' (the first is on line 2); one application has one resolution: keep the "
          "one that stands\n"
          "A1 fund - 2021-04-28 X | Y\n");
  }
  SUBCASE("YAML under resolutions:") {
    CHECK(read("r.yaml", "resolutions:\n  - {application: A1, decision: reserve, decided_on: 2021-05-02, "
                         "decided_by: X, reason: Varalle.}\n") == "A1 reserve - 2021-05-02 X | Varalle.\n");
  }
}
