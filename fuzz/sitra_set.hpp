// SPDX-License-Identifier: Apache-2.0
// The shipped sitra-2021 criteria set, loaded once from the source tree
// (FUNDSCREEN_SITRA_CRITERIA, set by fuzz/CMakeLists.txt): the field schema the table
// readers' targets read applications with.
#pragma once

#include <fstream>
#include <sstream>

#include "core/criteria_set.hpp"
#include "io/criteria_loader.hpp"

namespace fundscreen::fuzz {

inline const core::CriteriaSet& sitra_set() {
  static const core::CriteriaSet set = [] {
    std::ifstream file(FUNDSCREEN_SITRA_CRITERIA, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return io::parse_criteria(text.str(), FUNDSCREEN_SITRA_CRITERIA);
  }();
  return set;
}

} // namespace fundscreen::fuzz
