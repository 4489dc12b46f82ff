// SPDX-License-Identifier: Apache-2.0
// The block reader of screenings: on every file it takes, the same applications (the kept
// fields, the lines) as the streaming reader; on anything else, false.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/block_csv.hpp"
#include "io/criteria_loader.hpp"

using fundscreen::core::Application;
using fundscreen::core::to_display;
using fundscreen::io::BlockCsvApplications;
using fundscreen::io::fields_screening_reads;
using fundscreen::io::InputOptions;

namespace {

const char* const k_set = R"(
id: block
version: 1
call: {name: Block, budget: 100000, currency: EUR}
fields:
  - {name: id, type: string, required: true}
  - {name: title, type: text}
  - {name: stage, type: enum, values: [idea, ongoing], required: true}
  - {name: requested_eur, type: money, required: true}
  - {name: actors, type: list}
criteria:
  - {id: C1, title: {en: Going}, kind: rule, rule: 'app.stage == "ongoing" and size(app.actors) >= 0', protects: [go]}
impacts:
  - {id: go, description: it goes on, indicator: outcome.continued}
ranking: {tie_break: [{field: id}]}
)";

// A file with `bytes` that is removed at the end of the test.
struct TempFile {
  explicit TempFile(const std::string& bytes) {
    path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fundscreen-block-" +
           std::to_string(reinterpret_cast<uintptr_t>(this)) + ".csv";
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { std::remove(path.c_str()); }
  std::string path;
};

// Each application as `line: value|value|...`, only the fields a screening keeps.
std::vector<std::string> listing(const fundscreen::core::CriteriaSet& set, const Application& app) {
  std::vector<bool> keep = fields_screening_reads(set);
  std::string row = std::to_string(app.where.line) + ":";
  for (size_t f = 0; f < app.values.size(); ++f)
    if (keep[f]) row += " " + to_display(app.values[f]);
  return {row};
}

struct Read {
  bool whole = false;
  std::vector<std::string> rows;
};

Read read_block(const std::string& bytes, InputOptions options = {}) {
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  TempFile file(bytes);
  Read r;
  BlockCsvApplications reader(set, options, fields_screening_reads(set));
  r.whole = reader.read(file.path, [&](Application&& app) {
    for (auto& row : listing(set, app)) r.rows.push_back(row);
  });
  return r;
}

std::vector<std::string> read_streaming(const std::string& bytes, InputOptions options = {}) {
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  TempFile file(bytes);
  std::vector<std::string> rows;
  fundscreen::util::Diagnostics found;
  fundscreen::io::read_applications(file.path, set, options, found, [&](Application&& app) {
    for (auto& row : listing(set, app)) rows.push_back(row);
  });
  REQUIRE(found.errors() == 0);
  return rows;
}

} // namespace

TEST_CASE("io::BlockCsvApplications") {
  SUBCASE("reads what the streaming reader reads") {
    std::vector<std::string> files = {
        "id,title,stage,requested_eur,actors\r\nA1,Plain,ongoing,95000,a|b\r\nA2,,idea,12000,\r\n",
        // quotes, "" and line breaks of every kind inside quotes, empty lines, no final line end
        "id,title,stage,requested_eur,actors\n\"A1\",\"say \"\"hi\"\"\nthere\r\nnow\rend\",ongoing,95000,\"a, "
        "\"\"b\"\"|c\"\n\n"
        "\r\nA2,x,idea,\"1 200,50\",a\nA3,\"\",ongoing,1,",
        "\xEF\xBB\xBFid;title;stage;requested_eur;actors\r\nA1;\"a;b\";ongoing;95 000,50;x|y\r\n",
        "title,id,requested_eur,actors,stage\nT,A1,1,,ongoing\r",
    };
    for (const std::string& bytes : files) {
      CAPTURE(bytes);
      Read block = read_block(bytes);
      CHECK(block.whole);
      CHECK(block.rows == read_streaming(bytes));
    }
  }

  SUBCASE("reads across blocks: a file of several megabytes") {
    std::string bytes = "id,title,stage,requested_eur,actors\r\n";
    for (int i = 0; i < 20000; ++i)
      bytes += "A" + std::to_string(i) + ",\"Pitkä \"\"otsikko\"\",\n" +
               std::string(static_cast<size_t>(i % 300), 'x') + "\",ongoing," + std::to_string(1000 + i) +
               ",Äkäslompolo|Åbo\r\n";
    Read block = read_block(bytes);
    CHECK(block.whole);
    CHECK(block.rows.size() == 20000);
    CHECK(block.rows == read_streaming(bytes));
  }

  SUBCASE("stops at what it does not handle") {
    for (std::string bytes : {
             "id,title,stage,requested_eur,actors,extra\nA1,t,ongoing,1,a,x\n", // an unknown column
             "id,title,requested_eur,actors\nA1,t,1,a\n",                       // a required column missing
             "id,title,stage,requested_eur,actors\nA1,t,ongoin,1,a\n",          // a bad value
             "id,title,stage,requested_eur,actors\nA1,t,ongoing,12k,a\n",       // bad money
             "id,title,stage,requested_eur,actors\nA1,t,ongoing,1\n",           // a short row
             "id,title,stage,requested_eur,actors\n,t,ongoing,1,a\n",           // a required value missing
             "id,title,stage,requested_eur,actors\nA1,\"t\"x,ongoing,1,a\n",    // text after a closing quote
             "id,title,stage,requested_eur,actors\nA1,\"t,ongoing,1,a\n",       // an unterminated quote
             "id,title,stage,requested_eur,actors\nA1,\xE4,ongoing,1,a\n",      // not UTF-8
             "id,title,stage,requested_eur,actors\n",                           // no rows
             "\nid,title,stage,requested_eur,actors\nA1,t,ongoing,1,a\n",       // an empty first line
             "\"id\",title,stage,requested_eur,actors\nA1,t,ongoing,1,a\n",     // a quoted header
         }) {
      CAPTURE(bytes);
      CHECK_FALSE(read_block(bytes).whole);
    }
  }

  SUBCASE("leaves Windows-1252 to the streaming reader") {
    InputOptions options;
    options.csv.encoding = fundscreen::io::Encoding::windows_1252;
    CHECK_FALSE(read_block("id,title,stage,requested_eur,actors\nA1,t,ongoing,1,a\n", options).whole);
  }
}
