// SPDX-License-Identifier: Apache-2.0
// The faults of a YAML text as YamlSyntaxError: those yaml-cpp lets through (bytes it should
// not read, an unclosed quote, text after the document, a key without its `:`), and its
// exceptions in the words and at the places fundscreen's messages had before it (the golden
// cases keep them), where yaml-cpp's say less (`end of sequence flow not found` at a line's
// end, not where the `[` opened).
#include <algorithm>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

#include "io/yaml_builder.hpp"
#include "util/utf8_valid.hpp"

namespace fundscreen::io {

using namespace yaml_text;

namespace {

std::string hex_byte(unsigned char byte) { return fmt::format("0x{:02X}", byte); }

// Stops a parse at the start of the next document, to learn where that is.
struct NextDocument final : YAML::EventHandler {
  struct Started {
    size_t pos;
  };
  void OnDocumentStart(const YAML::Mark& mark) override { throw Started{static_cast<size_t>(mark.pos)}; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

} // namespace

// yaml-cpp reads any byte, and ends the text at 0x04. So, as YAML asks: UTF-8 (the only
// encoding read here), and no control characters but tab and line breaks (nor U+0080-U+009F
// but NEL, nor U+FFFE and U+FFFF).
void YamlBuilder::check_characters(std::string_view text) {
  if (size_t bad = util::find_invalid_utf8(text); bad != std::string_view::npos)
    throw YamlSyntaxError("invalid UTF-8 (byte " + hex_byte(text[bad]) + "); save the file as UTF-8", bad);
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r' || c >= 0xC3) continue;
    if (c < 0x80) throw YamlSyntaxError("control characters are not allowed (byte " + hex_byte(c) + ")", i);
    auto next = static_cast<unsigned char>(i + 1 < text.size() ? text[i + 1] : 0);
    bool c1 = c == 0xC2 && next >= 0x80 && next < 0xA0 && next != 0x85;
    if (c1) throw YamlSyntaxError(fmt::format("control characters are not allowed (U+{:04X})", next), i);
  }
  for (size_t i = text.find("\xEF\xBF"); i != std::string_view::npos; i = text.find("\xEF\xBF", i + 1))
    if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 2]) >= 0xBE)
      throw YamlSyntaxError(fmt::format("the non-character U+FFF{:X} is not allowed", text[i + 2] & 0xF), i);
}

// A key written twice would leave one of its values unread without a word (yaml-cpp reads
// the first). Reported at the repeat nearest the top, pointing back to the first.
void YamlBuilder::check_unique_keys(const YamlNode& map) {
  const std::vector<YamlNode>& c = map.m_children;
  std::vector<size_t> keys; // indices of the scalar keys, in document order
  for (size_t i = 0; i + 1 < c.size(); i += 2)
    if (c[i].is_scalar()) keys.push_back(i);
  std::stable_sort(keys.begin(), keys.end(), [&](size_t a, size_t b) { return c[a].m_text < c[b].m_text; });
  std::optional<std::pair<size_t, size_t>> repeat; // (repeat, first)
  for (size_t i = 1, first = 0; i < keys.size(); ++i) {
    if (c[keys[i]].m_text != c[keys[first]].m_text)
      first = i;
    else if (!repeat || keys[i] < repeat->first)
      repeat = std::pair(keys[i], keys[first]);
  }
  if (repeat)
    throw YamlSyntaxError("the key '" + c[repeat->first].m_text + "' is written twice in a mapping; the first is",
                          c[repeat->first].m_offset, c[repeat->second].m_offset);
}

// Empty nodes that YAML does not allow but yaml-cpp reads as null: a key without its `:` at
// the end of a block mapping (its null placed at the key), and an empty entry between commas
// in a flow collection (placed at the second comma).
void YamlBuilder::check_null_place(size_t at) const {
  if (m_open.empty() || at >= m_text.size()) return;
  const Open& parent = m_open.back();
  bool awaits_value = parent.node.is_map() && parent.node.m_children.size() % 2 == 1;
  if (!parent.flow && awaits_value && parent.node.m_children.back().m_offset == at && m_text[at] != '?')
    throw YamlSyntaxError("could not find expected ':' while scanning a simple key", at);
  if (parent.flow && !awaits_value && m_text[at] == ',')
    throw YamlSyntaxError("an empty entry before ','; remove the extra comma", at);
}

// An unclosed quote takes the rest of the text into its value, and yaml-cpp says nothing when
// the text ends with a line break. Only the last scalar read can be such a one.
void YamlBuilder::check_quote_closed() const {
  if (m_last_quote && closing_quote(m_text, *m_last_quote) == std::string_view::npos)
    throw YamlSyntaxError(fmt::format("the quote is never closed; end the value with {}", m_text[*m_last_quote]),
                          *m_last_quote);
}

