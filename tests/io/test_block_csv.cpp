// SPDX-License-Identifier: Apache-2.0
// The block reader of screenings: on every file it takes, the same applications (the kept
// fields, the lines) as the streaming reader; on anything else, false.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/block_csv.hpp"
#include "io/block_records.hpp"
#include "io/criteria_loader.hpp"
#include "test_files.hpp"

using fundscreen::core::Application;
using fundscreen::core::to_display;
using fundscreen::io::BlockCsvApplications;
using fundscreen::io::BlockTuning;
using fundscreen::io::fields_screening_reads;
using fundscreen::io::InputOptions;
using fundscreen::testing::TempFile;

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

Read read_block(const std::string& bytes, InputOptions options = {}, BlockTuning tuning = {},
                const char* set_text = k_set) {
  auto set = fundscreen::io::parse_criteria(set_text, "set.yaml");
  TempFile file(bytes);
  Read r;
  BlockCsvApplications reader(set, options, fields_screening_reads(set), tuning);
  r.whole = reader.read(file.path, [&](Application&& app) {
    for (auto& row : listing(set, app)) r.rows.push_back(row);
  });
  return r;
}

std::vector<std::string> read_streaming(const std::string& bytes, InputOptions options = {},
                                        const char* set_text = k_set) {
  auto set = fundscreen::io::parse_criteria(set_text, "set.yaml");
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
        "id,title,stage,requested_eur,actors\n\"A1\",\"say \"\"hi\"\"\nthere\r\nnow\rend\",ongoing,95000,\"a "
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

  SUBCASE("reads the same whatever the chunks and the threads") {
    std::vector<std::string> files = {
        // quoted line breaks of every kind, "", CRLF, empty lines, no final line end
        "id,title,stage,requested_eur,actors\n\"A1\",\"say \"\"hi\"\"\nthere\r\nnow\rend\",ongoing,95000,\"a "
        "\"\"b\"\"|c\"\n\n"
        "\r\nA2,x,idea,\"1 200,50\",a\nA3,\"\",ongoing,1,\r\nA4,\"\"\"\",idea,2,\"\n\"\nA5,,ongoing,3,x",
        // a BOM, ';' and CRLF
        "\xEF\xBB\xBFid;title;stage;requested_eur;actors\r\nA1;\"a;b\";ongoing;95 "
        "000,50;x|y\r\nA2;\"\r\n\";idea;1;\r\n",
        // line breaks that are a lone CR, and a quote inside an unquoted field
        "id,title,stage,requested_eur,actors\rA1,t,ongoing,1,a\rA2,5\" long,idea,2,b\nA3,\"q\nq\",idea,3,c\n",
    };
    for (const std::string& bytes : files) {
      CAPTURE(bytes);
      std::vector<std::string> expected = read_streaming(bytes);
      for (size_t chunk : {1, 7, 64, 1 << 18})
        for (int workers : {0, 1, 2}) {
          CAPTURE(chunk);
          CAPTURE(workers);
          Read block = read_block(bytes, {}, BlockTuning{chunk, workers});
          CHECK(block.whole);
          CHECK(block.rows == expected);
        }
    }
  }

  SUBCASE("reads across blocks: a file of several megabytes") {
    std::string bytes = "id,title,stage,requested_eur,actors\r\n";
    for (int i = 0; i < 20000; ++i)
      bytes += "A" + std::to_string(i) + ",\"Pitkä \"\"otsikko\"\",\n" +
               std::string(static_cast<size_t>(i % 300), 'x') + "\",ongoing," + std::to_string(1000 + i) +
               ",Äkäslompolo|Åbo\r\n";
    std::vector<std::string> expected = read_streaming(bytes);
    for (BlockTuning tuning : {BlockTuning{}, BlockTuning{4096, 0}, BlockTuning{4096, 2}, BlockTuning{100, 2}}) {
      CAPTURE(tuning.chunk_bytes);
      CAPTURE(tuning.workers);
      Read block = read_block(bytes, {}, tuning);
      CHECK(block.whole);
      CHECK(block.rows.size() == 20000);
      CHECK(block.rows == expected);
    }
  }

  SUBCASE("stops at what it does not handle") {
    for (std::string bytes : {
             "id,title,stage,requested_eur,actors,extra\nA1,t,ongoing,1,a,x\n", // an unknown column
             "id,title,requested_eur,actors\nA1,t,1,a\n",                       // a required column missing
             "id,stage,requested_eur,actors\nA1,ongoing,1,a\n",                 // an optional column missing
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
             "id,title,stage,requested_eur,actors\nA1,t,ongoing,1,\"a, b\"\n",  // a list cell with ','
             "id,title,stage,requested_eur,actors\nA1,t,ongoing,1,a;b\n",       // a list cell with ';'
             "id,title,stage,requested_eur,actors\nA1,t,ongoing,-1,a\n",        // money below zero
         }) {
      CAPTURE(bytes);
      CHECK_FALSE(read_block(bytes).whole);
      CHECK_FALSE(read_block(bytes, {}, BlockTuning{7, 2}).whole);
    }
  }

  SUBCASE("stops at a record longer than a chunk may grow") {
    std::string bytes = "id,title,stage,requested_eur,actors\nA1,t,ongoing,1,a\nA2,\"" + std::string(300, 'x') +
                        "\",ongoing,1,a\nA3,t,idea,2,b\n";
    for (int workers : {0, 2}) {
      CAPTURE(workers);
      CHECK(read_block(bytes, {}, BlockTuning{8, workers, 512}).whole);
      CHECK_FALSE(read_block(bytes, {}, BlockTuning{8, workers, 128}).whole);
    }
  }

  SUBCASE("stops at a bad row in any chunk, with two workers") {
    std::string bytes = "id,title,stage,requested_eur,actors\n";
    for (int i = 0; i < 5000; ++i) bytes += "A" + std::to_string(i) + ",\"t\nt\",ongoing,1,a\n";
    std::string bad = bytes + "B,t,ongoin,1,a\n";
    for (int i = 0; i < 5000; ++i) bad += "C" + std::to_string(i) + ",t,idea,1,a\n";
    CHECK(read_block(bytes, {}, BlockTuning{512, 2}).whole);
    CHECK_FALSE(read_block(bad, {}, BlockTuning{512, 2}).whole);
    CHECK_FALSE(read_block(bad + "\xE4\n", {}, BlockTuning{512, 2}).whole);
  }

  SUBCASE("leaves Windows-1252 to the streaming reader") {
    InputOptions options;
    options.csv.encoding = fundscreen::io::Encoding::windows_1252;
    CHECK_FALSE(read_block("id,title,stage,requested_eur,actors\nA1,t,ongoing,1,a\n", options).whole);
  }
}

