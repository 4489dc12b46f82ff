// SPDX-License-Identifier: Apache-2.0
// The whole-text UTF-8 check of the block reader.
#include "io/encoding.hpp"

namespace fundscreen::io {

bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text).length == text.size(); }

} // namespace fundscreen::io
