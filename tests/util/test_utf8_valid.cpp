// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "util/utf8_valid.hpp"

namespace {

using fundscreen::util::has_utf8_kernel;
using fundscreen::util::Utf8Kernel;
using fundscreen::util::Utf8Prefix;
using fundscreen::util::valid_utf8_character;
using fundscreen::util::valid_utf8_prefix;

// Bytes that stand for every class either check tells apart: ASCII, the continuation
// ranges 80..8F, 90..9F and A0..BF, and the lead bytes with their special cases.
constexpr unsigned char k_representatives[] = {
    0x00, 0x0A, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xDF,
    0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF7, 0xF8, 0xFC, 0xFF,
};

// Fails the test where the AVX2 kernel and the scalar one disagree on `text`.
bool same_answer(std::string_view text) {
  Utf8Prefix scalar = valid_utf8_prefix(text, Utf8Kernel::scalar);
  Utf8Prefix avx2 = valid_utf8_prefix(text, Utf8Kernel::avx2);
  if (scalar.length == avx2.length && scalar.unfinished == avx2.unfinished) return true;
  std::string hex;
  for (unsigned char c : text) hex += "0123456789ABCDEF"[c >> 4], hex += "0123456789ABCDEF"[c & 15], hex += ' ';
  FAIL_CHECK("kernels disagree on " << hex << ": scalar " << scalar.length << " " << scalar.unfinished << ", avx2 "
                                    << avx2.length << " " << avx2.unfinished);
  return false;
}

// `sequence` inside ASCII text at `offset`, followed by `after` bytes of ASCII.
std::string placed(std::string_view sequence, size_t offset, size_t after) {
  return std::string(offset, 'a') + std::string(sequence) + std::string(after, 'b');
}

// Random text that is mostly valid, as the texts are: ASCII and characters of every length,
// with an odd random byte.
std::string random_text(std::mt19937& random, size_t length) {
  static const std::vector<std::string> pieces = {"a",          "b",      " ",      ",",     "\n",     "ä",
                                                  "ö",          "å",      "€",      "𝄞",     "\u07FF", "\uFFFF",
                                                  "\U0010FFFF", "\uD7FF", "\uE000", "\u0800"};
  std::string text;
  while (text.size() < length) {
    if (random() % 40 == 0)
      text += static_cast<char>(random() % 256);
    else
      text += pieces[random() % pieces.size()];
  }
  text.resize(length);
  return text;
}

} // namespace

