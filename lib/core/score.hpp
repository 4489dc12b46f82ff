// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <compare>
#include <cstdint>
#include <string>

namespace fundscreen::core {

// An exact score: a fraction kept in lowest terms, so that averages of half points and
// weighted means compare exactly (31/9 and 31/9 tie; no rounding ever decides a rank).
class Score {
public:
  Score() = default;
  // The fraction `numerator` / `denominator`; the denominator must be positive.
  Score(int64_t numerator, int64_t denominator);

  int64_t numerator() const { return m_num; }
  int64_t denominator() const { return m_den; }

  Score operator+(const Score& other) const;
  // The score multiplied by the whole number `factor`.
  Score times(int64_t factor) const;
  // The score divided by the whole number `divisor` (positive).
  Score divided_by(int64_t divisor) const;

  std::strong_ordering operator<=>(const Score& other) const;
  bool operator==(const Score& other) const { return m_num == other.m_num && m_den == other.m_den; }

private:
  int64_t m_num = 0;
  int64_t m_den = 1;
};

// The score rounded to two decimals for people, e.g. `3.44`; comparisons never use this.
std::string to_string(const Score& score);
// to_string(`score`) appended to `out`, without a temporary string.
void append_score(std::string& out, const Score& score);
// `score`, below `limit`, for a message that says so: to_string(score) when that reads below
// the limit, else with as many more decimals (cut, never rounded up) as it takes: 3.497
// against 3.5 is `3.497`, not `3.50`, which would read as not below at all.
std::string to_string_below(const Score& score, const Score& limit);

} // namespace fundscreen::core
