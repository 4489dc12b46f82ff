// SPDX-License-Identifier: Apache-2.0
// run::screen() of a file large enough for the block reader's two workers gives the same csv
// and jsonl, byte for byte, as the same screening through the streaming reader.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <unistd.h>

#include "io/digest.hpp"
#include "report/writer.hpp"
#include "run/screen.hpp"
#include "run/screening_run.hpp"
#include "util/error.hpp"

namespace {

const char* const k_set = R"(
id: run
version: 1
call: {name: Run, budget: 2000000, currency: EUR}
fields:
  - {name: id, type: string, required: true}
  - {name: title, type: text}
  - {name: stage, type: enum, values: [idea, ongoing], required: true}
  - {name: requested_eur, type: money, required: true}
  - {name: score, type: number}
criteria:
  - {id: C1, title: {en: Going}, kind: rule, rule: 'app.stage == "ongoing"', protects: [go]}
  - {id: C2, title: {en: Small}, kind: rule, rule: 'app.requested_eur <= 90000', protects: [go]}
impacts:
  - {id: go, description: it goes on, indicator: outcome.continued}
ranking:
  by: expression
  expression: app.score
  tie_break: [{field: id, order: asc}]
funding: {policy: strict, amount: requested_eur}
)";

enum class Pass { in_chunks, row_by_row };

// `inner`, but formatting nothing on other threads: the writer of a screening row by row.
class RowByRow final : public fundscreen::report::Writer {
public:
  explicit RowByRow(Writer& inner) : m_inner(inner) {}
  void begin(const fundscreen::core::RunInfo& info) override { m_inner.begin(info); }
  void add(const fundscreen::core::ApplicationView& view) override { m_inner.add(view); }
  void end() override { m_inner.end(); }
  fundscreen::report::Needs needs() const override { return m_inner.needs(); }

private:
  Writer& m_inner;
};

// The output of run::screen() in `format`, formatted on the workers or row by row.
std::string output_of(const fundscreen::run::ScreeningInputs& inputs, Pass pass,
                      fundscreen::report::Format format = fundscreen::report::Format::csv) {
  std::ostringstream out;
  auto writer = fundscreen::report::make_writer(format, out, {});
  RowByRow row_by_row(*writer);
  fundscreen::run::screen(inputs, pass == Pass::in_chunks ? *writer : row_by_row, [](const auto&) {});
  return out.str();
}

// The output of a screening of `paths`; with windows-1252 the block reader leaves the file to
// the streaming reader (the file is ASCII, so the values are the same).
std::string screen(const std::vector<std::string>& paths, fundscreen::io::Encoding encoding, Pass pass,
                   fundscreen::report::Format format = fundscreen::report::Format::csv) {
  fundscreen::run::ScreeningInputs inputs;
  inputs.applications = paths;
  inputs.criteria = "set.yaml";
  inputs.criteria_text = k_set;
  inputs.input.csv.encoding = encoding;
  return output_of(inputs, pass, format);
}

// The csv of a screening as `screen` gives it (formatted in blocks) or row by row; a first
// pass in chunks keeps the outlines unless the tuning says not to.
std::string csv_of(const fundscreen::run::ScreeningInputs& inputs, Pass pass) {
  fundscreen::run::ScreeningRun run(inputs, fundscreen::report::Detail::outline);
  CHECK(run.outlines_kept() == inputs.tuning.keep_outlines); // the first pass read in chunks
  return output_of(inputs, pass);
}

// The same csv from outlines the first pass spilled, whatever the chunks, threads and the
// spill's blocks (1 MiB: in memory; 64 bytes: a file of many blocks).
void check_spilled_same(fundscreen::run::ScreeningInputs inputs) {
  inputs.tuning.keep_outlines = false;
  std::string read_twice = csv_of(inputs, Pass::in_chunks);
  inputs.tuning.keep_outlines = true;
  using fundscreen::io::BlockTuning;
  for (BlockTuning tuning : {BlockTuning{}, BlockTuning{64, 0}, BlockTuning{64, 2}, BlockTuning{700, 2}})
    for (size_t block : {size_t{1} << 20, size_t{64}, size_t{1}}) {
      CAPTURE(tuning.chunk_bytes);
      CAPTURE(tuning.workers);
      CAPTURE(block);
      inputs.tuning.block = tuning;
      inputs.tuning.spill_block_bytes = block;
      CHECK(csv_of(inputs, Pass::in_chunks) == read_twice);
      CHECK(csv_of(inputs, Pass::row_by_row) == read_twice);
    }
}

std::string temporary_path(const std::string& name) {
  return std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fundscreen-" + name + "-" +
         std::to_string(getpid());
}

} // namespace

