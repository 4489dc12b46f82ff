// SPDX-License-Identifier: Apache-2.0
#include "report/money_text.hpp"

#include <fmt/format.h>

namespace fundscreen::report {

namespace {

// The digits of `n` (not negative) with `separator` between thousands.
std::string grouped(uint64_t n, std::string_view separator) {
  std::string whole = std::to_string(n);
  std::string out;
  out.reserve(whole.size() + whole.size() / 3 * separator.size());
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += separator;
    out += whole[i];
  }
  return out;
}

uint64_t magnitude(int64_t n) { return n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n); }

} // namespace

std::string money_text(core::Money money, std::string_view currency) {
  uint64_t cents = magnitude(money.cents);
  std::string text = fmt::format("{}{}.{:02}", money.cents < 0 ? "-" : "", grouped(cents / 100, " "), cents % 100);
  if (!currency.empty()) text += fmt::format(" {}", currency);
  return text;
}

std::string money_text(i18n::Lang lang, core::Money money, std::string_view currency) {
  uint64_t cents = magnitude(money.cents);
  std::string_view sign = money.cents < 0 ? "-" : "";
  if (lang == i18n::Lang::en) {
    std::string number = fmt::format("{}{}.{:02}", sign, grouped(cents / 100, ","), cents % 100);
    return currency.empty() ? number : fmt::format("{} {}", currency, number);
  }
  std::string number = fmt::format("{}{},{:02}", sign, grouped(cents / 100, " "), cents % 100);
  if (currency.empty()) return number;
  return fmt::format("{} {}", number, currency_text(lang, currency));
}

std::string_view currency_text(i18n::Lang lang, std::string_view currency) {
  return lang != i18n::Lang::en && currency == "EUR" ? std::string_view("\xE2\x82\xAC") : currency;
}

std::string count_text(i18n::Lang lang, int64_t n) {
  return fmt::format("{}{}", n < 0 ? "-" : "", grouped(magnitude(n), lang == i18n::Lang::en ? "," : " "));
}

std::string decimal_text(i18n::Lang lang, std::string_view plain) {
  std::string text(plain);
  if (lang == i18n::Lang::en) return text;
  size_t dot = text.find('.');
  if (dot != std::string::npos) text[dot] = ',';
  return text;
}

std::string date_text(i18n::Lang lang, core::Date date) {
  std::string iso = core::to_string(date);
  if (lang == i18n::Lang::en || iso.size() != 10) return iso;
  // YYYY-MM-DD: the day and the month without their leading zeros.
  auto number = [&](size_t at) { return (iso[at] - '0') * 10 + (iso[at + 1] - '0'); };
  return fmt::format("{}.{}.{}", number(8), number(5), std::string_view(iso).substr(0, 4));
}

std::string date_text(i18n::Lang lang, std::string_view iso) {
  std::string why;
  std::optional<core::Date> date = core::parse_date(iso, why);
  return date ? date_text(lang, *date) : std::string(iso);
}

i18n::Lang lang_of(std::string_view code) { return i18n::parse_lang(code).value_or(i18n::Lang::en); }

} // namespace fundscreen::report
