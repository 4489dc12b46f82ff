// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fundscreen::io {

// One node of a YAML document: null, a scalar (its text and how it was written), a
// sequence, or a mapping with its keys in document order; with the byte offset where it
// starts in the source. Scalars stay text (`yes`, `1.5`, `2021-03-01`): the loaders type them.
class YamlNode {
public:
  enum class Kind : uint8_t { undefined, null, scalar, sequence, map };
  enum class Style : uint8_t { plain, single_quoted, double_quoted, literal, folded };

  // One entry of a mapping.
  struct Entry {
    const YamlNode& key;
    const YamlNode& value;
  };

  // Walks a mapping's children two at a time (key, value).
  class EntryIterator {
  public:
    explicit EntryIterator(const YamlNode* at) : m_at(at) {}
    Entry operator*() const { return {m_at[0], m_at[1]}; }
    EntryIterator& operator++() {
      m_at += 2;
      return *this;
    }
    bool operator==(const EntryIterator&) const = default;

  private:
    const YamlNode* m_at;
  };

  // A mapping's entries, for a range-based for.
  struct Entries {
    EntryIterator first, last;
    EntryIterator begin() const { return first; }
    EntryIterator end() const { return last; }
  };

  YamlNode() = default;
  YamlNode(Kind kind, size_t offset) : m_kind(kind), m_offset(offset) {}

  // False for the node a lookup of a missing key gives, true for any node in the document.
  explicit operator bool() const { return m_kind != Kind::undefined; }
  Kind kind() const { return m_kind; }
  bool is_null() const { return m_kind == Kind::null; }
  bool is_scalar() const { return m_kind == Kind::scalar; }
  bool is_sequence() const { return m_kind == Kind::sequence; }
  bool is_map() const { return m_kind == Kind::map; }

  // The text of a scalar; empty for any other node (null included).
  const std::string& scalar() const { return m_text; }
  // How a scalar was written.
  Style style() const { return m_style; }
  // Where the node starts in the source text, in bytes (at its tag or anchor if it has one);
  // nothing for an undefined node.
  std::optional<size_t> offset() const;
  // The YAML tag the node was written with (`!has(app.x)`, `!`, `!!str`), as written; empty
  // when it has none (a quoted scalar has none, though yaml-cpp gives it the tag `!`).
  const std::string& tag() const { return m_tag; }
  // Where the node's tag starts in the source text, in bytes; nothing when it has none.
  std::optional<size_t> tag_offset() const;

  // The value of `key` in a mapping (the first, should the key repeat), or an undefined node
  // when this is not a mapping or has no such key.
  const YamlNode& operator[](std::string_view key) const;
  // The items of a sequence; none for any other node.
  std::span<const YamlNode> items() const;
  // The entries of a mapping in document order; none for any other node.
  Entries entries() const;

private:
  friend class YamlBuilder;

  Kind m_kind = Kind::undefined;
  Style m_style = Style::plain;
  size_t m_offset = 0;
  size_t m_tag_offset = 0;
  std::string m_text;
  std::string m_tag;
  // A sequence's items, or a mapping's keys and values alternating.
  std::vector<YamlNode> m_children;
};

// Text that is not YAML: what is wrong and the byte offset where. When `context_offset` is
// set, the message ends with words such as "while scanning a quoted scalar that starts", to
// which the reader adds that place as " at line L, column C".
class YamlSyntaxError : public std::runtime_error {
public:
  YamlSyntaxError(std::string message, size_t offset, std::optional<size_t> context_offset = std::nullopt)
      : std::runtime_error(std::move(message)), m_offset(offset), m_context_offset(context_offset) {}

  size_t offset() const { return m_offset; }
  std::optional<size_t> context_offset() const { return m_context_offset; }

private:
  size_t m_offset;
  std::optional<size_t> m_context_offset;
};

// Parses the first document of `text` (a UTF-8 byte order mark is skipped) with yaml-cpp's
// event parser; aliases are resolved to copies of their anchored nodes. Throws
// YamlSyntaxError when the text is not UTF-8 or not YAML, a quote is never closed, text
// follows the document without a `---`, a mapping repeats a key, or an alias names no anchor.
YamlNode parse_yaml(std::string_view text);

} // namespace fundscreen::io
