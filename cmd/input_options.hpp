// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "io/record_loaders.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::cmd {

// The options every command that reads input files shares.
struct InputFlags {
  std::string encoding = "utf-8";
  std::string delimiter;
  std::string sheet;
  bool strict = false;
};

// Declares --encoding, --delimiter, --sheet and --strict on `app`.
void add_input_flags(CLI::App& app, InputFlags& flags);

// The reading options the flags ask for; a bad flag value is a usage error.
io::InputOptions input_options(const InputFlags& flags);

// Prints every diagnostic to `err`, then a count line if there were any problems.
void print_diagnostics(const util::Diagnostics& diagnostics, std::ostream& err);

} // namespace fundscreen::cmd
