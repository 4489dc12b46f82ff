// SPDX-License-Identifier: Apache-2.0
#include "io/yaml_node.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>
#include <yaml.h>

namespace fundscreen::io {

std::optional<size_t> YamlNode::offset() const {
  if (m_kind == Kind::undefined) return std::nullopt;
  return m_offset;
}

const YamlNode& YamlNode::operator[](std::string_view key) const {
  static const YamlNode undefined;
  if (m_kind != Kind::map) return undefined;
  for (size_t i = 0; i + 1 < m_children.size(); i += 2)
    if (m_children[i].m_kind == Kind::scalar && m_children[i].m_text == key) return m_children[i + 1];
  return undefined;
}

std::span<const YamlNode> YamlNode::items() const {
  if (m_kind != Kind::sequence) return {};
  return m_children;
}

YamlNode::Entries YamlNode::entries() const {
  if (m_kind != Kind::map) return {EntryIterator(nullptr), EntryIterator(nullptr)};
  const YamlNode* first = m_children.data();
  return {EntryIterator(first), EntryIterator(first + m_children.size())};
}

namespace {

// libyaml counts marks in characters; the readers place things by byte. Marks come mostly in
// document order, so the conversion walks on from the last one.
class CharOffsets {
public:
  explicit CharOffsets(std::string_view text) : m_text(text) {}

  size_t byte_of(size_t char_index) {
    if (char_index < m_chars) m_chars = m_bytes = 0;
    while (m_chars < char_index && m_bytes < m_text.size()) {
      ++m_bytes;
      while (m_bytes < m_text.size() && (static_cast<unsigned char>(m_text[m_bytes]) & 0xC0) == 0x80) ++m_bytes;
      ++m_chars;
    }
    return m_bytes;
  }

private:
  std::string_view m_text;
  size_t m_chars = 0;
  size_t m_bytes = 0;
};

// Owns a libyaml parser for the length of a parse.
struct Parser {
  yaml_parser_t parser;
  Parser() { yaml_parser_initialize(&parser); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
};

// Owns one event.
struct Event {
  yaml_event_t event;
  ~Event() { yaml_event_delete(&event); }
};

// Aliases copy their anchored node; a few nested aliases could otherwise ask for billions.
constexpr size_t k_max_alias_nodes = 1'000'000;

size_t count_nodes(const YamlNode& node) {
  size_t n = 1;
  for (const YamlNode& child : node.items()) n += count_nodes(child);
  for (const auto& entry : node.entries()) n += count_nodes(entry.key) + count_nodes(entry.value);
  return n;
}

bool is_null_text(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

YamlNode::Style style_of(yaml_scalar_style_t style) {
  switch (style) {
  case YAML_SINGLE_QUOTED_SCALAR_STYLE: return YamlNode::Style::single_quoted;
  case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return YamlNode::Style::double_quoted;
  case YAML_LITERAL_SCALAR_STYLE: return YamlNode::Style::literal;
  case YAML_FOLDED_SCALAR_STYLE: return YamlNode::Style::folded;
  default: return YamlNode::Style::plain;
  }
}

} // namespace

// Builds the tree of the first document from libyaml's events.
class YamlBuilder {
public:
  explicit YamlBuilder(std::string_view text)
      : m_text(text), m_base(text.starts_with("\xEF\xBB\xBF") ? 3 : 0), m_chars(text.substr(m_base)) {
    yaml_parser_set_encoding(&m_parser.parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&m_parser.parser, reinterpret_cast<const unsigned char*>(text.data() + m_base),
                                 text.size() - m_base);
  }

  YamlNode build() {
    for (;;) {
      Event e;
      if (!yaml_parser_parse(&m_parser.parser, &e.event)) throw syntax_error();
      switch (e.event.type) {
      case YAML_SCALAR_EVENT: add(scalar(e.event)); break;
      case YAML_ALIAS_EVENT: add(alias(e.event)); break;
      case YAML_SEQUENCE_START_EVENT:
        open(YamlNode::Kind::sequence, e.event, e.event.data.sequence_start.anchor);
        break;
      case YAML_MAPPING_START_EVENT: open(YamlNode::Kind::map, e.event, e.event.data.mapping_start.anchor); break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: close(); break;
      case YAML_DOCUMENT_END_EVENT: // later documents are not read, as with yaml-cpp before
      case YAML_STREAM_END_EVENT: return m_root ? std::move(m_root) : YamlNode(YamlNode::Kind::null, m_base);
      default: break;
      }
    }
  }

private:
  size_t offset(const yaml_mark_t& mark) { return m_base + m_chars.byte_of(mark.index); }

