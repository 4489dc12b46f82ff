// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/money.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::report {

// An amount for people: a space between thousands, a dot before two decimals, then the
// currency if there is one: `697 700.50 EUR`, `-1 200.00`. Machine formats use
// core::to_string(Money) instead.
std::string money_text(core::Money money, std::string_view currency = {});

// An amount in the convention of `lang`: `1 200 000,00 €` in Finnish and Swedish (a space
// between thousands, a comma before the cents, `€` for EUR and another currency's code after
// the amount), `EUR 1,200,000.00` in English (the code first). Without a currency, the number
// alone. The spaces are plain spaces, so that the text copies into a spreadsheet.
std::string money_text(i18n::Lang lang, core::Money money, std::string_view currency = {});

// The currency as `lang` writes it beside an amount: `€` for EUR in Finnish and Swedish, else
// the code (`EUR`, `SEK`); empty for none.
std::string_view currency_text(i18n::Lang lang, std::string_view currency);

// A whole number with the thousands grouped as `lang` groups them: `1 200` or `1,200`.
std::string count_text(i18n::Lang lang, int64_t n);

// A decimal written with a dot (`4.5`, a score) with the decimal comma of Finnish and Swedish.
std::string decimal_text(i18n::Lang lang, std::string_view plain);

// A date as `lang` writes it: `28.2.2025` in Finnish and Swedish (Finland's Swedish), ISO
// 8601 `2025-02-28` in English.
std::string date_text(i18n::Lang lang, core::Date date);
// The same for a date kept as ISO text (`2025-02-28`); other text is returned as it is.
std::string date_text(i18n::Lang lang, std::string_view iso);

// The language of a run (RunInfo::lang): English for anything but fi and sv.
i18n::Lang lang_of(std::string_view code);

} // namespace fundscreen::report