// yaml-cpp reads text that follows the first document without a `---` as a second one, which
// YAML does not allow; it is most likely a line indented too little.
void YamlBuilder::check_nothing_after(YAML::Parser& parser) const {
  NextDocument next;
  size_t at = 0;
  try {
    parser.HandleNextDocument(next);
    return; // no next document (each one starts with OnDocumentStart)
  } catch (const NextDocument::Started& started) {
    at = m_base + started.pos;
  }
  if (m_text.substr(at).starts_with("---") || follows_document_end(at)) return;
  size_t root = properties_at(m_text, m_root.m_offset).content;
  char first = root < m_text.size() ? m_text[root] : '\0';
  if (m_root.is_map() && first != '{')
    throw in_context("did not find expected key while parsing a block mapping", at, m_root.m_offset);
  if (m_root.is_sequence() && first != '[')
    throw in_context("did not find expected '-' indicator while parsing a block collection", at, m_root.m_offset);
  throw YamlSyntaxError("did not find expected <document start>", at);
}

// True if the lines before `at` end the document with `...` (comments and blank lines aside).
bool YamlBuilder::follows_document_end(size_t at) const {
  for (size_t end = line_start(at); end > m_base;) {
    size_t start = line_start(end - 1);
    std::string_view line = m_text.substr(start, end - 1 - start);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') return line.starts_with("...");
    end = start;
  }
  return false;
}

// The message fundscreen gave before yaml-cpp, and its place, where yaml-cpp's says less;
// yaml-cpp's own otherwise.
YamlSyntaxError YamlBuilder::syntax_error(const YAML::ParserException& e) const {
  size_t at = e.mark.is_null() ? m_text.size() : std::min(offset(e.mark), m_text.size());
  const std::string& msg = e.msg;
  namespace Msg = YAML::ErrorMsg;
  std::optional<size_t> innermost = m_open.empty() ? std::nullopt : std::optional(m_open.back().node.m_offset);
  if (dynamic_cast<const YAML::DeepRecursion*>(&e))
    return YamlSyntaxError("lists and mappings nest too deep; a fundscreen file needs a few levels",
                           innermost.value_or(at));
  if (msg == Msg::EOF_IN_SCALAR || msg == Msg::DOC_IN_SCALAR) return quote_to(at);
  if ((msg == Msg::END_OF_SEQ_FLOW || msg == Msg::END_OF_MAP_FLOW) && at < m_text.size() && m_text[at] == '?')
    return YamlSyntaxError("a value inside [ ] or { } cannot hold a '?' unquoted; put the value in quotes", at);
  if (msg == Msg::END_OF_SEQ_FLOW)
    return in_context("did not find expected ',' or ']' while parsing a flow sequence", at, open_flow('['));
  if (msg == Msg::END_OF_MAP_FLOW)
    return in_context("did not find expected ',' or '}' while parsing a flow mapping", at, open_flow('{'));
  if (msg == Msg::FLOW_END) return flow_end(at);
  if (msg == Msg::END_OF_MAP)
    return in_context("did not find expected key while parsing a block mapping", at, innermost);
  if (msg == Msg::END_OF_SEQ)
    return in_context("did not find expected '-' indicator while parsing a block collection", at, innermost);
  if (msg == Msg::MAP_VALUE) return map_value(at);
  if (msg == Msg::MAP_KEY) return YamlSyntaxError("mapping keys are not allowed in this context", at);
  if (msg == Msg::BLOCK_ENTRY) return YamlSyntaxError("block sequence entries are not allowed in this context", at);
  if (msg == Msg::TAB_IN_INDENTATION) return YamlSyntaxError("a tab in the indentation; indent with spaces", at);
  if (msg == Msg::UNKNOWN_ANCHOR) {
    std::string name(m_text.substr(at + 1, word_end(m_text, at + 1) - at - 1));
    return YamlSyntaxError("the alias '*" + name + "' names no anchor; define '&" + name + "' before it", at);
  }
  if ((msg == Msg::ALIAS_NOT_FOUND || msg == Msg::ANCHOR_NOT_FOUND) && at > 0) {
    char sign = msg == Msg::ALIAS_NOT_FOUND ? '*' : '&';
    return YamlSyntaxError(fmt::format("the {} '{}' has no name; write {}name, or put the value in quotes",
                                       sign == '*' ? "alias" : "anchor", sign, sign),
                           at - 1);
  }
  if (msg == Msg::UNKNOWN_TOKEN && at < m_text.size()) {
    size_t end = at + 1;
    while (end < m_text.size() && (static_cast<unsigned char>(m_text[end]) & 0xC0) == 0x80) ++end;
    return YamlSyntaxError(fmt::format("found character '{}' that cannot start any token; put the value in quotes",
                                       m_text.substr(at, end - at)),
                           at);
  }
  if (msg.starts_with(Msg::INVALID_ESCAPE) && at >= 2 && m_text[at - 2] == '\\') // the mark is past the escape
    return YamlSyntaxError(
        fmt::format("unknown escape '{}' in double quotes; write '\\\\' for a backslash", m_text.substr(at - 2, 2)),
        at - 2);
  return YamlSyntaxError(msg, at);
}

