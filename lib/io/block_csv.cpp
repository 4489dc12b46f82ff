// SPDX-License-Identifier: Apache-2.0
#include "io/block_csv.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io/encoding.hpp"
#include "util/text.hpp"

namespace fundscreen::io {

namespace {

// Small enough that a block read is still in the cache when it is checked and scanned.
constexpr size_t k_block = size_t{1} << 18;
constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

void keep_reads(const core::CriteriaSet& set, const core::Rule& rule, std::vector<bool>& keep) {
  for (const std::string& path : rule.reads())
    if (path.starts_with("app."))
      if (int f = set.field_index(std::string_view(path).substr(4)); f >= 0) keep[f] = true;
}

// The offset of the first of the bytes `a`, `b`, `c` at or after `p` in `data[0, size)`, or
// `size`: sixteen bytes at a time.
size_t find_any(const char* data, size_t p, size_t size, char a, char b, char c) {
#ifdef __SSE2__
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  for (; p + 16 <= size; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)), _mm_cmpeq_epi8(v, vc));
    if (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit))) return p + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; p < size; ++p)
    if (data[p] == a || data[p] == b || data[p] == c) return p;
  return size;
}

// The end of the whole characters of `data[from, size)`: before the last character unless it
// is ASCII (a longer one may be cut off), which has at most three continuation bytes
// (10xxxxxx) after its first. In text that is not UTF-8 this may be any place, which is
// enough: the check of the bytes before it, or later of those after it, fails.
size_t whole_characters_end(const char* data, size_t from, size_t size) {
  size_t p = size;
  for (int i = 0; i < 4 && p > from; ++i) {
    auto byte = static_cast<unsigned char>(data[--p]);
    if (byte < 0x80) return p + 1; // ASCII: a whole character
    if ((byte & 0xC0) != 0x80) return p;
  }
  return p;
}

} // namespace

std::vector<bool> fields_screening_reads(const core::CriteriaSet& set) {
  std::vector<bool> keep(set.fields.size(), false);
  for (std::string_view name : {std::string_view("id"), std::string_view("applicant")})
    if (int f = set.field_index(name); f >= 0) keep[f] = true;
  if (int f = set.field_index(set.funding_amount); f >= 0) keep[f] = true;
  for (const core::TieBreak& t : set.ranking.tie_break)
    if (int f = set.field_index(t.name); f >= 0 && t.key == core::TieBreak::Key::field) keep[f] = true;
  for (const core::Criterion& c : set.criteria)
    if (c.rule) keep_reads(set, *c.rule, keep);
  if (set.ranking.expression) keep_reads(set, *set.ranking.expression, keep);
  return keep;
}

BlockCsvApplications::BlockCsvApplications(const core::CriteriaSet& set, const InputOptions& options,
                                           std::vector<bool> keep)
    : m_set(set), m_options(options), m_keep(keep.begin(), keep.end()) {}

bool BlockCsvApplications::read(const std::string& path, const std::function<void(core::Application&&)>& sink) {
  if (!open(path)) return false;
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{m_fd};
  if (!read_header()) return false;
  if (std::thread::hardware_concurrency() > 1) return read_in_parallel(path, sink);
  core::Application app;
  size_t rows = 0;
  for (Next next; (next = next_row(app, path)) == Next::row; ++rows) sink(std::move(app));
  return m_end && rows > 0; // a header alone gets a warning from the streaming reader
}

BlockCsvApplications::Next BlockCsvApplications::next_row(core::Application& app, const std::string& path) {
  for (;;) {
    Scan scan = scan_record();
    if (scan == Scan::more) {
      if (!refill()) return Next::stop;
      continue;
    }
    m_end = scan == Scan::end;
    if (m_end) return Next::stop;
    if (scan == Scan::unhandled || !type_row(app)) return Next::stop;
    if (app.where.source != path) app.where.source = path;
    app.where.line = m_record_line;
    app.where.column = 1;
    return Next::row;
  }
}

// Rows go from the reading thread to the caller's in batches, in input order.
struct BlockCsvApplications::Batch {
  std::vector<core::Application> apps = std::vector<core::Application>(256);
  size_t size = 0;
  bool last = false;
};

