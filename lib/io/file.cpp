// SPDX-License-Identifier: Apache-2.0
#include "io/file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "io/file_format.hpp"

namespace fundscreen::io {

std::string temporary_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

std::string read_file(const std::string& path, util::ErrorKind kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string reason = std::strerror(errno);
    throw util::Error(
        kind, util::Diagnostic{
                  util::Location{}, util::Severity::error, fmt::format("cannot read '{}': {}", path, reason), {}});
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string content = std::move(text).str();
  check_file_format(content, path, kind == util::ErrorKind::criteria ? ExpectedFormat::criteria : ExpectedFormat::yaml);
  return content;
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::string temporary = path + ".tmp-fundscreen";
  auto fail = [&](std::string_view what) {
    std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    throw util::Error(util::ErrorKind::usage, util::Diagnostic{util::Location{},
                                                               util::Severity::error,
                                                               fmt::format("cannot {} '{}': {}", what, path, reason),
                                                               {}});
  };
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) fail("write");
    try {
      write(out);
    } catch (...) {
      out.close();
      std::remove(temporary.c_str());
      throw;
    }
    out.flush();
    if (!out) fail("write");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("replace");
}

} // namespace fundscreen::io
