// SPDX-License-Identifier: Apache-2.0
// Fuzzes the rule language: compiles the bytes against a scope shaped like sitra-2021's
// fields and call, then evaluates what compiles on three fixed applications.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/rule.hpp"
#include "core/value.hpp"

using namespace fundscreen;
using core::FieldSpec;
using core::FieldType;
using core::Value;

namespace {

// The application fields of criteria/sitra-2021.yaml, in its order.
const std::vector<FieldSpec>& sitra_fields() {
  static const std::vector<FieldSpec> fields = {
      {"id", FieldType::string, true, {}},
      {"applicant", FieldType::string, true, {}},
      {"title", FieldType::string, true, {}},
      {"thesis", FieldType::string, false, {}},
      {"stage", FieldType::enumeration, true, {"idea", "new", "ongoing"}},
      {"kind", FieldType::enumeration, true, {"development", "technology"}},
      {"programme_started", FieldType::date, false, {}},
      {"programme_ends", FieldType::date, false, {}},
      {"requested_eur", FieldType::money, true, {}},
      {"own_resources_eur", FieldType::money, false, {}},
      {"programme_budget_eur", FieldType::money, false, {}},
      {"actors", FieldType::list, false, {}},
      {"problem", FieldType::text, false, {}},
      {"evidence", FieldType::text, false, {}},
  };
  return fields;
}

core::Date date(int y, unsigned m, unsigned d) { return *core::make_date(y, m, d); }

core::Money money(int64_t cents) { return core::Money{cents}; }

const std::vector<core::NamedValue>& sitra_call() {
  static const std::vector<core::NamedValue> call = {
      {"name", Value(std::string("Osaamisen aika 2021"))},
      {"currency", Value(std::string("EUR"))},
      {"deadline", Value(date(2021, 3, 1))},
      {"budget", Value(money(80000000))},
      {"continues_after", Value(date(2021, 12, 31))},
  };
  return call;
}

// Every field present with an ordinary value, as OA-2021-003 of the example.
std::vector<Value> all_present() {
  return {Value(std::string("OA-2021-003")),
          Value(std::string("Ålands Arbetslivslabb Ab")),
          Value(std::string("Arbetslivslabbet – lärande i små företag")),
          Value(std::string("3C")),
          Value(std::string("ongoing")),
          Value(std::string("development")),
          Value(date(2019, 6, 1)),
          Value(date(2024, 10, 31)),
          Value(money(11600000)),
          Value(money(8400000)),
          Value(money(127600000)),
          Value(core::StringList{"Ålands Arbetslivslabb Ab", "Lärcentret Fyren"}),
          Value(std::string("Säsongsarbetare introduceras på nytt varje säsong.")),
          Value(std::string("Enkät bland 60 medlemsföretag hösten 2020."))};
}

// Values at the edges: empty strings, an empty list, zero money, dates at month ends.
std::vector<Value> odd_values() {
  return {Value(std::string()),     Value(std::string(" ")),    Value(std::string()),
          Value(std::string()),     Value(std::string("idea")), Value(std::string("technology")),
          Value(date(2020, 2, 29)), Value(date(2021, 1, 31)),   Value(money(0)),
          Value(money(0)),          Value(money(-1)),           Value(core::StringList{}),
          Value(std::string("\n")), Value(std::string())};
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
  static const std::vector<Value> missing(sitra_fields().size());
  static const std::vector<Value> odd = odd_values();
  core::RuleScope scope;
  scope.app_enabled = true;
  scope.app_fields = sitra_fields();
  scope.call = sitra_call();
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
