// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace fundscreen::report {

// `text` as the inside of a JSON string: `"` and `\` escaped, \n \r \t \b \f as short
// escapes and other control characters as \u00XX; bytes that are not UTF-8 become U+FFFD.
std::string json_escape(std::string_view text);

// json_escape(text) appended to `out`; runs of plain ASCII are copied whole.
void append_json_escaped(std::string& out, std::string_view text);

// The longest json_escape() of `size` bytes: a control character takes six.
constexpr size_t json_escaped_room(size_t size) { return 6 * size; }

// json_escape(text) written at `out`, which has room for json_escaped_room(text.size())
// bytes; returns the end of what it wrote.
char* write_json_escaped(char* out, std::string_view text);

// `text` as XML character data: & < > " ' as entities, tab, line feed and carriage return
// kept; every character XML 1.0 does not allow (the other C0 controls, U+FFFE, U+FFFF), DEL
// and bad UTF-8 (a surrogate among it) as U+FFFD, so that the document is well-formed
// whatever the text holds.
std::string xml_text(std::string_view text);

// `text` as an XML attribute value: as xml_text, and tab, line feed and carriage return as
// character references so that a parser does not fold them into spaces.
std::string xml_attribute(std::string_view text);

// `text` as HTML text or a quoted attribute value (the report and the letters): as
// xml_attribute, whose entities (&amp; &lt; &gt; &quot; &apos;) HTML reads the same way, so
// that nothing from the inputs can open a tag, end an attribute or start a script.
std::string html_text(std::string_view text);

// `text` as one RFC 4180 CSV cell: a cell beginning with = + - @ (or tab or carriage
// return) gets a leading `'` so that a spreadsheet does not run it as a formula; then it is
// quoted, with `"` doubled, when it holds a comma, a quote, CR or LF.
std::string csv_cell(std::string_view text);

// csv_cell(text) appended to `out`.
void append_csv_cell(std::string& out, std::string_view text);

// `text` from an application as inline Markdown: the characters Markdown or a table would
// read (\ ` * _ [ ] < > | # ~ &) escaped with a backslash, line breaks as spaces.
std::string markdown_text(std::string_view text);

// `text` safe to print on a terminal: control characters (ESC among them) and bad UTF-8
// replaced, so that data cannot move the cursor or change colours.
std::string printable(std::string_view text);

} // namespace fundscreen::report
