// SPDX-License-Identifier: Apache-2.0
// Fuzzes the rule language: compiles the bytes against a scope shaped like sitra-2021's
// fields and call (the unit tests' own, from tests/test_builders.hpp), then evaluates what compiles on three fixed
// applications.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule.hpp"
#include "core/value.hpp"
#include "test_builders.hpp"

using namespace fundscreen;
using core::Value;

namespace {

// Every field present with an ordinary value, as OA-2021-003 of the example.
std::vector<Value> all_present() {
  return testing::app({{"id", "OA-2021-003"},
                       {"applicant", "Ålands Arbetslivslabb Ab"},
                       {"title", "Arbetslivslabbet – lärande i små företag"},
                       {"thesis", "3C"},
                       {"stage", "ongoing"},
                       {"kind", "development"},
                       {"programme_started", "2019-06-01"},
                       {"programme_ends", "2024-10-31"},
                       {"requested_eur", "116000"},
                       {"own_resources_eur", "84000"},
                       {"programme_budget_eur", "1276000"},
                       {"actors", "Ålands Arbetslivslabb Ab|Lärcentret Fyren"},
                       {"problem", "Säsongsarbetare introduceras på nytt varje säsong."},
                       {"evidence", "Enkät bland 60 medlemsföretag hösten 2020."}});
}

// Values at the edges: empty strings, an empty list, zero money, dates at month ends.
std::vector<Value> odd_values() {
  return {Value(std::string()),
          Value(std::string(" ")),
          Value(std::string()),
          Value(std::string()),
          Value(std::string("idea")),
          Value(std::string("technology")),
          Value(testing::date("2020-02-29")),
          Value(testing::date("2021-01-31")),
          Value(core::Money{0}),
          Value(core::Money{0}),
          Value(core::Money{-1}),
          Value(core::StringList{}),
          Value(std::string("\n")),
          Value(std::string())};
}

void touch(const Value& v) {
  volatile size_t n = core::to_display(v).size();
  (void)n;
}

void run(const core::Rule& rule, const std::vector<Value>& values) {
  core::RecordView record{values, {}};
  if (rule.type() == core::Type::boolean) {
    core::RuleResult r = core::evaluate(rule, record, core::TraceReads::yes);
    for (const core::RuleRead& read : r.reads) touch(read.value);
  } else {
    touch(core::evaluate_value(rule, record));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<Value> present = all_present();
  static const std::vector<Value> missing(testing::sitra_fields().size());
  static const std::vector<Value> odd = odd_values();
  static const core::RuleScope scope = testing::app_scope();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    core::Rule rule = core::compile_rule(text, scope);
    for (const std::string& path : rule.reads()) (void)path.size();
    run(rule, present);
    run(rule, missing);
    run(rule, odd);
  } catch (const core::RuleError& e) {
    // A fault must point inside the text (or just past its end).
    if (e.offset > size) __builtin_trap();
  }
  return 0;
}
