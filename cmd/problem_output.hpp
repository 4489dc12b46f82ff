// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "util/error.hpp"

namespace fundscreen::cmd {

// How `lint` and `validate` report the problems they find: `text` (FILE:LINE:COL: error:
// MESSAGE on stderr), `github` (workflow commands on stdout, annotations in a pull request) or
// `sarif` (one SARIF 2.1.0 log on stdout, for code scanning).
class ProblemOutput {
public:
  // Declares --format on `app`.
  void declare(CLI::App& app);

  // Reports `d`: at once for text and github, kept for sarif until finish().
  void report(const util::Diagnostic& d);
  // Writes the SARIF log of what was reported (nothing for the other formats).
  void finish();

  // Where the summary lines go: stdout, but stderr when stdout holds the SARIF log.
  std::ostream& summary() const;

private:
  std::string m_format = "text";
  std::vector<util::Diagnostic> m_kept;
};

} // namespace fundscreen::cmd
