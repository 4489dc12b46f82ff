// SPDX-License-Identifier: Apache-2.0
// The entry point of `letters`: a screening, then one letter per application in a folder.
#pragma once

#include <string>

#include "run/screen.hpp"
#include "run/screening_run.hpp"

namespace fundscreen::run {

// What to do with an output folder that holds files `letters` did not write: refuse (an
// input error), or write the letters among them, leaving them alone (--force).
enum class ForeignFiles { refuse, keep };

// What a text missing from the set's `letters` section in the run's language is: a warning
// (the letters show a placeholder), or an error of the set (--strict).
enum class MissingTexts { warn, fail };

struct LettersOutput {
  std::string dir;
  ForeignFiles foreign = ForeignFiles::refuse;
  MissingTexts missing = MissingTexts::warn;
};

// Screens `inputs` and writes DIR/<id>.md, DIR/<id>.html for every application and
// DIR/index.md, all made in a temporary folder beside DIR and moved into place at the end, so
// that a failed run leaves DIR as it was. A new DIR, an empty one or one an earlier run wrote
// (its index.md starts with report::k_letters_marker, every other file is .md or .html) is
// replaced whole; with ForeignFiles::keep the letters are moved into a DIR that holds other
// files one by one, the index last. Returns the number of letters. Throws util::Error: input
// for a DIR with other files (without keep) or two ids that give the same file name, criteria
// for a missing text with MissingTexts::fail, and as ScreeningRun does.
size_t write_letters(ScreeningInputs inputs, const LettersOutput& output, const Warn& warn);

} // namespace fundscreen::run
