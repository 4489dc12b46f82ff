// SPDX-License-Identifier: Apache-2.0
#include "run/git_show.hpp"

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "io/file.hpp"
#include "util/error.hpp"

namespace fundscreen::run {

namespace {

util::Error criteria_error(std::string message) {
  return util::Error(util::ErrorKind::criteria, util::Diagnostic{{}, util::Severity::error, std::move(message), {}});
}

// `git show REV:path`, for a version named from the repository's history.
std::string git_show(const std::string& spec) {
  std::string quoted = "'";
  for (char c : spec) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  quoted += "'";
  FILE* pipe = popen(("git show " + quoted + " 2>&1").c_str(), "r");
  if (!pipe) throw criteria_error(fmt::format("cannot run git to read '{}'", spec));
  std::string text;
  char buffer[4096];
  size_t n = 0;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, n);
  int status = pclose(pipe);
  if (status != 0) {
    std::string reason = text.substr(0, text.find('\n'));
    throw criteria_error(fmt::format("cannot read '{}' from git: {}", spec, reason));
  }
  return text;
}

} // namespace

std::string set_version_text(const std::string& name) {
  if (std::filesystem::exists(name) || name.find(':') == std::string::npos)
    return io::read_file(name, util::ErrorKind::criteria);
  return git_show(name);
}

} // namespace fundscreen::run
