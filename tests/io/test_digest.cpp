// SPDX-License-Identifier: Apache-2.0
// Every reader hashes the bytes it reads as it reads them: its digest is the SHA-256 of the
// file's bytes (computed here from the bytes written), whichever path reads it, and the hash
// of what it parsed when the file changes during the read.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <unistd.h>

#include "core/criteria_set.hpp"
#include "io/block_csv.hpp"
#include "io/criteria_loader.hpp"
#include "io/digest.hpp"
#include "io/file.hpp"
#include "io/record_loaders.hpp"
#include "io/resolution_loader.hpp"
#include "io/table_reader.hpp"
#include "test_files.hpp"

using fundscreen::io::InputOptions;
using fundscreen::io::Sha256;
using fundscreen::io::sha256_hex;
using fundscreen::testing::source_file;
using fundscreen::testing::TempFile;

namespace {

const char* const k_set = R"(
id: digest
version: 1
call: {name: Digest, budget: 100000, currency: EUR}
fields:
  - {name: id, type: string, required: true}
  - {name: title, type: text}
  - {name: stage, type: enum, values: [idea, ongoing], required: true}
  - {name: requested_eur, type: money, required: true}
criteria:
  - {id: C1, title: {en: Going}, kind: rule, rule: 'app.stage == "ongoing"', protects: [go]}
impacts:
  - {id: go, description: it goes on, indicator: outcome.continued}
ranking: {tie_break: [{field: id}]}
)";

// `n` applications, one a line; ids `<letter>0001`, ...
std::string applications(size_t n, char letter = 'A', const std::string& line_end = "\n") {
  std::string csv = "id,title,stage,requested_eur" + line_end;
  for (size_t i = 1; i <= n; ++i) {
    std::string number = std::to_string(10000 + i).substr(1);
    csv += letter + number + ",\"Project \"\"" + number + "\"\"\"," + (i % 3 ? "ongoing" : "idea") + "," +
           std::to_string(1000 * i) + line_end;
  }
  return csv;
}

// Collects the ids of the applications read in chunks, and calls `after_chunk` on the
// caller's thread after each chunk was handed over.
class IdsJob final : public fundscreen::io::ChunkJob {
public:
  IdsJob(int id_field, std::function<void(const fundscreen::io::CsvChunk&)> after_chunk = {})
      : m_id_field(id_field), m_after_chunk(std::move(after_chunk)) {}
  std::vector<std::string> ids;

  std::unique_ptr<Output> output() override { return std::make_unique<Ids>(); }
  std::unique_ptr<Worker> worker() override { return std::make_unique<Taker>(m_id_field); }
  void done(const fundscreen::io::CsvChunk& chunk, Output& out) override {
    for (std::string& id : static_cast<Ids&>(out).ids) ids.push_back(std::move(id));
    if (m_after_chunk) m_after_chunk(chunk);
  }

private:
  struct Ids final : Output {
    std::vector<std::string> ids;
  };
  struct Taker final : Worker {
    explicit Taker(int id_field) : field(id_field) {}
    void start(const fundscreen::io::CsvChunk&, Output& out) override { static_cast<Ids&>(out).ids.clear(); }
    void row(fundscreen::core::Application& app, Output& out) override {
      static_cast<Ids&>(out).ids.push_back(std::get<std::string>(app.values[static_cast<size_t>(field)]));
    }
    int field;
  };
  int m_id_field;
  std::function<void(const fundscreen::io::CsvChunk&)> m_after_chunk;
};

} // namespace

TEST_CASE("io::Sha256") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 pieces; // fed in pieces, the same hash as at once
  for (std::string_view piece : {"a", "", "bc"}) pieces.update(piece);
  CHECK(pieces.hex() == sha256_hex("abc"));
}

