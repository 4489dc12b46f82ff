// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::core {

// A named constant a rule can read, such as `call.deadline`.
struct NamedValue {
  std::string name;
  Value value;
};

// What a rule may read: `app.*` (criteria rules, ranking), `outcome.*` (impact indicators)
// and `call.*` (always). A root whose span is empty and not enabled is unknown to the rule.
struct RuleScope {
  bool app_enabled = false;
  std::span<const FieldSpec> app_fields;
  bool outcome_enabled = false;
  std::span<const FieldSpec> outcome_fields;
  std::span<const NamedValue> call;
};

// A fault in a rule's text at byte `offset` (`length` bytes long) with a message for a person.
class RuleError : public std::runtime_error {
public:
  RuleError(size_t offset_, size_t length_, std::string message)
      : std::runtime_error(message), offset(offset_), length(length_) {}
  size_t offset;
  size_t length;
};

// The fields of a record that a rule reads, by their index in the set's field list.
struct RecordView {
  std::span<const Value> app;
  std::span<const Value> outcome;
};

// Three-valued truth: a rule that reads a missing value is neither true nor false.
enum class Truth { yes, no, unknown };

// One value a rule read, for the audit trail.
struct RuleRead {
  std::string path;
  // The value read, a copy; missing when `view` holds it.
  Value value;
  // The index of `path` in the rule's reads(), when the evaluation recorded it; -1 otherwise.
  int read = -1;
  // The value read in the record itself (TraceReads::views), or null: valid while the record is.
  const Value* view = nullptr;

  // The value read, wherever it is held.
  const Value& value_read() const { return view ? *view : value; }
};

// Whether evaluation records the values a rule read (the audit trail needs them): as copies
// (yes), or as views into the record (views), for a caller that is done with the reads
// before the record changes and wants no copying.
enum class TraceReads { no, yes, views };

// The outcome of a boolean rule on one record.
struct RuleResult {
  Truth truth = Truth::unknown;
  // Why the truth is unknown (e.g. "app.programme_started is missing"); empty otherwise.
  std::string reason;
  std::vector<RuleRead> reads;
  // The products, quotients and month counts the rule computed, each once, as the audit trail
  // shows them (`0.8 * 250000 = 200000`, `months_between(2025-01-01, 2025-12-31) = 12`); only
  // when the reads are recorded as copies (TraceReads::yes).
  std::vector<std::string> steps;
};

// One node of a compiled rule; see rule_compiler.cpp for the meaning of each field per op.
struct RuleNode;
// The flat form of a compiled rule; see rule_program.hpp.
class RuleProgram;

// A rule parsed, resolved and type-checked once, ready to evaluate many times.
class Rule {
public:
  Rule();
  ~Rule();
  Rule(Rule&&) noexcept;
  Rule& operator=(Rule&&) noexcept;
  Rule(const Rule&);
  Rule& operator=(const Rule&);

  // The text the rule was compiled from.
  const std::string& text() const { return m_text; }
  // The type of the rule's value.
  Type type() const { return m_type; }
  // The paths the rule reads (`app.stage`, `outcome.continued`), each once, in order.
  const std::vector<std::string>& reads() const { return m_reads; }

private:
  friend class RuleCompiler;
  friend class RuleEvaluator;
  friend class ProgramBuilder;
  friend RuleResult evaluate(const Rule&, const RecordView&, TraceReads);
  friend void evaluate_into(const Rule&, const RecordView&, TraceReads, RuleResult&, i18n::Lang);
  friend Value evaluate_value(const Rule&, const RecordView&);
  friend Truth evaluate_truth(const Rule&, const RecordView&);
  friend RuleResult evaluate_by_tree(const Rule&, const RecordView&, TraceReads);
  friend void evaluate_by_tree_into(const Rule&, const RecordView&, TraceReads, RuleResult&, i18n::Lang);
  friend Value evaluate_value_by_tree(const Rule&, const RecordView&);
  friend const RuleProgram* program_of(const Rule&);
  std::string m_text;
  Type m_type = Type::boolean;
  std::vector<RuleNode> m_nodes;
  int m_root = -1;
  std::vector<std::string> m_reads;
  int m_variables = 0;
  // Null when the rule uses what the flat form does not cover; it points into m_nodes.
  std::unique_ptr<RuleProgram> m_program;
};

// Compiles `text` against `scope`; throws RuleError with the place and a message (with a
// suggestion for a misspelt field or function) when the text is wrong.
Rule compile_rule(std::string_view text, const RuleScope& scope);

// Evaluates a boolean `rule` on `record`.
RuleResult evaluate(const Rule& rule, const RecordView& record, TraceReads trace = TraceReads::no);

// As evaluate(), into `out`, reusing the memory of its reason and reads (their paths and
// values) from an earlier result: a caller that keeps one result allocates nothing once warm.
// The reason of an unknown truth comes out in `lang`.
void evaluate_into(const Rule& rule, const RecordView& record, TraceReads trace, RuleResult& out,
                   i18n::Lang lang = i18n::Lang::en);

// Evaluates `rule` of any type on `record`; missing if it read a missing value.
Value evaluate_value(const Rule& rule, const RecordView& record);

// The truth of a boolean `rule` on `record`, as evaluate() gives it, without the reason
// or the reads: it allocates nothing.
Truth evaluate_truth(const Rule& rule, const RecordView& record);

} // namespace fundscreen::core
