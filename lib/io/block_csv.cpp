// SPDX-License-Identifier: Apache-2.0
#include "io/block_csv.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "io/block_records.hpp"
#include "io/digest.hpp"
#include "io/encoding.hpp"
#include "io/file_format.hpp"
#include "util/utf8_valid.hpp"

namespace fundscreen::io {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";
// Under this size a file is read on the caller's thread alone: starting threads costs more.
constexpr uint64_t k_small_file = uint64_t{1} << 20;
// The header must end within this many bytes.
constexpr size_t k_max_header = size_t{1} << 16;
// Chunks in flight for each worker: one being typed, one done, one waiting for the caller.
constexpr size_t k_slots_per_worker = 3;

void keep_reads(const core::CriteriaSet& set, const core::Rule& rule, std::vector<bool>& keep) {
  for (const std::string& path : rule.reads())
    if (path.starts_with("app."))
      if (int f = set.field_index(std::string_view(path).substr(4)); f >= 0) keep[f] = true;
}

// Reads `size` bytes at `offset`, fewer only at the end of the file; -1 on an error.
ssize_t read_at(int fd, char* data, size_t size, uint64_t offset) {
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, data + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0) return -1;
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(done);
}

// Reads every application of a chunk into `sink`, in input order, on the caller's thread.
class SinkJob final : public ChunkJob {
public:
  SinkJob(const std::string& path, const std::function<void(core::Application&&)>& sink) : m_path(path), m_sink(sink) {}

  std::unique_ptr<Output> output() override { return std::make_unique<Rows>(); }
  std::unique_ptr<Worker> worker() override { return std::make_unique<Collector>(m_path); }
  void done(const CsvChunk& chunk, Output& out) override {
    auto& rows = static_cast<Rows&>(out);
    for (size_t i = 0; i < rows.size; ++i) {
      rows.apps[i].where.line += chunk.first_line - 1;
      m_sink(std::move(rows.apps[i]));
    }
  }

private:
  struct Rows final : Output {
    std::vector<core::Application> apps;
    size_t size = 0;
  };
  // Swaps each application into the chunk's rows (and a used one back, to be typed into).
  struct Collector final : Worker {
    explicit Collector(const std::string& path) : m_path(path) {}
    void start(const CsvChunk&, Output& out) override { static_cast<Rows&>(out).size = 0; }
    void row(core::Application& app, Output& out) override {
      auto& rows = static_cast<Rows&>(out);
      if (rows.size == rows.apps.size()) rows.apps.emplace_back();
      if (app.where.source != m_path) app.where.source = m_path;
      std::swap(app, rows.apps[rows.size++]);
    }
    const std::string& m_path;
  };

  const std::string& m_path;
  const std::function<void(core::Application&&)>& m_sink;
};

} // namespace

std::vector<bool> fields_screening_reads(const core::CriteriaSet& set) {
  std::vector<bool> keep(set.fields.size(), false);
  for (std::string_view name : {std::string_view("id"), std::string_view("applicant")})
    if (int f = set.field_index(name); f >= 0) keep[f] = true;
  if (int f = set.field_index(set.funding_amount); f >= 0) keep[f] = true;
  if (int f = set.field_index(set.pool_field); f >= 0 && !set.pools.empty()) keep[f] = true;
  for (const core::TieBreak& t : set.ranking.tie_break)
    if (int f = set.field_index(t.name); f >= 0 && t.key == core::TieBreak::Key::field) keep[f] = true;
  for (const core::Criterion& c : set.criteria)
    if (c.rule) keep_reads(set, *c.rule, keep);
  if (set.ranking.expression) keep_reads(set, *set.ranking.expression, keep);
  return keep;
}

// The open file: closed when the read ends.
struct BlockCsvApplications::File {
  int fd = -1;
  CsvLayout identity;      // device, inode, size and time
  uint64_t data_start = 0; // the first byte after the header
  ~File() {
    if (fd >= 0) close(fd);
  }
};

namespace {

// The chunks of one read: taken in order by the workers (or the caller's thread alone),
// typed, and handed to the job on the caller's thread in input order.
class ChunkPipeline {
public:
  struct Setup {
    const core::CriteriaSet& set;
    const std::vector<int>& columns;
    const std::vector<char>& keep;
    char delimiter;
    int fd;
    uint64_t data_start;
    size_t chunk_bytes;
    size_t max_chunk_bytes;
    int workers;
    Sha256* digest; // fed each chunk as it is taken (in file order), or null
  };

