// SPDX-License-Identifier: Apache-2.0
// UTF-8 validity, checked by one piece of code: the readers' checks of whole files and
// chunks, the YAML source's, and the escaping of the output formats.
#pragma once

#include <cstddef>
#include <string_view>

namespace fundscreen::util {

// How much of a piece of UTF-8 text is valid, for a reader that gets its text in chunks.
struct Utf8Prefix {
  size_t length = 0;       // bytes of complete, valid characters from the start
  bool unfinished = false; // the bytes after `length` are a valid character cut off at the end
};

// The longest start of `text` made of complete, valid UTF-8 characters. After it comes the
// end of `text`, an unfinished character (the next chunk may complete it) or an invalid byte.
Utf8Prefix valid_utf8_prefix(std::string_view text);

// True if all of `text` is valid UTF-8 (whole characters, as valid_utf8_prefix() counts
// them).
bool is_valid_utf8(std::string_view text);

// The offset where the first invalid UTF-8 sequence of `text` starts, or npos when all of
// it is valid. Overlong forms, surrogates, code points above U+10FFFF and a character cut
// off at the end are invalid.
size_t find_invalid_utf8(std::string_view text);

// The length of the valid UTF-8 character at the start of `text` (1 for ASCII), or 0 when
// `text` is empty or starts with an invalid byte or a character cut off at its end; as
// valid_utf8_prefix() reads it.
size_t valid_utf8_character(std::string_view text);

// The ways valid_utf8_prefix() can check text: byte by byte, or 64 bytes at a time with
// AVX2 (then byte by byte from the first 64 bytes with an error). Both give the same answer.
enum class Utf8Kernel { scalar, avx2 };

// True if this processor can run `kernel`.
bool has_utf8_kernel(Utf8Kernel kernel);

// valid_utf8_prefix() with `kernel`, which the processor must have, for tests that compare
// the kernels.
Utf8Prefix valid_utf8_prefix(std::string_view text, Utf8Kernel kernel);

} // namespace fundscreen::util
