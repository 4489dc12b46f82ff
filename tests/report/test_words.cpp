// SPDX-License-Identifier: Apache-2.0
#include <doctest/doctest.h>

#include "report/money_text.hpp"
#include "report/words.hpp"

using fundscreen::core::Decision;
using fundscreen::i18n::Lang;
using fundscreen::report::applications_text;
using fundscreen::report::currency_text;
using fundscreen::report::decision_word;

TEST_CASE("report::applications_text") {
  CHECK(applications_text(Lang::en, 1) == "1 application");
  CHECK(applications_text(Lang::en, 82) == "82 applications");
  CHECK(applications_text(Lang::en, 100000) == "100,000 applications");
  CHECK(applications_text(Lang::fi, 1) == "1 hakemus");
  CHECK(applications_text(Lang::fi, 1200) == "1 200 hakemusta");
  CHECK(applications_text(Lang::sv, 1200) == "1 200 ansökningar");
}

TEST_CASE("report::currency_text") {
  CHECK(currency_text(Lang::fi, "EUR") == "\xE2\x82\xAC");
  CHECK(currency_text(Lang::sv, "EUR") == "\xE2\x82\xAC");
  CHECK(currency_text(Lang::en, "EUR") == "EUR");
  CHECK(currency_text(Lang::fi, "SEK") == "SEK");
  CHECK(currency_text(Lang::fi, "").empty());
}

TEST_CASE("report::decision_word") {
  CHECK(decision_word(Lang::en, Decision::reject) == "reject");
  CHECK(decision_word(Lang::fi, Decision::reject) == "hyl\xC3\xA4t\xC3\xA4\xC3\xA4n");
  CHECK(decision_word(Lang::sv, Decision::fund) == "finansieras");
}