TEST_CASE("io::BlockCsvApplications hashes the bytes it reads, in file order") {
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  int id = set.field_index("id");
  for (const std::string& line_end : {std::string("\n"), std::string("\r\n")})
    for (const std::string& bom : {std::string(), std::string("\xEF\xBB\xBF")}) {
      std::string bytes = bom + applications(3000, 'A', line_end);
      TempFile file(bytes, "csv");
      using fundscreen::io::BlockTuning;
      for (BlockTuning tuning : {BlockTuning{}, BlockTuning{64, 0}, BlockTuning{64, 2}, BlockTuning{1000, 2}}) {
        CAPTURE(tuning.chunk_bytes);
        CAPTURE(tuning.workers);
        fundscreen::io::BlockCsvApplications reader(set, {}, fundscreen::io::fields_screening_reads(set), tuning);
        IdsJob job(id);
        fundscreen::io::CsvLayout layout;
        Sha256 sha;
        REQUIRE(reader.read(file.path, job, &layout, nullptr, &sha));
        CHECK(job.ids.size() == 3000);
        CHECK(sha.hex() == sha256_hex(bytes));
        // the second pass reads the same chunks again, and hashes nothing
        Sha256 unused;
        IdsJob replayed(id);
        REQUIRE(reader.read(file.path, replayed, nullptr, &layout, &unused));
        CHECK(unused.hex() == sha256_hex(""));
      }
    }
}

TEST_CASE("io::BlockCsvApplications: a file rewritten between two chunks has the hash of what was parsed") {
  // The file changes after the first chunk was parsed: the rest of what is parsed comes from
  // the new bytes, and so does the rest of the hash. A second read of the file for its hash,
  // before or after, would give the hash of the old or of the new file: neither was screened.
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  int id = set.field_index("id");
  std::string before = applications(200, 'A'), after = applications(200, 'B');
  REQUIRE(before.size() == after.size());
  TempFile file(before, "csv");
  size_t cut = 0;
  IdsJob job(id, [&](const fundscreen::io::CsvChunk& chunk) {
    if (cut > 0) return;
    cut = chunk.offset + chunk.bytes;
    file.write(after); // the same inode, rewritten
  });
  fundscreen::io::BlockCsvApplications reader(set, {}, fundscreen::io::fields_screening_reads(set), {512, 0});
  fundscreen::io::CsvLayout layout;
  Sha256 sha;
  REQUIRE(reader.read(file.path, job, &layout, nullptr, &sha));
  REQUIRE(cut > 0);
  REQUIRE(cut < before.size());
  std::string parsed = before.substr(0, cut) + after.substr(cut);
  std::string hash = sha.hex();
  CHECK(hash == sha256_hex(parsed));
  CHECK(hash != sha256_hex(before));
  CHECK(hash != sha256_hex(after));
  // and what was parsed is what was hashed: A ids up to the cut, B ids after it
  REQUIRE(job.ids.size() == 200);
  CHECK(job.ids.front() == "A0001");
  CHECK(job.ids.back() == "B0200");
}

