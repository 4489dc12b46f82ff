// SPDX-License-Identifier: Apache-2.0
#include "io/yaml_source.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::io {

YamlSource::YamlSource(std::string_view text, std::string source, util::ErrorKind kind)
    : m_text(text), m_source(std::move(source)) {
  m_line_starts.push_back(0);
  for (size_t i = 0; i < m_text.size(); ++i)
    if (m_text[i] == '\n') m_line_starts.push_back(i + 1);
  try {
    m_root = parse_yaml(m_text);
  } catch (const YamlSyntaxError& e) {
    util::Location where = at_byte(e.offset());
    std::string message = fmt::format("invalid YAML: {}", e.what());
    if (auto context = e.context_offset()) {
      util::Location start = at_byte(*context);
      message += fmt::format(" at line {}, column {}", start.line, start.column);
    }
    throw util::Error(kind, util::Diagnostic{where, util::Severity::error, std::move(message), caret(where)});
  }
}

util::Location YamlSource::at_byte(size_t pos) const {
  pos = std::min(pos, m_text.size());
  auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), pos);
  size_t line = static_cast<size_t>(it - m_line_starts.begin());
  size_t start = m_line_starts[line - 1];
  if (line == 1 && m_text.starts_with("\xEF\xBB\xBF") && pos >= 3) start = 3; // the byte order mark is no column
  int column = static_cast<int>(util::utf8_length(std::string_view(m_text).substr(start, pos - start))) + 1;
  return util::Location{m_source, static_cast<int>(line), column};
}

util::Location YamlSource::at(const YamlNode& node) const {
  if (auto offset = node.offset()) return at_byte(*offset);
  return util::Location{m_source, 0, 0};
}

// The bytes a double-quoted escape takes in the source and in the value: `\"` is two and
// one, `\x41` four and one, `\u00e4` six and two.
static std::pair<size_t, size_t> escape_size(std::string_view at) {
  char kind = at.size() > 1 ? at[1] : '\0';
  size_t digits = kind == 'x' ? 2 : (kind == 'u' ? 4 : (kind == 'U' ? 8 : 0));
  if (digits == 0) return {2, 1};
  unsigned long code = std::strtoul(std::string(at.substr(2, digits)).c_str(), nullptr, 16);
  size_t value = code < 0x80 ? 1 : (code < 0x800 ? 2 : (code < 0x10000 ? 3 : 4));
  return {2 + digits, value};
}

// Walks the scalar's source text: a block scalar (| or >) starts on the next line and drops
// each line's indentation; a flow scalar (plain or quoted) folds a line break and the next
// line's indentation into one space. Either way one character of the value is one step.
// True if the line starting at `pos` holds only spaces.
bool YamlSource::next_line_is_blank(size_t pos) const {
  while (pos < m_text.size() && m_text[pos] == ' ') ++pos;
  return pos < m_text.size() && (m_text[pos] == '\n' || m_text[pos] == '\r');
}

// Where the scalar itself starts: past its tag and anchor, if it has them.
size_t YamlSource::scalar_start(const YamlNode& node) const {
  size_t pos = std::min(node.offset().value_or(0), m_text.size());
  while (pos < m_text.size() && (m_text[pos] == '!' || m_text[pos] == '&')) {
    pos = std::min(m_text.find_first_of(" \t\r\n", pos), m_text.size());
    pos = std::min(m_text.find_first_not_of(" \t\r\n", pos), m_text.size());
  }
  return pos;
}

util::Location YamlSource::at_offset(const YamlNode& node, size_t offset) const {
  if (!node.offset()) return at(node);
  size_t pos = scalar_start(node);
  using Style = YamlNode::Style;
  Style style = node.style();
  bool block = style == Style::literal || style == Style::folded;
  size_t indent = 0;
  if (block) {
    pos = m_text.find('\n', pos);
    if (pos == std::string::npos) return at(node);
    ++pos;
    while (pos + indent < m_text.size() && m_text[pos + indent] == ' ') ++indent;
    pos += indent;
  } else if (style == Style::double_quoted || style == Style::single_quoted) {
    ++pos;
  }
  for (size_t left = offset; left > 0 && pos < m_text.size();) {
    char c = m_text[pos];
    if (c == '\r' && pos + 1 < m_text.size() && m_text[pos + 1] == '\n') {
      ++pos; // CRLF is one line break
    } else if (c == '\n') {
      ++pos;
      // In a folded block an empty line stands for the line break; the break before it
      // stands for nothing. Otherwise a line break is one character (a space or a newline).
      if (style == Style::folded && next_line_is_blank(pos)) continue;
      --left;
      size_t skip = 0;
      while (pos < m_text.size() && m_text[pos] == ' ' && (!block || skip < indent)) ++pos, ++skip;
    } else if (style == Style::double_quoted && c == '\\') {
      auto [source_bytes, value_bytes] = escape_size(std::string_view(m_text).substr(pos));
      pos += source_bytes;
      left -= std::min(left, value_bytes);
    } else if (style == Style::single_quoted && c == '\'' && pos + 1 < m_text.size() && m_text[pos + 1] == '\'') {
      pos += 2; // '' stands for one quote
      --left;
    } else {
      ++pos;
      --left;
    }
  }
  return at_byte(pos);
}

