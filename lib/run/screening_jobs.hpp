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
#include "report/writer.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::run {

using report::Detail;

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
class FirstPassJob final : public io::ChunkJob {
public:
  FirstPassJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
               const core::ConflictIndex* conflicts, FirstPassTally& tally, OutlineSpill* spill = nullptr,
               const core::ConflictCheck* conflict_check = nullptr);

  // Before each file: its path (for the places of duplicates) and the layout the read fills
  // in (its size, to make room for the ids once the first chunk tells the bytes per row).
  void start_file(const std::string& path, const io::CsvLayout& layout);

  std::unique_ptr<Output> output() override;
  std::unique_ptr<Worker> worker() override;
  void done(const io::CsvChunk& chunk, Output& out) override;

private:
  struct Decided;
  struct Outliner;
  void make_room(const io::CsvChunk& chunk, const Decided& decided);

  const core::CriteriaSet& m_set;
  const core::AssessmentIndex* m_assessments;
  const core::ConflictIndex* m_conflicts;
  FirstPassTally& m_tally;
  OutlineSpill* m_spill;
  const core::ConflictCheck* m_conflict_check;
  util::Location m_where;
  const io::CsvLayout* m_layout = nullptr;
  size_t m_file_start = 0; // the input position of the file's first application
};

// The second pass's view of one application, as both readers make it: screened for `detail`
// (its outline, or its whole assessment with or without the values the rules read), with the
// final decision (the funding line's, for an eligible application). Each thread its own.
class SecondPass {
public:
  // `lang`: the language of the reasons. `traced`: how a traced assessment keeps the values read (TraceReads::views
  // when the view is used up before the next application is read).
  SecondPass(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
             const core::ConflictIndex* conflicts, Detail detail, i18n::Lang lang,
             core::TraceReads traced = core::TraceReads::yes)
      : m_screener(set, assessments, conflicts, lang), m_detail(detail),
        m_trace(detail == Detail::traced ? traced : core::TraceReads::no) {}

  // The view of `app` at input position `index`, placed by the funding line at `placement`
  // (or null); valid until the next call.
  const core::ApplicationView& view(const core::Application& app, size_t index, const core::Placement* placement) {
    m_view.index = index;
    m_view.app = &app;
    m_view.placement = placement;
    if (m_detail == Detail::outline) {
      m_outline = m_screener.outline(app);
      m_view.outline = &m_outline;
      m_view.decision = m_outline.decision;
    } else {
      m_screener.assess_into(app, m_trace, m_assessed);
      m_view.assessed = &m_assessed;
      m_view.decision = m_assessed.decision;
    }
    if (placement) m_view.decision = placement->decision;
    return m_view;
  }

private:
  core::Screener m_screener;
  Detail m_detail;
  core::TraceReads m_trace;
  core::Outline m_outline;
  core::Assessed m_assessed; // its memory reused from application to application
  core::ApplicationView m_view;
};

// The first pass's decision of one application, as both readers make it: its outline (or,
// for a set of more than 64 criteria, its assessment), and for an eligible application its
// ranking entry. Each thread its own.
class FirstPass {
public:
  FirstPass(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
            const core::ConflictIndex* conflicts);

  // Decides `app`, the application at position `index` (as the caller counts), and appends
  // its ranking entry to `eligible` if it is eligible. Returns its outline; for a set of more
  // than 64 criteria only its id (valid until the next call), decision and eligibility.
  core::Outline decide(const core::Application& app, size_t index, std::vector<core::RankEntry>& eligible);

private:
  const core::CriteriaSet& m_set;
  core::Screener m_screener;
  bool m_outline;
  bool m_full_rank_entry; // ties broken on criteria need the assessment's entry
  core::Assessed m_assessed;

  // The outline of a set that has none, from the assessment.
  core::Outline assessed(const core::Application& app);
};

// The second pass of a writer that formats each application alone (csv, jsonl): the
// screening and the formatting on the workers, the formatted chunks written in input order.
class FormatJob final : public io::ChunkJob {
public:
  using Place = std::function<const core::Placement*(size_t index)>;
  using Format = std::function<void(const core::ApplicationView&, std::string&)>;
  using Write = std::function<void(std::string_view)>;

  FormatJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
            const core::ConflictIndex* conflicts, Detail detail, i18n::Lang lang, Place place, const Format& format,
            const Write& write);

  // Before each file: its path and the input position of its first application.
  void start_file(const std::string& path, size_t first_index);

  std::unique_ptr<Output> output() override;
  std::unique_ptr<Worker> worker() override;
  void done(const io::CsvChunk& chunk, Output& out) override;

private:
  struct Text;
  struct Formatter;

  const core::CriteriaSet& m_set;
  const core::AssessmentIndex* m_assessments;
  const core::ConflictIndex* m_conflicts;
  Detail m_detail;
  i18n::Lang m_lang;
  Place m_place;
  const Format& m_format;
  const Write& m_write;
  const std::string* m_path = nullptr;
  size_t m_file_start = 0;
};

} // namespace fundscreen::run