TEST_CASE("run::ScreeningRun") {
  std::string header = "id,title,stage,requested_eur,score\n", bytes = header, first_half;
  for (int i = 0; i < 20000; ++i) {
    if (i == 10000) first_half = bytes;
    std::string n = std::to_string(i);
    bytes += "A" + n + ",\"Title " + n + " with \"\"quotes\"\",\ncommas and " +
             std::string(static_cast<size_t>(i % 90), 'x') + "\"," + (i % 7 ? "ongoing" : "idea") + "," +
             std::to_string(20000 + (i * 7919) % 90000) + "," + std::to_string(i % 13) + "." + std::to_string(i % 10) +
             "\r\n";
  }
  REQUIRE(first_half.size() > (size_t{1} << 20)); // each half large enough for two workers
  std::string path = std::string(std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp") + "/fundscreen-run-" +
                     std::to_string(reinterpret_cast<uintptr_t>(&bytes));
  std::vector<std::string> whole = {path + ".csv"}, halves = {path + "-1.csv", path + "-2.csv"};
  std::ofstream(whole[0], std::ios::binary) << bytes;
  std::ofstream(halves[0], std::ios::binary) << first_half;
  std::ofstream(halves[1], std::ios::binary) << header << bytes.substr(first_half.size());
  using fundscreen::io::Encoding;
  SUBCASE("csv") {
    std::string streamed = screen(whole, Encoding::windows_1252, Pass::row_by_row);
    CHECK(streamed.find("A7,reject,,,C1,") != std::string::npos);
    CHECK(screen(whole, Encoding::utf8, Pass::in_chunks) == streamed);
    CHECK(screen(whole, Encoding::utf8, Pass::row_by_row) == streamed);
    CHECK(screen(whole, Encoding::windows_1252, Pass::in_chunks) == streamed);
    CHECK(screen(halves, Encoding::utf8, Pass::in_chunks) == streamed); // the same applications in two files
  }
  SUBCASE("csv from the outlines the first pass spilled, in one file or two") {
    fundscreen::run::ScreeningInputs inputs;
    inputs.criteria = "set.yaml";
    inputs.criteria_text = k_set;
    std::string streamed = screen(whole, Encoding::windows_1252, Pass::row_by_row);
    for (const auto& paths : {whole, halves}) {
      inputs.applications = paths;
      for (size_t block : {size_t{1} << 20, size_t{4096}}) {
        inputs.tuning.spill_block_bytes = block;
        CHECK(csv_of(inputs, Pass::in_chunks) == streamed);
        CHECK(csv_of(inputs, Pass::row_by_row) == streamed);
      }
    }
  }
  SUBCASE("jsonl reads the applications again, spilled outlines or not") {
    fundscreen::run::ScreeningInputs inputs;
    inputs.applications = whole;
    inputs.criteria = "set.yaml";
    inputs.criteria_text = k_set;
    fundscreen::run::ScreeningRun run(inputs, fundscreen::report::Detail::outline);
    CHECK(run.outlines_kept());
    std::ostringstream out;
    auto writer = fundscreen::report::make_writer(fundscreen::report::Format::jsonl, out, {});
    writer->begin(run.info());
    run.replay(*writer);
    writer->end();
    CHECK(out.str() == screen(whole, Encoding::utf8, Pass::in_chunks, fundscreen::report::Format::jsonl));
  }
  SUBCASE("jsonl, with the lines of the applications") {
    using fundscreen::report::Format;
    std::string streamed = screen(whole, Encoding::windows_1252, Pass::row_by_row, Format::jsonl);
    CHECK(streamed.find("\"id\":\"A19999\",\"applicant\":null,\"title\":\"Title 19999 with") != std::string::npos);
    CHECK(streamed.find("\"line\":40000,") != std::string::npos);
    CHECK(screen(whole, Encoding::utf8, Pass::in_chunks, Format::jsonl) == streamed);
    CHECK(screen(whole, Encoding::utf8, Pass::row_by_row, Format::jsonl) == streamed);
    std::string in_halves = screen(halves, Encoding::utf8, Pass::in_chunks, Format::jsonl);
    CHECK(in_halves == screen(halves, Encoding::windows_1252, Pass::row_by_row, Format::jsonl));
    CHECK(in_halves.find("\"index\":19999,\"line\":20000,") != std::string::npos);
  }
  SUBCASE("a duplicate id far into the file names the line where the id was first read") {
    std::string twice = bytes;
    twice.replace(twice.find("\nA15000,") + 1, 6, "A123"); // in another chunk than A123's line
    std::ofstream(path + "-twice.csv", std::ios::binary) << twice;
    for (Encoding encoding : {Encoding::utf8, Encoding::windows_1252}) {
      try {
        screen({path + "-twice.csv"}, encoding, Pass::in_chunks);
        FAIL("no error for the duplicate id");
      } catch (const fundscreen::util::Error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].message == "duplicate application id 'A123' (first at line 248)");
        CHECK(e.diagnostics()[0].where.line == 30002);
      }
    }
    std::remove((path + "-twice.csv").c_str());
  }
  SUBCASE("the inputs' SHA-256 are of the bytes parsed, by the block reader or the streaming one") {
    using fundscreen::io::sha256_hex;
    fundscreen::run::ScreeningInputs inputs;
    inputs.criteria = "set.yaml";
    inputs.criteria_text = k_set;
    for (Encoding encoding : {Encoding::utf8, Encoding::windows_1252}) {
      inputs.input.csv.encoding = encoding;
      inputs.applications = whole;
      fundscreen::run::ScreeningRun run(inputs);
      CHECK(run.info().criteria_sha256 == sha256_hex(k_set));
      REQUIRE(run.info().inputs.size() == 1);
      CHECK(run.info().inputs[0].sha256 == sha256_hex(bytes));
      CHECK(run.info().inputs[0].records == 20000);
      inputs.applications = halves;
      fundscreen::run::ScreeningRun in_halves(inputs);
      REQUIRE(in_halves.info().inputs.size() == 2);
      CHECK(in_halves.info().inputs[0].sha256 == sha256_hex(first_half));
      CHECK(in_halves.info().inputs[1].sha256 == sha256_hex(header + bytes.substr(first_half.size())));
    }
    inputs.digests = fundscreen::run::Digests::skip;
    fundscreen::run::ScreeningRun skipped(inputs);
    CHECK(skipped.info().criteria_sha256.empty());
    CHECK(skipped.info().inputs[0].sha256.empty());
  }
  SUBCASE("standard input's SHA-256 is of the bytes read from it") {
    fundscreen::run::ScreeningInputs inputs;
    inputs.criteria = "set.yaml";
    inputs.criteria_text = k_set;
    inputs.applications = {"-"};
    std::istringstream in(bytes);
    std::streambuf* cin = std::cin.rdbuf(in.rdbuf());
    fundscreen::run::ScreeningRun run(inputs);
    std::cin.rdbuf(cin);
    REQUIRE(run.info().inputs.size() == 1);
    CHECK(run.info().inputs[0].path == "-");
    CHECK(run.info().inputs[0].sha256 == fundscreen::io::sha256_hex(bytes));
    size_t replayed = 0;
    run.replay(fundscreen::report::Detail::assessed, [&](const auto&) { ++replayed; });
    CHECK(replayed == 20000);
  }
  SUBCASE("a file changed between the two passes stops the run") {
    std::string changing = path + "-changing.csv";
    std::ofstream(changing, std::ios::binary) << bytes;
    fundscreen::run::ScreeningInputs inputs;
    inputs.criteria = "set.yaml";
    inputs.criteria_text = k_set;
    inputs.applications = {changing};
    fundscreen::run::ScreeningRun run(inputs);
    std::ofstream(changing, std::ios::binary | std::ios::app) << "A20000,Late,ongoing,1000,1\n";
    try {
      run.replay(fundscreen::report::Detail::assessed, [](const auto&) {});
      FAIL("no error for the changed file");
    } catch (const fundscreen::util::Error& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].message == "the file changed while it was screened");
    }
    std::remove(changing.c_str());
  }
  for (const std::string& file : {whole[0], halves[0], halves[1]}) std::remove(file.c_str());
}

