// SPDX-License-Identifier: Apache-2.0
#include "trail/check.hpp"

#include <algorithm>

#include "trail/json_value.hpp"
#include "trail/signing.hpp"

namespace fundscreen::trail {

namespace {

std::string short_key(const std::string& fingerprint) { return "SHA256:" + fingerprint.substr(0, 16); }

void check_signature(TrailCheck& check, const ParsedSeal& parsed, uint64_t line,
                     const std::optional<std::string>& public_key) {
  const std::optional<SealSignature>& signature = parsed.seal.signature;
  if (!signature) {
    if (public_key)
      check.findings.push_back({FindingKind::signature,
                                line,
                                {},
                                "the trail is not signed, and --public-key asks for one signed by key " +
                                    short_key(key_fingerprint(*public_key))});
    return;
  }
  std::string fingerprint = key_fingerprint(signature->public_key);
  if (public_key && *public_key != signature->public_key) {
    check.findings.push_back({FindingKind::signature,
                              line,
                              {},
                              "the seal is signed by key " + short_key(fingerprint) + ", not by the --public-key " +
                                  short_key(key_fingerprint(*public_key))});
    return;
  }
  if (!verify_signature(signature->public_key, parsed.signed_bytes, signature->value)) {
    check.findings.push_back({FindingKind::signature,
                              line,
                              {},
                              "the seal's signature does not verify: the seal was edited after it was signed"});
    return;
  }
  check.signed_by = fingerprint;
  check.key_source = public_key ? KeySource::given : KeySource::own;
}

} // namespace

UnitFacts unit_facts(const Unit& unit) { return {unit.id, unit.decision, unit.rank}; }

bool has_run_unit(const Splitter& split) {
  if (!split.well_formed() || split.units().empty()) return false; // needs Capture::heads
  return leading_members(split.units().front().head, {"fundscreen"})[0].has_value();
}

TrailCheck check_trail(const Splitter& split, const std::optional<std::string>& public_key, size_t limit) {
  TrailCheck check;
  std::vector<Digest> actual;
  std::vector<UnitPlace> places;
  for (const Unit& unit : split.units()) {
    actual.push_back(unit.sha256);
    places.push_back({unit.line, unit_facts(unit).id});
  }
  check.units = actual.size();
  check.head = chain_head(actual);
  for (const Stray& stray : split.strays())
    check.findings.push_back({FindingKind::stray, stray.line, {}, stray.what + " is not part of a sealed trail"});
  if (!split.complete() && split.format() == TrailFormat::json)
    check.findings.push_back(
        {FindingKind::truncated, split.cut_line(), {}, "the document is cut off: it ends before its closing brace"});
  if (!split.has_seal()) {
    bool cut_line = split.format() == TrailFormat::jsonl && !split.complete();
    check.findings.push_back({FindingKind::truncated,
                              cut_line ? split.cut_line() : split.end_line(),
                              {},
                              cut_line ? "the trail ends inside this line, without its seal: it was cut short"
                                       : "the trail ends without its seal: it was cut short, or not sealed"});
    return check;
  }
  std::string error;
  check.seal = parse_seal(split.seal_text(), split.format(), error);
  if (!check.seal) {
    check.findings.push_back({FindingKind::seal, split.seal_line(), {}, "the seal is damaged: " + error});
    return check;
  }
  const Seal& seal = check.seal->seal;
  for (Finding& finding : compare_units(seal.units, actual, places, split.seal_line(), limit))
    check.findings.push_back(std::move(finding));
  if (chain_head(seal.units) != seal.head)
    check.findings.push_back({FindingKind::seal,
                              split.seal_line(),
                              {},
                              "the seal's head is not the chain of its unit list: the seal was edited"});
  check_signature(check, *check.seal, split.seal_line(), public_key);
  std::stable_sort(check.findings.begin(), check.findings.end(),
                   [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return check;
}

} // namespace fundscreen::trail