namespace {

// The rows of a first pass in chunks (and the layout it found).
struct Collect final : fundscreen::io::ChunkJob {
  struct Rows final : Output {
    std::vector<std::pair<int, std::string>> rows; // line in the chunk, id
  };
  struct Ids final : Worker {
    void start(const fundscreen::io::CsvChunk&, Output& out) override { static_cast<Rows&>(out).rows.clear(); }
    void row(Application& app, Output& out) override {
      static_cast<Rows&>(out).rows.emplace_back(app.where.line, to_display(app.values[0]));
    }
  };
  std::unique_ptr<Output> output() override { return std::make_unique<Rows>(); }
  std::unique_ptr<Worker> worker() override { return std::make_unique<Ids>(); }
  void done(const fundscreen::io::CsvChunk& chunk, Output& out) override {
    size_t index = chunk.first_row;
    for (auto& [line, id] : static_cast<Rows&>(out).rows)
      rows.push_back(std::to_string(index++) + "@" + std::to_string(chunk.first_line + line - 1) + ": " + id);
    first_rows.push_back(chunk.first_row);
  }
  std::vector<std::string> rows;
  std::vector<size_t> first_rows;
};

} // namespace

namespace {

// Fields read from other headers (`column`), with patterns on kept fields (actors) and on
// fields a screening does not keep (business_id, note).
const char* const k_mapped_set = R"(
id: mapped
version: 1
call: {name: Mapped, budget: 100000, currency: EUR}
fields:
  - {name: id, type: string, required: true, column: [Hakemusnumero, Application number]}
  - {name: business_id, type: string, column: [Y-tunnus, Business ID], pattern: '[0-9]{7}-[0-9]'}
  - {name: note, type: text, pattern: '[^x]*'}
  - {name: stage, type: enum, values: [idea, ongoing], required: true, column: Vaihe}
  - {name: requested_eur, type: money, required: true, column: Haettu summa (€)}
  - {name: actors, type: list, column: Toimijat, pattern: '\p{Lu}.*'}
criteria:
  - {id: C1, title: {en: Going}, kind: rule, rule: 'app.stage == "ongoing" and size(app.actors) >= 0', protects: [go]}
impacts:
  - {id: go, description: it goes on, indicator: outcome.continued}
ranking: {tie_break: [{field: id}]}
)";

} // namespace

