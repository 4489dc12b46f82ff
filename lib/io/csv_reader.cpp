// SPDX-License-Identifier: Apache-2.0
#include "io/csv_reader.hpp"

#include <algorithm>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "io/digest.hpp"
#include "io/file_format.hpp"
#include "util/error.hpp"
#include "util/text.hpp"
#include "util/utf8_valid.hpp"

namespace fundscreen::io {

namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

// Delimiter detection reads ahead at most this far, so that a header with an unterminated
// quote cannot pull the whole file into memory.
constexpr size_t k_max_header_scan = 1 << 20;

bool is_line_end(char c) { return c == '\r' || c == '\n'; }

// Counts commas, semicolons and tabs outside quotes in the first non-empty line, one character at
// a time. A quote opens a quoted part only at the start of a field, as the parser sees it.
class DelimiterCounter {
public:
  // Takes the next character `c`; false once the first non-empty line has ended.
  bool feed(char c) {
    if (m_state == State::quoted) {
      if (c == '"') m_state = State::after_quote;
      return true;
    }
    if (is_line_end(c)) return m_empty_line;
    m_empty_line = false;
    if (c == ',' || c == ';' || c == '\t') {
      ++(c == ',' ? m_commas : (c == ';' ? m_semicolons : m_tabs));
      m_state = State::field_start;
    } else if (c == '"' && m_state != State::unquoted) {
      m_state = State::quoted; // at a field start or, after a closing quote, an escaped quote
    } else {
      m_state = State::unquoted;
    }
    return true;
  }

  // The delimiter the line suggests.
  // The delimiter the line suggests: the most frequent, ',' before ';' before a tab on a tie.
  char delimiter() const {
    if (m_tabs > m_commas && m_tabs > m_semicolons) return '\t';
    return m_semicolons > m_commas ? ';' : ',';
  }

private:
  enum class State { field_start, unquoted, quoted, after_quote };
  State m_state = State::field_start;
  bool m_empty_line = true;
  int m_commas = 0;
  int m_semicolons = 0;
  int m_tabs = 0;
};

// The number of bits set in the 16-bit `mask` (no popcnt instruction in the baseline x86-64).
inline unsigned popcount16(unsigned mask) {
  mask = mask - ((mask >> 1) & 0x5555u);
  mask = (mask & 0x3333u) + ((mask >> 2) & 0x3333u);
  mask = (mask + (mask >> 4)) & 0x0F0Fu;
  return (mask + (mask >> 8)) & 0x1Fu;
}

// The number of bytes of the UTF-8 character whose first byte is `lead`.
size_t utf8_character_size(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  return lead < 0xF0 ? 3 : 4;
}

} // namespace

CsvReader::CsvReader(std::istream& in, std::string source, CsvOptions options, Sha256* digest)
    : m_in(in), m_digest(digest), m_source(std::move(source)), m_encoding(options.encoding),
      m_chunk_size(std::max<size_t>(options.chunk_size, 1)), m_delimiter(options.delimiter) {}

bool CsvReader::next(std::vector<CsvField>& fields) {
  fields.clear();
  if (!m_started) start();
  if (!skip_empty_lines()) return false;
  m_record.clear();
  m_spans.clear();
  m_record_line = m_line;
  while (read_field()) {
  }
  std::string_view record = m_record;
  for (const FieldSpan& s : m_spans)
    fields.push_back({record.substr(s.begin, s.end - s.begin), s.line, s.column, s.quoted});
  return true;
}

void CsvReader::start() {
  m_started = true;
  // A workbook or a PDF is refused by its first bytes before they are decoded, so that it is
  // not taken for Windows-1252 text or a row of odd bytes.
  while (!m_eof && m_raw.size() < file_format_head_size(m_raw)) read_raw();
  check_file_format(m_raw, m_source, ExpectedFormat::csv);
  skip_bom();
  if (m_delimiter == 0) detect_delimiter();
  m_unquoted_stops.bytes = {m_delimiter, '\r', '\n'};
  m_quoted_stops.bytes = {'"', '\r', '\n'};
  for (Stops* stops : {&m_unquoted_stops, &m_quoted_stops})
    for (char c : stops->bytes) stops->table[static_cast<unsigned char>(c)] = true;
}

