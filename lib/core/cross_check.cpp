// SPDX-License-Identifier: Apache-2.0
#include "core/cross_check.hpp"

#include <map>

#include <fmt/format.h>

#include "util/text.hpp"

namespace fundscreen::core {

static std::string where_first(const util::Location& here, const util::Location& first) {
  if (here.source == first.source) return fmt::format("line {}", first.line);
  return fmt::format("{}:{}", first.source, first.line);
}

void IdRegistry::add(const std::string& id, const util::Location& where, util::Diagnostics& diagnostics) {
  auto [it, fresh] = m_first.emplace(id, where);
  if (!fresh)
    diagnostics.error(where,
                      fmt::format("duplicate application id '{}' (first at {})", id, where_first(where, it->second)));
}

static std::vector<std::string> criterion_ids(const CriteriaSet& set) {
  std::vector<std::string> ids;
  for (const auto& c : set.criteria) ids.push_back(c.id);
  return ids;
}

static bool check_criterion(const CriteriaSet& set, const Assessment& a, util::Diagnostics& diagnostics) {
  const Criterion* c = set.criterion(a.criterion);
  if (!c) {
    std::string message = fmt::format("unknown criterion '{}'", a.criterion);
    std::string hint = util::nearest(a.criterion, criterion_ids(set));
    if (!hint.empty()) message += fmt::format("; did you mean '{}'?", hint);
    diagnostics.error(a.criterion_where, message);
    return false;
  }
  if (c->kind == CriterionKind::rule) {
    diagnostics.error(a.criterion_where, fmt::format("criterion '{}' is decided by its rule and takes no "
                                                     "reviewers' verdicts",
                                                     a.criterion));
    return false;
  }
  return true;
}

void check_assessments(const CriteriaSet& set, const IdRegistry* ids, std::span<const Assessment> assessments,
                       util::Diagnostics& diagnostics) {
  std::map<std::tuple<std::string, std::string, std::string>, util::Location> first;
  for (const Assessment& a : assessments) {
    if (ids && !ids->contains(a.application))
      diagnostics.error(a.application_where, fmt::format("assessment of unknown application '{}'", a.application));
    if (!check_criterion(set, a, diagnostics)) continue;
    auto [it, fresh] = first.emplace(std::tuple(a.application, a.criterion, a.reviewer), a.where);
    if (!fresh)
      diagnostics.error(a.where, fmt::format("{} assessed {} of '{}' twice (first at {})", a.reviewer, a.criterion,
                                             a.application, where_first(a.where, it->second)));
  }
}

void check_outcomes(const IdRegistry* ids, std::span<const Outcome> outcomes, util::Diagnostics& diagnostics) {
  std::map<std::string, util::Location> first;
  for (const Outcome& o : outcomes) {
    const std::string& id = std::get<std::string>(o.values[0]);
    if (ids && !ids->contains(id))
      diagnostics.error(o.where, fmt::format("outcome report of unknown application '{}'", id));
    auto [it, fresh] = first.emplace(id, o.where);
    if (!fresh)
      diagnostics.error(
          o.where, fmt::format("second outcome report of '{}' (first at {})", id, where_first(o.where, it->second)));
  }
}

} // namespace fundscreen::core
