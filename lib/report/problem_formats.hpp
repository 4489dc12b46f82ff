// SPDX-License-Identifier: Apache-2.0
// The problems `lint` and `validate` find, for pipelines: GitHub Actions workflow commands
// (annotations on the file and line of each problem) and SARIF 2.1.0 (code-scanning
// dashboards).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.hpp"

namespace fundscreen::report {

// `text` as the message of a workflow command: % CR LF as %25 %0D %0A, the other control
// characters but tab as U+FFFD.
std::string github_data(std::string_view text);
// `text` as a property value of a workflow command: as github_data, and : , as %3A %2C.
std::string github_property(std::string_view text);

// One workflow command: `::error file=F,line=L,col=C,title=T::MESSAGE` and a line feed
// (`warning` or `notice` for `command`); file, line and col only when known (not empty, above
// zero), the title only when not empty.
std::string github_command(std::string_view command, const util::Location& where, std::string_view title,
                           std::string_view message);

// `d` as an annotation: ::error or ::warning at its place, titled with its rule.
std::string github_annotation(const util::Diagnostic& d);

// A SARIF 2.1.0 log of one run of fundscreen `version`: every rule of problem_rules() and a
// result for each of `problems` with its place (columns in characters).
void write_sarif(const std::vector<util::Diagnostic>& problems, std::string_view version, std::ostream& out);

} // namespace fundscreen::report
