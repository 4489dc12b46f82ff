// SPDX-License-Identifier: Apache-2.0
#include "run/screening_jobs.hpp"

#include <algorithm>

#include "run/outline_spill.hpp"
#include "util/large_alloc.hpp"

namespace fundscreen::run {

// One chunk's first pass: each application's id and line, and what the counts and the
// ranking take from it (ranking entries with their position in the chunk).
struct FirstPassJob::Decided final : Output {
  std::string ids; // one after the other
  struct Row {
    size_t id_end = 0;
    int line = 0;
    uint32_t id_hash = 0; // core::IdRegistry::hash(), computed here rather than on the caller's thread
  };
  std::vector<Row> rows;
  std::array<size_t, 5> counts{};
  std::vector<core::RankEntry> eligible;
  std::string spilled; // the outlines' records, with a spill
};

FirstPass::FirstPass(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
                     const core::ConflictIndex* conflicts)
    : m_set(set), m_screener(set, assessments, conflicts), m_outline(m_screener.can_outline()),
      m_full_rank_entry(core::ties_on_criteria(set)) {}

core::Outline FirstPass::assessed(const core::Application& app) {
  m_screener.assess_into(app, core::TraceReads::no, m_assessed);
  core::Outline o;
  o.id = m_assessed.id;
  o.decision = m_assessed.decision;
  o.eligible = m_assessed.eligible;
  return o;
}

core::Outline FirstPass::decide(const core::Application& app, size_t index, std::vector<core::RankEntry>& eligible) {
  core::Outline o = m_outline ? m_screener.outline(app) : assessed(app); // made in place
  if (!o.eligible) return o;
  if (!m_outline)
    eligible.push_back(core::rank_entry(m_set, m_assessed, app, index));
  else if (m_full_rank_entry)
    eligible.push_back(core::rank_entry(m_set, m_screener.assess(app, core::TraceReads::no), app, index));
  else
    eligible.push_back(core::rank_entry(m_set, o, app, index));
  return o;
}

struct FirstPassJob::Outliner final : Worker {
  explicit Outliner(const FirstPassJob& job) : m_job(job), m_first(job.m_set, job.m_assessments, job.m_conflicts) {}

  void start(const io::CsvChunk&, Output& out) override {
    auto& d = static_cast<Decided&>(out);
    d.ids.clear();
    d.rows.clear();
    d.counts = {};
    d.eligible.clear();
    d.spilled.clear();
  }

  void row(core::Application& app, Output& out) override {
    auto& d = static_cast<Decided&>(out);
    if (m_job.m_conflict_check) m_job.m_conflict_check->see(app);
    size_t index = d.rows.size(); // in the chunk, until done() knows where the chunk starts
    core::Outline o = m_first.decide(app, index, d.eligible);
    d.ids += o.id;
    d.rows.push_back({d.ids.size(), app.where.line, core::IdRegistry::hash(o.id)});
    d.counts[static_cast<size_t>(o.decision)]++;
    if (m_job.m_spill) append_spilled(d.spilled, o); // the block reader needs a set with outlines
  }

  const FirstPassJob& m_job;
  FirstPass m_first; // each worker its own
};

FirstPassJob::FirstPassJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
                           const core::ConflictIndex* conflicts, FirstPassTally& tally, OutlineSpill* spill,
                           const core::ConflictCheck* conflict_check)
    : m_set(set), m_assessments(assessments), m_conflicts(conflicts), m_tally(tally), m_spill(spill),
      m_conflict_check(conflict_check) {}

void FirstPassJob::start_file(const std::string& path, const io::CsvLayout& layout) {
  m_where = util::Location{path, 0, 1};
  m_layout = &layout;
  m_file_start = m_tally.applications;
}

std::unique_ptr<io::ChunkJob::Output> FirstPassJob::output() { return std::make_unique<Decided>(); }

std::unique_ptr<io::ChunkJob::Worker> FirstPassJob::worker() { return std::make_unique<Outliner>(*this); }

