// SPDX-License-Identifier: Apache-2.0
// The two passes of a screening (ScreeningRun) as work on chunks of a CSV file: what can be
// done for each application alone runs on the block reader's worker threads, what needs the
// applications in input order on the caller's thread.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/cross_check.hpp"
#include "core/funding.hpp"
#include "core/run_info.hpp"
#include "core/screener.hpp"
#include "io/block_csv.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

// What the first pass keeps: the ids (for duplicates), the counts by decision and the
// eligible applications' ranking entries.
struct FirstPassTally {
  core::IdRegistry ids;
  util::Diagnostics found;
  std::array<size_t, 5> counts{};
  std::vector<core::RankEntry> eligible;
  std::vector<core::InputFile> inputs;
  size_t applications = 0; // read so far, in all files
};

class OutlineSpill;

// The first pass: outlines (and ranking entries) on the workers; ids, counts and entries
// into the tally in input order. With a `spill`, each application's outline is also
// encoded on the workers and appended to it in input order, so that a second pass that
// needs only the outlines (csv) need not read the input again. With a `conflict_check`, the
// workers mark the conflicts' applicants they see.
class FirstPassJob final : public ChunkJob {
public:
  FirstPassJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
               const core::ConflictIndex* conflicts, FirstPassTally& tally, OutlineSpill* spill = nullptr,
               const core::ConflictCheck* conflict_check = nullptr);

  // Before each file: its path (for the places of duplicates) and the layout the read fills
  // in (its size, to make room for the ids once the first chunk tells the bytes per row).
  void start_file(const std::string& path, const CsvLayout& layout);

  std::unique_ptr<Output> output() override;
  std::unique_ptr<Worker> worker() override;
  void done(const CsvChunk& chunk, Output& out) override;

private:
  struct Decided;
  struct Outliner;
  void make_room(const CsvChunk& chunk, const Decided& decided);

  const core::CriteriaSet& m_set;
  const core::AssessmentIndex* m_assessments;
  const core::ConflictIndex* m_conflicts;
  bool m_full_rank_entry;
  FirstPassTally& m_tally;
  OutlineSpill* m_spill;
  const core::ConflictCheck* m_conflict_check;
  util::Location m_where;
  const CsvLayout* m_layout = nullptr;
  size_t m_file_start = 0; // the input position of the file's first application
};

// What the second pass screens each application for: its outline (csv), or its whole
// assessment with or without the values the rules read.
enum class Detail { outline, assessed, traced };

// The second pass of a writer that formats each application alone (csv, jsonl): the
// screening and the formatting on the workers, the formatted chunks written in input order.
class FormatJob final : public ChunkJob {
public:
  using Place = std::function<const core::Placement*(size_t index)>;
  using Format = std::function<void(const core::ApplicationView&, std::string&)>;
  using Write = std::function<void(std::string_view)>;

  FormatJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
            const core::ConflictIndex* conflicts, Detail detail, Place place, const Format& format, const Write& write);

  // Before each file: its path and the input position of its first application.
  void start_file(const std::string& path, size_t first_index);

  std::unique_ptr<Output> output() override;
  std::unique_ptr<Worker> worker() override;
  void done(const CsvChunk& chunk, Output& out) override;

private:
  struct Text;
  struct Formatter;

  const core::CriteriaSet& m_set;
  const core::AssessmentIndex* m_assessments;
  const core::ConflictIndex* m_conflicts;
  Detail m_detail;
  Place m_place;
  const Format& m_format;
  const Write& m_write;
  const std::string* m_path = nullptr;
  size_t m_file_start = 0;
};

} // namespace fundscreen::io
