// SPDX-License-Identifier: Apache-2.0
#include "report/problem_rules.hpp"

#include <array>
#include <regex>
#include <vector>

namespace fundscreen::report {

namespace {

// A rule and the shape of the messages that report it (ECMAScript, searched in the message).
struct Entry {
  ProblemRule rule;
  const char* pattern;
};

// In the order tried: the first whose pattern is found in a message names its rule, so the
// narrow shapes come before the broad ones.
constexpr std::array k_entries = {
    Entry{{"text-encoding", "Bad text encoding",
           "The file holds bytes that are not UTF-8, control characters or Unicode non-characters. Save the file "
           "as UTF-8, or read a spreadsheet's export with --encoding windows-1252."},
          R"(invalid UTF-8|control characters are not allowed|non-character)"},
    Entry{{"file-unreadable", "File cannot be read",
           "The file does not exist, cannot be opened, or is not the kind of file expected (a spreadsheet or "
           "an archive instead of CSV or YAML). Give the right path, or export the sheet as CSV UTF-8."},
          R"(^cannot \w+ '|^this (is|looks like) |is not (a )?(CSV|YAML|text)|save it as|export)"},
    Entry{{"yaml-syntax", "YAML syntax error",
           "The YAML cannot be parsed: a missing colon, an unclosed quote, a tab in the indentation, a key "
           "written twice. Correct the text at the place shown."},
          R"(expected ':'|expected <document start>|expected ',' or ']'|expected node content|not allowed in this )"
          R"(context|quote is never closed|tab in the indentation|names no anchor|cannot start any token|unknown )"
          R"(escape|nest too deep|has no name; write|an empty entry before|is written twice in a mapping|cannot )"
          R"(hold a '\?')"},
    Entry{{"csv-structure", "CSV structure",
           "A row does not fit the header (too many or too few fields), a quoted field is not closed, or the "
           "header lists a column twice. Check for a stray delimiter or a missing quote."},
          R"(unterminated quoted field|after closing quote|^this row has \d+ fields? but the header|^duplicate )"
          R"(column)"},
    Entry{{"empty-file", "Empty file",
           "The file holds no records: give the header row (CSV) or the list (YAML) and one record per "
           "application, assessment or report."},
          R"(^the file is empty|^the file has a header but no)"},
    Entry{{"duplicate-id", "Duplicate id",
           "An id (field, criterion, impact, application, reviewer) or a record is given twice. Keep one, or give "
           "the other its own id."},
          R"(^duplicate |twice \(first at|^second outcome report)"},
    Entry{{"missing-column", "Missing column",
           "The file has no column (or key) for a field of the criteria set. Add the column, or correct the "
           "spelling of the one that holds it."},
          R"(^missing (required )?(column|key)|^no \w+ in the file has the key|both hold field)"},
    Entry{{"unknown-column", "Unknown column",
           "The file has a column (or key) the criteria set does not read. Correct its spelling, or remove it; "
           "with --strict this is an error."},
          R"(^unknown (column|key) '[^']*'(?! in the criteria set))"},
    Entry{{"missing-value", "Missing required value",
           "A field the criteria set marks required is empty in a record. Give the value."},
          R"(^missing value for required)"},
    Entry{{"missing-verdict", "Missing verdict or score",
           "An assessment gives neither the verdict nor the score the criterion needs. Give pass, fail or "
           "unclear, or the score when the criterion has a pass_score."},
          R"(^missing (score|verdict))"},
    Entry{{"verdict-contradiction", "Verdict against score",
           "An assessment's verdict contradicts its score, or a verdict is given for a criterion its rule "
           "decides. Leave the verdict empty to let the score decide, or correct it."},
          R"(contradicts|^verdict 'unclear' beside|takes no reviewers' verdicts)"},
    Entry{{"unknown-reference", "Unknown reference",
           "A name refers to something that does not exist: an application, a criterion, an impact, a field or "
           "a reviewer not on the roster. Correct the name (the message suggests the nearest)."},
          R"(^(assessment|outcome report|conflict) (of|with) unknown|protects unknown impact|tie-break names )"
          R"(unknown|^unknown criterion '.*' for reviewer|is not on the roster|^unknown (application|criterion|)"
          R"(reviewer|field|impact|function|parameter) |has no 'applicant' field)"},
    Entry{{"conflict-of-interest", "Conflict of interest",
           "A declared conflict of interest is incomplete or cannot be checked. Name the reviewer and the "
           "application or the applicant, and give the roster or the assessments."},
          R"(conflict)"},
    Entry{{"similar-reviewer", "Reviewer names alike",
           "Two reviewer names are spelt almost alike and are most likely one person. Correct the misspelt "
           "one, or give the roster (--reviewers)."},
          R"(reviewer.*(alike|same person|misspel|typo))"},
    Entry{{"criterion-kind", "Criterion kind and rule",
           "A rule or both criterion needs a rule; a judgement criterion has none. Add the rule, or change the "
           "kind."},
          R"(is of kind '\w+' but has)"},
    Entry{{"rule-without-reviews", "Review setting on a rule criterion",
           "A criterion decided by its rule alone has no reviewers, so weight, min_score, pass_score and "
           "min_reviewers mean nothing on it. Remove them, or make the criterion 'both'."},
          R"(is a rule and has no|a rule criterion with no reviewer)"},
    Entry{{"score-scale", "Score off the scale",
           "A threshold (pass_score, min_score, min_total) is outside the reviewers' score scale or between its "
           "half points. Write a value on the scale."},
          R"(outside the score scale|between half points|^the score scale)"},
    Entry{{"weight", "Weight",
           "Weights are 0 or more, and a ranking by the reviewers' scores needs a weight on the criteria they "
           "score. Correct the weights, or rank by an expression."},
          R"(negative weight|has a weight|no criterion they score has a weight|give those criteria a weight)"},
    Entry{{"min-reviewers", "Number of reviewers", "min_reviewers is a whole number, 1 or more. Correct it."},
          R"(min_reviewers)"},
    Entry{{"impact-coverage", "Impact coverage",
           "Every criterion protects an impact and every impact has an indicator and a criterion that "
           "protects it; `fundscreen impact` needs them. Add protects: [IMPACT] and indicator: EXPRESSION."},
          R"(protects no impact|has no indicator|protected by no criterion|defines no impacts)"},
    Entry{{"funding", "Funding",
           "The call needs a budget above zero and a required money field for the amount applied for. Set "
           "call: budget and funding: amount."},
          R"(funding amount field|budget|funding policy)"},
    Entry{{"no-id-field", "No id field", "Every application needs an id: declare a field named 'id'."},
          R"(declares no 'id' field)"},
    Entry{{"list-separator", "List cell with another separator",
           "A cell of a list field holds ',' or ';' while the field's items are separated by another character, so "
           "it reads as one item. Separate the items with the field's separator, or set the field's separator."},
          R"(^list field '.*' holds)"},
    Entry{
        {"field-definition", "Field definition",
         "A field of the criteria set is declared wrongly: its type, values, bounds, column, pattern or list "
         "separator. Correct the field."},
        R"(^unknown type|^enum field|below its min|^the column of field|is listed twice for field|is read from )"
        R"(column|field's pattern|separator of field|only list fields have a 'separator'|have a 'pattern'|of field ')"},
    Entry{
        {"rule-expression", "Rule expression",
         "A rule or indicator expression does not parse or does not type: an unknown field or function, a "
         "wrong type, a syntax error. Correct the expression (the message points at the place)."},
        R"(rule|expression|indicator|\b(app|call|outcome)\.\w|literal|percentage|^a duration|^unknown unit|unterminated )"
        R"(string|too large|^unexpected|^expected|operator|function|^cannot (?!\w+ '))"},
    Entry{{"set-structure", "Criteria set structure",
           "A key of the criteria set is missing, unknown or of the wrong shape. Follow docs/criteria-format.md."},
          R"(^a criteria set is|has no '|must be a (single value|list|mapping)|^unknown key '|^unknown (kind|)"
          R"(ranking|order) |tie-break step|'parameters')"},
    Entry{{"invalid-value", "Invalid value",
           "A value cannot be read as its type (number, money, date, boolean, list, enum) or is outside its "
           "bounds. Correct the value; the message says what is allowed."},
          R"(^invalid |takes .* here|is true or false|is a share|whole number|write a number|must give|not a |)"
          R"(allowed|above|below|outside|goal|did you mean|not an amount|half points|before the field's min|after )"
          R"(the field's max)"},
};

constexpr ProblemRule k_other{"other", "Other problem",
                              "A problem found while reading the criteria set or the inputs; the message says what "
                              "to change."};

const std::vector<ProblemRule>& rules() {
  static const std::vector<ProblemRule> all = [] {
    std::vector<ProblemRule> r;
    for (const Entry& e : k_entries) r.push_back(e.rule);
    r.push_back(k_other);
    return r;
  }();
  return all;
}

} // namespace

std::span<const ProblemRule> problem_rules() { return rules(); }

size_t problem_rule(const util::Diagnostic& d) {
  static const std::vector<std::regex> patterns = [] {
    std::vector<std::regex> p;
    for (const Entry& e : k_entries) p.emplace_back(e.pattern, std::regex::ECMAScript | std::regex::optimize);
    return p;
  }();
  for (size_t i = 0; i < patterns.size(); ++i)
    if (std::regex_search(d.message, patterns[i])) return i;
  return patterns.size();
}

} // namespace fundscreen::report
