// SPDX-License-Identifier: Apache-2.0
#include "run/verify.hpp"

#include <map>

#include "io/file.hpp"
#include "io/file_chunks.hpp"
#include "report/writer.hpp"
#include "trail/json_value.hpp"
#include "trail/sealing_stream.hpp"
#include "trail/signing.hpp"

namespace fundscreen::run {

namespace {

using trail::Finding;
using trail::FindingKind;

constexpr size_t k_piece = size_t{1} << 20;

[[noreturn]] void not_a_trail(const std::string& path, const std::string& why) {
  util::throw_input_error({path, 1, 1}, "not a fundscreen trail: " + why +
                                            "; 'fundscreen screen --format json' or 'jsonl' writes one");
}

trail::Splitter split_file(const std::string& path) {
  std::optional<trail::Splitter> split;
  io::read_file_chunks(path, k_piece, [&](std::string_view piece) {
    if (!split) split.emplace(trail::detect_format(piece), trail::Capture::heads);
    split->feed(piece);
  });
  if (!split) not_a_trail(path, "the file is empty");
  split->finish();
  if (!trail::has_run_unit(*split)) not_a_trail(path, "it does not start with the run of a screening");
  return std::move(*split);
}

// The run unit's criteria SHA-256, inputs, timestamp and language.
struct RecordedRun {
  std::string criteria_path;
  std::string criteria_sha256;
  std::vector<core::InputFile> inputs;
  std::optional<std::string> timestamp;
  std::string lang = "en";
};

RecordedRun recorded_run(const std::string& path, const trail::Unit& unit) {
  std::string error;
  std::optional<trail::JsonValue> run = trail::parse_json(unit.head, error);
  const trail::JsonValue* criteria = run ? run->get("criteria") : nullptr;
  const trail::JsonValue* inputs = run ? run->get("inputs") : nullptr;
  if (!criteria || !inputs || !criteria->get("sha256"))
    util::throw_input_error({path, static_cast<int>(unit.line), 1},
                            "the trail's run has no criteria or inputs to compare with");
  RecordedRun recorded;
  recorded.criteria_path = criteria->get("path") ? criteria->get("path")->text : "";
  recorded.criteria_sha256 = criteria->get("sha256")->text;
  for (const trail::JsonValue& input : inputs->items) {
    core::InputFile file;
    if (const auto* role = input.get("role")) file.role = role->text;
    if (const auto* p = input.get("path")) file.path = p->text;
    if (const auto* sha = input.get("sha256")) file.sha256 = sha->text;
    recorded.inputs.push_back(std::move(file));
  }
  const trail::JsonValue* timestamp = run->get("timestamp");
  if (timestamp && timestamp->type == trail::JsonValue::Type::string) recorded.timestamp = timestamp->text;
  if (const trail::JsonValue* lang = run->get("lang")) recorded.lang = lang->text;
  return recorded;
}

std::string short_hash(const std::string& hex) { return hex.substr(0, 16); }

// Each given input's SHA-256 against the trail's, by role in order.
void compare_inputs(const RecordedRun& recorded, const core::RunInfo& info, uint64_t line,
                    std::vector<Finding>& findings) {
  if (info.criteria_sha256 != recorded.criteria_sha256)
    findings.push_back({FindingKind::input,
                        line,
                        {},
                        "the criteria set '" + info.criteria_path + "' has SHA-256 " +
                            short_hash(info.criteria_sha256) + "…, the trail's ('" + recorded.criteria_path + "') " +
                            short_hash(recorded.criteria_sha256) + "…"});
  std::map<std::string, std::vector<const core::InputFile*>> given, trail_inputs;
  for (const core::InputFile& input : info.inputs) given[input.role].push_back(&input);
  for (const core::InputFile& input : recorded.inputs) trail_inputs[input.role].push_back(&input);
  for (const core::InputFile& input : recorded.inputs) {
    auto& list = given[input.role];
    size_t nth = 0;
    while (trail_inputs[input.role][nth] != &input) ++nth;
    if (nth >= list.size()) {
      findings.push_back(
          {FindingKind::input, line, {}, "the trail's " + input.role + " '" + input.path + "' was not given"});
      continue;
    }
    if (list[nth]->sha256 != input.sha256)
      findings.push_back({FindingKind::input,
                          line,
                          {},
                          "the " + input.role + " '" + list[nth]->path + "' has SHA-256 " +
                              short_hash(list[nth]->sha256) + "…, the trail's ('" + input.path + "') " +
                              short_hash(input.sha256) + "…"});
  }
  for (auto& [role, list] : given)
    for (size_t nth = trail_inputs[role].size(); nth < list.size(); ++nth)
      findings.push_back(
          {FindingKind::input, line, {}, "the " + role + " '" + list[nth]->path + "' is not among the trail's inputs"});
}

std::string decision_text(const trail::UnitFacts& facts) {
  return facts.rank.empty() || facts.rank == "null" ? facts.decision : facts.decision + " (rank " + facts.rank + ")";
}

// Every application of the new screening against the recorded one, by id.
void compare_applications(const trail::Splitter& recorded, const trail::Splitter& again,
                          std::vector<Finding>& findings) {
  std::map<std::string, size_t> by_id;
  for (size_t i = 1; i < again.units().size(); ++i) by_id.emplace(trail::unit_facts(again.units()[i]).id, i);
  std::vector<bool> seen(again.units().size(), false);
  for (size_t i = 1; i < recorded.units().size(); ++i) {
    const trail::Unit& unit = recorded.units()[i];
    trail::UnitFacts facts = trail::unit_facts(unit);
    auto it = by_id.find(facts.id);
    if (it == by_id.end() || seen[it->second]) {
      findings.push_back({FindingKind::decision, unit.line, facts.id, facts.id + ": in the trail, not re-screened"});
      continue;
    }
    seen[it->second] = true;
    const trail::Unit& other = again.units()[it->second];
    trail::UnitFacts now = trail::unit_facts(other);
    if (now.decision != facts.decision || now.rank != facts.rank)
      findings.push_back({FindingKind::decision, unit.line, facts.id,
                          facts.id + ": recorded " + decision_text(facts) + ", re-screened " + decision_text(now)});
    else if (other.sha256 != unit.sha256)
      findings.push_back(
          {FindingKind::decision, unit.line, facts.id,
           facts.id + ": its recorded trail differs from the re-screened one (" + decision_text(facts) + " in both)"});
  }
  for (size_t i = 1; i < again.units().size(); ++i)
    if (!seen[i]) {
      std::string id = trail::unit_facts(again.units()[i]).id;
      findings.push_back({FindingKind::decision, recorded.end_line(), id, id + ": re-screened, not in the trail"});
    }
}

size_t rescreen(ScreeningInputs inputs, const trail::Splitter& recorded, const std::string& path, const Warn& warn,
                std::vector<Finding>& findings) {
  const trail::Unit& run_unit = recorded.units().front();
  RecordedRun run = recorded_run(path, run_unit);
  inputs.timestamp = run.timestamp;
  inputs.lang = run.lang;
  trail::Splitter again(recorded.format(), trail::Capture::heads);
  trail::SplittingStream stream(nullptr, again);
  auto format = recorded.format() == trail::TrailFormat::jsonl ? report::Format::jsonl : report::Format::json;
  auto writer = report::make_writer(format, stream, {});
  core::RunInfo info = screen(std::move(inputs), *writer, warn);
  again.finish();
  compare_inputs(run, info, run_unit.line, findings);
  compare_applications(recorded, again, findings);
  return info.applications;
}

} // namespace

Verification verify(VerifyInputs inputs, const Warn& warn) {
  std::optional<std::string> key;
  if (!inputs.public_key.empty())
    key = trail::public_key_from_pem(io::read_file(inputs.public_key, util::ErrorKind::input), inputs.public_key);
  trail::Splitter split = split_file(inputs.trail);
  Verification verification;
  verification.format = split.format();
  verification.check = trail::check_trail(split, key);
  if (inputs.screening) {
    std::vector<Finding> more;
    verification.rescreened = rescreen(std::move(*inputs.screening), split, inputs.trail, warn, more);
    for (Finding& finding : more) verification.check.findings.push_back(std::move(finding));
  }
  return verification;
}

} // namespace fundscreen::run
