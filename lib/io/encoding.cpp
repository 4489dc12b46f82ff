// SPDX-License-Identifier: Apache-2.0
#include "io/encoding.hpp"

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

} // namespace fundscreen::io
