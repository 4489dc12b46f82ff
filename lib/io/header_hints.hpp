// SPDX-License-Identifier: Apache-2.0
// What the table reader says about the headers of a file (CSV columns, YAML keys) that do not
// line up with the fields of a schema: which header an unknown one likely is, which unknown
// header likely holds a missing field, and two headers that hold one field.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.hpp"

namespace fundscreen::io {

// What follows "unknown column 'X'" (`kind` "column" or "key"): "; did you mean 'Y'?" for a
// header of the schema near `name`, or, when `name` is the name of a field read from other
// headers (its `column`), which headers those are; empty when there is nothing to say.
std::string unknown_header_hint(std::string_view kind, std::string_view name, std::span<const core::FieldSpec> schema);

// The headers `field` may be read from, as a message names them: "'kind'", or for a field
// with `column`, "'Y-tunnus' or 'FO-nummer' for field 'business_id'".
std::string missing_headers(const core::FieldSpec& field);

// What to do about a field that a file has no column (or key, `kind`) for: rename the one of
// `unknown` (the file's headers that no field takes) that likely holds it, or add the column.
// `missing` is the number of fields missing in the file: when it is one and one header is
// unknown, that header is likely the field.
std::string add_or_rename(const core::FieldSpec& field, std::string_view kind, const std::vector<std::string>& unknown,
                          size_t missing);

// The error for a field that a CSV file has no column for: "missing required column 'kind'"
// or "missing column 'thesis', a field of the criteria set; ...", naming the unknown header
// that likely holds it: one that differs only in case and spaces, or is near, or is the
// field's own name when the field is read from other headers.
std::string missing_header_message(const core::FieldSpec& field, std::string_view kind,
                                   const std::vector<std::string>& unknown, size_t missing);

// "columns 'Y-tunnus' and 'Business ID' both hold field 'business_id'; ...": which one is
// meant is not for the reader to guess.
std::string two_headers(const core::FieldSpec& field, std::string_view kind, std::string_view first,
                        std::string_view second);

} // namespace fundscreen::io