  ChunkPipeline(Setup setup, ChunkJob& job, CsvLayout* found, const CsvLayout* replay)
      : m_setup(setup), m_job(job), m_found(found), m_replay(replay), m_offset(setup.data_start) {
    m_slots.resize(std::max<size_t>(1, k_slots_per_worker * static_cast<size_t>(setup.workers)));
    for (Slot& slot : m_slots) slot.out = job.output();
  }

  // True if every chunk was read and handed to the job, with at least one application.
  bool run() {
    if (m_setup.workers == 0) return run_alone();
    std::vector<std::thread> threads;
    struct Joiner { // however the caller's side ends, the workers stop and are joined
      ChunkPipeline& pipeline;
      std::vector<std::thread>& threads;
      ~Joiner() {
        pipeline.stop();
        for (std::thread& t : threads) t.join();
      }
    } joiner{*this, threads};
    for (int w = 0; w < m_setup.workers; ++w) threads.emplace_back([this] { work(); });
    bool whole = consume_all();
    stop();
    for (std::thread& t : threads) t.join();
    threads.clear();
    if (m_error) std::rethrow_exception(m_error);
    return whole && m_rows > 0;
  }

private:
  enum class State { free, busy, ready };
  struct Slot {
    std::string bytes;
    CsvChunk chunk;
    std::unique_ptr<ChunkJob::Output> out;
    State state = State::free;
    bool ok = false;
  };

  RecordParser parser() const {
    return RecordParser(m_setup.set, m_setup.columns, m_setup.keep, m_setup.delimiter,
                        m_replay ? CellChecks::kept_only : CellChecks::all);
  }

  bool run_alone() {
    RecordParser records = parser();
    auto worker = m_job.worker();
    core::Application app;
    for (size_t number = 0;; ++number) {
      Slot* slot = take(number);
      if (!slot) break;
      if (!type_chunk(records, *worker, *slot, app)) return false;
      hand_over(*slot);
    }
    return m_last && m_rows > 0; // not at a chunk that could not be read
  }

