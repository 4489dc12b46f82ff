// SPDX-License-Identifier: Apache-2.0
#include "seal_key.hpp"

#include <sys/stat.h>

#include "io/file.hpp"
#include "util/error.hpp"

namespace fundscreen::cmd {

std::optional<trail::SigningKey> seal_key(const std::string& path, const std::string& format, std::ostream& err) {
  if (path.empty()) return std::nullopt;
  if (format != "json" && format != "jsonl")
    throw util::Error(util::ErrorKind::usage, util::Diagnostic{{},
                                                               util::Severity::error,
                                                               "--seal signs a json or jsonl trail, not --format " +
                                                                   format + "; add --format jsonl",
                                                               {}});
  std::string pem = io::read_file(path, util::ErrorKind::input);
  trail::SigningKey key = trail::SigningKey::from_pem(pem, path);
  struct stat info {};
  if (stat(path.c_str(), &info) == 0 && (info.st_mode & (S_IRWXG | S_IRWXO)))
    err << util::format_diagnostic({{path, 0, 0},
                                    util::Severity::warning,
                                    "the private key may be read by group or others; run 'chmod 600 " + path + "'",
                                    {}});
  return key;
}

} // namespace fundscreen::cmd
