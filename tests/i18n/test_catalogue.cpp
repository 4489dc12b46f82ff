// SPDX-License-Identifier: Apache-2.0
#include <set>
#include <string>

#include <doctest/doctest.h>
#include <fmt/args.h>

#include "i18n/i18n.hpp"
#include "report/money_text.hpp"
#include "report/words.hpp"

using namespace fundscreen;
using i18n::Lang;

namespace {

// The argument indices a fmt format string uses: {} counts up, {N} names N; {{ is a brace.
std::set<int> placeholders(std::string_view text) {
  std::set<int> used;
  int next = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    int index = -1;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9')
      index = (index < 0 ? 0 : index * 10) + (text[j++] - '0');
    used.insert(index < 0 ? next++ : index);
  }
  return used;
}

// Each NUL-separated part of a msgid or msgstr, without a context.
std::vector<std::string_view> parts(std::string_view text) {
  size_t ctx = text.find('\x04');
  if (ctx != std::string_view::npos) text.remove_prefix(ctx + 1);
  std::vector<std::string_view> out;
  while (true) {
    size_t nul = text.find('\0');
    out.push_back(text.substr(0, nul));
    if (nul == std::string_view::npos) return out;
    text.remove_prefix(nul + 1);
  }
}

} // namespace

TEST_CASE("every translation uses the placeholders of its English message, and formats") {
  for (Lang lang : {Lang::fi, Lang::sv}) {
    std::vector<i18n::CatalogueEntry> entries = i18n::catalogue_entries(lang);
    CHECK(entries.size() > 10);
    for (const i18n::CatalogueEntry& e : entries) {
      std::vector<std::string_view> ids = parts(e.msgid), strs = parts(e.msgstr);
      INFO(i18n::lang_code(lang), ": ", std::string(ids[0]));
      REQUIRE(strs.size() == (ids.size() == 1 ? 1 : 2));
      for (size_t i = 0; i < strs.size(); ++i) {
        std::string_view id = ids[std::min(i, ids.size() - 1)];
        CHECK(placeholders(strs[i]) == placeholders(id));
        fmt::dynamic_format_arg_store<fmt::format_context> args;
        for (size_t k = 0; k < placeholders(id).size(); ++k) args.push_back("x");
        CHECK_NOTHROW((void)fmt::vformat(strs[i], args));
      }
    }
  }
}

TEST_CASE("a message is translated by its context, its number, and falls back to English") {
  CHECK(i18n::tr(Lang::en, "no such message") == "no such message");
  CHECK(i18n::tr(Lang::fi, "no such message") == "no such message");
  CHECK(report::decision_word(Lang::fi, core::Decision::fund) == "rahoitetaan");
  CHECK(report::decision_word(Lang::sv, core::Decision::reject) == "avslås");
  CHECK(report::decision_word(Lang::en, core::Decision::reserve) == "reserve");
  CHECK(i18n::trnf(Lang::en, "{} application", "{} applications", 1, 1) == "1 application");
  CHECK(i18n::trnf(Lang::en, "{} application", "{} applications", 3, 3) == "3 applications");
  CHECK(i18n::trnf(Lang::fi, "{} application", "{} applications", 3, 3) == "3 hakemusta");
  CHECK(i18n::trnf(Lang::sv, "{} application", "{} applications", 1, 1) == "1 ansökan");
  // A translation that does not fit its arguments falls back to the English message.
  CHECK(i18n::vformat_message("{} {}", "{}", fmt::make_format_args(1)) == "1");
}

TEST_CASE("amounts, counts and dates in each language's convention") {
  core::Money m{120000000};
  CHECK(report::money_text(Lang::fi, m, "EUR") == "1 200 000,00 \xE2\x82\xAC");
  CHECK(report::money_text(Lang::sv, m, "EUR") == "1 200 000,00 \xE2\x82\xAC");
  CHECK(report::money_text(Lang::en, m, "EUR") == "EUR 1,200,000.00");
  CHECK(report::money_text(Lang::fi, core::Money{-5}, "SEK") == "-0,05 SEK");
  CHECK(report::money_text(Lang::en, core::Money{99950}) == "999.50");
  CHECK(report::count_text(Lang::fi, 82000) == "82 000");
  CHECK(report::count_text(Lang::en, 1234567) == "1,234,567");
  CHECK(report::decimal_text(Lang::fi, "4.5") == "4,5");
  CHECK(report::date_text(Lang::fi, std::string_view("2025-02-28")) == "28.2.2025");
  CHECK(report::date_text(Lang::sv, std::string_view("2021-12-01")) == "1.12.2021");
  CHECK(report::date_text(Lang::en, std::string_view("2025-02-28")) == "2025-02-28");
  CHECK(report::date_text(Lang::fi, std::string_view("not a date")) == "not a date");
}
