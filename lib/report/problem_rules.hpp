// SPDX-License-Identifier: Apache-2.0
// The kinds of problem `lint` and `validate` report, for the formats that name a rule per
// finding (SARIF's rules, GitHub's annotation titles). A problem is raised as a message; its
// kind is read from the message's shape here, in one table, so that the many places that
// raise problems stay as they are.
#pragma once

#include <span>
#include <string_view>

#include "util/error.hpp"

namespace fundscreen::report {

struct ProblemRule {
  std::string_view id;    // stable, kebab-case: "duplicate-id"
  std::string_view title; // a short heading: "Duplicate id"
  std::string_view help;  // what the check is and how to fix what it finds
};

// Every rule, in a fixed order (SARIF's ruleIndex); the last is the catch-all "other".
std::span<const ProblemRule> problem_rules();

// The index in problem_rules() of the rule `d` breaks.
size_t problem_rule(const util::Diagnostic& d);

} // namespace fundscreen::report
