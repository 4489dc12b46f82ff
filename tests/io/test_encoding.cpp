// SPDX-License-Identifier: Apache-2.0
#include <string>

#include <doctest/doctest.h>

#include "io/encoding.hpp"

using fundscreen::io::Encoding;

namespace {

std::string windows_1252_to_utf8(std::string_view bytes) {
  std::string out;
  fundscreen::io::append_windows_1252_as_utf8(bytes, out);
  return out;
}

} // namespace

TEST_CASE("io::parse_encoding") {
  SUBCASE("knows UTF-8 by both its names, in any case") {
    CHECK(fundscreen::io::parse_encoding("utf-8") == Encoding::utf8);
    CHECK(fundscreen::io::parse_encoding("UTF8") == Encoding::utf8);
  }
  SUBCASE("knows Windows-1252 by both its names, in any case") {
    CHECK(fundscreen::io::parse_encoding("windows-1252") == Encoding::windows_1252);
    CHECK(fundscreen::io::parse_encoding("CP1252") == Encoding::windows_1252);
    CHECK(fundscreen::io::parse_encoding("Windows-1252") == Encoding::windows_1252);
  }
  SUBCASE("rejects other names") {
    CHECK_FALSE(fundscreen::io::parse_encoding("latin1").has_value());
    CHECK_FALSE(fundscreen::io::parse_encoding("utf-16").has_value());
    CHECK_FALSE(fundscreen::io::parse_encoding("").has_value());
    CHECK_FALSE(fundscreen::io::parse_encoding(" utf-8").has_value());
  }
}

TEST_CASE("io::append_windows_1252_as_utf8") {
  SUBCASE("keeps ASCII as it is") { CHECK(windows_1252_to_utf8("plain, ASCII; text\r\n") == "plain, ASCII; text\r\n"); }
  SUBCASE("decodes Finnish and Swedish letters") {
    CHECK(windows_1252_to_utf8("M\xe4kel\xe4 \xd6stersund \xe5") == "Mäkelä Östersund å");
  }
  SUBCASE("maps 0x80 to 0x9F through the Windows-1252 table") {
    std::string bytes;
    for (int b = 0x80; b <= 0x9F; ++b) bytes += static_cast<char>(b);
    CHECK(windows_1252_to_utf8(bytes) == "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ");
  }
  SUBCASE("maps the undefined bytes to the C1 controls of the same value") {
    CHECK(windows_1252_to_utf8("\x81") == "\xC2\x81");
    CHECK(windows_1252_to_utf8("\x8D\x8F\x90\x9D") == "\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
  }
  SUBCASE("maps 0xA0 to 0xFF to U+00A0 to U+00FF") {
    for (int b = 0xA0; b <= 0xFF; ++b) {
      CAPTURE(b);
      std::string expected = {static_cast<char>(0xC0 | (b >> 6)), static_cast<char>(0x80 | (b & 0x3F))};
      CHECK(windows_1252_to_utf8(std::string(1, static_cast<char>(b))) == expected);
    }
    CHECK(windows_1252_to_utf8("\xa0\xa7\xff") == "\u00A0§ÿ");
  }
  SUBCASE("appends to what the output already holds") {
    std::string out = "a";
    fundscreen::io::append_windows_1252_as_utf8("\x80", out);
    CHECK(out == "a€");
  }
}
