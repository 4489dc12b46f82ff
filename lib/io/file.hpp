// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "util/error.hpp"

namespace fundscreen::io {

// The whole content of the file at `path`, a YAML file (a criteria set when `kind` is
// criteria); a file that cannot be read is an error of `kind`, and so is one whose content is
// not text (a workbook, a PDF: io::check_file_format names it and says how to export it).
std::string read_file(const std::string& path, util::ErrorKind kind);

// Writes `path` through a temporary file in the same folder that is renamed into place only
// after `write` returned: readers never see half a file, and a run that fails, is interrupted
// or is killed leaves the old `path` as it was and no temporary file (an unnamed O_TMPFILE
// one; where the filesystem has none, a named `PATH.tmp-fundscreen-PID` that SIGINT, SIGTERM
// and SIGHUP remove). Defined in io/atomic_output.cpp.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

// Where temporary files go: $TMPDIR if set and not empty, else /tmp.
std::string temporary_dir();

} // namespace fundscreen::io
