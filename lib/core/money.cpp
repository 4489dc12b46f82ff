// SPDX-License-Identifier: Apache-2.0
#include "core/money.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

static const char* const k_money_shapes = "write an amount such as 12000, 12000.50 or 12 000,50";

static bool consume_prefix(std::string_view& text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return false;
  text.remove_prefix(prefix.size());
  return true;
}

static bool consume_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.remove_suffix(suffix.size());
  return true;
}

// Removes a currency sign or code before or after the number.
static std::string_view strip_currency(std::string_view text) {
  text = util::trim(text);
  if (consume_suffix(text, "\xE2\x82\xAC") || consume_suffix(text, "EUR")) text = util::trim(text);
  if (consume_prefix(text, "\xE2\x82\xAC") || consume_prefix(text, "EUR")) text = util::trim(text);
  return text;
}

// Digits and separators only: spaces of any kind between digits are dropped, and each
// '.' or ',' is kept as is for the caller to interpret.
static bool compact(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c >= '0' && c <= '9') || c == '.' || c == ',') {
      out += c;
    } else if (c == ' ') {
    } else if (text.substr(i).starts_with("\xC2\xA0")) {
      i += 1;
    } else if (text.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
    } else {
      return false;
    }
  }
  return !out.empty();
}

// Finds the decimal separator in `digits` (npos if none), checking thousands groups.
static bool find_decimal(const std::string& digits, size_t& decimal, std::string& why) {
  size_t last_dot = digits.rfind('.'), last_comma = digits.rfind(',');
  size_t dots = std::count(digits.begin(), digits.end(), '.');
  size_t commas = std::count(digits.begin(), digits.end(), ',');
  decimal = std::string::npos;
  char group = 0;
  if (dots && commas) {
    decimal = std::max(last_dot, last_comma);
    group = digits[decimal] == '.' ? ',' : '.';
    if (std::count(digits.begin(), digits.end(), digits[decimal]) > 1) return false;
  } else if (dots + commas == 1) {
    decimal = dots ? last_dot : last_comma;
    if (digits.size() - decimal - 1 == 3) {
      why = "three digits after the separator is ambiguous; money has at most two decimals";
      return false;
    }
  } else if (dots + commas > 1) {
    group = dots ? '.' : ',';
  }
  // Every group separator must be followed by exactly three digits.
  size_t end = decimal == std::string::npos ? digits.size() : decimal;
  size_t run = 0;
  bool grouped = false;
  for (size_t i = end; i-- > 0;) {
    if (digits[i] == group) {
      if (run != 3) return false;
      grouped = true;
      run = 0;
    } else {
      ++run;
    }
  }
  return !(grouped && (run == 0 || run > 3));
}

static bool accumulate(std::string_view digits, int64_t& value) {
  for (char c : digits) {
    if (c < '0' || c > '9') continue;
    if (value > 900'000'000'000'000) return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

// Plain whole euros ("95000"), the common case, without the general path's copies.
static std::optional<Money> plain_euros(std::string_view text) {
  if (text.empty() || text.size() > 15) return std::nullopt;
  int64_t euros = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    euros = euros * 10 + (c - '0');
  }
  return Money{euros * 100};
}

std::optional<Money> parse_money(std::string_view text, std::string& why) {
  if (auto euros = plain_euros(text)) return euros;
  std::string_view body = strip_currency(text);
  bool negative = consume_prefix(body, "-") || (consume_prefix(body, "\xE2\x88\x92"));
  std::string digits;
  size_t decimal = std::string::npos;
  if (!compact(body, digits) || !find_decimal(digits, decimal, why)) {
    if (why.empty()) why = k_money_shapes;
    return std::nullopt;
  }
  std::string_view whole = std::string_view(digits).substr(0, decimal);
  std::string_view fraction =
      decimal == std::string::npos ? std::string_view() : std::string_view(digits).substr(decimal + 1);
  if (whole.empty() || fraction.size() > 2 || (decimal != std::string::npos && fraction.empty())) {
    why = fraction.size() > 2 ? "money has at most two decimals (cents)" : k_money_shapes;
    return std::nullopt;
  }
  int64_t cents = 0;
  if (!accumulate(whole, cents)) {
    why = "the amount is too large";
    return std::nullopt;
  }
  int64_t fraction_cents = 0;
  accumulate(fraction, fraction_cents);
  if (fraction.size() == 1) fraction_cents *= 10;
  cents = cents * 100 + fraction_cents;
  return Money{negative ? -cents : cents};
}

std::string to_string(Money money) {
  std::string text;
  append_money(text, money);
  return text;
}

char* write_money(char* out, Money money) {
  // In unsigned arithmetic, so that the most negative amount has a magnitude too.
  uint64_t abs = money.cents < 0 ? 0 - static_cast<uint64_t>(money.cents) : static_cast<uint64_t>(money.cents);
  char* end = out;
  if (money.cents < 0) *end++ = '-';
  end = std::to_chars(end, out + k_money_room, abs / 100).ptr;
  if (abs % 100 != 0) {
    *end++ = '.';
    *end++ = static_cast<char>('0' + abs % 100 / 10);
    *end++ = static_cast<char>('0' + abs % 10);
  }
  return end;
}

void append_money(std::string& out, Money money) {
  // Built in a buffer and appended once.
  char text[k_money_room];
  out.append(text, static_cast<size_t>(write_money(text, money) - text));
}

} // namespace fundscreen::core
