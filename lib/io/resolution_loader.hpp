// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>

#include "core/resolution.hpp"
#include "io/record_loaders.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

// Reads the resolutions in `path` (CSV, or YAML under `resolutions:`) by
// core::resolution_fields(): a bad cell, an empty reason or a second resolution of one
// application goes to `diagnostics`, and the row is left out.
// `digest`, if given, is fed the bytes of `path` as they are read (read_table_file).
core::Resolutions read_resolutions(const std::string& path, const InputOptions& options, util::Diagnostics& diagnostics,
                                   Sha256* digest = nullptr);

} // namespace fundscreen::io