TEST_CASE("run::ScreeningRun with spilled outlines") {
  fundscreen::run::ScreeningInputs inputs;
  inputs.criteria = "set.yaml";
  SUBCASE("empty ids, eligible applications first and last, several files") {
    std::string set = k_set;
    std::string required = "{name: id, type: string, required: true}";
    set.replace(set.find(required), required.size(), "{name: id, type: string}");
    set.replace(set.find("  expression: app.score"), 0, "  min_total: 0.5\n"); // rejects with a score
    inputs.criteria_text = set;
    std::string header = "id,title,stage,requested_eur,score\n";
    std::string first = header + "E1,first,ongoing,50000,3.5\n,no id,idea,40000,2\nR1,big,ongoing,95000.50,1\n" +
                        ",no id eligible,ongoing,1000,\nE2,last,ongoing,60000,4\n";
    std::string second = header + "E3,first,ongoing,80000,4\n\"Q,\"\"1\"\"\",quoted,idea,1,1\n" +
                         ",,ongoing,1000000,-1\nE4,low,ongoing,1,0.25\nE5,last,ongoing,2,0.75\n";
    std::vector<std::string> paths = {temporary_path("spill-1.csv"), temporary_path("spill-2.csv")};
    std::ofstream(paths[0], std::ios::binary) << first;
    std::ofstream(paths[1], std::ios::binary) << second;
    inputs.applications = paths;
    std::string csv = csv_of(inputs, Pass::in_chunks);
    CHECK(csv.find("\n,reject,,,C1,,,40000,failed C1\n") != std::string::npos);
    CHECK(csv.find("\n\"Q,\"\"1\"\"\",reject,") != std::string::npos);
    CHECK(csv.find("\nE4,reject,,,,,,1,score 0.25 is below the minimum total 0.5\n") != std::string::npos);
    CHECK(csv.find("\nE5,fund,") != std::string::npos);
    check_spilled_same(inputs);
    inputs.applications = {paths[1], paths[0], paths[1]}; // the same ids twice: an error
    CHECK_THROWS_AS(csv_of(inputs, Pass::in_chunks), fundscreen::util::Error);
    for (const std::string& path : paths) std::remove(path.c_str());
  }
  SUBCASE("the example call: clarify and pending, reviewers, conflicts") {
    std::string dir = std::string(FUNDSCREEN_SOURCE_DIR) + "/examples/sitra-2021/";
    inputs.criteria = std::string(FUNDSCREEN_SOURCE_DIR) + "/criteria/sitra-2021.yaml";
    inputs.applications = {dir + "applications.csv"};
    inputs.assessments = {dir + "assessments.csv"};
    inputs.conflicts = {dir + "conflicts.csv"};
    std::string csv = csv_of(inputs, Pass::in_chunks);
    for (const char* decision : {",fund,", ",reserve,", ",reject,", ",clarify,", ",pending,"})
      CHECK(csv.find(decision) != std::string::npos);
    check_spilled_same(inputs);
  }
}

