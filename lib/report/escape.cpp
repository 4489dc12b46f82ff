// SPDX-License-Identifier: Apache-2.0
#include "report/escape.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "util/utf8_valid.hpp"

namespace fundscreen::report {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

// Any well-formed character beyond ASCII may stay.
constexpr auto k_any_character = [](std::string_view) { return true; };

// Calls `ascii(c)` for every ASCII byte and copies every other well-formed character that
// `keep` allows, replacing the others and malformed bytes with U+FFFD.
template <typename F, typename K = decltype(k_any_character)>
std::string map_ascii(std::string_view text, F ascii, K keep = k_any_character) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = util::valid_utf8_character(text.substr(i));
    if (n == 1) {
      ascii(out, text[i]);
    } else if (n == 0 || !keep(text.substr(i, n))) {
      out += k_replacement;
      n = std::max<size_t>(n, 1);
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

// Whether a well-formed character beyond ASCII is one XML 1.0 allows (its Char production):
// all but the noncharacters U+FFFE and U+FFFF. Surrogates are not well-formed UTF-8, and the
// C0 controls are ASCII.
bool xml_allows(std::string_view character) { return character != "\xEF\xBF\xBE" && character != "\xEF\xBF\xBF"; }

bool is_control(char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; }

void xml_entity(std::string& out, char c) {
  switch (c) {
  case '&': out += "&amp;"; break;
  case '<': out += "&lt;"; break;
  case '>': out += "&gt;"; break;
  case '"': out += "&quot;"; break;
  case '\'': out += "&apos;"; break;
  default: out += c;
  }
}

} // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  append_json_escaped(out, text);
  return out;
}

// The escape of ASCII character `c` that a JSON string needs into `out`, with its length, or
// 0 when `c` is copied as it is.
static size_t json_escape_ascii(char c, char* out) {
  auto pair = [&](char second) {
    out[0] = '\\';
    out[1] = second;
    return size_t{2};
  };
  switch (c) {
  case '"': return pair('"');
  case '\\': return pair('\\');
  case '\n': return pair('n');
  case '\r': return pair('r');
  case '\t': return pair('t');
  case '\b': return pair('b');
  case '\f': return pair('f');
  default:
    if (static_cast<unsigned char>(c) >= 0x20) return 0;
    constexpr std::string_view k_hex = "0123456789abcdef";
    auto u = static_cast<unsigned char>(c);
    out[0] = '\\', out[1] = 'u', out[2] = '0', out[3] = '0', out[4] = k_hex[u >> 4], out[5] = k_hex[u & 15];
    return 6;
  }
}

// Where the run of plain ASCII (0x20 to 0x7F, no quote or backslash) from `i` ends, or near
// it: sixteen bytes at a time, the caller finishes the last few.
static size_t plain_run_end(std::string_view text, size_t i) {
#ifdef __SSE2__
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= text.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // Signed: bytes from 0x80 are negative, so below 0x20 too.
    __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(v, space), _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (auto mask = static_cast<unsigned>(_mm_movemask_epi8(special)))
      return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  return i;
}

// Whether a byte is plain ASCII, copied into a JSON string as it is: 0x20 to 0x7F but the
// quote and the backslash.
static constexpr auto k_json_plain = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x80; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// The escaping of append_json_escaped() and write_json_escaped(), into `put(data, size)`.
// Bytes from 0x80 stop the plain run to have their UTF-8 checked, but a well-formed
// character stays in it: text is copied in whole runs up to what needs escaping.
template <typename Put> static void escape_json(std::string_view text, Put put) {
  size_t copied = 0;
  char escape[6];
  for (size_t i = 0; i < text.size();) {
    i = plain_run_end(text, i);
    while (i < text.size() && k_json_plain[static_cast<unsigned char>(text[i])]) ++i;
    if (i == text.size()) break;
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xC2 && lead < 0xE0 && i + 1 < text.size() &&
        (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      i += 2; // a well-formed two-byte character (ä, ö, å), as util::valid_utf8_character() finds it, without the call
      continue;
    }
    if (lead >= 0x80) {
      if (size_t n = util::valid_utf8_character(text.substr(i))) {
        i += n;
        continue;
      }
      put(text.data() + copied, i - copied);
      put(k_replacement.data(), k_replacement.size());
    } else {
      put(text.data() + copied, i - copied);
      put(escape, json_escape_ascii(text[i], escape));
    }
    copied = ++i;
  }
  put(text.data() + copied, text.size() - copied);
}

void append_json_escaped(std::string& out, std::string_view text) {
  escape_json(text, [&](const char* data, size_t size) { out.append(data, size); });
}

char* write_json_escaped(char* out, std::string_view text) {
  escape_json(text, [&](const char* data, size_t size) {
    if (size) std::memcpy(out, data, size);
    out += size;
  });
  return out;
}

std::string xml_text(std::string_view text) {
  return map_ascii(
      text,
      [](std::string& out, char c) {
        if (is_control(c) && c != '\t' && c != '\n' && c != '\r')
          out += k_replacement;
        else
          xml_entity(out, c);
      },
      xml_allows);
}

std::string xml_attribute(std::string_view text) {
  return map_ascii(
      text,
      [](std::string& out, char c) {
        if (c == '\t' || c == '\n' || c == '\r')
          out += fmt::format("&#{};", static_cast<int>(c));
        else if (is_control(c))
          out += k_replacement;
        else
          xml_entity(out, c);
      },
      xml_allows);
}

std::string csv_cell(std::string_view text) {
  std::string cell;
  append_csv_cell(cell, text);
  return cell;
}

// True if `text` holds a character that makes a CSV cell quoted; a loop rather than
// find_first_of, which searches the set for every character (a tenth of a csv run's time).
static bool needs_csv_quotes(std::string_view text) {
  for (char c : text)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void append_csv_cell(std::string& out, std::string_view text) {
  char first = text.empty() ? '\0' : text.front();
  bool neutralise = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
  if (!needs_csv_quotes(text)) {
    if (neutralise) out += '\'';
    out += text;
    return;
  }
  out += '"';
  if (neutralise) out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string markdown_text(std::string_view text) {
  return map_ascii(text, [](std::string& out, char c) {
    if (std::string_view("\\`*_[]<>|#~&").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (is_control(c)) {
      out += ' ';
    } else {
      out += c;
    }
  });
}

std::string printable(std::string_view text) {
  return map_ascii(text, [](std::string& out, char c) { out += is_control(c) ? ' ' : c; });
}

std::string html_text(std::string_view text) { return xml_attribute(text); }

} // namespace fundscreen::report
