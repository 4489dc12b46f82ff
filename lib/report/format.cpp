// SPDX-License-Identifier: Apache-2.0
#include <array>
#include <utility>

#include "report/writer.hpp"

namespace fundscreen::report {

std::optional<Format> parse_format(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, Format>, 8> formats = {{
      {"table", Format::table},
      {"csv", Format::csv},
      {"json", Format::json},
      {"jsonl", Format::jsonl},
      {"markdown", Format::markdown},
      {"junit", Format::junit},
      {"github", Format::github},
      {"xlsx", Format::xlsx},
  }};
  for (auto [n, f] : formats)
    if (n == name) return f;
  return std::nullopt;
}

} // namespace fundscreen::report