TEST_CASE("util::valid_utf8_prefix kernels") {
  if (!has_utf8_kernel(Utf8Kernel::avx2)) {
    MESSAGE("this processor has no AVX2: only the scalar check runs");
    return;
  }
  SUBCASE("the avx2 kernel is the one used on this processor") {
    CHECK(valid_utf8_prefix("ab\xE4kel").length == 2);
    std::string long_text(1000, 'a');
    long_text[700] = '\xE4';
    CHECK(valid_utf8_prefix(long_text).length == 700);
    CHECK(valid_utf8_prefix(long_text, Utf8Kernel::avx2).length == 700);
  }
  SUBCASE("agree on every sequence of one, two and three bytes") {
    bool all_same = true;
    std::string text;
    for (unsigned a = 0; a < 256 && all_same; ++a) {
      text.assign(1, static_cast<char>(a));
      all_same = same_answer(text);
      for (unsigned b = 0; b < 256 && all_same; ++b) {
        text.assign({static_cast<char>(a), static_cast<char>(b)});
        all_same = same_answer(text);
        for (unsigned c = 0; c < 256 && all_same; ++c) {
          text.assign({static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
          all_same = same_answer(text) && same_answer(placed(text, 62, 0));
        }
      }
    }
    CHECK(all_same);
  }
  SUBCASE("agree on sequences of four bytes at the edges of 64-byte blocks") {
    bool all_same = true;
    for (unsigned char a : k_representatives)
      for (unsigned char b : k_representatives)
        for (unsigned char c : k_representatives)
          for (unsigned char d : k_representatives) {
            std::string sequence{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
                                 static_cast<char>(d)};
            for (size_t offset : {0, 29, 31, 32, 60, 61, 62, 63, 64})
              for (size_t after : {0, 1, 70})
                if (all_same) all_same = same_answer(placed(sequence, offset, after));
          }
    CHECK(all_same);
  }
  SUBCASE("agree on random text of every length to 200 at every alignment") {
    std::mt19937 random(20211);
    std::vector<char> buffer(300);
    bool all_same = true;
    for (size_t length = 0; length <= 200 && all_same; ++length)
      for (size_t alignment = 0; alignment < 64 && all_same; ++alignment)
        for (int round = 0; round < 4 && all_same; ++round) {
          std::string text = random_text(random, length);
          std::copy(text.begin(), text.end(), buffer.begin() + static_cast<long>(alignment));
          all_same = same_answer(std::string_view(buffer.data() + alignment, length));
        }
    CHECK(all_same);
  }
  SUBCASE("agree on characters cut off at the end of every block") {
    bool all_same = true;
    for (std::string_view character : {"ä", "€", "𝄞", "\U0010FFFF"})
      for (size_t cut = 1; cut < character.size(); ++cut)
        for (size_t offset = 0; offset <= 130 && all_same; ++offset)
          all_same = same_answer(placed(character.substr(0, cut), offset, 0)) &&
                     same_answer(placed(character.substr(0, cut), offset, 1));
    CHECK(all_same);
  }
  SUBCASE("agree on overlongs, surrogates and code points above U+10FFFF after valid text") {
    bool all_same = true;
    for (std::string_view bad : {"\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF", "\xF0\x80\x80\x80",
                                 "\xF0\x8F\xBF\xBF", "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80",
                                 "\xF5\x80\x80\x80", "\xF8\x88\x80\x80\x80", "\xFF", "\x80"})
      for (size_t offset = 0; offset <= 130 && all_same; ++offset) {
        std::string text = placed(bad, offset, 40);
        for (size_t i = 0; i + 2 <= offset; i += 3) text.replace(i, 2, "ö"); // valid non-ASCII before it
        all_same = same_answer(text);
        CHECK(valid_utf8_prefix(text, Utf8Kernel::avx2).length == offset);
      }
    CHECK(all_same);
  }
}

TEST_CASE("util::find_invalid_utf8") {
  using fundscreen::util::find_invalid_utf8;
  constexpr size_t npos = std::string_view::npos;

  SUBCASE("accepts ASCII, empty text and characters of every length") {
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("a long line of plain ASCII text, longer than eight bytes") == npos);
    CHECK(find_invalid_utf8("ä € 𝄞 \u07FF \uFFFF \U0010FFFF \uD7FF \uE000") == npos);
  }
  SUBCASE("points at a Windows-1252 letter inside UTF-8 text") {
    CHECK(find_invalid_utf8("M\xe4kel\xe4") == 1);
    CHECK(find_invalid_utf8("ääää ääää M\xe4kel\xe4") == 19);
  }
  SUBCASE("rejects a continuation byte without a lead byte") {
    CHECK(find_invalid_utf8("ab\x80") == 2);
    CHECK(find_invalid_utf8("\xBF") == 0);
  }
  SUBCASE("rejects overlong forms") {
    CHECK(find_invalid_utf8("\xC0\x80") == 0);
    CHECK(find_invalid_utf8("x\xC1\xBF") == 1);
    CHECK(find_invalid_utf8("\xE0\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xE0\x9F\xBF") == 0);
    CHECK(find_invalid_utf8("\xF0\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);
  }
  SUBCASE("rejects surrogates") {
    CHECK(find_invalid_utf8("ok \xED\xA0\x80") == 3);
    CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0);
  }
  SUBCASE("rejects code points above U+10FFFF and bytes that never occur") {
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);
    CHECK(find_invalid_utf8("\xFF") == 0);
    CHECK(find_invalid_utf8("\xFE") == 0);
  }
  SUBCASE("rejects a character cut off at the end") {
    CHECK(find_invalid_utf8("ab\xE2\x82") == 2);
    CHECK(find_invalid_utf8("\xF0\x9D\x84") == 0);
  }
  SUBCASE("rejects a character whose continuation bytes stop early") { CHECK(find_invalid_utf8("\xE2\x82x") == 0); }
}

TEST_CASE("util::valid_utf8_prefix") {

  SUBCASE("covers all of valid text") {
    auto prefix = valid_utf8_prefix("Mäkelä €");
    CHECK(prefix.length == 12);
    CHECK_FALSE(prefix.unfinished);
  }
  SUBCASE("stops before a character cut off at the end and says it is unfinished") {
    for (std::string_view cut : {"ab\xE2", "ab\xE2\x82", "ab\xF0\x9D\x84", "ab\xC3"}) {
      CAPTURE(cut);
      auto prefix = valid_utf8_prefix(cut);
      CHECK(prefix.length == 2);
      CHECK(prefix.unfinished);
    }
  }
  SUBCASE("stops at an invalid byte and says it is not unfinished") {
    auto prefix = valid_utf8_prefix("ab\xE4kel");
    CHECK(prefix.length == 2);
    CHECK_FALSE(prefix.unfinished);
  }
  SUBCASE("does not wait for a cut sequence that can no longer be valid") {
    auto overlong = valid_utf8_prefix("ab\xE0\x80");
    CHECK(overlong.length == 2);
    CHECK_FALSE(overlong.unfinished);
    auto surrogate = valid_utf8_prefix("ab\xED\xA0");
    CHECK(surrogate.length == 2);
    CHECK_FALSE(surrogate.unfinished);
  }
}

// The length of the first character of `text` as valid_utf8_prefix() reads it: the shortest
// start of it that is valid, whole text; 0 when there is none.
static size_t first_character_by_prefix(std::string_view text) {
  for (size_t k = 1; k <= std::min<size_t>(4, text.size()); ++k)
    if (valid_utf8_prefix(text.substr(0, k)).length == k) return k;
  return 0;
}

TEST_CASE("util::valid_utf8_character") {
  SUBCASE("reads a character as valid_utf8_prefix() does, on every start of one to four bytes") {
    bool all_same = true;
    std::string text;
    for (unsigned char a : k_representatives)
      for (unsigned char b : k_representatives)
        for (unsigned char c : k_representatives)
          for (unsigned char d : {0x41, 0x80, 0x90, 0xBF, 0xC3}) {
            text = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)};
            for (size_t size = 1; size <= 4; ++size) {
              std::string_view start = std::string_view(text).substr(0, size);
              size_t want = first_character_by_prefix(start);
              if (valid_utf8_character(start) != want) {
                FAIL_CHECK("disagree on a sequence of " << size << " bytes starting " << unsigned{a});
                all_same = false;
              }
            }
          }
    CHECK(all_same);
  }
  SUBCASE("examples") {
    CHECK(valid_utf8_character("") == 0);
    CHECK(valid_utf8_character("a") == 1);
    CHECK(valid_utf8_character("ä!") == 2);
    CHECK(valid_utf8_character("€") == 3);
    CHECK(valid_utf8_character("𝄞") == 4);
    CHECK(valid_utf8_character("\xE2\x82") == 0);     // cut off at the end
    CHECK(valid_utf8_character("\xED\xA0\x80") == 0); // a surrogate
    CHECK(valid_utf8_character("\xC0\x80") == 0);     // overlong
  }
}
