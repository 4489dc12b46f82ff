// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "io/encoding.hpp"

namespace fundscreen::io {

// The ways valid_utf8_prefix() can check text: byte by byte, or 64 bytes at a time with
// AVX2 (then byte by byte from the first 64 bytes with an error). Both give the same answer.
enum class Utf8Kernel { scalar, avx2 };

// True if this processor can run `kernel`.
bool has_utf8_kernel(Utf8Kernel kernel);

// valid_utf8_prefix() with `kernel`, which the processor must have, for tests that compare
// the kernels.
Utf8Prefix valid_utf8_prefix(std::string_view text, Utf8Kernel kernel);

} // namespace fundscreen::io
