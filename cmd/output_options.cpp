// SPDX-License-Identifier: Apache-2.0
#include "output_options.hpp"

#include <cstdlib>

#include <unistd.h>

#include "io/file.hpp"

namespace fundscreen::cmd {

report::Color choose_color(const std::string& color, const std::string& output) {
  if (color == "always") return report::Color::always;
  if (color == "never" || !output.empty() || std::getenv("NO_COLOR")) return report::Color::never;
  return isatty(STDOUT_FILENO) ? report::Color::always : report::Color::never;
}

void write_output(const std::string& output, std::ostream& out, const std::function<void(std::ostream&)>& write) {
  if (output.empty())
    write(out);
  else
    io::write_file_atomically(output, write);
}

} // namespace fundscreen::cmd
