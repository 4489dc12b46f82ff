// SPDX-License-Identifier: Apache-2.0
// `letters`: one decision letter for each applicant, in Markdown and in HTML, as text (the run
// layer writes the files).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/run_info.hpp"
#include "i18n/i18n.hpp"

namespace fundscreen::report {

// One letter in both formats.
struct Letter {
  std::string markdown;
  std::string html;
};

// The letter on `view` (screened with Detail::traced) in `info.lang`: the sender and the date
// (the run's timestamp, else a placeholder), the applicant and the application, the decision in
// plain words with what it means (the amount granted; the rank and the funding line; what needs
// clarifying or awaits review; every criterion failed), then every criterion with its result,
// reason and the values its rule read, the appeal instructions and the signature. A text the
// set's `letters` section lacks in the language shows as a visible placeholder.
Letter write_letter(const core::RunInfo& info, const core::ApplicationView& view);

// The texts of the set's `letters` section a letter in `lang` lacks, as `letters.appeal.fi`:
// sender, appeal and signature, in the order of the letter (contact is optional).
std::vector<std::string> missing_letter_texts(const core::CriteriaSet& set, i18n::Lang lang);

// An application id as a file name (without the extension): the id itself when it is a safe
// one, else with `/`, `\`, the characters Windows forbids and control characters as `_`, a
// leading `.` as `_`, and cut to 100 bytes (at a character's start). Clashes between names
// are the caller's to find.
std::string letter_file_stem(std::string_view id);

// One line of the letters' index.md.
struct LetterEntry {
  std::string id;
  std::string applicant;
  core::Decision decision = core::Decision::pending;
  std::string stem; // the files are stem.md and stem.html
};

// The first line of every index.md that `letters` writes, by which a later run knows the folder
// as its own.
inline constexpr std::string_view k_letters_marker =
    "<!-- fundscreen letters: this folder is rewritten by each run -->";

// DIR/index.md in `info.lang`: the marker, the call, then a table of every letter (application,
// applicant, decision, files), saying where a file name is not the id.
std::string letters_index(const core::RunInfo& info, const std::vector<LetterEntry>& entries);

} // namespace fundscreen::report
