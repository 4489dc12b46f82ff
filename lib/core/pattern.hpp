// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace fundscreen::core {

// A regular expression of a criteria set (a field's `pattern`, the pattern of `matches()`),
// compiled once by RE2. RE2 runs in time linear in the text, so no pattern, however written,
// can hang a screening. A pattern matches only the whole text: `[0-9]{7}-[0-9]` and
// `^[0-9]{7}-[0-9]$` are the same pattern.
class Pattern {
public:
  // Compiles `source`, or returns nothing and sets `why` to RE2's reason
  // ("missing ]: [0-9").
  static std::optional<Pattern> compile(std::string_view source, std::string& why);

  // True if the whole of `text` (UTF-8) matches.
  bool matches(std::string_view text) const;

  // The pattern as the set writes it.
  const std::string& source() const;

  bool operator==(const Pattern& other) const { return source() == other.source(); }

private:
  explicit Pattern(std::shared_ptr<const re2::RE2> re) : m_re(std::move(re)) {}
  // Shared: a compiled pattern is immutable and RE2 is safe to use from several threads.
  std::shared_ptr<const re2::RE2> m_re;
};

} // namespace fundscreen::core
