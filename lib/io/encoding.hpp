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

} // namespace fundscreen::io
