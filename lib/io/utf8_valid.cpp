// SPDX-License-Identifier: Apache-2.0
// The whole-text UTF-8 check, apart from encoding.cpp because simdjson's header is large.
#include "io/encoding.hpp"

#ifdef FUNDSCREEN_SIMDJSON
#include <simdjson.h>
#endif

namespace fundscreen::io {

bool is_valid_utf8(std::string_view text) {
#ifdef FUNDSCREEN_SIMDJSON
  return simdjson::validate_utf8(text.data(), text.size());
#else
  return valid_utf8_prefix(text).length == text.size();
#endif
}

} // namespace fundscreen::io
