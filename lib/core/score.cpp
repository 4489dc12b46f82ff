// SPDX-License-Identifier: Apache-2.0
#include "core/score.hpp"

#include <charconv>
#include <numeric>

namespace fundscreen::core {

__extension__ using Wide = __int128;

Score::Score(int64_t numerator, int64_t denominator) {
  int64_t g = std::gcd(numerator, denominator);
  if (g == 0) g = 1;
  m_num = numerator / g;
  m_den = denominator / g;
}

Score Score::operator+(const Score& other) const {
  int64_t g = std::gcd(m_den, other.m_den);
  int64_t lcm = m_den / g * other.m_den;
  return Score(m_num * (lcm / m_den) + other.m_num * (lcm / other.m_den), lcm);
}

Score Score::times(int64_t factor) const { return Score(m_num * factor, m_den); }

Score Score::divided_by(int64_t divisor) const { return Score(m_num, m_den * divisor); }

std::strong_ordering Score::operator<=>(const Score& other) const {
  Wide left = static_cast<Wide>(m_num) * other.m_den;
  Wide right = static_cast<Wide>(other.m_num) * m_den;
  return left < right ? std::strong_ordering::less
                      : (left > right ? std::strong_ordering::greater : std::strong_ordering::equal);
}

std::string to_string(const Score& score) {
  std::string text;
  append_score(text, score);
  return text;
}

void append_score(std::string& out, const Score& score) {
  // Round half away from zero at the third decimal, in integers.
  Wide scaled = static_cast<Wide>(score.numerator()) * 200 +
                (score.numerator() >= 0 ? score.denominator() : -score.denominator());
  Wide hundredths = scaled / (2 * static_cast<Wide>(score.denominator()));
  int64_t h = static_cast<int64_t>(hundredths);
  uint64_t abs = h < 0 ? 0 - static_cast<uint64_t>(h) : static_cast<uint64_t>(h);
  char text[32];
  char* end = text;
  if (h < 0) *end++ = '-';
  end = std::to_chars(end, text + sizeof text, abs / 100).ptr;
  *end++ = '.';
  *end++ = static_cast<char>('0' + abs % 100 / 10);
  *end++ = static_cast<char>('0' + abs % 10);
  out.append(text, static_cast<size_t>(end - text));
}

std::string to_string_below(const Score& score, const Score& limit) {
  std::string shown = to_string(score);
  Wide scale = 100;
  // The shown value, as a fraction over `scale`: read back from the text it is.
  auto below = [&](Wide units) { return units * limit.denominator() < static_cast<Wide>(limit.numerator()) * scale; };
  Wide num = score.numerator();
  Wide den = score.denominator();
  auto floor_div = [](Wide a, Wide b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); };
  Wide rounded = (num * 200 + (num >= 0 ? den : -den)) / (2 * den);
  if (below(rounded)) return shown;
  for (int decimals = 3; decimals <= 12; ++decimals) {
    scale *= 10;
    Wide units = floor_div(num * scale, den);
    if (!below(units)) continue;
    Wide whole = units / scale;
    Wide part = units % scale;
    if (part < 0) {
      part = -part;
    }
    std::string digits = std::to_string(static_cast<int64_t>(part));
    digits.insert(0, static_cast<size_t>(decimals) - digits.size(), '0');
    std::string sign = (units < 0 && whole == 0) ? "-" : "";
    return sign + std::to_string(static_cast<int64_t>(whole)) + "." + digits;
  }
  return shown;
}

} // namespace fundscreen::core
