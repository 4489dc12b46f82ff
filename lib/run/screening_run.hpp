// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/assessment_index.hpp"
#include "core/cross_check.hpp"
#include "core/roster.hpp"
#include "core/run_info.hpp"
#include "io/block_csv.hpp"
#include "io/digest.hpp"
#include "io/record_loaders.hpp"
#include "report/writer.hpp"
#include "run/call_files.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::run {

using report::Detail;

// Whether a run computes the SHA-256 of its input files for the run metadata. Only the
// formats that print them need them, and hashing a large input costs as much as screening it.
enum class Digests { compute, skip };

// Reads the applications of one file: io::read_applications(), or a fast reader that returns
// false when the file needs io::read_applications() after all.
using ApplicationReader =
    std::function<bool(const std::string& path, util::Diagnostics&, const std::function<void(core::Application&&)>&)>;

// Which fields the second pass reads: those the screening reads, or all (for writers that
// show any field).
enum class Fields { screening, all };

struct FirstPassTally;

// How a run does its work; tests choose small chunks and spill blocks, and compare with the
// outlines not kept.
struct RunTuning {
  // How the block reader spreads its work.
  io::BlockTuning block;
  // Whether the first pass may keep the outlines for a second pass that needs only them
  // (ScreeningRun's `second_pass`), and in blocks of how many bytes (beyond one, in a
  // temporary file).
  bool keep_outlines = true;
  size_t spill_block_bytes = size_t{1} << 20;
};

// What one screening reads.
struct ScreeningInputs : CallFiles {
  // The set's text when it does not come from the file `criteria` (e.g. `git show REV:path`);
  // `criteria` then only names it.
  std::optional<std::string> criteria_text;
  // The language of the output (fi, sv or en); empty for the set's `lang:`, else en.
  std::string lang;
  std::optional<std::string> timestamp;
  std::string tool_version;
  Digests digests = Digests::compute;
  RunTuning tuning;
};

class OutlineSpill;

// A screening in two passes over the applications, so that memory holds only the eligible
// applications' ranking entries and never the rejected ones: the first pass decides every
// application and draws the funding line, the second replays them (or the outlines the first
// pass kept) in input order with their final decisions for the output.
class ScreeningRun {
public:
  using Visit = std::function<void(const core::ApplicationView&)>;

  // Loads the set, roster, assessments and conflicts and makes the first pass (which checks
  // what the conflicts name against the applications). `second_pass`: what the second pass
  // will give each application; for Detail::outline a first pass that reads in chunks keeps
  // every outline (the eligible applications' in their ranking entries, the others encoded
  // in an OutlineSpill), so that the second does not read the applications again. Throws
  // util::Error: criteria for a bad set, input (with every problem found) for bad input files.
  explicit ScreeningRun(ScreeningInputs inputs, Detail second_pass = Detail::assessed);
  ~ScreeningRun();

  const core::RunInfo& info() const { return m_info; }
  const core::CriteriaSet& set() const { return *m_set; }
  // The roster (null without one), the assessments and the conflicts the run read.
  const core::Roster* roster() const { return m_roster.get(); }
  const core::AssessmentIndex& assessments() const { return *m_assessments; }
  const core::ConflictIndex& conflicts() const { return m_conflicts; }
  // Warnings found while loading (unknown columns and the like), for stderr.
  const util::Diagnostics& warnings() const { return m_warnings; }
  // True if the first pass kept the outlines, so that an outline replay reads no application.
  bool outlines_kept() const { return m_spill != nullptr; }

  // The second pass: every application in input order, screened for `detail` (a set of more
  // than 64 criteria has no outlines: then assessed). A view's application (null when the
  // outlines were kept) and assessment are valid during the visit only.
  void replay(Detail detail, const Visit& visit) const;
  // The second pass into `writer`, between its begin() and end(), for what it needs(): a writer
  // that formats_each() has each application screened and formatted on the workers.
  void replay(report::Writer& writer) const;

private:
  using Format = std::function<void(const core::ApplicationView&, std::string&)>;

  // The run's language (RunInfo::lang), in which the screening words its reasons.
  i18n::Lang lang() const { return i18n::parse_lang(m_info.lang).value_or(i18n::Lang::en); }
  using Write = std::function<void(std::string_view)>;