  // A worker thread: takes the next chunk, types it, marks it ready, until there is none.
  void work() {
    try {
      RecordParser records = parser();
      auto worker = m_job.worker();
      core::Application app;
      for (;;) {
        Slot* slot = take_next();
        if (!slot) return;
        bool ok = type_chunk(records, *worker, *slot, app);
        std::lock_guard lock(m_mutex);
        slot->state = State::ready;
        slot->ok = ok;
        m_failed |= !ok;
        m_changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(m_mutex);
      if (!m_error) m_error = std::current_exception();
      m_failed = true;
      m_changed.notify_all();
    }
  }

  // The next chunk in input order, read into a free slot, once the caller has taken few
  // enough of the chunks before it; null at the end or when the read stops.
  Slot* take_next() {
    std::lock_guard taking(m_take_mutex); // chunks are taken one after the other, in order
    size_t number;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return m_failed || m_last || m_taken - m_consumed < m_slots.size(); });
      if (m_failed || m_last) return nullptr;
      number = m_taken;
    }
    Slot* slot = take(number);
    std::lock_guard lock(m_mutex);
    if (!slot) {
      m_failed = m_failed || !m_last;
      m_changed.notify_all();
    }
    return slot;
  }

  // Reads chunk `number` into its slot (the next one of the file, or of the replayed
  // layout); null when there is none or it cannot be read.
  Slot* take(size_t number) {
    Slot& slot = m_slots[number % m_slots.size()];
    bool last = false;
    if (m_replay) {
      if (number >= m_replay->chunks.size()) return nullptr;
      slot.chunk = m_replay->chunks[number];
      slot.bytes.resize(slot.chunk.bytes);
      ssize_t n = read_at(m_setup.fd, slot.bytes.data(), slot.chunk.bytes, slot.chunk.offset);
      if (n != static_cast<ssize_t>(slot.chunk.bytes)) return nullptr;
      last = number + 1 == m_replay->chunks.size();
    } else {
      if (m_end) return nullptr;
      if (!read_chunk(slot, last)) return nullptr;
      // Chunks are taken one after the other in file order (under m_take_mutex), and typing
      // edits a chunk in place: hashed here, the bytes are those parsed, in order, while the
      // other worker types the chunk it took.
      if (m_setup.digest) m_setup.digest->update(std::string_view(slot.bytes.data(), slot.chunk.bytes));
    }
    std::lock_guard lock(m_mutex);
    slot.state = State::busy;
    m_taken = number + 1;
    m_last = last;
    m_end = last;
    return &slot;
  }

  // The next chunk of whole records from m_offset: the bytes up to the last record end of
  // what was read (more when there is none), or to the end of the file.
  bool read_chunk(Slot& slot, bool& last) {
    for (size_t size = m_setup.chunk_bytes;; size *= 2) {
      if (size > m_setup.max_chunk_bytes) return false;
      slot.bytes.resize(size);
      ssize_t n = read_at(m_setup.fd, slot.bytes.data(), size, m_offset);
      if (n < 0) return false;
      slot.chunk = CsvChunk{m_offset, static_cast<size_t>(n), 0, 0, 0, 0};
      if (static_cast<size_t>(n) < size) { // the end of the file
        last = true;
        return true;
      }
      if (size_t end = last_record_end(slot.bytes.data(), size); end > 0) {
        slot.chunk.bytes = end;
        m_offset += end;
        return true;
      }
    }
  }

  // Types the applications of the slot's chunk and hands them to the worker; false at
  // anything the block reader does not handle (or, replaying, a different row count).
  bool type_chunk(RecordParser& records, ChunkJob::Worker& worker, Slot& slot, core::Application& app) {
    CsvChunk& chunk = slot.chunk;
    char* data = slot.bytes.data();
    if (!m_replay && !util::is_valid_utf8(std::string_view(data, chunk.bytes))) return false;
    size_t expected_rows = chunk.rows;
    int expected_lines = chunk.lines;
    chunk.rows = 0;
    worker.start(chunk, *slot.out);
    records.start(data, chunk.bytes, 1); // lines from the chunk's first, which a first pass knows later
    for (;;) {
      RecordParser::Next next = records.next(app);
      if (next == RecordParser::Next::unhandled) return false;
      if (next == RecordParser::Next::end) break;
      worker.row(app, *slot.out);
      ++chunk.rows;
    }
    chunk.lines = records.line() - 1;
    return !m_replay || (chunk.rows == expected_rows && chunk.lines == expected_lines);
  }

  // On the caller's thread: every chunk in input order, as the workers make them ready.
  bool consume_all() {
    for (;;) {
      Slot* slot = nullptr;
      {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] {
          return m_failed || (m_last && m_consumed == m_taken) ||
                 m_slots[m_consumed % m_slots.size()].state == State::ready;
        });
        if (m_failed) return false;
        if (m_last && m_consumed == m_taken) return true;
        slot = &m_slots[m_consumed % m_slots.size()];
      }
      hand_over(*slot);
      std::lock_guard lock(m_mutex);
      slot->state = State::free;
      ++m_consumed;
      m_changed.notify_all();
    }
  }

  void hand_over(Slot& slot) {
    slot.chunk.first_row = m_rows;
    m_rows += slot.chunk.rows;
    if (!m_replay) slot.chunk.first_line = m_line;
    m_line = slot.chunk.first_line + slot.chunk.lines;
    if (m_found) m_found->chunks.push_back(slot.chunk);
    m_job.done(slot.chunk, *slot.out);
  }

  void stop() {
    std::lock_guard lock(m_mutex);
    m_failed = m_failed || !(m_last && m_consumed == m_taken);
    m_changed.notify_all();
  }

  Setup m_setup;
  ChunkJob& m_job;
  CsvLayout* m_found;
  const CsvLayout* m_replay;
  std::vector<Slot> m_slots;
  // Taking chunks (under m_take_mutex): where the next one starts.
  std::mutex m_take_mutex;
  uint64_t m_offset;
  bool m_end = false;
  // The state of the slots and the counts (under m_mutex).
  std::mutex m_mutex;
  std::condition_variable m_changed;
  size_t m_taken = 0;    // chunks taken so far
  size_t m_consumed = 0; // chunks handed to the job
  bool m_last = false;   // the last chunk was taken
  bool m_failed = false; // a chunk could not be read or typed, or the read stops
  std::exception_ptr m_error;
  // The caller's side: rows handed to the job, the line of the next chunk.
  size_t m_rows = 0;
  int m_line = 2;
};

} // namespace

BlockCsvApplications::BlockCsvApplications(const core::CriteriaSet& set, const InputOptions& options,
                                           std::vector<bool> keep, BlockTuning tuning)
    : m_set(set), m_options(options), m_keep(keep.begin(), keep.end()), m_tuning(tuning) {}

