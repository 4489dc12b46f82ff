// SPDX-License-Identifier: Apache-2.0
// The UTF-8 check: a scalar one that says where the valid text ends, and, where the
// processor has AVX2, a vectorised one that finds the first 64 bytes with an error so that
// the scalar check only reads the text from there.
#include "util/utf8_valid.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define FUNDSCREEN_HAS_AVX2_KERNEL 1
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace fundscreen::util {

namespace {

constexpr size_t k_npos = std::string_view::npos;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

// valid_utf8_prefix() read byte by byte from `i`, which starts a character.
Utf8Prefix scalar_prefix(std::string_view text, size_t i) {
  while ((i = skip_ascii(text, i)) < text.size()) {
    // Two-byte characters (ä, ö, å, é) are the common case in this data: checked inline.
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xC2 && lead <= 0xDF && i + 1 < text.size() && is_continuation(text[i + 1])) {
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

#ifdef FUNDSCREEN_HAS_AVX2_KERNEL

// The "lookup" algorithm of J. Keiser and D. Lemire, "Validating UTF-8 in less than one
// instruction per byte", Software: Practice and Experience 51(5), 2021: three table
// look-ups on the nibbles of each byte and the byte before it flag every error of a pair
// of bytes; a check on the bytes two and three back flags continuation bytes that are
// missing or too many. Each bit below is one kind of error.
namespace lookup {
constexpr uint8_t too_short = 1 << 0;  // a lead byte not followed by a continuation byte
constexpr uint8_t too_long = 1 << 1;   // ASCII followed by a continuation byte
constexpr uint8_t overlong_3 = 1 << 2; // E0 80..9F
constexpr uint8_t too_large = 1 << 3;  // F4 90..BF, or F5..FF
constexpr uint8_t surrogate = 1 << 4;  // ED A0..BF
constexpr uint8_t overlong_2 = 1 << 5; // C0 or C1
constexpr uint8_t too_large_1000 = 1 << 6;
constexpr uint8_t overlong_4 = 1 << 6; // F0 80..8F (the same bit as F5..FF 80..8F)
constexpr uint8_t two_conts = 1 << 7;  // two continuation bytes in a row
constexpr uint8_t carry = too_short | too_long | two_conts;

__attribute__((target("avx2"))) __m256i table(const uint8_t (&t)[16]) {
  return _mm256_broadcastsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(t)));
}

// clang-format off
// By the high nibble of the byte before.
constexpr uint8_t k_byte_1_high[16] = {
    too_long, too_long, too_long, too_long, too_long, too_long, too_long, too_long, // ASCII
    two_conts, two_conts, two_conts, two_conts,                                     // continuation
    too_short | overlong_2,                                                         // C0..CF
    too_short,                                                                      // D0..DF
    too_short | overlong_3 | surrogate,                                             // E0..EF
    too_short | too_large | too_large_1000 | overlong_4,                            // F0..FF
};
// By the low nibble of the byte before.
constexpr uint8_t k_byte_1_low[16] = {
    carry | overlong_3 | overlong_2 | overlong_4,   // _0
    carry | overlong_2,                             // _1
    carry,                                          // _2
    carry,                                          // _3
    carry | too_large,                              // _4
    carry | too_large | too_large_1000,             // _5
    carry | too_large | too_large_1000,             // _6
    carry | too_large | too_large_1000,             // _7
    carry | too_large | too_large_1000,             // _8
    carry | too_large | too_large_1000,             // _9
    carry | too_large | too_large_1000,             // _A
    carry | too_large | too_large_1000,             // _B
    carry | too_large | too_large_1000,             // _C
    carry | too_large | too_large_1000 | surrogate, // _D
    carry | too_large | too_large_1000,             // _E
    carry | too_large | too_large_1000,             // _F
};
// By the high nibble of the byte itself.
constexpr uint8_t k_byte_2_high[16] = {
    too_short, too_short, too_short, too_short, too_short, too_short, too_short, too_short, // ASCII
    too_long | overlong_2 | two_conts | overlong_3 | too_large_1000 | overlong_4,           // 80..8F
    too_long | overlong_2 | two_conts | overlong_3 | too_large,                             // 90..9F
    too_long | overlong_2 | two_conts | surrogate | too_large,                              // A0..AF
    too_long | overlong_2 | two_conts | surrogate | too_large,                              // B0..BF
    too_short, too_short, too_short, too_short,                                             // leads
};
// clang-format on
} // namespace lookup

// The bytes of `input` moved `n` places on, with the last `n` of `before` in front.
template <int n> __attribute__((target("avx2"))) __m256i earlier(__m256i input, __m256i before) {
  return _mm256_alignr_epi8(input, _mm256_permute2x128_si256(before, input, 0x21), 16 - n);
}

// The vectorised check of the 64-byte blocks of a text.
class Avx2Blocks {
public:
  __attribute__((target("avx2"))) Avx2Blocks()
      : m_byte_1_high(lookup::table(lookup::k_byte_1_high)), m_byte_1_low(lookup::table(lookup::k_byte_1_low)),
        m_byte_2_high(lookup::table(lookup::k_byte_2_high)) {}

  // True if the 64 bytes at `block` (after those checked before) hold an error or end a
  // character cut off at the end of the text.
  __attribute__((target("avx2"))) bool has_error(const char* block) {
    __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block));
    __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32));
    __m256i error = m_incomplete; // for ASCII bytes only: otherwise check() sees a cut character
    if (_mm256_movemask_epi8(_mm256_or_si256(a, b)) != 0) {
      error = _mm256_or_si256(check(a, m_before), check(b, a));
      // A lead byte among the last three that wants more bytes than the block has left.
      const __m256i most = _mm256_setr_epi8(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                            -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, '\xEF', '\xDF', '\xBF');
      m_incomplete = _mm256_subs_epu8(b, most);
    } else {
      m_incomplete = _mm256_setzero_si256();
    }
    m_before = b;
    return !_mm256_testz_si256(error, error);
  }

  // True if the text ended in the middle of a character.
  __attribute__((target("avx2"))) bool ends_unfinished() const {
    return !_mm256_testz_si256(m_incomplete, m_incomplete);
  }

