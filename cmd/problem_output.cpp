// SPDX-License-Identifier: Apache-2.0
#include "problem_output.hpp"

#include <iostream>

#include "report/problem_formats.hpp"

namespace fundscreen::cmd {

void ProblemOutput::declare(CLI::App& app) {
  app.add_option("--format,-f", m_format,
                 "Problems as: text (default, on stderr), github (workflow commands: annotations in a pull "
                 "request), sarif (a SARIF 2.1.0 log on stdout, for code scanning)")
      ->check(CLI::IsMember({"text", "github", "sarif"}));
}

void ProblemOutput::report(const util::Diagnostic& d) {
  if (m_format == "github")
    std::cout << report::github_annotation(d);
  else if (m_format == "sarif")
    m_kept.push_back(d);
  else
    std::cerr << util::format_diagnostic(d);
}

void ProblemOutput::finish() {
  if (m_format == "sarif") report::write_sarif(m_kept, FUNDSCREEN_VERSION, std::cout);
}

std::ostream& ProblemOutput::summary() const { return m_format == "sarif" ? std::cerr : std::cout; }

} // namespace fundscreen::cmd