  YamlSyntaxError syntax_error() {
    const yaml_parser_t& p = m_parser.parser;
    std::string problem = p.problem ? p.problem : "out of memory";
    if (p.error == YAML_READER_ERROR) return reader_error(problem, p.problem_value, m_base + p.problem_offset);
    size_t at = offset(p.problem_mark);
    if (!p.context) return YamlSyntaxError(problem, at);
    size_t context_at = offset(p.context_mark);
    std::string context = p.context;
    // At the end of the text (an unclosed quote or bracket) the place worth showing is where
    // the unclosed thing starts; a key without its ':' is found missing only on the next line.
    bool at_end = m_text.find_first_not_of(" \t\r\n", std::min(at, m_text.size())) == std::string_view::npos;
    if (at_end && context == "while scanning a quoted scalar" && context_at < m_text.size())
      return YamlSyntaxError(fmt::format("the quote is never closed; end the value with {}", m_text[context_at]),
                             context_at);
    if (at_end || context == "while scanning a simple key" || context_at == at)
      return YamlSyntaxError(problem + " " + context, context_at);
    return YamlSyntaxError(problem + " " + context + " that starts", at, context_at);
  }

  // Bytes that are not UTF-8, or control characters.
  static YamlSyntaxError reader_error(std::string problem, int value, size_t at) {
    constexpr std::string_view digits = "0123456789ABCDEF";
    if (value >= 0 && value < 256) problem += std::string(" (byte 0x") + digits[value >> 4] + digits[value & 0xF] + ")";
    if (problem.find("UTF-8") != std::string::npos) problem += "; save the file as UTF-8";
    return YamlSyntaxError(problem, at);
  }

  YamlNode scalar(const yaml_event_t& e) {
    const auto& s = e.data.scalar;
    std::string_view text(reinterpret_cast<const char*>(s.value), s.length);
    bool null = s.style == YAML_PLAIN_SCALAR_STYLE && !s.tag && is_null_text(text);
    YamlNode node(null ? YamlNode::Kind::null : YamlNode::Kind::scalar, offset(e.start_mark));
    node.m_style = style_of(s.style);
    if (!null) node.m_text.assign(text);
    remember(s.anchor, node);
    return node;
  }

  YamlNode alias(const yaml_event_t& e) {
    std::string name(reinterpret_cast<const char*>(e.data.alias.anchor));
    auto it = m_anchors.find(name);
    if (it == m_anchors.end())
      throw YamlSyntaxError("the alias '*" + name + "' names no anchor; define '&" + name + "' before it",
                            offset(e.start_mark));
    m_alias_nodes += count_nodes(it->second);
    if (m_alias_nodes > k_max_alias_nodes)
      throw YamlSyntaxError("aliases expand to more than a million nodes", offset(e.start_mark));
    return it->second;
  }

  void open(YamlNode::Kind kind, const yaml_event_t& e, const yaml_char_t* anchor) {
    m_open.emplace_back(kind, offset(e.start_mark));
    m_open_anchors.emplace_back(anchor ? reinterpret_cast<const char*>(anchor) : "");
  }

  void close() {
    YamlNode node = std::move(m_open.back());
    m_open.pop_back();
    if (node.is_map()) check_unique_keys(node);
    if (!m_open_anchors.back().empty()) m_anchors[m_open_anchors.back()] = node;
    m_open_anchors.pop_back();
    add(std::move(node));
  }

  void add(YamlNode node) {
    if (m_open.empty())
      m_root = std::move(node);
    else
      m_open.back().m_children.push_back(std::move(node));
  }

  void remember(const yaml_char_t* anchor, const YamlNode& node) {
    if (anchor) m_anchors[reinterpret_cast<const char*>(anchor)] = node;
  }

  // A key written twice would leave one of its values unread without a word (yaml-cpp read
  // the first). Reported at the repeat nearest the top, pointing back to the first.
  static void check_unique_keys(const YamlNode& map) {
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

  std::string_view m_text;
  size_t m_base = 0;
  CharOffsets m_chars;
  Parser m_parser;
  std::vector<YamlNode> m_open;
  std::vector<std::string> m_open_anchors;
  std::map<std::string, YamlNode, std::less<>> m_anchors;
  size_t m_alias_nodes = 0;
  YamlNode m_root;
};

YamlNode parse_yaml(std::string_view text) { return YamlBuilder(text).build(); }

} // namespace fundscreen::io