TEST_CASE("io::read_table_file hashes the bytes it parses") {
  auto set = fundscreen::io::parse_criteria(k_set, "set.yaml");
  auto hash_of_read = [&](const std::string& path, InputOptions options = {}) {
    Sha256 sha;
    fundscreen::util::Diagnostics found;
    size_t rows = 0;
    fundscreen::io::read_applications(
        path, set, options, found, [&](fundscreen::core::Application&&) { ++rows; }, &sha);
    CHECK(found.errors() == 0);
    CHECK(rows > 0);
    return sha.hex();
  };
  SUBCASE("CSV, streaming, in chunks of a few bytes") {
    std::string bytes = applications(500);
    TempFile file(bytes, "csv");
    InputOptions options;
    for (size_t chunk : {size_t{7}, size_t{65536}}) {
      options.csv.chunk_size = chunk;
      CHECK(hash_of_read(file.path, options) == sha256_hex(bytes));
    }
  }
  SUBCASE("CSV in windows-1252, which the block reader leaves to the streaming one") {
    std::string bytes = "id,title,stage,requested_eur\nA1,Caf\xE9,ongoing,1000\nA2,Na\xEFve,idea,2000\n";
    TempFile file(bytes, "csv");
    InputOptions options;
    options.csv.encoding = fundscreen::io::Encoding::windows_1252;
    fundscreen::io::BlockCsvApplications reader(set, options, fundscreen::io::fields_screening_reads(set));
    IdsJob job(set.field_index("id"));
    fundscreen::io::CsvLayout layout;
    Sha256 declined;
    CHECK_FALSE(reader.read(file.path, job, &layout, nullptr, &declined));
    CHECK(hash_of_read(file.path, options) == sha256_hex(bytes));
  }
  SUBCASE("YAML") {
    std::string bytes = "applications:\n  - {id: A1, stage: ongoing, requested_eur: 1000}\n"
                        "  - {id: A2, title: Two, stage: idea, requested_eur: 2000}\n";
    TempFile file(bytes, "yaml");
    CHECK(hash_of_read(file.path) == sha256_hex(bytes));
  }
  SUBCASE("an Excel workbook, read whole once") {
    auto sitra = fundscreen::io::parse_criteria(source_file("criteria/sitra-2021.yaml"), "sitra-2021.yaml");
    std::string bytes = source_file("examples/sitra-2021/applications.xlsx");
    TempFile file(bytes, "xlsx");
    Sha256 sha;
    fundscreen::util::Diagnostics found;
    size_t rows = 0;
    fundscreen::io::read_applications(
        file.path, sitra, {}, found, [&](fundscreen::core::Application&&) { ++rows; }, &sha);
    CHECK(found.errors() == 0);
    CHECK(rows > 0);
    CHECK(sha.hex() == sha256_hex(bytes));
  }
  SUBCASE("standard input") {
    std::string bytes = applications(50);
    std::istringstream in(bytes);
    std::streambuf* cin = std::cin.rdbuf(in.rdbuf());
    std::string hash = hash_of_read("-");
    std::cin.rdbuf(cin);
    CHECK(hash == sha256_hex(bytes));
  }
}

TEST_CASE("io record loaders hash the bytes they read") {
  auto set = fundscreen::io::parse_criteria(source_file("criteria/sitra-2021.yaml"), "sitra-2021.yaml");
  fundscreen::util::Diagnostics found;
  auto check = [&](const std::string& example, const std::function<size_t(const std::string&, Sha256*)>& load) {
    CAPTURE(example);
    std::string bytes = source_file("examples/sitra-2021/" + example);
    TempFile file(bytes, example.substr(example.rfind('.') + 1));
    Sha256 sha;
    CHECK(load(file.path, &sha) > 0);
    CHECK(sha.hex() == sha256_hex(bytes));
  };
  InputOptions options;
  check("applications.csv", [&](const std::string& path, Sha256* sha) {
    size_t rows = 0;
    fundscreen::io::read_applications(
        path, set, options, found, [&](fundscreen::core::Application&&) { ++rows; }, sha);
    return rows;
  });
  check("applications.yaml", [&](const std::string& path, Sha256* sha) {
    size_t rows = 0;
    fundscreen::io::read_applications(
        path, set, options, found, [&](fundscreen::core::Application&&) { ++rows; }, sha);
    return rows;
  });
  check("assessments.csv", [&](const std::string& path, Sha256* sha) {
    fundscreen::core::AssessmentIndex index(set);
    return fundscreen::io::load_assessments(path, options, set, nullptr, index, found, sha);
  });
  check("reviewers.csv", [&](const std::string& path, Sha256* sha) {
    auto roster = fundscreen::io::read_roster(path, options, set, found, sha);
    return roster ? roster->reviewers().size() : 0;
  });
  check("conflicts.csv", [&](const std::string& path, Sha256* sha) {
    return fundscreen::io::read_conflicts(path, options, found, sha).size();
  });
  check("resolutions.csv", [&](const std::string& path, Sha256* sha) {
    return fundscreen::io::read_resolutions(path, options, found, sha).size();
  });
  check("outcomes.csv", [&](const std::string& path, Sha256* sha) {
    return fundscreen::io::read_outcomes(path, options, found, sha).size();
  });
  check("outcomes.yaml", [&](const std::string& path, Sha256* sha) {
    return fundscreen::io::read_outcomes(path, options, found, sha).size();
  });
  CHECK(found.errors() == 0);
}
