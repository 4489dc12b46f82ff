// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/yaml_node.hpp"
#include "util/error.hpp"

namespace fundscreen::io {

// A YAML document with its name and text, so that nodes can be turned into locations with
// columns counted in characters, and problems collected with context.
class YamlSource {
public:
  // Parses `text`; throws util::Error of `kind` located at the syntax error if it is not YAML.
  YamlSource(std::string_view text, std::string source, util::ErrorKind kind);

  const YamlNode& root() const { return m_root; }
  const std::string& name() const { return m_source; }

  // Where `node` starts.
  util::Location at(const YamlNode& node) const;
  // Where the character at byte `offset` of `node`'s scalar value is, following the
  // scalar's quoting, block style and line folding.
  util::Location at_offset(const YamlNode& node, size_t offset) const;
  // The source line `line` (1-based) with a caret under `column`.
  std::string caret(const util::Location& where) const;

  // Records an error at `node`.
  void error(const YamlNode& node, std::string message);
  void error(util::Location where, std::string message, std::string context = {});
  // Reports each key of mapping `node` not in `allowed`, suggesting the nearest.
  void check_keys(const YamlNode& node, const std::vector<std::string>& allowed, std::string_view what);

  // Reports each node written with a YAML tag (`!has(app.x)`, `! x`, `!!str`), at its tag, and
  // says whether there was any. A tag changes silently what YAML reads (`rule: ! has(app.x)`
  // reads `has(app.x)`; `rule: !has(app.x)` reads nothing), and no input needs one.
  bool check_no_tags();

  // True if an unknown key was taken for a misspelling of `key` ("did you mean"), so that
  // `key` missing is no news to the user.
  bool suggested(const std::string& key) const;

  std::vector<util::Diagnostic>& problems() { return m_problems; }

private:
  util::Location at_byte(size_t pos) const;
  void check_tags(const YamlNode& node, std::string_view role, const YamlNode* key, std::vector<size_t>& reported);
  size_t scalar_start(const YamlNode& node) const;
  bool next_line_is_blank(size_t pos) const;
  std::string_view line_text(int line) const;

  std::string m_text;
  std::string m_source;
  YamlNode m_root;
  std::vector<size_t> m_line_starts;
  std::vector<util::Diagnostic> m_problems;
  std::vector<std::string> m_suggested;
};

// The text of scalar `node`, or nothing when it is not a scalar.
std::optional<std::string> scalar_text(const YamlNode& node);

} // namespace fundscreen::io
