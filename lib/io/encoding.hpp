// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace fundscreen::io {

// The character encoding of an input file.
enum class Encoding { utf8, windows_1252 };

// The encoding called `name` (`utf-8`, `utf8`, `windows-1252` or `cp1252`, in any case),
// or nothing for a name it does not know.
std::optional<Encoding> parse_encoding(std::string_view name);

// Appends Windows-1252 `bytes` to `out` as UTF-8. Every byte maps as the WHATWG decoder
// maps it: the five bytes Windows-1252 leaves undefined become the C1 controls U+0081,
// U+008D, U+008F, U+0090 and U+009D.
void append_windows_1252_as_utf8(std::string_view bytes, std::string& out);

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

} // namespace fundscreen::io
