// SPDX-License-Identifier: Apache-2.0
#include <random>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "io/utf8_valid.hpp"

namespace {

using fundscreen::io::has_utf8_kernel;
using fundscreen::io::Utf8Kernel;
using fundscreen::io::Utf8Prefix;
using fundscreen::io::valid_utf8_prefix;

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

TEST_CASE("io::valid_utf8_prefix kernels") {
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
