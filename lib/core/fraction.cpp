// SPDX-License-Identifier: Apache-2.0
#include "core/fraction.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>

namespace fundscreen::core {

namespace {

__extension__ using Wide = __int128;
__extension__ using UWide = unsigned __int128;

constexpr int64_t k_max = std::numeric_limits<int64_t>::max();
constexpr int64_t k_min = std::numeric_limits<int64_t>::min();

bool fits(Wide v) { return v >= k_min && v <= k_max; }

UWide magnitude(Wide v) { return v < 0 ? UWide(0) - UWide(v) : UWide(v); }

UWide gcd(UWide a, UWide b) {
  while (b != 0) {
    UWide t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// `n` / `d` (`d` not zero) into `out`, the sign on the numerator; reduced only when it would
// not fit otherwise, so that the common cases cost no division.
bool settle(Wide n, Wide d, Fraction& out) {
  if (d < 0) n = -n, d = -d; // both came from products of 64-bit values: no overflow
  if (!fits(n) || !fits(d)) {
    UWide g = gcd(magnitude(n), UWide(d));
    n /= static_cast<Wide>(g);
    d /= static_cast<Wide>(g);
    if (!fits(n) || !fits(d)) return false;
  }
  out = Fraction{static_cast<int64_t>(n), static_cast<int64_t>(d)};
  return true;
}

constexpr int64_t k_powers[] = {1,
                                10,
                                100,
                                1'000,
                                10'000,
                                100'000,
                                1'000'000,
                                10'000'000,
                                100'000'000,
                                1'000'000'000,
                                10'000'000'000,
                                100'000'000'000,
                                1'000'000'000'000,
                                10'000'000'000'000,
                                100'000'000'000'000,
                                1'000'000'000'000'000,
                                10'000'000'000'000'000,
                                100'000'000'000'000'000,
                                1'000'000'000'000'000'000};
constexpr int k_max_power = 18;

// The significant digits of a value whose decimal does not end.
constexpr int k_shown_digits = 12;

// The digits of `v` (not negative) appended to `out`.
void append_digits(std::string& out, UWide v) {
  char text[40];
  char* end = text + sizeof text;
  char* p = end;
  do {
    *--p = static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  } while (v != 0);
  out.append(p, static_cast<size_t>(end - p));
}

// `scaled` / 10^`decimals` as a decimal with exactly `decimals` decimals (none if 0).
std::string fixed(Wide scaled, int decimals) {
  std::string out;
  if (scaled < 0) out += '-';
  UWide abs = magnitude(scaled);
  UWide unit = static_cast<UWide>(k_powers[decimals]);
  append_digits(out, abs / unit);
  if (decimals > 0) {
    std::string fraction;
    append_digits(fraction, abs % unit + unit); // a leading 1 keeps the zeros
    out += '.';
    out.append(fraction, 1, std::string::npos);
  }
  return out;
}

// The number of decimals `den` (in lowest terms) needs, or -1 when its decimal does not end.
int terminating_decimals(int64_t den) {
  int twos = 0, fives = 0;
  while (den % 2 == 0) den /= 2, ++twos;
  while (den % 5 == 0) den /= 5, ++fives;
  return den == 1 ? std::max(twos, fives) : -1;
}

} // namespace

bool add_exact(Fraction a, Fraction b, Fraction& out) {
  int64_t sum = 0;
  if (a.den == b.den && !__builtin_add_overflow(a.num, b.num, &sum)) {
    out = Fraction{sum, a.den};
    return true;
  }
  if (a.den == b.den) return settle(Wide(a.num) + b.num, a.den, out);
  return settle(Wide(a.num) * b.den + Wide(b.num) * a.den, Wide(a.den) * b.den, out);
}

bool subtract_exact(Fraction a, Fraction b, Fraction& out) {
  int64_t difference = 0;
  if (a.den == b.den && !__builtin_sub_overflow(a.num, b.num, &difference)) {
    out = Fraction{difference, a.den};
    return true;
  }
  if (a.den == b.den) return settle(Wide(a.num) - b.num, a.den, out);
  return settle(Wide(a.num) * b.den - Wide(b.num) * a.den, Wide(a.den) * b.den, out);
}

bool multiply_exact(Fraction a, Fraction b, Fraction& out) {
  // Money times a whole number, the common case, in 64 bits.
  int64_t product = 0;
  if (b.den == 1 && !__builtin_mul_overflow(a.num, b.num, &product)) {
    out = Fraction{product, a.den};
    return true;
  }
  return settle(Wide(a.num) * b.num, Wide(a.den) * b.den, out);
}

bool divide_exact(Fraction a, Fraction b, Fraction& out) {
  return settle(Wide(a.num) * b.den, Wide(a.den) * b.num, out);
}

bool negate_exact(Fraction a, Fraction& out) {
  if (a.num == k_min) return false;
  out = Fraction{-a.num, a.den};
  return true;
}

Fraction reduced(Fraction q) {
  uint64_t g = std::gcd(static_cast<uint64_t>(magnitude(q.num)), static_cast<uint64_t>(q.den));
  if (g <= 1) return q;
  return Fraction{static_cast<int64_t>(Wide(q.num) / static_cast<Wide>(g)),
                  static_cast<int64_t>(q.den / static_cast<int64_t>(g))};
}

std::optional<Fraction> parse_decimal(std::string_view text) {
  // The significant digits without their trailing zeros, which only move the point.
  uint64_t digits = 0;
  int zeros = 0, decimals = 0;
  size_t i = 0;
  bool point = false, any = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    any = true;
    if (point) ++decimals;
    if (c == '0') {
      ++zeros;
      continue;
    }
    for (int z = 0; z <= zeros; ++z)
      if (__builtin_mul_overflow(digits, 10u, &digits)) return std::nullopt;
    if (__builtin_add_overflow(digits, static_cast<unsigned>(c - '0'), &digits)) return std::nullopt;
    zeros = 0;
  }
  int exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    auto [end, ec] = std::from_chars(text.data() + i, text.data() + text.size(), exponent);
    if (ec != std::errc() || end == text.data() + i || exponent > 400) return std::nullopt;
    i = static_cast<size_t>(end - text.data());
    if (negative) exponent = -exponent;
  }
  if (!any || i != text.size() || digits > static_cast<uint64_t>(k_max)) return std::nullopt;
  if (digits == 0) return Fraction{0, 1};
  int scale = exponent - decimals + zeros;
  auto num = static_cast<int64_t>(digits);
  if (scale >= 0) {
    if (scale > k_max_power || __builtin_mul_overflow(num, k_powers[scale], &num)) return std::nullopt;
    return Fraction{num, 1};
  }
  if (-scale > k_max_power) return std::nullopt;
  return Fraction{num, k_powers[-scale]};
}

std::optional<Fraction> fraction_of(double d) {
  if (!std::isfinite(d)) return std::nullopt;
  constexpr double k_exact = 9007199254740992.0; // 2^53: every whole double below it is exact
  // The fewest decimals that read back as `d`, for a number of up to 15 digits.
  for (int k = 0; k <= 15; ++k) {
    double scaled = d * static_cast<double>(k_powers[k]);
    if (std::fabs(scaled) >= k_exact) break;
    double whole = std::round(scaled);
    if (whole / static_cast<double>(k_powers[k]) == d) return Fraction{static_cast<int64_t>(whole), k_powers[k]};
  }
  char text[64];
  auto [end, ec] = std::to_chars(text, text + sizeof text, std::fabs(d));
  if (ec != std::errc()) return std::nullopt;
  auto q = parse_decimal(std::string_view(text, static_cast<size_t>(end - text)));
  if (q && d < 0) q->num = -q->num;
  return q;
}

double to_double(Fraction q) {
  // Below 2^53 both are exact doubles and the one division rounds correctly, as it would in
  // lowest terms; above, lowest terms keep what precision there is.
  constexpr int64_t k_exact = int64_t{1} << 53;
  if (q.num > -k_exact && q.num < k_exact && q.den < k_exact)
    return static_cast<double>(q.num) / static_cast<double>(q.den);
  q = reduced(q);
  return static_cast<double>(q.num) / static_cast<double>(q.den);
}

std::optional<int64_t> to_cents(Fraction q) {
  Wide twice = Wide(q.num) * 200 + (q.num >= 0 ? Wide(q.den) : -Wide(q.den));
  Wide cents = twice / (Wide(q.den) * 2);
  if (!fits(cents)) return std::nullopt;
  return static_cast<int64_t>(cents);
}

std::string to_decimal(Fraction q, bool money, bool& exact) {
  q = reduced(q);
  int decimals = terminating_decimals(q.den);
  exact = decimals >= 0 && decimals <= 12;
  if (exact) {
    if (money && decimals == 1) decimals = 2;
    return fixed(Wide(q.num) * (k_powers[decimals] / q.den), decimals);
  }
  // Rounded half away from zero to 12 significant digits, trailing zeros dropped.
  UWide whole = magnitude(q.num) / UWide(q.den);
  int digits = 0;
  for (UWide w = whole; w != 0; w /= 10) ++digits;
  if (whole == 0) // the zeros after the point do not count
    for (UWide n = magnitude(q.num) * 10; n < UWide(q.den) && digits > -6; n *= 10) --digits;
  decimals = std::clamp(k_shown_digits - digits, money ? 2 : 0, k_max_power);
  Wide twice = Wide(q.num) * k_powers[decimals] * 2 + (q.num >= 0 ? Wide(q.den) : -Wide(q.den));
  Wide scaled = twice / (Wide(q.den) * 2);
  while (decimals > 0 && scaled % 10 == 0) scaled /= 10, --decimals;
  return fixed(scaled, decimals);
}

} // namespace fundscreen::core
