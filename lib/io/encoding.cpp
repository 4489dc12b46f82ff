// SPDX-License-Identifier: Apache-2.0
#include "io/encoding.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <cstdint>
#include <cstring>

namespace fundscreen::io {

namespace {

// The code points of Windows-1252 bytes 0x80 to 0x9F, from the WHATWG index.
constexpr char16_t k_windows_1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, //
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, //
};

// Appends `code_point`, which is below U+10000, to `out` as UTF-8.
void append_utf8(char16_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The offset of the first byte at or after `i` that is not ASCII, or the size of `text`.
size_t skip_ascii(std::string_view text, size_t i) {
#ifdef __SSE2__
  // Sixteen bytes at a time: most CSV text is ASCII.
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    if (auto high = static_cast<unsigned>(_mm_movemask_epi8(v))) return i + static_cast<size_t>(__builtin_ctz(high));
  }
#endif
  // Eight bytes at a time: most CSV text is ASCII.
  constexpr std::uint64_t high_bits = 0x8080808080808080;
  for (std::uint64_t word = 0; i + 8 <= text.size(); i += 8) {
    std::memcpy(&word, text.data() + i, 8);
    if (word & high_bits) break;
  }
  while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80) ++i;
  return i;
}

// What a lead byte promises: the length of its sequence and the range allowed for the byte
// after it (narrower than 0x80..0xBF where that rules out overlongs, surrogates and
// code points above U+10FFFF), as in table 3-7 of the Unicode standard.
struct Lead {
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
};

Lead lead_of(unsigned char c) {
  if (c >= 0xC2 && c <= 0xDF) return {2};
  if (c == 0xE0) return {3, 0xA0, 0xBF};
  if (c == 0xED) return {3, 0x80, 0x9F};
  if (c >= 0xE1 && c <= 0xEF) return {3};
  if (c == 0xF0) return {4, 0x90, 0xBF};
  if (c == 0xF4) return {4, 0x80, 0x8F};
  if (c >= 0xF1 && c <= 0xF3) return {4};
  return {};
}

enum class Sequence { valid, invalid, unfinished };

// Checks the multi-byte sequence that starts at `text[i]`.
Sequence check_sequence(std::string_view text, size_t i, size_t& length) {
  Lead lead = lead_of(static_cast<unsigned char>(text[i]));
  if (lead.length == 0) return Sequence::invalid;
  for (size_t k = 1; k < lead.length; ++k) {
    if (i + k == text.size()) return Sequence::unfinished;
    auto c = static_cast<unsigned char>(text[i + k]);
    if (c < lead.low || c > lead.high) return Sequence::invalid;
    lead.low = 0x80;
    lead.high = 0xBF;
  }
  length = lead.length;
  return Sequence::valid;
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower(name);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "windows-1252" || lower == "cp1252") return Encoding::windows_1252;
  return std::nullopt;
}

void append_windows_1252_as_utf8(std::string_view bytes, std::string& out) {
  out.reserve(out.size() + bytes.size());
  for (char byte : bytes) {
    auto c = static_cast<unsigned char>(byte);
    if (c < 0x80)
      out += byte;
    else
      append_utf8(c < 0xA0 ? k_windows_1252_high[c - 0x80] : char16_t{c}, out);
  }
}

Utf8Prefix valid_utf8_prefix(std::string_view text) {
  size_t i = 0;
  while ((i = skip_ascii(text, i)) < text.size()) {
    // Two-byte characters (ä, ö, å, é) are the common case in this data: checked inline.
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t length = 0;
    Sequence sequence = check_sequence(text, i, length);
    if (sequence != Sequence::valid) return {i, sequence == Sequence::unfinished};
    i += length;
  }
  return {text.size(), false};
}

size_t find_invalid_utf8(std::string_view text) {
  size_t length = valid_utf8_prefix(text).length;
  return length == text.size() ? std::string_view::npos : length;
}

} // namespace fundscreen::io