private:
  __attribute__((target("avx2"))) __m256i check(__m256i input, __m256i before) const {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    __m256i prev1 = earlier<1>(input, before);
    __m256i high_1 = _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble);
    __m256i low_1 = _mm256_and_si256(prev1, nibble);
    __m256i high_2 = _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble);
    __m256i special = _mm256_and_si256(
        _mm256_and_si256(_mm256_shuffle_epi8(m_byte_1_high, high_1), _mm256_shuffle_epi8(m_byte_1_low, low_1)),
        _mm256_shuffle_epi8(m_byte_2_high, high_2));
    // The high bit where a continuation byte must come: two after E0..FF, three after F0..FF.
    __m256i third = _mm256_subs_epu8(earlier<2>(input, before), _mm256_set1_epi8(0xE0 - 0x80));
    __m256i fourth = _mm256_subs_epu8(earlier<3>(input, before), _mm256_set1_epi8(0xF0 - 0x80));
    __m256i must = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8(static_cast<char>(0x80)));
    return _mm256_xor_si256(must, special);
  }

  __m256i m_byte_1_high, m_byte_1_low, m_byte_2_high;
  __m256i m_before = _mm256_setzero_si256();
  __m256i m_incomplete = _mm256_setzero_si256();
};

// The offset of the first 64-byte block of `text` where an error shows (for a character
// cut off at the end: the end of the text), or npos if all of it is valid. An error shows
// on the byte that makes a sequence invalid, so the invalid sequence may start up to three
// bytes before that block.
__attribute__((target("avx2"))) size_t avx2_first_bad_block(std::string_view text) {
  Avx2Blocks blocks;
  size_t i = 0;
  for (; i + 64 <= text.size(); i += 64)
    if (blocks.has_error(text.data() + i)) return i;
  if (i < text.size()) {
    char last[64];
    std::memset(last, ' ', sizeof last); // a character cut off at the end is too short
    std::memcpy(last, text.data() + i, text.size() - i);
    if (blocks.has_error(last)) return i;
  } else if (blocks.ends_unfinished()) {
    return text.size();
  }
  return k_npos;
}

// A character start before the character where the first error of `text` is, which shows at
// `bad` or later: before that character the text is valid UTF-8, and an error shows at most
// three bytes after the start of its character (on a byte of it, or on the byte after it).
size_t character_start(std::string_view text, size_t bad) {
  if (bad < 4) return 0;
  size_t i = bad - 4;
  for (int back = 0; back < 3 && i > 0 && is_continuation(text[i]); ++back) --i;
  return is_continuation(text[i]) ? 0 : i;
}

bool cpu_has_avx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

#endif // FUNDSCREEN_HAS_AVX2_KERNEL

} // namespace

bool has_utf8_kernel(Utf8Kernel kernel) {
#ifdef FUNDSCREEN_HAS_AVX2_KERNEL
  if (kernel == Utf8Kernel::avx2) return cpu_has_avx2();
#endif
  return kernel == Utf8Kernel::scalar;
}

Utf8Prefix valid_utf8_prefix(std::string_view text, Utf8Kernel kernel) {
#ifdef FUNDSCREEN_HAS_AVX2_KERNEL
  if (kernel == Utf8Kernel::avx2 && cpu_has_avx2() && !text.empty()) {
    size_t bad = avx2_first_bad_block(text);
    if (bad == k_npos) return {text.size(), false};
    return scalar_prefix(text, character_start(text, bad));
  }
#endif
  (void)kernel;
  return scalar_prefix(text, 0);
}

Utf8Prefix valid_utf8_prefix(std::string_view text) {
#ifdef FUNDSCREEN_HAS_AVX2_KERNEL
  if (cpu_has_avx2()) return valid_utf8_prefix(text, Utf8Kernel::avx2);
#endif
  return scalar_prefix(text, 0);
}

bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text).length == text.size(); }

size_t find_invalid_utf8(std::string_view text) {
  size_t length = valid_utf8_prefix(text).length;
  return length == text.size() ? std::string_view::npos : length;
}

size_t valid_utf8_character(std::string_view text) {
  if (text.empty()) return 0;
  if (static_cast<unsigned char>(text[0]) < 0x80) return 1;
  size_t length = 0;
  return check_sequence(text, 0, length) == Sequence::valid ? length : 0;
}

} // namespace fundscreen::util
