// SPDX-License-Identifier: Apache-2.0
#include "io/file.hpp"

#include <cerrno>
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

} // namespace fundscreen::io
