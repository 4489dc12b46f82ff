// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "core/cross_check.hpp"

using fundscreen::core::IdRegistry;

namespace {

// A set with an applicant field, or without one.
fundscreen::core::CriteriaSet conflict_set(bool applicant) {
  fundscreen::core::CriteriaSet set;
  set.fields.push_back({"id", fundscreen::core::FieldType::string, true, {}});
  if (applicant) set.fields.push_back({"applicant", fundscreen::core::FieldType::string, true, {}});
  return set;
}

fundscreen::core::Application application(const std::string& id, const std::string& applicant) {
  fundscreen::core::Application app;
  app.values.emplace_back(id);
  app.values.emplace_back(applicant);
  return app;
}

// A conflict read from `line` of conflicts.csv: the application's cell in column 10, the applicant's in 20.
fundscreen::core::Conflict conflict(const std::string& application, const std::string& applicant, int line) {
  fundscreen::core::Conflict c("Aino", application, applicant);
  c.where = c.reviewer_where = {"conflicts.csv", line, 1};
  c.application_where = {"conflicts.csv", line, 10};
  c.applicant_where = {"conflicts.csv", line, 20};
  return c;
}

std::string messages(const fundscreen::util::Diagnostics& found) {
  std::string out;
  for (const auto& d : found.items())
    out += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " + d.message + "\n";
  return out;
}

} // namespace

TEST_CASE("core::ConflictCheck") {
  using fundscreen::core::ConflictCheck;
  fundscreen::util::Diagnostics found;
  auto set = conflict_set(true);
  std::vector<fundscreen::core::Conflict> conflicts = {
      conflict("OA-2021-029", "", 2), conflict("OA-2021-0299", "", 3), conflict("", "Iisalmen kaupunki", 4),
      conflict("", "Iisalmen kaupungi", 5), conflict("", "Kuopion kaupunki", 6)};
  IdRegistry ids;
  std::vector<fundscreen::core::Application> apps = {application("OA-2021-029", "Kajaanin ammattikorkeakoulu"),
                                                     application("OA-2021-047", "Iisalmen kaupunki"),
                                                     application("OA-2021-048", "Iisalmen kaupunki")};
  for (const auto& app : apps) ids.add(std::get<std::string>(app.values[0]), {"apps.csv", 2, 1}, found);
  SUBCASE("unknown applications and applicants, each with the nearest known one") {
    ConflictCheck check(set, conflicts);
    for (const auto& app : apps) check.see(app);
    REQUIRE(check.applicant_missing());
    for (const auto& app : apps) check.offer(app);
    check.report(ids, found);
    CHECK(messages(found) ==
          "3:10: conflict with unknown application 'OA-2021-0299', not among the applications read; did you mean "
          "'OA-2021-029'?\n"
          "5:20: conflict with unknown applicant 'Iisalmen kaupungi', the applicant of none of the applications read; "
          "did you mean 'Iisalmen kaupunki'?\n"
          "6:20: conflict with unknown applicant 'Kuopion kaupunki', the applicant of none of the applications "
          "read\n");
  }
  SUBCASE("every applicant seen: no second read needed, nothing to report") {
    std::vector<fundscreen::core::Conflict> known = {conflicts[0], conflicts[2]};
    ConflictCheck check(set, known);
    CHECK(check.applicant_missing());
    check.see(apps[1]);
    CHECK_FALSE(check.applicant_missing());
    check.report(ids, found);
    CHECK(found.items().empty());
  }
  SUBCASE("applicants seen on two threads at once") {
    ConflictCheck check(set, conflicts);
    std::vector<fundscreen::core::Application> many;
    for (int i = 0; i < 20000; ++i)
      many.push_back(application("B" + std::to_string(i), i == 15000 ? "Iisalmen kaupungi" : "Muu Oy"));
    std::thread other([&] {
      for (size_t i = 0; i < many.size(); i += 2) check.see(many[i]);
    });
    for (size_t i = 1; i < many.size(); i += 2) check.see(many[i]);
    other.join();
    check.see(apps[1]);
    check.report(ids, found);
    // Only the applicant no application has is left.
    CHECK(messages(found).find("applicant 'Kuopion kaupunki'") != std::string::npos);
    CHECK(messages(found).find("applicant 'Iisalmen") == std::string::npos);
  }
  SUBCASE("an applicant named when the set has no applicant field") {
    auto bare = conflict_set(false);
    std::vector<fundscreen::core::Conflict> one = {conflicts[2]};
    ConflictCheck check(bare, one);
    CHECK_FALSE(check.applicant_missing());
    check.report(ids, found);
    CHECK(messages(found) == "4:20: conflict with applicant 'Iisalmen kaupunki', but the criteria set has no "
                             "'applicant' field; name the application instead\n");
  }
}
