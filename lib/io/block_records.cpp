// SPDX-License-Identifier: Apache-2.0
#include "io/block_records.hpp"

#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util/text.hpp"

namespace fundscreen::io {

namespace {

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

// The number of quotes in `data[0, size)`, sixteen bytes at a time.
size_t count_quotes(const char* data, size_t size) {
  size_t count = 0, p = 0;
#ifdef __SSE2__
  const __m128i quote = _mm_set1_epi8('"'), zero = _mm_setzero_si128();
  while (p + 16 <= size) {
    __m128i sums = zero; // each byte counts up to 255 quotes, then the bytes are added up
    for (int i = 0; i < 255 && p + 16 <= size; ++i, p += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + p));
      sums = _mm_sub_epi8(sums, _mm_cmpeq_epi8(v, quote));
    }
    __m128i total = _mm_sad_epu8(sums, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(total)) + static_cast<size_t>(_mm_extract_epi16(total, 4));
  }
#endif
  for (; p < size; ++p) count += data[p] == '"';
  return count;
}

// Turns each "" of a quoted field into ", in place: the text only gets shorter.
void unescape(std::string_view& field) {
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

} // namespace

size_t last_record_end(const char* data, size_t size) {
  // From the end back to the last line feed with an even number of quotes before it: the
  // quotes are counted once, and those after each place on the way back.
  size_t quotes = count_quotes(data, size);
  for (size_t p = size; p > 0; --p) {
    char c = data[p - 1];
    if (c == '"') --quotes;
    if (c == '\n' && quotes % 2 == 0) return p;
  }
  return 0;
}

RecordParser::RecordParser(const core::CriteriaSet& set, const std::vector<int>& columns, const std::vector<char>& keep,
                           char delimiter, CellChecks checks)
    : m_set(set), m_columns(columns), m_keep(keep), m_delimiter(delimiter), m_checks(checks) {}

void RecordParser::start(char* data, size_t size, int line) {
  m_data = data;
  m_size = size;
  m_pos = 0;
  m_line = line;
}

RecordParser::Next RecordParser::next(core::Application& app) {
  Scan scan = scan_record();
  if (scan != Scan::record) return scan == Scan::end ? Next::end : Next::unhandled;
  if (!type_row(app)) return Next::unhandled;
  app.where.line = m_record_line;
  app.where.column = 1;
  return Next::row;
}

// Finds the fields of the record at m_pos, skipping empty lines first.
RecordParser::Scan RecordParser::scan_record() {
  const char* data = m_data;
  size_t end = m_size, p = m_pos;
  int line = m_line;
  while (p < end && (data[p] == '\r' || data[p] == '\n')) {
    p += data[p] == '\r' && p + 1 < end && data[p + 1] == '\n' ? 2 : 1;
    ++line;
  }
  m_pos = p, m_line = line;
  if (p == end) return Scan::end;
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
        if (p == end) return Scan::unhandled; // an unterminated quote
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
    m_escaped.push_back(static_cast<char>(escaped));
    if (p == end) break;
    if (data[p] == m_delimiter) {
      ++p;
      continue;
    }
    p += data[p] == '\r' && p + 1 < end && data[p + 1] == '\n' ? 2 : 1;
    ++line;
    break;
  }
  m_pos = p;
  m_line = line;
  return Scan::record;
}

// Types the current record into `app`: kept fields into its values, the others only checked
// (unless the parser checks kept cells only: the first pass checked them all).
bool RecordParser::type_row(core::Application& app) {
  if (m_fields.size() != m_columns.size()) return false;
  app.values.resize(m_set.fields.size());
  std::string why;
  for (size_t i = 0; i < m_fields.size(); ++i) {
    auto f = static_cast<size_t>(m_columns[i]);
    const core::FieldSpec& spec = m_set.fields[f];
    if (!m_keep[f]) {
      if (m_checks == CellChecks::kept_only) continue;
      if ((spec.type == core::FieldType::string || spec.type == core::FieldType::text) && !spec.pattern) {
        // "" does not change whether a text is blank, nor (without a pattern) whether it is
        // good: left as it is
        if (spec.required && util::trim(m_fields[i]).empty()) return false;
        continue;
      }
    }
    if (m_escaped[i]) unescape(m_fields[i]);
    core::Value& value = m_keep[f] ? app.values[f] : m_scratch;
    if (!core::parse_field_value_into(m_fields[i], spec, value, why)) return false;
    if (spec.required && core::is_missing(value)) return false;
    // the streaming reader warns of it (or, with --strict, stops)
    if (spec.type == core::FieldType::list && core::is_doubtful_list_cell(m_fields[i], spec)) return false;
  }
  return true;
}

} // namespace fundscreen::io