void CsvReader::skip_bom() {
  // The byte order mark is looked for before decoding: it means UTF-8 whatever the options
  // say, as in the WHATWG decode algorithm.
  while (m_raw.size() < k_utf8_bom.size() && !m_eof) read_raw();
  if (std::string_view(m_raw).starts_with(k_utf8_bom)) {
    m_raw.erase(0, k_utf8_bom.size());
    m_encoding = Encoding::utf8;
  }
  decode_raw();
}

void CsvReader::detect_delimiter() {
  DelimiterCounter counter;
  // Look ahead without consuming: fill() only appends while m_pos stays put, except when
  // the buffer is empty (n == 0), where it may move m_pos to 0.
  for (size_t n = 0; n < k_max_header_scan; ++n) {
    if (m_pos + n == m_buf.size() && !fill()) break;
    if (!counter.feed(m_buf[m_pos + n])) break;
  }
  m_delimiter = counter.delimiter();
}

void CsvReader::read_raw() {
  size_t old_size = m_raw.size();
  m_raw.resize(old_size + m_chunk_size);
  m_in.read(m_raw.data() + old_size, static_cast<std::streamsize>(m_chunk_size));
  m_raw.resize(old_size + static_cast<size_t>(m_in.gcount()));
  if (m_digest) m_digest->update(std::string_view(m_raw).substr(old_size));
  if (!m_in) m_eof = true;
}

void CsvReader::decode_raw() {
  if (m_encoding == Encoding::windows_1252) {
    append_windows_1252_as_utf8(m_raw, m_buf);
    m_raw.clear();
    return;
  }
  // A character cut at the end of the chunk waits in m_raw for the rest of its bytes.
  util::Utf8Prefix valid = util::valid_utf8_prefix(m_raw);
  m_buf.append(m_raw, 0, valid.length);
  bool waits = valid.unfinished && !m_eof;
  if (valid.length < m_raw.size() && !waits) m_bad_byte = static_cast<unsigned char>(m_raw[valid.length]);
  m_raw.erase(0, valid.length);
}

// Appends the next decoded text to the buffer, dropping what was consumed; false at the
// end of the input or at an invalid byte.
bool CsvReader::fill() {
  if (m_pos == m_buf.size()) {
    m_buf.clear();
    m_pos = 0;
  }
  size_t old_size = m_buf.size();
  while (m_buf.size() == old_size && !m_bad_byte && !m_eof) {
    read_raw();
    decode_raw();
  }
  return m_buf.size() > old_size;
}

// True when a byte is ready at m_pos; throws when the next byte is invalid UTF-8.
bool CsvReader::more() {
  if (m_pos < m_buf.size() || fill()) return true;
  if (m_bad_byte) throw_invalid_utf8();
  return false;
}

bool CsvReader::skip_empty_lines() {
  while (more()) {
    if (!is_line_end(m_buf[m_pos])) return true;
    take_line_end();
  }
  return false;
}

// Reads one field and what ends it; true when another field of the record follows.
bool CsvReader::read_field() {
  FieldSpan span{m_record.size(), 0, m_line, m_column, false};
  if (more() && m_buf[m_pos] == '"') {
    span.quoted = true;
    skip_character();
    read_quoted(span);
  } else {
    read_unquoted();
  }
  span.end = m_record.size();
  m_spans.push_back(span);
  return end_field();
}

void CsvReader::read_unquoted() {
  // A quote inside an unquoted field is kept as it is.
  while (more()) {
    take_plain(m_unquoted_stops);
    if (m_pos < m_buf.size()) return;
  }
}

