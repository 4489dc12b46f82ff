// SPDX-License-Identifier: Apache-2.0
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/file.hpp"
#include "run/outline_spill.hpp"
#include "util/error.hpp"

using fundscreen::core::Decision;
using fundscreen::core::Outline;
using fundscreen::core::Score;
using fundscreen::run::OutlineSpill;
using fundscreen::run::SpilledOutline;

namespace {

std::vector<std::string> blocks_of(const OutlineSpill& spill) {
  std::vector<std::string> blocks;
  spill.read([&](std::string_view block) { blocks.emplace_back(block); });
  return blocks;
}

// Sets TMPDIR for the life of the object.
class TemporaryDir {
public:
  explicit TemporaryDir(const std::string& dir) {
    if (const char* old = std::getenv("TMPDIR")) m_old = old;
    setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TemporaryDir() {
    if (m_old.empty())
      unsetenv("TMPDIR");
    else
      setenv("TMPDIR", m_old.c_str(), 1);
  }

private:
  std::string m_old;
};

} // namespace

TEST_CASE("io::temporary_dir: $TMPDIR, or /tmp when it is unset or empty") {
  {
    TemporaryDir dir("/var/spool/fundscreen");
    CHECK(fundscreen::io::temporary_dir() == "/var/spool/fundscreen");
  }
  {
    TemporaryDir dir("");
    CHECK(fundscreen::io::temporary_dir() == "/tmp");
  }
}

TEST_CASE("run::OutlineSpill") {
  SUBCASE("a spill that fits in a block stays in memory") {
    TemporaryDir none("/nonexistent/fundscreen"); // a file could not be made there
    OutlineSpill spill(16);
    spill.append("abcdefgh");
    spill.append("ijklmnop");
    CHECK_FALSE(spill.in_file());
    CHECK(blocks_of(spill) == std::vector<std::string>{"abcdefghijklmnop"});
  }
  SUBCASE("a larger spill goes to a file in blocks of whole pieces, read back in order") {
    OutlineSpill spill(10);
    for (std::string piece : {"abcd", "efgh", "ijkl", "", "0123456789abc", "mn"}) spill.append(piece);
    CHECK(spill.in_file());
    CHECK(spill.size() == 27);
    auto blocks = blocks_of(spill);
    CHECK(blocks == std::vector<std::string>{"abcdefgh", "ijkl", "0123456789abc", "mn"});
    CHECK(blocks_of(spill) == blocks); // read again
  }
  SUBCASE("leaves no file in TMPDIR") {
    std::string dir = (std::filesystem::temp_directory_path() / "fundscreen-spill-test-XXXXXX").string();
    REQUIRE(mkdtemp(dir.data()));
    {
      TemporaryDir here(dir);
      OutlineSpill spill(4);
      for (int i = 0; i < 100; ++i) spill.append("0123");
      CHECK(spill.in_file());
      CHECK(blocks_of(spill).size() == 100);
    }
    CHECK(std::filesystem::is_empty(dir));
    std::filesystem::remove(dir);
  }
  SUBCASE("a file that cannot be made is an input error naming the directory") {
    TemporaryDir none("/nonexistent/fundscreen");
    OutlineSpill spill(4);
    spill.append("0123");
    try {
      spill.append("4567");
      FAIL("no error");
    } catch (const fundscreen::util::Error& e) {
      CHECK(e.kind() == fundscreen::util::ErrorKind::input);
      CHECK(fundscreen::util::format_diagnostic(e.diagnostics().at(0)) ==
            "/nonexistent/fundscreen: error: cannot make a temporary file of the decisions: No such file or "
            "directory (set TMPDIR to a writable directory with room for about 11 bytes an application)\n");
    }
  }
}

TEST_CASE("run::append_spilled") {
  std::string id =
      "A-1 \"quoted\", long enough to need a longer length than one byte would hold " + std::string(200, 'x');
  std::vector<Outline> outlines(6);
  outlines[0].eligible = true;
  outlines[0].decision = Decision::fund;
  outlines[1] = {id, Decision::reject, false, 0b101, 0, 0, std::nullopt, {-123456789012}};
  outlines[2] = {"", Decision::clarify, false, 0, uint64_t{1} << 63, 0, std::nullopt, {0}};
  outlines[3] = {"P", Decision::pending, false, 0, 0b10, ~uint64_t{0}, std::nullopt, {99}};
  outlines[4] = {"S", Decision::reject, false, 0, 0, 0, Score(-31, 9), {1}}; // below the minimum total
  outlines[5] = {"Z", Decision::reject, false, 0, 0, 0, Score(0, 1), {INT64_MIN}};
  std::string block;
  for (const Outline& o : outlines) fundscreen::run::append_spilled(block, o);
  CHECK(block[0] == '\x80'); // an eligible application: one byte
  size_t at = 0;
  for (const Outline& o : outlines) {
    SpilledOutline record;
    fundscreen::run::read_spilled(block, at, record);
    CHECK(record.eligible == o.eligible);
    if (o.eligible) continue;
    CHECK(record.outline.id == o.id);
    CHECK(record.outline.decision == o.decision);
    CHECK(record.outline.failed == o.failed);
    CHECK(record.outline.unclear == o.unclear);
    CHECK(record.outline.pending == o.pending);
    CHECK(record.outline.score == o.score);
    CHECK(record.outline.amount == o.amount);
  }
  CHECK(at == block.size());
}
