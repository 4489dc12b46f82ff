// SPDX-License-Identifier: Apache-2.0
// The builder behind parse_yaml(), for yaml_node.cpp (the tree from yaml-cpp's events) and
// yaml_node_errors.cpp (faults yaml-cpp lets through, and its exceptions in words); no other
// code includes it, so that yaml-cpp's headers stay inside lib/io.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "io/yaml_node.hpp"

namespace fundscreen::io {

// Reading YAML source text around the places yaml-cpp's marks give.
namespace yaml_text {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// Past spaces, line breaks and comments from `pos`.
size_t skip_space(std::string_view text, size_t pos);
// The end of the word (a tag, an anchor or an alias name) that starts at `pos`.
size_t word_end(std::string_view text, size_t pos);

// The properties (an anchor `&a`, a tag `!t`) that a node at `pos` starts with: where its tag
// is, if it has one, and where its content starts.
struct Properties {
  std::optional<size_t> tag;
  size_t content = 0;
};
Properties properties_at(std::string_view text, size_t pos);

// Where the quoted scalar whose opening quote is at `quote` closes; npos if it does not.
size_t closing_quote(std::string_view text, size_t quote);

} // namespace yaml_text

// Builds the tree of the first document of a text from yaml-cpp's events. yaml-cpp reports
// no scalar style, no tag as written and no byte offset but its marks', lets a few faults
// through (an unclosed quote, text after the document) and words others vaguely: the builder
// reads the source text at the marks for all of these.
class YamlBuilder final : public YAML::EventHandler {
public:
  explicit YamlBuilder(std::string_view text);

  // The tree; throws YamlSyntaxError.
  YamlNode build();

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { close(); }

private:
  // A node open until its end event, with what closing it needs.
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor;
    bool flow;
  };

  // yaml_node.cpp: the tree.
  size_t offset(const YAML::Mark& mark) const;
  YamlNode node(YamlNode::Kind kind, const YAML::Mark& mark, const std::string& tag);
  YamlNode alias(size_t at, YAML::anchor_t anchor);
  void open(YamlNode node, YAML::anchor_t anchor, YAML::EmitterStyle::value style);
  void close();
  void add(YamlNode node, YAML::anchor_t anchor);
  bool is_null_word(size_t at) const;
  size_t after_previous_token(size_t at) const;
  size_t line_start(size_t pos) const;

  // yaml_node_errors.cpp: faults.
  static void check_characters(std::string_view text);
  static void check_unique_keys(const YamlNode& map);
  void check_null_place(size_t at) const;
  void check_quote_closed() const;
  void check_nothing_after(YAML::Parser& parser) const;
  bool follows_document_end(size_t at) const;
  YamlSyntaxError syntax_error(const YAML::ParserException& e) const;
  YamlSyntaxError in_context(std::string problem, size_t at, std::optional<size_t> context) const;
  std::optional<size_t> open_flow(char bracket) const;
  std::optional<size_t> bracket_open_at(size_t at) const;
  YamlSyntaxError flow_end(size_t at) const;
  YamlSyntaxError map_value(size_t at) const;
  YamlSyntaxError quote_to(size_t end) const;

  std::string_view m_text;
  size_t m_base = 0; // the byte order mark's size: yaml-cpp's marks count from after it
  std::vector<Open> m_open;
  std::vector<YamlNode> m_anchors; // by yaml-cpp's number; undefined while the node is open
  size_t m_alias_nodes = 0;
  size_t m_last_event = 0;            // where the last node read starts
  size_t m_content = 0;               // where the last node's content starts (past its properties)
  std::optional<size_t> m_last_quote; // the last scalar's opening quote, if it was quoted
  YamlNode m_root;
};

} // namespace fundscreen::io
