// SPDX-License-Identifier: Apache-2.0
#include "core/pattern.hpp"

#include <re2/re2.h>

namespace fundscreen::core {

std::optional<Pattern> Pattern::compile(std::string_view source, std::string& why) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  auto re = std::make_shared<const RE2>(re2::StringPiece(source.data(), source.size()), options);
  if (!re->ok()) {
    why = re->error();
    return std::nullopt;
  }
  return Pattern(std::move(re));
}

bool Pattern::matches(std::string_view text) const {
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *m_re);
}

const std::string& Pattern::source() const { return m_re->pattern(); }

} // namespace fundscreen::core
