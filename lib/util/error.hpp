// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace fundscreen::util {

// What kind of failure an error is; each maps to one exit code of the command line.
enum class ErrorKind {
  usage,    // exit 2: the command line itself is wrong
  input,    // exit 3: an application, assessment or outcome file is bad
  criteria, // exit 4: a criteria set is bad
};

// The exit code for an error of `kind`.
int exit_code(ErrorKind kind);

// A place in a named source: 1-based line and column (in characters); 0 means unknown.
struct Location {
  std::string source;
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning };

// One problem a user can fix, with where it is and, optionally, lines of context
// (a source line with a caret under the column) printed after the message.
struct Diagnostic {
  Location where;
  Severity severity = Severity::error;
  std::string message;
  std::string context;
};

// Renders `d` as `source:line:column: error: message`, then its context lines; in a source
// that names a spreadsheet's sheet (ending in '!', `apps.xlsx:Sheet1!`), the line is the row
// and the column a column letter: `apps.xlsx:Sheet1!C12: error: message`.
std::string format_diagnostic(const Diagnostic& d);

// The letters of spreadsheet column `column` (from 1): A, Z, AA, XFD.
std::string column_letters(int column);

// The source line `line_text` with a caret under the 1-based character `column`,
// indented by four spaces, as ninja shows a parse error.
std::string caret_context(std::string_view line_text, int column);

// A failure that stops a command: one or more diagnostics and the kind that sets the exit code.
class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, Diagnostic diagnostic);
  Error(ErrorKind kind, std::vector<Diagnostic> diagnostics);

  ErrorKind kind() const { return m_kind; }
  const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }

private:
  ErrorKind m_kind;
  std::vector<Diagnostic> m_diagnostics;
};

// Throws an input error located at `where`.
[[noreturn]] void throw_input_error(Location where, std::string message);

} // namespace fundscreen::util
