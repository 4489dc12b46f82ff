// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace fundscreen::cmd {

// Declares a subcommand's options on `app` and returns what runs it, giving the exit code.
using Setup = std::function<std::function<int()>(CLI::App& app)>;

std::function<int()> setup_validate(CLI::App& app);
std::function<int()> setup_lint(CLI::App& app);
std::function<int()> setup_screen(CLI::App& app);
std::function<int()> setup_explain(CLI::App& app);
std::function<int()> setup_letters(CLI::App& app);
std::function<int()> setup_diff(CLI::App& app);
std::function<int()> setup_impact(CLI::App& app);
std::function<int()> setup_reviews(CLI::App& app);
std::function<int()> setup_init(CLI::App& app);
std::function<int()> setup_verify(CLI::App& app);
std::function<int()> setup_report(CLI::App& app);

} // namespace fundscreen::cmd
