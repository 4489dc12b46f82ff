// SPDX-License-Identifier: Apache-2.0
#include "run/screen.hpp"

#include <vector>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/text.hpp"

namespace fundscreen::run {

core::RunInfo screen(ScreeningInputs inputs, report::Writer& writer, const Warn& warn) {
  report::Needs needs = writer.needs();
  inputs.digests = needs.digests ? Digests::compute : Digests::skip;
  ScreeningRun run(std::move(inputs), needs.detail);
  warn(run.warnings());
  writer.begin(run.info());
  run.replay(writer);
  writer.end();
  return run.info();
}

void explain(ScreeningInputs inputs, const std::string& id, const Warn& warn,
             const std::function<void(const core::RunInfo&, const core::ApplicationView&)>& show) {
  inputs.digests = Digests::skip; // explain prints no SHA-256
  ScreeningRun run(std::move(inputs));
  warn(run.warnings());
  bool found = false;
  std::vector<std::string> ids;
  run.replay(Detail::traced, [&](const core::ApplicationView& view) {
    ids.push_back(view.assessed->id);
    if (view.assessed->id != id) return;
    show(run.info(), view);
    found = true;
  });
  if (found) return;
  std::string message = fmt::format("no application with id '{}' in the inputs", id);
  std::string hint = util::nearest(id, ids);
  if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
  throw util::Error(util::ErrorKind::usage, util::Diagnostic{{}, util::Severity::error, message, {}});
}

} // namespace fundscreen::run