bool BlockCsvApplications::read_in_parallel(const std::string& path,
                                            const std::function<void(core::Application&&)>& sink) {
  std::array<Batch, 4> batches;
  std::deque<Batch*> free, full;
  for (Batch& b : batches) free.push_back(&b);
  std::mutex mutex;
  std::condition_variable changed;
  bool stop = false;
  std::exception_ptr failure;
  auto take = [&](std::deque<Batch*>& from) -> Batch* {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return stop || !from.empty(); });
    if (from.empty()) return nullptr;
    Batch* b = from.front();
    from.pop_front();
    return b;
  };
  auto give = [&](std::deque<Batch*>& to, Batch* b) {
    std::lock_guard lock(mutex);
    to.push_back(b);
    changed.notify_all();
  };
  std::thread reader([&] {
    try {
      for (bool last = false; !last;) {
        Batch* b = take(free);
        if (!b) return;
        for (b->size = 0; b->size < b->apps.size() && !last; ++b->size)
          last = next_row(b->apps[b->size], path) == Next::stop;
        b->size -= last ? 1 : 0;
        b->last = last;
        give(full, b);
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
      stop = true;
      changed.notify_all();
    }
  });
  // However the caller's sink ends, the reader stops and is joined before this returns.
  struct Joiner {
    std::thread& thread;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~Joiner() {
      {
        std::lock_guard lock(mutex);
        stop = true;
        changed.notify_all();
      }
      thread.join();
    }
  } joiner{reader, mutex, changed, stop};
  size_t rows = 0;
  for (;;) {
    Batch* b = take(full);
    if (!b) break;
    for (size_t i = 0; i < b->size; ++i) sink(std::move(b->apps[i]));
    rows += b->size;
    if (b->last) break;
    give(free, b);
  }
  if (failure) std::rethrow_exception(failure);
  return m_end && rows > 0; // a header alone gets a warning from the streaming reader
}

bool BlockCsvApplications::open(const std::string& path) {
  if (is_yaml_path(path) || path == "-") return false;
  m_fd = ::open(path.c_str(), O_RDONLY);
  if (m_fd < 0) return false;
  m_eof = m_end = false;
  m_pos = m_size = m_valid = 0;
  m_line = 1;
  // A small file gets a small block: every page of the block is touched once.
  struct stat st {};
  size_t block = fstat(m_fd, &st) == 0 && st.st_size >= 0 ? static_cast<size_t>(st.st_size) + 1 : k_block;
  m_buf.resize(std::clamp<size_t>(block, 4096, k_block));
  bool ok = refill();
  bool bom = std::string_view(m_buf.data(), m_size).starts_with(k_utf8_bom);
  if (ok && !bom && m_options.csv.encoding != Encoding::utf8) ok = false;
  if (!ok) close(m_fd);
  if (bom) m_pos = k_utf8_bom.size();
  return ok;
}

// Moves the unconsumed bytes to the front and reads more after them (a bigger block if one
// record fills it); false at the end of the file or at bytes that are not UTF-8.
bool BlockCsvApplications::refill() {
  if (m_eof) return false;
  std::memmove(m_buf.data(), m_buf.data() + m_pos, m_size - m_pos);
  m_size -= m_pos;
  m_valid -= m_pos;
  m_pos = 0;
  if (m_size == m_buf.size()) m_buf.resize(m_buf.size() * 2);
  ssize_t n = ::read(m_fd, m_buf.data() + m_size, m_buf.size() - m_size);
  if (n < 0) return false;
  if (n == 0) m_eof = true;
  m_size += static_cast<size_t>(n);
  // The new bytes up to the last whole character in one check; a character cut off at the
  // end waits for the next read.
  size_t end = m_eof ? m_size : whole_characters_end(m_buf.data(), m_valid, m_size);
  if (!is_valid_utf8(std::string_view(m_buf.data() + m_valid, end - m_valid))) return false;
  m_valid = end;
  return true;
}