std::string_view YamlSource::line_text(int line) const {
  if (line < 1 || static_cast<size_t>(line) > m_line_starts.size()) return {};
  size_t start = m_line_starts[line - 1];
  size_t end = m_text.find('\n', start);
  std::string_view text = std::string_view(m_text).substr(start, end == std::string::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

std::string YamlSource::caret(const util::Location& where) const {
  if (where.line < 1) return {};
  return util::caret_context(line_text(where.line), where.column);
}

void YamlSource::error(const YamlNode& node, std::string message) { error(at(node), std::move(message)); }

void YamlSource::error(util::Location where, std::string message, std::string context) {
  m_problems.push_back(
      util::Diagnostic{std::move(where), util::Severity::error, std::move(message), std::move(context)});
}

void YamlSource::check_keys(const YamlNode& node, const std::vector<std::string>& allowed, std::string_view what) {
  for (const auto& entry : node.entries()) {
    const std::string& key = entry.key.scalar();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string message = fmt::format("unknown key '{}' in {}", key, what);
    std::string hint = util::nearest(key, allowed);
    // A key with brackets, operators or spaces is no key anyone wrote: it is the rest of a
    // value that a ',' cut off inside a flow mapping ({id: R1, rule: f(a, b)}).
    if (key.find_first_of("()<>=!\"' ") != std::string::npos) {
      message += "; it looks like the rest of a value cut at a ',' inside { }: put the whole value in quotes, "
                 "or write the mapping a key a line";
    } else if (!hint.empty()) {
      message += fmt::format("; did you mean '{}'?", hint);
      m_suggested.push_back(hint);
    } else
      message += fmt::format("; allowed: {}", util::join(allowed, ", "));
    error(entry.key, message);
  }
}

// `text` as a YAML scalar in quotes, double unless it holds a `"` or `\`.
static std::string quoted(std::string_view text) {
  if (text.find_first_of("\"\\") == std::string_view::npos) return fmt::format("\"{}\"", text);
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// What to do about the tag on `node`, a `role` ("key" or "value"; the value of `key`, if
// given). A `!` tag that starts a scalar was meant as part of it; YAML's own tags (`!!str`),
// named ones and tags on lists or mappings carry nothing a fundscreen file needs.
static std::string tag_message(const YamlNode& node, std::string_view role, const YamlNode* key) {
  const std::string& tag = node.tag();
  std::string_view what = node.is_map() ? "mapping" : (node.is_sequence() ? "list" : role);
  std::string message = fmt::format("YAML tag '{}' on this {}; ", tag, what);
  bool local = tag.find('!', 1) == std::string::npos && !tag.starts_with("!<");
  if (node.is_sequence() || node.is_map() || !local) return message + "fundscreen reads no YAML tags: remove it";
  message +=
      fmt::format("YAML reads a '!' that starts a {} as a tag, not as part of it: quote the whole {}", what, what);
  std::string whole = node.scalar().empty() ? tag : tag + " " + node.scalar();
  if (whole.size() <= 60 && whole.find('\n') == std::string::npos)
    message += fmt::format(", e.g. {}{}", key ? key->scalar() + ": " : "", quoted(whole));
  return message;
}

void YamlSource::check_tags(const YamlNode& node, std::string_view role, const YamlNode* key,
                            std::vector<size_t>& reported) {
  if (auto at = node.tag_offset(); at && std::find(reported.begin(), reported.end(), *at) == reported.end()) {
    reported.push_back(*at); // once, though aliases copy the node
    util::Location where = at_byte(*at);
    error(where, tag_message(node, role, key), caret(where));
  }
  for (const YamlNode& item : node.items()) check_tags(item, "value", nullptr, reported);
  for (const auto& entry : node.entries()) {
    check_tags(entry.key, "key", nullptr, reported);
    check_tags(entry.value, "value", &entry.key, reported);
  }
}

bool YamlSource::check_no_tags() {
  std::vector<size_t> reported;
  check_tags(m_root, "value", nullptr, reported);
  return !reported.empty();
}

bool YamlSource::suggested(const std::string& key) const {
  return std::find(m_suggested.begin(), m_suggested.end(), key) != m_suggested.end();
}

std::optional<std::string> scalar_text(const YamlNode& node) {
  if (!node.is_scalar()) return std::nullopt;
  return node.scalar();
}

} // namespace fundscreen::io
