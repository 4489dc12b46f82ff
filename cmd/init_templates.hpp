// SPDX-License-Identifier: Apache-2.0
// The files `fundscreen init` writes, embedded in the binary at build time from
// cmd/templates/ (see cmd/CMakeLists.txt), so that init needs nothing of the source tree.
#pragma once

#include <span>
#include <string_view>

namespace fundscreen::cmd {

struct Template {
  std::string_view name; // the file's name in the new directory
  std::string_view text;
};

// The criteria set (criteria.yaml) and the README.md of a new call.
std::span<const Template> init_templates();

} // namespace fundscreen::cmd
