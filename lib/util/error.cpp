// SPDX-License-Identifier: Apache-2.0
#include "util/error.hpp"

#include <algorithm>

#include "util/text.hpp"

namespace fundscreen::util {

int exit_code(ErrorKind kind) {
  switch (kind) {
  case ErrorKind::usage: return 2;
  case ErrorKind::input: return 3;
  case ErrorKind::criteria: return 4;
  }
  return 3;
}

std::string column_letters(int column) {
  std::string letters;
  for (int c = std::max(column, 1); c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.where.source.empty()) {
    out += d.where.source;
    if (d.where.line > 0 && d.where.source.ends_with('!')) { // a spreadsheet's cell: `apps.xlsx:Sheet1!C12`
      out += column_letters(d.where.column) + std::to_string(d.where.line);
    } else if (d.where.line > 0) {
      out += ':' + std::to_string(d.where.line);
      if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
    }
    out += ": ";
  } else {
    out += "fundscreen: ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  out += '\n';
  out += d.context;
  return out;
}

std::string caret_context(std::string_view line_text, int column) {
  std::string out = "    ";
  out += line_text;
  out += "\n    ";
  // Keep tabs so the caret lines up under tab-indented text.
  int col = 1;
  for (size_t i = 0; i < line_text.size() && col < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line_text[i]);
    if (is_utf8_continuation(c)) continue;
    out += c == '\t' ? '\t' : ' ';
    ++col;
  }
  for (; col < column; ++col) out += ' ';
  out += "^\n";
  return out;
}

static std::string first_message(const std::vector<Diagnostic>& diagnostics) {
  return diagnostics.empty() ? std::string("error") : diagnostics.front().message;
}

Error::Error(ErrorKind kind, Diagnostic diagnostic) : Error(kind, std::vector<Diagnostic>{std::move(diagnostic)}) {}

Error::Error(ErrorKind kind, std::vector<Diagnostic> diagnostics)
    : std::runtime_error(first_message(diagnostics)), m_kind(kind), m_diagnostics(std::move(diagnostics)) {}

void throw_input_error(Location where, std::string message) {
  throw Error(ErrorKind::input, Diagnostic{std::move(where), Severity::error, std::move(message), {}});
}

} // namespace fundscreen::util