void CsvReader::read_quoted(const FieldSpan& span) {
  for (;;) {
    if (!more())
      util::throw_input_error({m_source, span.line, span.column}, "unterminated quoted field; add the closing '\"'");
    take_plain(m_quoted_stops);
    if (m_pos == m_buf.size()) continue;
    if (is_line_end(m_buf[m_pos])) {
      m_record += take_line_end(); // newlines inside quotes are kept byte for byte
      continue;
    }
    skip_character();
    if (!more() || m_buf[m_pos] != '"') return;
    skip_character();
    m_record += '"';
  }
}

// Consumes the delimiter or line end after a field; true when another field follows.
bool CsvReader::end_field() {
  if (!more()) return false;
  char c = m_buf[m_pos];
  if (c == m_delimiter) {
    skip_character();
    return true;
  }
  if (!is_line_end(c)) throw_unexpected_character();
  take_line_end();
  return false;
}

// Moves past the bytes from m_pos that are not in `stops`, appending them to the record.
void CsvReader::take_plain(const Stops& stops) {
  const char* data = m_buf.data();
  size_t end = m_pos, size = m_buf.size();
  size_t continuations = 0; // columns count characters: bytes less UTF-8 continuation bytes
  bool stopped = false;
#ifdef __SSE2__
  // Sixteen bytes at a time: compare with the three stop bytes, count continuation bytes.
  const __m128i stop0 = _mm_set1_epi8(stops.bytes[0]), stop1 = _mm_set1_epi8(stops.bytes[1]),
                stop2 = _mm_set1_epi8(stops.bytes[2]);
  const __m128i top_bits = _mm_set1_epi8(static_cast<char>(0xC0)),
                continuation = _mm_set1_epi8(static_cast<char>(0x80));
  for (; end + 16 <= size; end += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + end));
    __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, stop0), _mm_cmpeq_epi8(v, stop1)), _mm_cmpeq_epi8(v, stop2));
    auto hits = static_cast<unsigned>(_mm_movemask_epi8(hit));
    auto conts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, top_bits), continuation)));
    if (hits) {
      unsigned n = static_cast<unsigned>(__builtin_ctz(hits));
      continuations += popcount16(conts & ((1u << n) - 1));
      end += n;
      stopped = true;
      break;
    }
    continuations += popcount16(conts);
  }
#endif
  for (; !stopped && end < size; ++end) {
    auto c = static_cast<unsigned char>(data[end]);
    if (stops.table[c]) break;
    continuations += util::is_utf8_continuation(c) ? 1 : 0;
  }
  m_record.append(data + m_pos, end - m_pos);
  m_column += static_cast<int>(end - m_pos - continuations);
  m_pos = end;
}

// Consumes the line end at m_pos (CRLF, LF or a lone CR) and returns its bytes.
std::string_view CsvReader::take_line_end() {
  bool cr = m_buf[m_pos] == '\r';
  ++m_pos;
  ++m_line;
  m_column = 1;
  if (cr && more() && m_buf[m_pos] == '\n') {
    ++m_pos;
    return "\r\n";
  }
  return cr ? "\r" : "\n";
}

// Moves past one ASCII character.
void CsvReader::skip_character() {
  ++m_pos;
  ++m_column;
}

void CsvReader::throw_invalid_utf8() const {
  constexpr std::string_view digits = "0123456789ABCDEF";
  std::string hex = {'0', 'x', digits[*m_bad_byte >> 4], digits[*m_bad_byte & 0xF]};
  util::throw_input_error({m_source, m_line, m_column},
                          "invalid UTF-8 (byte " + hex +
                              "); the file looks like Windows-1252: save it as \"CSV UTF-8\" "
                              "or pass --encoding windows-1252");
}

void CsvReader::throw_unexpected_character() const {
  size_t size = utf8_character_size(static_cast<unsigned char>(m_buf[m_pos]));
  std::string character = m_buf.substr(m_pos, size);
  util::throw_input_error({m_source, m_line, m_column}, "unexpected character '" + character + "' after closing quote");
}

} // namespace fundscreen::io