TEST_CASE("io::BlockCsvApplications with columns and patterns") {
  const std::string header = "\xEF\xBB\xBFHakemusnumero;Y-tunnus;note;Vaihe;Haettu summa (€);Toimijat\r\n";
  SUBCASE("reads the headers a field's column names, as the streaming reader does") {
    std::string bytes = header;
    for (int i = 0; i < 2000; ++i)
      bytes += "A" + std::to_string(i) + ";123456" + std::to_string(i % 10) + "-" + std::to_string(i % 7) +
               ";\"a \"\"b\"\"\";" + (i % 3 ? "ongoing" : "idea") + ";" + std::to_string(1000 + i) +
               ",50;Äkäslompolo|Åbo\r\n";
    bytes += "B1;;;idea;1;\r\n"; // empty values are not checked against a pattern
    std::vector<std::string> expected = read_streaming(bytes, {}, k_mapped_set);
    REQUIRE(expected.size() == 2001);
    for (BlockTuning tuning : {BlockTuning{}, BlockTuning{512, 0}, BlockTuning{512, 2}}) {
      CAPTURE(tuning.chunk_bytes);
      CAPTURE(tuning.workers);
      Read block = read_block(bytes, {}, tuning, k_mapped_set);
      CHECK(block.whole);
      CHECK(block.rows == expected);
    }
  }
  SUBCASE("stops at a value that does not match its pattern, kept or not, and at a header it does not take") {
    for (std::string bytes : {
             header + "A1;1234567-8;n;idea;1;Oulu\r\nA2;123456-7;n;idea;1;Oulu\r\n",       // business_id, not kept
             header + "A1;1234567-8;n;idea;1;Oulu\r\nA2;1234567-8;x;idea;1;Oulu\r\n",      // note, not kept
             header + "A1;1234567-8;n;idea;1;Oulu\r\nA2;1234567-8;n;idea;1;Oulu|kemi\r\n", // a list item, kept
             std::string("Hakemusnumero;Y-tunnus;Business ID;note;Vaihe;Haettu summa (€);Toimijat\n"
                         "A1;1234567-8;1234567-8;n;idea;1;Oulu\n"), // two of a field's columns
             std::string("id;Y-tunnus;note;Vaihe;Haettu summa (€);Toimijat\nA1;1234567-8;n;idea;1;Oulu\n"), // its name
         }) {
      CAPTURE(bytes);
      CHECK_FALSE(read_block(bytes, {}, {}, k_mapped_set).whole);
      CHECK_FALSE(read_block(bytes, {}, BlockTuning{16, 2}, k_mapped_set).whole);
    }
  }
}

TEST_CASE("io::BlockCsvApplications in chunks") {
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  std::string bytes = "id,title,stage,requested_eur,actors\r\n";
  for (int i = 0; i < 3000; ++i) bytes += "A" + std::to_string(i) + ",\"x\r\ny\",ongoing,1,a\r\n";
  TempFile file(bytes);
  BlockCsvApplications reader(set, {}, fields_screening_reads(set), BlockTuning{1000, 2});
  fundscreen::io::CsvLayout layout;
  Collect first;
  REQUIRE(reader.read(file.path, first, &layout));
  CHECK(first.rows.size() == 3000);
  CHECK(layout.chunks.size() > 10);
  CHECK(first.rows[1] == "1@4: \"A1\"");
  CHECK(first.rows.back() == "2999@6000: \"A2999\"");

  SUBCASE("a replay reads the same chunks, knowing where each starts") {
    Collect second;
    CHECK(reader.read(file.path, second, nullptr, &layout));
    CHECK(second.rows == first.rows);
    CHECK(second.first_rows == first.first_rows);
  }

  SUBCASE("a replay of a file that changed stops") {
    // a text the replay does not check, of the same size, and a later time
    auto written = std::filesystem::last_write_time(file.path);
    std::string changed = bytes;
    changed[changed.size() - 19] = 'z'; // the last title's x
    std::ofstream(file.path, std::ios::binary) << changed;
    std::filesystem::last_write_time(file.path, written + std::chrono::seconds(1));
    Collect second;
    CHECK_FALSE(reader.read(file.path, second, nullptr, &layout));
  }
}

TEST_CASE("io::last_record_end") {
  using fundscreen::io::last_record_end;
  auto end = [](std::string_view text) { return last_record_end(text.data(), text.size()); };
  CHECK(end("a,b\nc,d\ne") == 8);
  CHECK(end("a,\"b\nc\"\nd,\"e\nf") == 8); // the last line feed is inside quotes
  CHECK(end("\"a\nb") == 0);
  CHECK(end("a\r\n") == 3);
  CHECK(end("a\rb") == 0); // a lone CR is no place to split (the chunk grows instead)
  CHECK(end("") == 0);
  std::string many(1000, 'x');
  many += "\"\"\n";
  CHECK(end(many + "\"" + many) == many.size()); // quotes counted sixteen bytes at a time
}