TEST_CASE("run::ScreeningRun checks what the conflicts name, reading in chunks or row by row") {
  const std::vector<std::string> names = {"Alpha", "Bravo", "Charlie", "Delta", "Echo"};
  std::string set = k_set;
  set.replace(set.find("  - {name: title"), 0, "  - {name: applicant, type: string}\n");
  std::string bytes = "id,applicant,title,stage,requested_eur,score\n";
  for (int i = 0; i < 3000; ++i)
    bytes += "A" + std::to_string(i) + ",Applicant " + names[static_cast<size_t>(i) % names.size()] + ",Title " +
             std::to_string(i) + ",ongoing,1000," + std::to_string(i % 7) + "\n";
  std::string apps = temporary_path("conflicts-apps.csv"), roster = temporary_path("conflicts-roster.csv"),
              conflicts = temporary_path("conflicts.csv");
  std::ofstream(apps, std::ios::binary) << bytes;
  std::ofstream(roster, std::ios::binary) << "reviewer,name\nR1,Reviewer One\nR2,Reviewer Two\n";
  std::ofstream(conflicts, std::ios::binary)
      << "reviewer,application,applicant\nR1,A12,\nR2,,Applicant Echo\nR1,A29999,\nR3,,Applicant Bravoo\n";
  fundscreen::run::ScreeningInputs inputs;
  inputs.criteria = "set.yaml";
  inputs.criteria_text = set;
  inputs.applications = {apps};
  inputs.reviewers = roster;
  inputs.conflicts = {conflicts};
  inputs.digests = fundscreen::run::Digests::skip;
  auto problems = [&](fundscreen::io::Encoding encoding, fundscreen::io::BlockTuning tuning) {
    inputs.input.csv.encoding = encoding;
    inputs.tuning.block = tuning;
    try {
      fundscreen::run::ScreeningRun run(inputs);
    } catch (const fundscreen::util::Error& e) {
      std::string out;
      for (const auto& d : e.diagnostics())
        out += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message + "\n";
      return out;
    }
    return std::string("(no error)");
  };
  std::string expected =
      "4:4: conflict with unknown application 'A29999', not among the applications read; did you mean 'A2999'?\n"
      "5:1: unknown reviewer 'R3', not on the roster " +
      roster +
      "; add the reviewer to the roster or correct the name\n"
      "5:5: conflict with unknown applicant 'Applicant Bravoo', the applicant of none of the applications read; did "
      "you mean 'Applicant Bravo'?\n";
  using fundscreen::io::Encoding;
  CHECK(problems(Encoding::windows_1252, {}) == expected); // the streaming reader
  CHECK(problems(Encoding::utf8, {1024, 2}) == expected);  // in chunks, on two workers
  CHECK(problems(Encoding::utf8, {}) == expected);
  std::ofstream(conflicts, std::ios::binary) << "reviewer,application,applicant\nR1,A12,\nR2,,Applicant Echo\n";
  CHECK(problems(Encoding::utf8, {1024, 2}) == "(no error)");
  CHECK(problems(Encoding::windows_1252, {}) == "(no error)");
  for (const std::string& path : {apps, roster, conflicts}) std::remove(path.c_str());
}