bool BlockCsvApplications::read(const std::string& path, const std::function<void(core::Application&&)>& sink,
                                const CsvLayout* replay) {
  SinkJob job(path, sink);
  return read(path, job, nullptr, replay);
}

bool BlockCsvApplications::read(const std::string& path, ChunkJob& job, CsvLayout* found, const CsvLayout* replay,
                                Sha256* digest) {
  if (is_yaml_path(path) || path == "-") return false;
  File file;
  file.fd = ::open(path.c_str(), O_RDONLY);
  if (file.fd < 0) return false;
  struct stat st {};
  if (fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
  file.identity.device = st.st_dev;
  file.identity.inode = st.st_ino;
  file.identity.size = static_cast<uint64_t>(st.st_size);
  file.identity.modified_ns = int64_t{st.st_mtim.tv_sec} * 1'000'000'000 + st.st_mtim.tv_nsec;
  if (replay && (replay->device != file.identity.device || replay->inode != file.identity.inode ||
                 replay->size != file.identity.size || replay->modified_ns != file.identity.modified_ns))
    return false;
  if (!read_header(file, replay ? nullptr : digest)) return false;
  if (found) {
    *found = file.identity;
    found->chunks.clear();
  }
  // A file smaller than a chunk is read at once (every page of the buffer is touched once).
  size_t chunk_bytes = std::min<size_t>(m_tuning.chunk_bytes, file.identity.size - file.data_start + 1);
  size_t max_chunk_bytes = std::max(chunk_bytes, m_tuning.max_chunk_bytes);
  ChunkPipeline::Setup setup{m_set,
                             m_columns,
                             m_keep,
                             m_delimiter,
                             file.fd,
                             file.data_start,
                             chunk_bytes,
                             max_chunk_bytes,
                             workers_for(file.identity.size),
                             replay ? nullptr : digest};
  return ChunkPipeline(setup, job, found, replay).run();
}

int BlockCsvApplications::workers_for(uint64_t file_size) const {
  if (m_tuning.workers >= 0) return m_tuning.workers;
  return std::thread::hardware_concurrency() > 1 && file_size >= k_small_file ? 2 : 0;
}

// The header: one line with no quotes, each of the set's fields read from one column (its
// name, or one of its `column`s), required or not, and nothing else.
bool BlockCsvApplications::read_header(File& file, Sha256* digest) {
  std::string head(std::min<uint64_t>(file.identity.size, k_max_header), '\0');
  if (read_at(file.fd, head.data(), head.size(), 0) != static_cast<ssize_t>(head.size())) return false;
  if (detect_file_format(head) != FileFormat::text) return false; // the streaming reader says what it is
  bool bom = head.starts_with(k_utf8_bom);
  if (!bom && m_options.csv.encoding != Encoding::utf8) return false;
  size_t start = bom ? k_utf8_bom.size() : 0;
  size_t line_end = head.find_first_of("\r\n", start);
  // the line break must be whole within what was read (and some row after it)
  if (line_end == std::string::npos || line_end == start || line_end + 1 >= head.size()) return false;
  file.data_start = line_end + (head[line_end] == '\r' && head[line_end + 1] == '\n' ? 2 : 1);
  if (digest) digest->update(std::string_view(head).substr(0, file.data_start)); // the chunks read the rest
  head.resize(line_end);
  head.erase(0, start);
  if (head.find('"') != std::string::npos || !util::is_valid_utf8(head)) return false;
  m_delimiter = m_options.csv.delimiter;
  if (m_delimiter == 0) {
    auto commas = std::count(head.begin(), head.end(), ','), semicolons = std::count(head.begin(), head.end(), ';');
    auto tabs = std::count(head.begin(), head.end(), '\t');
    m_delimiter = tabs > commas && tabs > semicolons ? '\t' : (semicolons > commas ? ';' : ',');
  }
  std::vector<std::string_view> names;
  for (size_t p = 0;;) {
    size_t q = head.find(m_delimiter, p);
    names.push_back(std::string_view(head).substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  std::vector<bool> present(m_set.fields.size(), false);
  m_columns.clear();
  for (std::string_view name : names) {
    int f = core::field_for_header(m_set.fields, name);
    if (f < 0 || present[f]) return false;
    present[f] = true;
    m_columns.push_back(f);
  }
  // every field needs its column, required or not (read_applications says so)
  return std::all_of(present.begin(), present.end(), [](bool p) { return p; });
}

} // namespace fundscreen::io
