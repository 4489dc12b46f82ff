// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fundscreen::core {

// An exact rational number `num` / `den` (`den` > 0): the numbers and amounts of money of the
// rule language, so that `0.8 * total` and `part / total <= 0.8` agree on every value. A
// decimal literal is exact (`0.8` is 8/10), money is cents over 100. Not kept in lowest terms
// (a result is reduced only when it would not fit 64 bits): compare with compare_exact().
struct Fraction {
  int64_t num = 0;
  int64_t den = 1;
};

// `a` + `b` into `out`; false when the result does not fit 64 bits even in lowest terms.
bool add_exact(Fraction a, Fraction b, Fraction& out);
// `a` - `b` into `out`; false as add_exact().
bool subtract_exact(Fraction a, Fraction b, Fraction& out);
// `a` * `b` into `out`; false as add_exact().
bool multiply_exact(Fraction a, Fraction b, Fraction& out);
// `a` / `b` into `out`, `b` not zero; false as add_exact().
bool divide_exact(Fraction a, Fraction b, Fraction& out);
// -`a` into `out`; false for the most negative numerator, whose opposite does not fit.
bool negate_exact(Fraction a, Fraction& out);

// -1, 0 or 1 as `a` is less than, equal to or greater than `b`, exactly (in 128 bits).
inline int compare_exact(Fraction a, Fraction b) {
  if (a.den == b.den) return a.num < b.num ? -1 : (a.num > b.num ? 1 : 0);
  __extension__ using Wide = __int128;
  Wide l = static_cast<Wide>(a.num) * b.den, r = static_cast<Wide>(b.num) * a.den;
  return l < r ? -1 : (l > r ? 1 : 0);
}

// `q` in lowest terms.
Fraction reduced(Fraction q);

// A decimal literal of a rule (`150000`, `0.8`, `.8`, `1.5e3`, `2E-1`) as an exact fraction,
// or nothing when it does not fit 64 bits.
std::optional<Fraction> parse_decimal(std::string_view text);

// The exact value of the shortest decimal that reads back as `d`: the number a person wrote
// (`3,5` read as 3.5 is 7/2) when it had at most 15 significant digits. Nothing for an
// infinite or NaN `d`, or one whose decimal does not fit 64 bits (1e300).
std::optional<Fraction> fraction_of(double d);

// `q` as the nearest double.
double to_double(Fraction q);

// `q` euros in whole cents, rounded half away from zero; nothing when it does not fit 64 bits.
std::optional<int64_t> to_cents(Fraction q);

// `q` as a decimal: exactly (`0.84`, `987.656`) when it has at most 12 decimals, otherwise
// rounded half away from zero to 12 significant digits with `exact` set to false (`2/3` is
// `0.666666666667`). `money` writes two decimals for a fraction of a euro that is whole
// cents (`95000.50`), and at least two when it rounds.
std::string to_decimal(Fraction q, bool money, bool& exact);

} // namespace fundscreen::core
