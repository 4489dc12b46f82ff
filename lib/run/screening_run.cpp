// SPDX-License-Identifier: Apache-2.0
#include "run/screening_run.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include <unistd.h>

#include "core/cross_check.hpp"
#include "core/screener.hpp"
#include "io/block_csv.hpp"
#include "io/criteria_loader.hpp"
#include "io/digest.hpp"
#include "io/file.hpp"
#include "io/resolution_loader.hpp"
#include "run/outline_spill.hpp"
#include "run/screening_jobs.hpp"

namespace fundscreen::run {

namespace {

// Standard input can be read only once, and a screening reads its applications twice:
// copy it to a temporary file first; `digest`, if given, is fed the bytes read from standard
// input as they are copied.
std::string spool_stdin(io::Sha256* digest) {
  std::string path = io::temporary_dir() + "/fundscreen-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw util::Error(util::ErrorKind::input, {{}, util::Severity::error, "cannot spool standard input", {}});
  close(fd);
  std::ofstream out(path, std::ios::binary);
  std::array<char, 65536> buffer{};
  while (std::cin) {
    std::cin.read(buffer.data(), buffer.size());
    std::string_view bytes(buffer.data(), static_cast<size_t>(std::cin.gcount()));
    if (digest) digest->update(bytes);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  out.close();
  if (!out) throw util::Error(util::ErrorKind::input, {{}, util::Severity::error, "cannot spool standard input", {}});
  return path;
}

io::Sha256* fed(std::optional<io::Sha256>& digest) { return digest ? &*digest : nullptr; }

// Rethrows the problems as one input error if any is an error; keeps the warnings.
void stop_on_errors(util::Diagnostics& found, util::Diagnostics& warnings) {
  if (found.errors() == 0) {
    for (const auto& d : found.items()) warnings.add(d);
    found = util::Diagnostics();
    return;
  }
  found.sort_by_place();
  throw util::Error(util::ErrorKind::input, found.items());
}

} // namespace

ScreeningRun::ScreeningRun(ScreeningInputs inputs, Detail second_pass) : m_inputs(std::move(inputs)) {
  std::string text =
      m_inputs.criteria_text ? *m_inputs.criteria_text : io::read_file(m_inputs.criteria, util::ErrorKind::criteria);
  m_set = std::make_unique<core::CriteriaSet>(io::parse_criteria(text, m_inputs.criteria));
  for (std::string& path : m_inputs.applications) {
    m_names.push_back(path == "-" ? "<stdin>" : path);
    if (path != "-") continue;
    std::optional<io::Sha256> sha = hasher("-");
    path = spool_stdin(fed(sha));
    m_spooled.push_back(path);
    m_spooled_sha256.push_back(sha ? sha->hex() : "");
  }
  m_info.tool_version = m_inputs.tool_version;
  m_info.set = m_set.get();
  m_info.criteria_path = m_inputs.criteria;
  m_info.criteria_sha256 = m_inputs.digests == Digests::compute ? io::sha256_hex(text) : "";
  m_info.timestamp = m_inputs.timestamp;
  m_info.lang = !m_inputs.lang.empty() ? m_inputs.lang : (m_set->lang.empty() ? "en" : m_set->lang);
  load_reviews();
  load_resolutions();
  try {
    first_pass(second_pass);
  } catch (const util::Error& e) { // standard input is named so, not by its temporary copy
    throw util::Error(e.kind(), renamed(e.diagnostics()));
  }
  util::Diagnostics warnings;
  for (auto& d : renamed(m_warnings.items())) warnings.add(std::move(d));
  m_warnings = std::move(warnings);
}

std::vector<util::Diagnostic> ScreeningRun::renamed(std::vector<util::Diagnostic> diagnostics) const {
  for (util::Diagnostic& d : diagnostics)
    for (size_t f = 0; f < m_inputs.applications.size(); ++f)
      if (d.where.source == m_inputs.applications[f]) d.where.source = m_names[f];
  return diagnostics;
}

ScreeningRun::~ScreeningRun() {
  for (const std::string& path : m_spooled) std::remove(path.c_str());
}

std::optional<io::Sha256> ScreeningRun::hasher(const std::string& path) const {
  if (m_inputs.digests == Digests::skip) return std::nullopt;
  if (std::find(m_spooled.begin(), m_spooled.end(), path) != m_spooled.end()) return std::nullopt;
  return io::Sha256();
}

std::string ScreeningRun::sha256_of(const std::string& path, std::optional<io::Sha256>& digest) const {
  if (auto spooled = std::find(m_spooled.begin(), m_spooled.end(), path); spooled != m_spooled.end())
    return m_spooled_sha256[static_cast<size_t>(spooled - m_spooled.begin())];
  return digest ? digest->hex() : "";
}

void ScreeningRun::load_reviews() {
  util::Diagnostics found;
  if (const std::string& path = m_inputs.reviewers; !path.empty()) {
    auto sha = hasher(path);
    auto roster = io::read_roster(path, m_inputs.input, *m_set, found, fed(sha));
    // Read in part, its errors stop the run here, before every assessment is one more.
    if (!roster) stop_on_errors(found, m_warnings);
    m_roster = std::make_unique<core::Roster>(std::move(roster.value()));
    m_info.inputs.push_back({"reviewers", path, sha256_of(path, sha), m_roster->reviewers().size()});
  }
  m_assessments = std::make_unique<core::AssessmentIndex>(*m_set);
  for (const std::string& path : m_inputs.assessments) {
    auto sha = hasher(path);
    size_t rows = io::load_assessments(path, m_inputs.input, *m_set, m_roster.get(), *m_assessments, found, fed(sha));
    m_info.inputs.push_back({"assessments", path, sha256_of(path, sha), rows});
  }
  io::report_similar_reviewers(*m_assessments, m_roster.get(), m_inputs.input, found);
  for (const std::string& path : m_inputs.conflicts) {
    auto sha = hasher(path);
    auto read = io::read_conflicts(path, m_inputs.input, found, fed(sha));
    m_info.inputs.push_back({"conflicts", path, sha256_of(path, sha), read.size()});
    for (const auto& c : read) m_conflicts.add(c);
  }
  m_conflict_check = std::make_unique<core::ConflictCheck>(*m_set, m_conflicts.conflicts());
  // The conflicts' reviewers are reported with what the first pass finds in the conflicts,
  // or now, beside the problems that stop the screening before it.
  core::check_conflict_reviewers(m_conflicts.conflicts(), m_roster.get(), m_assessments.get(), m_conflict_problems);
  if (found.errors() > 0)
    for (const auto& d : m_conflict_problems.items()) found.add(d);
  stop_on_errors(found, m_warnings);
}

void ScreeningRun::load_resolutions() {
  if (m_inputs.resolutions.empty()) return;
  const std::string& path = m_inputs.resolutions;
  auto sha = hasher(path);
  util::Diagnostics found;
  m_resolutions = io::read_resolutions(path, m_inputs.input, found, fed(sha));
  m_info.inputs.push_back({"resolutions", path, sha256_of(path, sha), m_resolutions.size()});
  stop_on_errors(found, m_warnings);
  // Given, even without a row, the run shows the screening's picture beside the final one.
  m_resolver = std::make_unique<core::Screener>(*m_set, m_assessments.get(), &m_conflicts, lang());
}

void ScreeningRun::note_resolved(const core::Application& app, std::string_view id, size_t index) {
  if (!m_resolutions.find(id)) return;
  core::Assessed a = m_resolver->assess(app, core::TraceReads::no);
  m_screened.push_back(
      {index, a.id, a.decision, a.eligible, a.amount, std::move(a.failed), core::pool_of(*m_set, app)});
}

void ScreeningRun::bind_resolutions(FirstPassTally& tally) {
  util::Diagnostics checked, found;
  core::check_resolutions(m_resolutions, m_screened, tally.ids, checked);
  for (const util::Diagnostic& d : checked.items()) // --strict: a doubtful amount stops the run
    if (d.severity == util::Severity::warning && m_inputs.input.doubts == io::Doubts::reject)
      found.error(d.where, d.message);
    else
      found.add(d);
  m_screening_line = m_line;
  m_line = core::bind_resolutions(*m_set, tally.eligible, m_screening_line, m_resolutions, m_screened, found);
  stop_on_errors(found, m_warnings);
  for (size_t p = 0; p < m_screening_line.placements.size(); ++p)
    m_screening_placement_of.emplace_back(m_screening_line.placements[p].index, p);
  std::sort(m_screening_placement_of.begin(), m_screening_placement_of.end());
  // The screening's picture, then the final one: the resolved applications leave their
  // screening's decision for their resolution's, the final line splits fund and reserve.
  core::RunInfo::Screening screening;
  screening.counts = m_info.counts;
  screening.funded = m_info.funded;
  screening.used = m_info.used;
  screening.resolutions = m_resolutions.size();
  screening.placed = m_line.placements.size();
  auto& counts = m_info.counts;
  counts[static_cast<size_t>(core::Decision::fund)] = 0;
  counts[static_cast<size_t>(core::Decision::reserve)] = 0;
  for (const core::Screened& s : m_screened) {
    if (!s.eligible) counts[static_cast<size_t>(s.decision)]--;
    if (m_resolutions.find(s.id)->decision == core::Decision::reject)
      counts[static_cast<size_t>(core::Decision::reject)]++;
  }
  for (const core::Placement& p : m_line.placements) counts[static_cast<size_t>(p.decision)]++;
  m_info.funded = m_line.funded;
  m_info.used = m_line.used;
  m_info.pools = m_line.pools;
  m_info.screening = screening;
}

void ScreeningRun::annotate(core::ApplicationView& view) const {
  auto it = std::lower_bound(m_screening_placement_of.begin(), m_screening_placement_of.end(),
                             std::pair<size_t, size_t>(view.index, 0));
  const core::Placement* placed = it == m_screening_placement_of.end() || it->first != view.index
                                      ? nullptr
                                      : &m_screening_line.placements[it->second];
  view.screened = placed          ? placed->decision
                  : view.assessed ? view.assessed->decision
                  : view.outline  ? view.outline->decision
                                  : view.decision;
  view.screened_rank = placed ? placed->rank : 0;
  std::string_view id = view.assessed  ? std::string_view(view.assessed->id)
                        : view.outline ? view.outline->id
                                       : std::string_view();
  view.resolution = m_resolutions.find(id);
  if (view.resolution) view.decision = view.resolution->decision;
}

// The block reader read the file well a moment ago: now it stops, so the file has changed.
[[noreturn]] static void throw_changed(const std::string& path) {
  throw util::Error(util::ErrorKind::input,
                    {{path, 0, 0}, util::Severity::error, "the file changed while it was screened", {}});
}

// The block reader for a screening: it keeps only the fields a screening reads, and those
// named in `shown`.
static io::BlockCsvApplications block_reader(const core::CriteriaSet& set, const ScreeningInputs& inputs, Fields fields,
                                             const std::vector<std::string>& shown = {}) {
  std::vector<bool> keep =
      fields == Fields::all ? std::vector<bool>(set.fields.size(), true) : io::fields_screening_reads(set);
  for (const std::string& name : shown)
    if (int f = set.field_index(name); f >= 0) keep[static_cast<size_t>(f)] = true;
  return io::BlockCsvApplications(set, inputs.input, std::move(keep), inputs.tuning.block);
}

// Sorts `entries` by core::ranks_before: a large call's two halves each on a core of its own,
// then merged (a strict order, so the same order as one sort).
static void rank_on_two_cores(const core::CriteriaSet& set, std::vector<core::RankEntry>& entries) {
  auto before = [&](const core::RankEntry& a, const core::RankEntry& b) { return core::ranks_before(set, a, b); };
  if (entries.size() < 10000 || std::thread::hardware_concurrency() < 2) {
    std::sort(entries.begin(), entries.end(), before);
    return;
  }
  auto middle = entries.begin() + static_cast<std::ptrdiff_t>(entries.size() / 2);
  {
    std::jthread first_half([&] { std::sort(entries.begin(), middle, before); });
    std::sort(middle, entries.end(), before);
  }
  std::inplace_merge(entries.begin(), middle, entries.end(), before);
}

void ScreeningRun::first_pass(Detail second_pass) {
  // The block reader handles well-formed UTF-8 CSV; anything else, or any problem, and the
  // pass is made again with the streaming reader, which reports every problem exactly.
  // Resolutions need what the screening says of the resolved applications: the streaming
  // reader's pass records it; a run without them takes the block reader as before.
  // Pools: the streaming reader reports an application's pool at its cell (io::read_applications).
  m_block = !m_resolver && m_set->pools.empty() && core::Screener(*m_set, nullptr, nullptr).can_outline() &&
            first_pass_in_chunks(second_pass);
  if (m_block) return;
  m_spill.reset(); // what it spilled before it stopped
  first_pass_streaming();
}

bool ScreeningRun::first_pass_in_chunks(Detail second_pass) {
  FirstPassTally tally;
  m_assessments->group(); // before the workers read it
  if (second_pass == Detail::outline && m_inputs.tuning.keep_outlines)
    m_spill = std::make_unique<OutlineSpill>(m_inputs.tuning.spill_block_bytes);
  FirstPassJob job(*m_set, m_assessments.get(), &m_conflicts, tally, m_spill.get(), m_conflict_check.get());
  io::BlockCsvApplications reader = block_reader(*m_set, m_inputs, Fields::screening);
  m_layouts.clear();
  m_layouts.reserve(m_inputs.applications.size());
  for (const std::string& path : m_inputs.applications) {
    auto sha = hasher(path);
    size_t first = tally.applications;
    io::CsvLayout& layout = m_layouts.emplace_back();
    job.start_file(path, layout);
    if (!reader.read(path, job, &layout, nullptr, fed(sha))) return false;
    bool spooled = std::find(m_spooled.begin(), m_spooled.end(), path) != m_spooled.end();
    tally.inputs.push_back({"applications", spooled ? "-" : path, sha256_of(path, sha), tally.applications - first});
  }
  finish_first_pass(tally);
  return true;
}

void ScreeningRun::first_pass_streaming() {
  FirstPassTally tally;
  FirstPass decider(*m_set, m_assessments.get(), &m_conflicts);
  size_t& index = tally.applications;
  m_kept.assign(m_inputs.applications.size(), {});
  for (size_t f = 0; f < m_inputs.applications.size(); ++f) {
    const std::string& path = m_inputs.applications[f];
    auto sha = hasher(path);
    size_t first = index;
    bool keep = io::is_yaml_path(path);
    io::read_applications(
        path, *m_set, m_inputs.input, tally.found,
        [&](core::Application&& app) {
          if (keep) m_kept[f].push_back(app);
          m_conflict_check->see(app);
          core::Outline o = decider.decide(app, index++, tally.eligible);
          if (!o.id.empty()) tally.ids.add(o.id, app.where, tally.found);
          if (m_resolver) note_resolved(app, o.id, index - 1);
          tally.counts[static_cast<size_t>(o.decision)]++;
        },
        fed(sha));
    bool spooled = std::find(m_spooled.begin(), m_spooled.end(), path) != m_spooled.end();
    tally.inputs.push_back({"applications", spooled ? "-" : path, sha256_of(path, sha), index - first});
  }
  finish_first_pass(tally);
}

void ScreeningRun::finish_first_pass(FirstPassTally& tally) {
  m_assessments->check(&tally.ids, tally.found);
  // Every problem of the conflicts at once: their reviewers, applications and applicants.
  for (const auto& d : m_conflict_problems.items()) tally.found.add(d);
  io::report_conflicts(*m_conflict_check, tally.ids, m_inputs.applications, *m_set, m_inputs.input, tally.found);
  stop_on_errors(tally.found, m_warnings);
  m_info.counts = tally.counts;
  m_info.inputs.insert(m_info.inputs.end(), tally.inputs.begin(), tally.inputs.end());
  m_info.applications = tally.applications;
  m_info.eligible = tally.eligible.size();
  rank_on_two_cores(*m_set, tally.eligible);
  m_line = core::draw_ranked_funding_line(*m_set, tally.eligible);
  count_decisions();
  if (m_resolver) bind_resolutions(tally);
  m_placement_of.reserve(m_line.placements.size());
  for (size_t p = 0; p < m_line.placements.size(); ++p)
    m_placement_of.push_back({static_cast<uint32_t>(m_line.placements[p].index), static_cast<uint32_t>(p)});
  std::sort(m_placement_of.begin(), m_placement_of.end());
  if (!m_spill) return;
  m_ranked = std::move(tally.eligible);                    // the outlines of the eligible applications
  for (core::RankEntry& entry : m_ranked) entry.keys = {}; // the ranking is drawn
}

const core::Placement* ScreeningRun::placement_of(size_t index) const {
  auto it = std::lower_bound(m_placement_of.begin(), m_placement_of.end(),
                             std::pair<uint32_t, uint32_t>(static_cast<uint32_t>(index), 0));
  return it == m_placement_of.end() || it->first != index ? nullptr : &m_line.placements[it->second];
}

// The first pass counted eligible applications as fund; the funding line splits them.
void ScreeningRun::count_decisions() {
  m_info.funded = m_line.funded;
  m_info.budget = m_line.budget;
  m_info.used = m_line.used;
  m_info.pools = m_line.pools;
  m_info.counts[static_cast<size_t>(core::Decision::fund)] = static_cast<size_t>(m_line.funded);
  m_info.counts[static_cast<size_t>(core::Decision::reserve)] = m_info.eligible - static_cast<size_t>(m_line.funded);
}

Detail ScreeningRun::possible(Detail detail) const {
  return detail == Detail::outline && !core::can_outline(*m_set) ? Detail::assessed : detail;
}

void ScreeningRun::replay(Detail detail, const Visit& visit) const {
  detail = possible(detail);
  if (detail == Detail::outline && m_spill) {
    replay_spilled([&](std::span<const core::ApplicationView> views) {
      for (const core::ApplicationView& view : views) visit(view);
    });
    return;
  }
  SecondPass second(*m_set, m_assessments.get(), &m_conflicts, detail, lang());
  util::Diagnostics ignored; // the first pass reported everything already
  // An outline needs the fields the screening reads; writers may show any field.
  ApplicationReader read = replay_reader(detail == Detail::outline ? Fields::screening : Fields::all);
  size_t index = 0;
  for (size_t f = 0; f < m_inputs.applications.size(); ++f) {
    const std::string& path = m_inputs.applications[f];
    bool whole = read(path, ignored, [&](core::Application&& app) {
      if (app.where.source != m_names[f]) app.where.source = m_names[f];
      if (m_info.screening) {
        core::ApplicationView view = second.view(app, index, placement_of(index));
        annotate(view);
        visit(view);
      } else {
        visit(second.view(app, index, placement_of(index)));
      }
      ++index;
    });
    if (!whole) throw_changed(path);
  }
  if (index != m_info.applications) throw_changed(m_inputs.applications.back());
}

void ScreeningRun::replay(report::Writer& writer) const {
  report::Needs needs = writer.needs();
  Detail detail = possible(needs.detail);
  if (!writer.formats_each()) {
    replay(detail, [&](const core::ApplicationView& view) { writer.add(view); });
    return;
  }
  // Each application screened and formatted on both cores.
  auto format = [&](const core::ApplicationView& view, std::string& text) { writer.format(view, text); };
  auto write = [&](std::string_view text) { writer.add_formatted(text); };
  if (detail == Detail::outline)
    replay_formatted(detail, format, write);
  else
    replay_formatted(detail, format, write, writer.fields_shown());
}

void ScreeningRun::replay_formatted(Detail detail, const Format& format, const Write& write,
                                    const std::optional<std::vector<std::string>>& shown) const {
  if (detail == Detail::outline && m_spill) return replay_spilled(format, write);
  if (!m_block) { // the streaming reader: one application after the other
    std::string text;
    replay(detail, [&](const core::ApplicationView& view) {
      text.clear();
      format(view, text);
      write(text);
    });
    return;
  }
  FormatJob job(
      *m_set, m_assessments.get(), &m_conflicts, detail, lang(), [this](size_t index) { return placement_of(index); },
      format, write);
  // An outline needs the fields the screening reads; a writer may show others.
  bool screening_only = detail == Detail::outline || shown;
  io::BlockCsvApplications reader = block_reader(*m_set, m_inputs, screening_only ? Fields::screening : Fields::all,
                                                 shown ? *shown : std::vector<std::string>{});
  size_t first = 0;
  for (size_t f = 0; f < m_inputs.applications.size(); ++f) {
    const io::CsvLayout& layout = m_layouts[f];
    job.start_file(m_names[f], first); // the name the application's place shows
    if (!reader.read(m_inputs.applications[f], job, nullptr, &layout)) throw_changed(m_inputs.applications[f]);
    for (const io::CsvChunk& chunk : layout.chunks) first += chunk.rows;
  }
}

void ScreeningRun::replay_spilled(const std::function<void(std::span<const core::ApplicationView>)>& each) const {
  // The views go to `each` in slices of this many, so that memory stays the same whatever
  // the number of applications (a spill block holds about 100,000).
  constexpr size_t k_slice = 16384;
  std::vector<core::Outline> outlines;
  std::vector<core::ApplicationView> views;
  outlines.reserve(k_slice);
  views.reserve(k_slice);
  auto hand_on = [&] {
    for (size_t i = 0; i < views.size(); ++i) views[i].outline = &outlines[i];
    if (!views.empty()) each(views);
    outlines.clear();
    views.clear();
  };
  SpilledOutline record;
  size_t index = 0;
  auto placed = m_placement_of.begin();
  m_spill->read([&](std::string_view block) { // the ids are views into the block
    for (size_t at = 0; at < block.size(); ++index) {
      if (views.size() == k_slice) hand_on();
      read_spilled(block, at, record);
      core::ApplicationView& view = views.emplace_back();
      view.index = index;
      if (!record.eligible) {
        view.decision = record.outline.decision;
        outlines.push_back(record.outline);
        continue;
      }
      // An eligible application's outline, as Screener::outline gives it, from its entry.
      if (placed == m_placement_of.end() || placed->first != index)
        throw std::logic_error("the spilled outlines do not match the ranking");
      const core::RankEntry& entry = m_ranked[placed->second];
      view.placement = &m_line.placements[placed->second];
      view.decision = view.placement->decision;
      ++placed;
      core::Outline& o = outlines.emplace_back();
      o.id = entry.id;
      o.decision = core::Decision::fund;
      o.eligible = true;
      o.score = entry.score;
      o.amount = entry.amount;
    }
    hand_on();
  });
  if (index != m_info.applications || placed != m_placement_of.end())
    throw std::logic_error("the spilled outlines do not match the applications");
}

void ScreeningRun::replay_spilled(const Format& format, const Write& write) const {
  constexpr size_t k_rows_for_two = 4096; // fewer are formatted on the caller's thread alone
  bool two = std::thread::hardware_concurrency() > 1;
  std::string first, second;
  replay_spilled([&](std::span<const core::ApplicationView> views) {
    size_t half = two && views.size() >= k_rows_for_two ? views.size() / 2 : 0;
    first.clear();
    second.clear();
    std::exception_ptr failed;
    {
      std::jthread other;
      if (half > 0)
        other = std::jthread([&] {
          try {
            for (const core::ApplicationView& view : views.first(half)) format(view, first);
          } catch (...) {
            failed = std::current_exception();
          }
        });
      for (const core::ApplicationView& view : views.subspan(half)) format(view, second);
    }
    if (failed) std::rethrow_exception(failed);
    if (!first.empty()) write(first);
    if (!second.empty()) write(second);
  });
}

// The reader of the second pass: the block reader over the chunks the first found, or the
// streaming reader.
ApplicationReader ScreeningRun::replay_reader(Fields fields) const {
  if (m_block) {
    auto reader = std::make_shared<io::BlockCsvApplications>(block_reader(*m_set, m_inputs, fields));
    return [this, reader](const std::string& path, util::Diagnostics&,
                          const std::function<void(core::Application &&)>& sink) {
      auto file = std::find(m_inputs.applications.begin(), m_inputs.applications.end(), path);
      return reader->read(path, sink, &m_layouts[static_cast<size_t>(file - m_inputs.applications.begin())]);
    };
  }
  return [&](const std::string& path, util::Diagnostics& found, const std::function<void(core::Application &&)>& sink) {
    auto file = std::find(m_inputs.applications.begin(), m_inputs.applications.end(), path);
    size_t f = static_cast<size_t>(file - m_inputs.applications.begin());
    if (f < m_kept.size() && io::is_yaml_path(path)) { // parsed once: YAML is slow to parse and held whole anyway
      for (const core::Application& app : m_kept[f]) sink(core::Application(app));
      return true;
    }
    io::read_applications(path, *m_set, m_inputs.input, found, sink);
    return true;
  };
}

} // namespace fundscreen::run
