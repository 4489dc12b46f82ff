// SPDX-License-Identifier: Apache-2.0
// Files for unit tests: temporary ones removed with their object, and the repository's own.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

namespace fundscreen::testing {

// A file holding `bytes` in $TMPDIR (else /tmp), named `fundscreen-test-PID-N.extension`,
// removed when the object goes.
struct TempFile {
  explicit TempFile(const std::string& bytes, const std::string& extension = "csv") {
    static int count = 0;
    const char* dir = std::getenv("TMPDIR");
    path = std::string(dir && *dir ? dir : "/tmp") + "/fundscreen-test-" + std::to_string(getpid()) + "-" +
           std::to_string(++count) + "." + extension;
    write(bytes);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { std::remove(path.c_str()); }
  void write(const std::string& bytes) const { std::ofstream(path, std::ios::binary) << bytes; }
  std::string path;
};

// The bytes of the repository's file `relative` (FUNDSCREEN_SOURCE_DIR, set by the build);
// empty when it cannot be read.
inline std::string source_file(const std::string& relative) {
  std::ifstream in(std::string(FUNDSCREEN_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::move(bytes).str();
}

} // namespace fundscreen::testing
