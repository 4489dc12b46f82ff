// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace fundscreen::io {

// The SHA-256 of `bytes` as 64 lower-case hex digits.
std::string sha256_hex(std::string_view bytes);

// The SHA-256 of the file at `path`, read in chunks; an unreadable file is an input error.
std::string sha256_file(const std::string& path);

} // namespace fundscreen::io
