// SPDX-License-Identifier: Apache-2.0
// A criteria set named from a repository's history (`REV:path`), read with `git show`.
#pragma once

#include <string>

namespace fundscreen::run {

// The text of the set `name`: a file, or `REV:path` read with `git show` when no such file
// exists. Throws util::Error (criteria) when neither can be read, with git's reason.
std::string set_version_text(const std::string& name);

} // namespace fundscreen::run
