// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "trail/signing.hpp"

namespace fundscreen::cmd {

// The key of `screen --seal PATH` (none when `path` is empty): a usage error unless `format`
// is json or jsonl, an input error when the file is not an Ed25519 private key in PEM; a
// warning on `err` when group or others may read it.
std::optional<trail::SigningKey> seal_key(const std::string& path, const std::string& format, std::ostream& err);

} // namespace fundscreen::cmd
