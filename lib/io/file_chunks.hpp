// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace fundscreen::io {

// Gives the file at `path` to `take` in pieces of `size` bytes (the last shorter), in
// order; a file that cannot be read is an input error.
void read_file_chunks(const std::string& path, size_t size, const std::function<void(std::string_view)>& take);

} // namespace fundscreen::io
