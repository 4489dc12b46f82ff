// SPDX-License-Identifier: Apache-2.0
#include "io/yaml_node.hpp"

#include <algorithm>
#include <istream>
#include <streambuf>

#include "io/yaml_builder.hpp"

namespace fundscreen::io {

std::optional<size_t> YamlNode::offset() const {
  if (m_kind == Kind::undefined) return std::nullopt;
  return m_offset;
}

std::optional<size_t> YamlNode::tag_offset() const {
  if (m_tag.empty()) return std::nullopt;
  return m_tag_offset;
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

namespace yaml_text {

size_t skip_space(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == '#')
      pos = std::min(text.find('\n', pos), text.size());
    else if (is_space(text[pos]))
      ++pos;
    else
      break;
  }
  return pos;
}

size_t word_end(std::string_view text, size_t pos) {
  if (text.substr(pos).starts_with("!<")) return std::min(text.find('>', pos), text.size() - 1) + 1; // verbatim
  while (pos < text.size() && !is_space(text[pos]) &&
         std::string_view(",[]{}").find(text[pos]) == std::string_view::npos)
    ++pos;
  return pos;
}

Properties properties_at(std::string_view text, size_t pos) {
  Properties p;
  while (pos < text.size() && (text[pos] == '!' || text[pos] == '&')) {
    if (text[pos] == '!') p.tag = pos;
    pos = skip_space(text, word_end(text, pos));
  }
  p.content = pos;
  return p;
}

size_t closing_quote(std::string_view text, size_t quote) {
  char q = text[quote];
  for (size_t i = quote + 1; i < text.size(); ++i) {
    if (q == '"' && text[i] == '\\')
      ++i; // an escape: `\"` does not close
    else if (text[i] == q && q == '\'' && i + 1 < text.size() && text[i + 1] == '\'')
      ++i; // '' stands for one quote
    else if (text[i] == q)
      return i;
  }
  return std::string_view::npos;
}

} // namespace yaml_text

using namespace yaml_text;

namespace {

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";

// Aliases copy their anchored node; a few nested aliases could otherwise ask for billions.
constexpr size_t k_max_alias_nodes = 1'000'000;

// Reads text in place as an input stream, for yaml-cpp's parser.
class TextBuffer : public std::streambuf {
public:
  explicit TextBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data()); // only read: yaml-cpp puts back what it read
    setg(begin, begin, begin + text.size());
  }
};

size_t count_nodes(const YamlNode& node) {
  size_t n = 1;
  for (const YamlNode& child : node.items()) n += count_nodes(child);
  for (const auto& entry : node.entries()) n += count_nodes(entry.key) + count_nodes(entry.value);
  return n;
}

// yaml-cpp reports no style: the content's first character tells it.
YamlNode::Style style_at(std::string_view text, size_t pos) {
  switch (pos < text.size() ? text[pos] : '\0') {
  case '\'': return YamlNode::Style::single_quoted;
  case '"': return YamlNode::Style::double_quoted;
  case '|': return YamlNode::Style::literal;
  case '>': return YamlNode::Style::folded;
  default: return YamlNode::Style::plain;
  }
}

} // namespace

YamlBuilder::YamlBuilder(std::string_view text)
    : m_text(text), m_base(text.starts_with(k_byte_order_mark) ? k_byte_order_mark.size() : 0) {}

YamlNode YamlBuilder::build() {
  check_characters(m_text);
  TextBuffer buffer(m_text); // yaml-cpp skips the byte order mark itself
  std::istream in(&buffer);
  YAML::Parser parser(in);
  try {
    if (parser.HandleNextDocument(*this)) {
      check_quote_closed();
      check_nothing_after(parser);
    }
  } catch (const YAML::ParserException& e) {
    check_quote_closed(); // an open quote takes the rest of the text: the cause of any error after it
    throw syntax_error(e);
  }
  return m_root ? std::move(m_root) : YamlNode(YamlNode::Kind::null, m_base);
}

void YamlBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  // An empty value's mark is the next token's (the next key or `-`): it is placed right after
  // the token before it, where messages about it have always pointed; an empty key (`: x`)
  // stays at its `:`. Its properties are its own only if it has an anchor, or is the whole
  // document.
  size_t at = offset(mark);
  check_null_place(at);
  bool key = !m_open.empty() && m_open.back().node.is_map() && m_open.back().node.m_children.size() % 2 == 0;
  if (anchor != YAML::NullAnchor || m_open.empty() || is_null_word(at))
    add(node(YamlNode::Kind::null, mark, ""), anchor);
  else
    add(YamlNode(YamlNode::Kind::null, key ? at : after_previous_token(at)), anchor);
}

void YamlBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  m_last_event = offset(mark);
  add(alias(offset(mark), anchor), YAML::NullAnchor);
}

void YamlBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  YamlNode n = node(YamlNode::Kind::scalar, mark, tag);
  n.m_text = value;
  bool quoted = n.m_style == YamlNode::Style::single_quoted || n.m_style == YamlNode::Style::double_quoted;
  m_last_quote = quoted ? std::optional(m_content) : std::nullopt;
  add(std::move(n), anchor);
}

void YamlBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value style) {
  open(node(YamlNode::Kind::sequence, mark, tag), anchor, style);
}

void YamlBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value style) {
  open(node(YamlNode::Kind::map, mark, tag), anchor, style);
}

size_t YamlBuilder::offset(const YAML::Mark& mark) const {
  return m_base + static_cast<size_t>(std::max(mark.pos, 0)); // `pos` counts bytes, as `column` does
}

// A node at `mark` with its tag, if written, and the style its content shows. yaml-cpp's
// `tag` is `?` for a node without properties of its own (a collection's mark can be at its
// first key's), `!` for a quoted or block scalar; an empty one asks to look.
YamlNode YamlBuilder::node(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag) {
  YamlNode n(kind, offset(mark));
  m_last_event = m_content = n.m_offset;
  if (tag != "?") {
    Properties p = properties_at(m_text, n.m_offset);
    m_content = p.content;
    if (p.tag) {
      n.m_tag_offset = *p.tag;
      // yaml-cpp gives a `!` tag as written, but `!!str` resolved (tag:yaml.org,2002:str).
      n.m_tag = tag.starts_with('!') ? tag : std::string(m_text.substr(*p.tag, word_end(m_text, *p.tag) - *p.tag));
    }
  }
  if (kind == YamlNode::Kind::scalar) n.m_style = style_at(m_text, m_content);
  return n;
}

YamlNode YamlBuilder::alias(size_t at, YAML::anchor_t anchor) {
  std::string name(m_text.substr(at + 1, word_end(m_text, at + 1) - at - 1));
  if (anchor >= m_anchors.size() || !m_anchors[anchor])
    throw YamlSyntaxError(
        "the alias '*" + name + "' is inside the node that '&" + name + "' names; a node cannot hold itself", at);
  const YamlNode& target = m_anchors[anchor];
  m_alias_nodes += count_nodes(target);
  if (m_alias_nodes > k_max_alias_nodes) throw YamlSyntaxError("aliases expand to more than a million nodes", at);
  return target;
}

void YamlBuilder::open(YamlNode node, YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  m_open.push_back({std::move(node), anchor, style == YAML::EmitterStyle::Flow});
}

void YamlBuilder::close() {
  Open done = std::move(m_open.back());
  m_open.pop_back();
  if (done.node.is_map()) check_unique_keys(done.node);
  add(std::move(done.node), done.anchor);
}

void YamlBuilder::add(YamlNode node, YAML::anchor_t anchor) {
  if (anchor != YAML::NullAnchor) {
    if (anchor >= m_anchors.size()) m_anchors.resize(anchor + 1);
    m_anchors[anchor] = node;
  }
  if (m_open.empty())
    m_root = std::move(node);
  else
    m_open.back().node.m_children.push_back(std::move(node));
}

bool YamlBuilder::is_null_word(size_t at) const {
  std::string_view rest = m_text.substr(std::min(at, m_text.size()));
  return rest.starts_with('~') || rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL");
}

// Right after the last token before `at`: back over spaces, line breaks and comments.
size_t YamlBuilder::after_previous_token(size_t at) const {
  size_t pos = std::min(at, m_text.size());
  while (pos > m_base) {
    if (is_space(m_text[pos - 1])) {
      --pos;
      continue;
    }
    size_t start = line_start(pos - 1), hash = m_text.find('#', start);
    while (hash < pos && hash > start && !is_space(m_text[hash - 1])) hash = m_text.find('#', hash + 1);
    if (hash >= pos) break;
    pos = hash; // a comment, from a `#` at the line's start or after a space
  }
  return pos;
}

size_t YamlBuilder::line_start(size_t pos) const {
  size_t newline = pos == 0 ? std::string_view::npos : m_text.rfind('\n', pos - 1);
  return newline == std::string_view::npos ? m_base : newline + 1;
}

YamlNode parse_yaml(std::string_view text) { return YamlBuilder(text).build(); }

} // namespace fundscreen::io
