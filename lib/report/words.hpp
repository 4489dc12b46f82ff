// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "core/screener.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::report {

// The names of the screening's values as people read them in `lang`: `fund` is `rahoitetaan`
// in Finnish. Machine formats keep core's names (core::decision_name and the others).
std::string_view decision_word(i18n::Lang lang, core::Decision decision);
std::string_view status_word(i18n::Lang lang, core::Status status);
std::string_view verdict_word(i18n::Lang lang, core::Verdict verdict);
std::string_view kind_word(i18n::Lang lang, core::CriterionKind kind);

// `1 application`, `82 applications`, `82 hakemusta`, `1,200 applications`, `1 200 hakemusta`.
std::string applications_text(i18n::Lang lang, size_t n);

} // namespace fundscreen::report