  void load_reviews();
  void load_resolutions();
  // With resolutions: records what the screening says of `app` if it is resolved.
  void note_resolved(const core::Application& app, std::string_view id, size_t index);
  // With resolutions: binds them (the final line in m_line, the screening's kept), or throws.
  void bind_resolutions(FirstPassTally& tally);
  // With resolutions: the screening's decision and rank and the resolution of `view`, whose
  // decision becomes the resolved one.
  void annotate(core::ApplicationView& view) const;
  void first_pass(Detail second_pass);
  // The first pass with the streaming reader.
  void first_pass_streaming();
  // The first pass with the block reader; false if it stopped at something it does not handle.
  bool first_pass_in_chunks(Detail second_pass);
  // Ids, counts and the funding line from what the first pass found.
  void finish_first_pass(FirstPassTally& tally);
  void count_decisions();
  // `detail`, or assessed where the set has no outlines.
  Detail possible(Detail detail) const;
  // The reader of the second pass: the one the first pass could use, keeping `fields`.
  ApplicationReader replay_reader(Fields fields) const;
  // The second pass of a writer that formats each application on its own, with `detail`:
  // `format` appends the output of one application to a buffer, and may be called on several
  // threads at once; `write` gets the buffers in input order, on the caller's thread.
  // `shown`, if given, the fields it shows besides those the screening reads (the others
  // are left untyped).
  void replay_formatted(Detail detail, const Format& format, const Write& write,
                        const std::optional<std::vector<std::string>>& shown = std::nullopt) const;
  // The second pass from the spilled outlines: `each(views)` gets the applications in input
  // order, a slice of at most 16,384 at a time, each with its outline and no application.
  void replay_spilled(const std::function<void(std::span<const core::ApplicationView>)>& each) const;
  // replay_spilled() for a writer that formats each application on its own: a large slice
  // formatted in two halves side by side.
  void replay_spilled(const Format& format, const Write& write) const;
  // `diagnostics` with standard input named `<stdin>`, not by its temporary copy.
  std::vector<util::Diagnostic> renamed(std::vector<util::Diagnostic> diagnostics) const;
  // Where the application at input position `index` stands in the ranking, or null.
  const core::Placement* placement_of(size_t index) const;
  // What hashes `path` as its reader reads it (the SHA-256 in the run's inputs is of the bytes
  // parsed, from the same read): nothing when the run skips digests, or for standard input's
  // copy, which was hashed as it was spooled.
  std::optional<io::Sha256> hasher(const std::string& path) const;
  // The SHA-256 of `path` once read with `digest` (hasher's): standard input's as spooled;
  // empty when the run skips digests.
  std::string sha256_of(const std::string& path, std::optional<io::Sha256>& digest) const;

  ScreeningInputs m_inputs;
  std::unique_ptr<core::CriteriaSet> m_set;
  std::unique_ptr<core::Roster> m_roster;
  std::unique_ptr<core::AssessmentIndex> m_assessments;
  core::ConflictIndex m_conflicts;
  std::unique_ptr<core::ConflictCheck> m_conflict_check;
  util::Diagnostics m_conflict_problems; // of the conflicts' reviewers

  core::FundingLine m_line;
  // With resolutions: them, what the screening said of each resolved application, the
  // screening's own funding line (m_line is then the final one) and its placements' input
  // positions as m_placement_of has them, and a screener for the resolved applications (made
  // whenever resolutions are given, even none).
  core::Resolutions m_resolutions;
  std::vector<core::Screened> m_screened;
  core::FundingLine m_screening_line;
  std::vector<std::pair<size_t, size_t>> m_screening_placement_of;
  std::unique_ptr<core::Screener> m_resolver;
  // The placements' input positions, ascending, each with its index in m_line.placements
  // (32 bits, as core::IdRegistry limits a run to fewer than 2^32 applications).
  std::vector<std::pair<uint32_t, uint32_t>> m_placement_of;
  // With spilled outlines: the other applications' outlines, and the ranking entries in
  // rank order (m_ranked[p] is the entry of m_line.placements[p]).
  std::unique_ptr<OutlineSpill> m_spill;
  std::vector<core::RankEntry> m_ranked;
  // True when the first pass read every file with the block reader, so the second may too;
  // then how it found each file of m_inputs.applications.
  bool m_block = false;
  std::vector<io::CsvLayout> m_layouts;
  // By file of m_inputs.applications: the applications of a YAML file, which the first pass
  // keeps (a YAML file is read whole, so they cost little beside it) so that the second does
  // not parse the file again.
  std::vector<std::vector<core::Application>> m_kept;
  std::vector<std::string> m_spooled;
  std::vector<std::string> m_spooled_sha256; // of each, as read from standard input (empty: skipped)
  // How each file of m_inputs.applications is named in messages and places: its path, or
  // `<stdin>` for standard input, which m_inputs.applications names by its temporary copy.
  std::vector<std::string> m_names;
  util::Diagnostics m_warnings;
  core::RunInfo m_info;
};

} // namespace fundscreen::run