// `problem` at `at`, with where the collection it is in starts; at the end of the text (an
// unclosed bracket) only that start is worth showing.
YamlSyntaxError YamlBuilder::in_context(std::string problem, size_t at, std::optional<size_t> context) const {
  if (!context) return YamlSyntaxError(std::move(problem), at);
  size_t start = properties_at(m_text, *context).content;
  bool at_end = m_text.find_first_not_of(" \t\r\n", std::min(at, m_text.size())) == std::string_view::npos;
  if (at_end || start == at) return YamlSyntaxError(std::move(problem), start);
  return YamlSyntaxError(problem + " that starts", at, start);
}

// Where the innermost open flow collection starts, if it starts with `bracket`; the parser's
// own faults come while the events have caught up with it.
std::optional<size_t> YamlBuilder::open_flow(char bracket) const {
  for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
    size_t start = properties_at(m_text, it->node.m_offset).content;
    if (start < m_text.size() && (m_text[start] == '[' || m_text[start] == '{'))
      return m_text[start] == bracket ? std::optional(it->node.m_offset) : std::nullopt;
  }
  return std::nullopt;
}

// Where the innermost flow collection open at `at` starts (its bracket), as yaml-cpp's
// scanner, which reads ahead of the events, sees it: the brackets from the outermost flow
// collection open, or else from the last node read, past quotes and comments.
std::optional<size_t> YamlBuilder::bracket_open_at(size_t at) const {
  size_t start = m_last_event;
  auto flow = std::find_if(m_open.begin(), m_open.end(), [](const Open& o) { return o.flow; });
  if (flow != m_open.end()) start = properties_at(m_text, flow->node.m_offset).content;
  std::vector<size_t> open;
  for (size_t i = start; i < std::min(at, m_text.size()); ++i) {
    char c = m_text[i];
    bool token_start = i == start || is_space(m_text[i - 1]) ||
                       (!open.empty() && std::string_view("[{,").find(m_text[i - 1]) != std::string_view::npos);
    if (c == '#' && (i == start || is_space(m_text[i - 1])))
      i = std::min(m_text.find('\n', i), m_text.size());
    else if ((c == '"' || c == '\'') && token_start)
      i = std::min(closing_quote(m_text, i), m_text.size());
    else if ((c == '[' || c == '{') && (token_start || !open.empty()))
      open.push_back(i);
    else if ((c == ']' || c == '}') && !open.empty())
      open.pop_back();
  }
  return open.empty() ? std::nullopt : std::optional(open.back());
}

// A `]` or `}` that closes nothing open, or not the bracket that is.
YamlSyntaxError YamlBuilder::flow_end(size_t at) const {
  if (auto bracket = bracket_open_at(at)) {
    if (m_text[*bracket] == '[')
      return in_context("did not find expected ',' or ']' while parsing a flow sequence", at, bracket);
    return in_context("did not find expected ',' or '}' while parsing a flow mapping", at, bracket);
  }
  const YamlNode* innermost = m_open.empty() ? nullptr : &m_open.back().node;
  if (innermost && innermost->is_map() && innermost->m_children.size() % 2 == 0)
    return in_context("did not find expected key while parsing a block mapping", at, innermost->m_offset);
  if (innermost && innermost->is_sequence())
    return in_context("did not find expected '-' indicator while parsing a block collection", at, innermost->m_offset);
  return YamlSyntaxError("did not find expected node content while parsing a block node", at);
}

// A `:` after a plain scalar of more than one line. Where a block mapping awaits its next key,
// the scalar is a key whose own `:` is missing, on the first line of it at the mapping's
// indentation; elsewhere the `:` is out of place.
YamlSyntaxError YamlBuilder::map_value(size_t at) const {
  const YamlNode* map = m_open.empty() ? nullptr : &m_open.back().node;
  if (map && map->is_map() && map->m_children.size() % 2 == 0) {
    size_t start = properties_at(m_text, map->m_offset).content;
    size_t indent = start - line_start(start);
    for (size_t line = m_text.find('\n', m_last_event); line < at; line = m_text.find('\n', line + 1)) {
      size_t first = m_text.find_first_not_of(' ', line + 1);
      bool content = first < at && std::string_view("\r\n#").find(m_text[first]) == std::string_view::npos;
      if (content && first - line - 1 == indent)
        return YamlSyntaxError("could not find expected ':' while scanning a simple key", first);
    }
  }
  return YamlSyntaxError("mapping values are not allowed in this context", at);
}

// yaml-cpp stopped inside quotes at `end` (the end of the text, or a `---` at a line's start)
// before it reported the scalar: read the text up to there once more, ending with a line
// break, which makes it report the scalar, to learn where the quote opens.
YamlSyntaxError YamlBuilder::quote_to(size_t end) const {
  std::string head(m_text.substr(0, end));
  if (!head.ends_with('\n')) head += '\n';
  try {
    YamlBuilder(head).build();
  } catch (const YamlSyntaxError& e) {
    if (std::string_view(e.what()).starts_with("the quote is never closed")) return e;
  }
  return YamlSyntaxError("a quote is never closed", end);
}

} // namespace fundscreen::io