// Finds the fields of the record at m_pos, skipping empty lines first. The record must end
// within the checked bytes (or at the end of the file); else `more`.
BlockCsvApplications::Scan BlockCsvApplications::scan_record() {
  const char* data = m_buf.data();
  size_t end = m_valid, p = m_pos;
  int line = m_line;
  while (p < end && (data[p] == '\r' || data[p] == '\n')) {
    if (data[p] == '\r' && p + 1 == end && !m_eof) return Scan::more;
    p += data[p] == '\r' && p + 1 < end && data[p + 1] == '\n' ? 2 : 1;
    ++line;
  }
  if (p == end) {
    m_pos = p, m_line = line;
    return m_eof ? Scan::end : Scan::more;
  }
  m_record_line = line;
  m_fields.clear();
  m_escaped.clear();
  for (;;) {
    size_t start = p;
    bool escaped = false;
    if (p < end && data[p] == '"') {
      // Up to the closing quote, counting the line breaks inside as the CSV reader does.
      for (++p;;) {
        p = find_any(data, p, end, '"', '\r', '\n');
        if (p == end) return m_eof ? Scan::unhandled : Scan::more;
        if (p + 1 == end && !m_eof) return Scan::more;
        char c = data[p];
        bool pair = p + 1 < end && ((c == '"' && data[p + 1] == '"') || (c == '\r' && data[p + 1] == '\n'));
        if (c == '"' && !pair) break;
        line += c == '"' ? 0 : 1;
        escaped |= c == '"';
        p += pair ? 2 : 1;
      }
      m_fields.emplace_back(data + start + 1, p - start - 1);
      ++p;
      if (p < end && data[p] != m_delimiter && data[p] != '\r' && data[p] != '\n') return Scan::unhandled;
    } else {
      p = find_any(data, p, end, m_delimiter, '\r', '\n');
      m_fields.emplace_back(data + start, p - start);
    }
    m_escaped.push_back(escaped);
    if (p == end) {
      if (!m_eof) return Scan::more;
      break;
    }
    if (data[p] == m_delimiter) {
      ++p;
      continue;
    }
    if (data[p] == '\r' && p + 1 == end && !m_eof) return Scan::more;
    p += data[p] == '\r' && p + 1 < end && data[p + 1] == '\n' ? 2 : 1;
    ++line;
    break;
  }
  m_pos = p;
  m_line = line;
  return Scan::record;
}

// Turns each "" of a quoted field into ", in place: the text only gets shorter.
void BlockCsvApplications::unescape(std::string_view& field) {
  char* out = const_cast<char*>(field.data());
  const char* in = field.data();
  const char* last = field.data() + field.size();
  char* start = out;
  while (in < last) {
    char c = *in++;
    *out++ = c;
    if (c == '"') ++in;
  }
  field = std::string_view(start, static_cast<size_t>(out - start));
}

// The header: one line with no quotes, each of the set's fields named once, nothing else.
bool BlockCsvApplications::read_header() {
  std::string_view head(m_buf.data() + m_pos, m_valid - m_pos);
  size_t line_end = head.find_first_of("\r\n");
  if (line_end == std::string_view::npos || line_end == 0) return false;
  head = head.substr(0, line_end);
  if (head.find('"') != std::string_view::npos) return false;
  m_delimiter = m_options.csv.delimiter;
  if (m_delimiter == 0) {
    auto commas = std::count(head.begin(), head.end(), ','), semicolons = std::count(head.begin(), head.end(), ';');
    auto tabs = std::count(head.begin(), head.end(), '\t');
    m_delimiter = tabs > commas && tabs > semicolons ? '\t' : (semicolons > commas ? ';' : ',');
  }
  if (scan_record() != Scan::record) return false; // the header has no quotes to unescape
  std::vector<bool> present(m_set.fields.size(), false);
  m_columns.clear();
  for (std::string_view name : m_fields) {
    int f = m_set.field_index(util::trim(name));
    if (f < 0 || present[f]) return false;
    present[f] = true;
    m_columns.push_back(f);
  }
  for (size_t f = 0; f < m_set.fields.size(); ++f)
    if (m_set.fields[f].required && !present[f]) return false;
  return true;
}

// Types the current record into `app`: kept fields into its values, the others only checked.
bool BlockCsvApplications::type_row(core::Application& app) {
  if (m_fields.size() != m_columns.size()) return false;
  app.values.resize(m_set.fields.size());
  std::string why;
  for (size_t i = 0; i < m_fields.size(); ++i) {
    auto f = static_cast<size_t>(m_columns[i]);
    const core::FieldSpec& spec = m_set.fields[f];
    bool text = spec.type == core::FieldType::string || spec.type == core::FieldType::text;
    if (!m_keep[f] && text) { // "" does not change whether a text is blank: left as it is
      if (spec.required && util::trim(m_fields[i]).empty()) return false;
      continue;
    }
    if (m_escaped[i]) unescape(m_fields[i]);
    core::Value& value = m_keep[f] ? app.values[f] : m_scratch;
    if (!core::parse_field_value_into(m_fields[i], spec, value, why)) return false;
    if (spec.required && core::is_missing(value)) return false;
  }
  return true;
}

} // namespace fundscreen::io
