// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "io/file.hpp"

using namespace fundscreen;
namespace fs = std::filesystem;

namespace {

// A fresh folder under $TMPDIR, removed with everything in it at the end.
struct Folder {
  fs::path path;
  Folder() {
    std::string pattern = io::temporary_dir() + "/fundscreen-atomic-XXXXXX";
    REQUIRE(mkdtemp(pattern.data()));
    path = pattern;
  }
  ~Folder() { fs::remove_all(path); }
  // The names of the files in it, sorted, one space between.
  std::string names() const {
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path)) found.push_back(entry.path().filename().string());
    std::sort(found.begin(), found.end());
    std::string out;
    for (const std::string& name : found) out += (out.empty() ? "" : " ") + name;
    return out;
  }
};

std::string content_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void put(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Sets FUNDSCREEN_NO_TMPFILE=1 (the named fallback) for its lifetime when `named`.
struct Mode {
  explicit Mode(bool named) {
    if (named) setenv("FUNDSCREEN_NO_TMPFILE", "1", 1);
  }
  ~Mode() { unsetenv("FUNDSCREEN_NO_TMPFILE"); }
};

// Runs write_file_atomically on `path` in a child process whose writer writes 100 kB, then
// sends itself `signal_number`; the child's wait status. The child exits 7 if the named
// temporary file it should be writing is not there, 8 if the signal did not end it.
int killed_while_writing(const fs::path& path, int signal_number, bool named) {
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    Mode mode(named);
    try {
      io::write_file_atomically(path.string(), [&](std::ostream& out) {
        out << std::string(100000, 'x') << std::flush;
        bool seen = false;
        for (const auto& entry : fs::directory_iterator(path.parent_path()))
          seen = seen || entry.path().filename().string().find(".tmp-fundscreen-") != std::string::npos;
        if (seen != named) _exit(7);
        raise(signal_number);
      });
    } catch (...) {
    }
    _exit(8);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return status;
}

// What a user of --output relies on, through the unnamed temporary file or the named one.
void check_write_file_atomically(bool named) {
  Mode mode(named);
  Folder folder;
  fs::path output = folder.path / "decisions.csv";

  SUBCASE("a new file gets the content and the mode of any new file (0666 less the umask)") {
    mode_t old_mask = umask(027);
    io::write_file_atomically(output.string(), [](std::ostream& out) { out << "id,decision\nA1,fund\n"; });
    umask(old_mask);
    CHECK(content_of(output) == "id,decision\nA1,fund\n");
    CHECK((fs::status(output).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(folder.names() == "decisions.csv");
  }
  SUBCASE("an existing file is replaced, large writes and small ones in order") {
    put(output, "old\n");
    std::string big(200000, 'b');
    io::write_file_atomically(output.string(), [&](std::ostream& out) {
      for (int i = 0; i < 70000; ++i) out << 'a';
      out << big << "end\n";
    });
    CHECK(content_of(output) == std::string(70000, 'a') + big + "end\n");
    CHECK(folder.names() == "decisions.csv");
  }
  SUBCASE("a writer that throws leaves the old file as it was and nothing else") {
    put(output, "old\n");
    CHECK_THROWS_AS(io::write_file_atomically(output.string(),
                                              [](std::ostream& out) {
                                                out << std::string(100000, 'x');
                                                throw std::runtime_error("bad input");
                                              }),
                    std::runtime_error);
    CHECK(content_of(output) == "old\n");
    CHECK(folder.names() == "decisions.csv");
  }
  SUBCASE("a folder that does not exist is a usage error before the writer runs") {
    std::string missing = (folder.path / "nowhere" / "decisions.csv").string();
    bool ran = false;
    try {
      io::write_file_atomically(missing, [&](std::ostream&) { ran = true; });
      FAIL("no error");
    } catch (const util::Error& e) {
      CHECK(e.kind() == util::ErrorKind::usage);
      CHECK(e.diagnostics().at(0).message == "cannot write '" + missing + "': No such file or directory");
    }
    CHECK_FALSE(ran);
  }
  SUBCASE("a signal while writing leaves the old file as it was and no temporary file") {
    put(output, "old\n");
    for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
      CAPTURE(signal_number);
      int status = killed_while_writing(output, signal_number, named);
      REQUIRE(WIFSIGNALED(status));
      CHECK(WTERMSIG(status) == signal_number);
      CHECK(content_of(output) == "old\n");
      CHECK(folder.names() == "decisions.csv");
    }
  }
}

} // namespace

TEST_CASE("io::write_file_atomically") {
  check_write_file_atomically(false);
  SUBCASE("SIGKILL while writing the unnamed file leaves nothing either") {
    Folder folder;
    fs::path output = folder.path / "decisions.csv";
    put(output, "old\n");
    int status = killed_while_writing(output, SIGKILL, false);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    CHECK(content_of(output) == "old\n");
    CHECK(folder.names() == "decisions.csv");
  }
}

TEST_CASE("io::write_file_atomically: the named fallback (FUNDSCREEN_NO_TMPFILE=1)") {
  check_write_file_atomically(true);
}