void FirstPassJob::done(const io::CsvChunk& chunk, Output& out) {
  auto& d = static_cast<Decided&>(out);
  if (m_tally.applications == 0) make_room(chunk, d);
  size_t id_start = 0;
  for (size_t r = 0; r < d.rows.size(); ++r) {
    const Decided::Row& row = d.rows[r];
    std::string_view id(d.ids.data() + id_start, row.id_end - id_start);
    id_start = row.id_end;
    if (id.empty()) continue;
    m_where.line = chunk.first_line + row.line - 1;
    m_tally.ids.add(id, row.id_hash, m_where, m_tally.found);
  }
  for (size_t i = 0; i < d.counts.size(); ++i) m_tally.counts[i] += d.counts[i];
  for (core::RankEntry& entry : d.eligible) {
    entry.index += m_file_start + chunk.first_row;
    m_tally.eligible.push_back(std::move(entry));
  }
  m_tally.applications += chunk.rows;
  if (m_spill) m_spill->append(d.spilled);
}

// Room for the ids and ranking entries of the first file, estimated from its first chunk
// (a little more than its share), so that neither the id table nor the vector of entries
// grows (and copies) while the file is read. The id table is filled in when made, so a file
// whose first rows are much shorter than the others gets room for at most 1.5 million ids
// (a 16 MiB table); vectors only reserve address space, so the entries get room for every
// row: the first chunk's share of eligible applications is a poor guess (in the 1M bench
// file it was too small, and the vector grew by a copy of 24 MB).
void FirstPassJob::make_room(const io::CsvChunk& chunk, const Decided& decided) {
  constexpr size_t k_most_ids = 1'500'000;
  if (chunk.rows == 0 || chunk.bytes == 0 || !m_layout) return;
  double per_byte = static_cast<double>(chunk.rows) / static_cast<double>(chunk.bytes);
  auto rows = std::min(k_most_ids, static_cast<size_t>(1.05 * per_byte * static_cast<double>(m_layout->size)) + 16);
  auto share = [&](size_t part) {
    return static_cast<size_t>(static_cast<double>(rows) * static_cast<double>(part) / static_cast<double>(chunk.rows));
  };
  m_tally.ids.reserve(rows, share(decided.ids.size()));
  m_tally.eligible.reserve(rows);
  util::advise_huge_pages(m_tally.eligible.data(), m_tally.eligible.capacity() * sizeof(core::RankEntry));
}

struct FormatJob::Text final : Output {
  std::string text;
};

struct FormatJob::Formatter final : Worker {
  explicit Formatter(const FormatJob& job)
      // The reads as views into the record: the writer formats them before the next row.
      : m_job(job),
        m_second(job.m_set, job.m_assessments, job.m_conflicts, job.m_detail, job.m_lang, core::TraceReads::views) {}

  void start(const io::CsvChunk& chunk, Output& out) override {
    static_cast<Text&>(out).text.clear();
    m_index = m_job.m_file_start + chunk.first_row;
    m_first_line = chunk.first_line;
  }

  void row(core::Application& app, Output& out) override {
    if (m_job.m_detail != Detail::outline) { // the writer may show where the application is
      if (app.where.source != *m_job.m_path) app.where.source = *m_job.m_path;
      app.where.line += m_first_line - 1;
    }
    const core::ApplicationView& view = m_second.view(app, m_index, m_job.m_place(m_index));
    ++m_index;
    m_job.m_format(view, static_cast<Text&>(out).text);
  }

  const FormatJob& m_job;
  SecondPass m_second; // each worker its own
  size_t m_index = 0;
  int m_first_line = 0;
};

FormatJob::FormatJob(const core::CriteriaSet& set, const core::AssessmentIndex* assessments,
                     const core::ConflictIndex* conflicts, Detail detail, i18n::Lang lang, Place place,
                     const Format& format, const Write& write)
    : m_set(set), m_assessments(assessments), m_conflicts(conflicts), m_detail(detail), m_lang(lang),
      m_place(std::move(place)), m_format(format), m_write(write) {}

void FormatJob::start_file(const std::string& path, size_t first_index) {
  m_path = &path;
  m_file_start = first_index;
}

std::unique_ptr<io::ChunkJob::Output> FormatJob::output() { return std::make_unique<Text>(); }

std::unique_ptr<io::ChunkJob::Worker> FormatJob::worker() { return std::make_unique<Formatter>(*this); }

void FormatJob::done(const io::CsvChunk&, Output& out) { m_write(static_cast<Text&>(out).text); }

} // namespace fundscreen::run
