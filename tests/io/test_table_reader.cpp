// SPDX-License-Identifier: Apache-2.0
// Reading tables of records (applications, outcome reports) from CSV and YAML against a
// schema: header checks, typed cells with their places, and the problems a user sees.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/criteria_set.hpp"
#include "io/table_reader.hpp"
#include "test_builders.hpp"

using fundscreen::core::FieldSpec;
using fundscreen::core::FieldType;
using fundscreen::io::Doubts;
using fundscreen::io::read_csv_table;
using fundscreen::io::read_yaml_table;
using fundscreen::io::TableOptions;
using fundscreen::io::TypedRow;
using fundscreen::testing::listing;
using fundscreen::util::Diagnostics;
using fundscreen::util::Severity;

namespace {

const std::vector<FieldSpec> k_schema = {
    {"id", FieldType::string, true, {}},
    {"stage", FieldType::enumeration, true, {"idea", "ongoing"}},
    {"requested_eur", FieldType::money, false, {}},
    {"actors", FieldType::list, false, {}},
};

// What reading a table gave: the rows passed on and every problem.
struct Table {
  std::vector<TypedRow> rows;
  Diagnostics diagnostics;

  // Row `r` as `line: value, value, ...` with values as an audit trail shows them.
  std::string row(size_t r) const {
    std::string out = std::to_string(rows.at(r).where.line) + ":";
    for (const auto& v : rows.at(r).values) out += " " + fundscreen::core::to_display(v);
    return out;
  }
  // The problems, one `line:column: message` a line.
  std::string problems() const { return listing(diagnostics.items()); }
};

TableOptions application_options(Doubts doubts = Doubts::warn) {
  TableOptions options;
  options.doubts = doubts;
  options.record_name = "application";
  options.yaml_key = "applications";
  return options;
}

Table read_csv(const std::string& csv, const TableOptions& options = application_options()) {
  Table t;
  std::istringstream in(csv);
  read_csv_table(in, "apps.csv", k_schema, options, t.diagnostics, [&](TypedRow&& r) { t.rows.push_back(r); });
  return t;
}

Table read_yaml(const std::string& yaml, const TableOptions& options = application_options(),
                std::span<const FieldSpec> schema = k_schema) {
  Table t;
  read_yaml_table(yaml, "apps.yaml", schema, options, t.diagnostics, [&](TypedRow&& r) { t.rows.push_back(r); });
  return t;
}

Table read_outcomes(const std::string& yaml) {
  TableOptions options;
  options.record_name = "outcome report";
  options.yaml_key = "outcomes";
  return read_yaml(yaml, options, fundscreen::core::outcome_fields());
}

} // namespace

TEST_CASE("io::read_csv_table") {
  SUBCASE("reads typed rows, each cell with its place") {
    auto t = read_csv(R"(id,stage,requested_eur,actors
A1,ongoing,95000.50,Sitra|Kela
A2,idea,,
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A1\" \"ongoing\" 95000.50 [\"Sitra\", \"Kela\"]");
    CHECK(t.row(1) == "3: \"A2\" \"idea\" missing missing");
    CHECK(t.rows[0].complete);
    CHECK(t.rows[0].cells[2].line == 2);
    CHECK(t.rows[0].cells[2].column == 12);
  }
  SUBCASE("takes the columns in any order") {
    auto t = read_csv("stage,id\nongoing,A1\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"ongoing\" missing missing");
  }
  SUBCASE("reads a Finnish export: semicolons and a decimal comma with spaces between thousands") {
    auto t = read_csv("id;stage;requested_eur\nA1;ongoing;800 000,50\n");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"ongoing\" 800000.50 missing");
  }
  SUBCASE("a missing required column stops the file") {
    auto t = read_csv("id,requested_eur\nA1,12\n");
    CHECK(t.problems() == "1:1: missing required column 'stage'\n");
    CHECK(t.rows.empty());
  }
  SUBCASE("an unknown column is a warning, with the nearest column suggested") {
    auto t = read_csv("id,stage,requsted_eur,colour\nA1,idea,12,red\n");
    CHECK(t.problems() == "1:10: unknown column 'requsted_eur' is ignored; did you mean 'requested_eur'?\n"
                          "1:23: unknown column 'colour' is ignored\n");
    CHECK(t.diagnostics.errors() == 0);
    CHECK(t.diagnostics.warnings() == 2);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"idea\" missing missing");
  }
  SUBCASE("an unknown column is an error when unknown columns are rejected") {
    auto t = read_csv("id,stage,requsted_eur,colour\nA1,idea,12,red\n", application_options(Doubts::reject));
    CHECK(t.problems() == "1:10: unknown column 'requsted_eur'; did you mean 'requested_eur'?\n"
                          "1:23: unknown column 'colour'\n");
    CHECK(t.diagnostics.errors() == 2);
  }
  SUBCASE("a duplicate column is an error and its second copy is not read") {
    auto t = read_csv("id,stage,id\nA1,idea,A2\n");
    CHECK(t.problems() == "1:10: duplicate column 'id'\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"idea\" missing missing");
  }
  SUBCASE("a row of the wrong width is reported at its first extra field, or its start, and left out") {
    auto t = read_csv("id,stage\nA1,idea,extra\nA2\nA3,ongoing\n");
    CHECK(t.problems() == "2:9: this row has 3 fields but the header has 2; check for a stray ',' or a missing quote\n"
                          "3:1: this row has 1 field but the header has 2; check for a stray ',' or a missing quote\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "4: \"A3\" \"ongoing\" missing missing");
  }
  SUBCASE("the width message names the delimiter in use") {
    auto t = read_csv("id;stage\nA1;idea;x\n");
    CHECK(t.problems() ==
          "2:9: this row has 3 fields but the header has 2; check for a stray ';' or a missing quote\n");
  }
  SUBCASE("a bad cell is reported at its line and column") {
    auto t = read_csv("id,stage,requested_eur\nA1,ongoing,12k\nA2,ongoin,5\n");
    CHECK(t.problems() == "2:12: invalid money '12k' for field 'requested_eur'; write an amount such as 12000, "
                          "12000.50 or 12 000,50\n"
                          "3:4: unknown value 'ongoin' for field 'stage'; allowed: idea, ongoing (did you mean "
                          "'ongoing'?)\n");
  }
  SUBCASE("a row with a bad cell is still passed on, incomplete, with the cell missing") {
    auto t = read_csv("id,stage,requested_eur\nA1,ongoing,12k\nA2,idea,5\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A1\" \"ongoing\" missing missing");
    CHECK_FALSE(t.rows[0].complete);
    CHECK(t.rows[1].complete);
  }
  SUBCASE("an empty cell of a required field is an error") {
    auto t = read_csv("id,stage,requested_eur\nA1,,5\n");
    CHECK(t.problems() == "2:4: missing value for required field 'stage'\n");
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
  SUBCASE("a quoted cell may hold the delimiter and a line break, and its place is where it starts") {
    auto t = read_csv("id,stage,requested_eur\n\"A,1\",ongoing,\"12\n\"\nA2,idea,x\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A,1\" \"ongoing\" 12 missing");
    CHECK(t.problems() == "4:9: invalid money 'x' for field 'requested_eur'; write an amount such as 12000, "
                          "12000.50 or 12 000,50\n");
  }
  SUBCASE("an empty file") {
    auto t = read_csv("");
    CHECK(t.problems() == "1:1: the file is empty; expected a header row and one row per application\n");
  }
  SUBCASE("a header with no rows is a warning") {
    auto t = read_csv("id,stage\n");
    CHECK(t.problems() == "1:1: the file has a header but no applications\n");
    CHECK(t.diagnostics.items().at(0).severity == Severity::warning);
  }
}

TEST_CASE("io::read_yaml_table") {
  SUBCASE("reads a list of mappings, each record placed where it starts") {
    auto t = read_yaml(R"(- id: A1
  stage: ongoing
  requested_eur: 95000.50
- id: A2
  stage: idea
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "1: \"A1\" \"ongoing\" 95000.50 missing");
    CHECK(t.row(1) == "4: \"A2\" \"idea\" missing missing");
    CHECK(t.rows[1].where.column == 3);
  }
  SUBCASE("reads the list under the records' key") {
    auto t = read_yaml(R"(applications:
  - id: A1
    stage: ongoing
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"ongoing\" missing missing");
  }
  SUBCASE("a mapping without the key is an error that names it") {
    auto t = read_yaml("apps:\n  - id: A1\n    stage: idea\n");
    CHECK(t.problems() ==
          "1:1: expected a list of applications, or a mapping with the key 'applications:' holding one\n");
    CHECK(t.rows.empty());
  }
  SUBCASE("a list field is a sequence, items trimmed and empty ones dropped") {
    auto t = read_yaml(R"(- id: A1
  stage: idea
  actors: [Sitra, " Kela ", ""]
)");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" \"idea\" missing [\"Sitra\", \"Kela\"]");
  }
  SUBCASE("a list field may also be written as a|b") {
    auto t = read_yaml("- {id: A1, stage: idea, actors: Sitra|Kela}\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" \"idea\" missing [\"Sitra\", \"Kela\"]");
  }
  SUBCASE("a sequence for a field of one value is an error") {
    auto t = read_yaml("- id: A1\n  stage: [idea, ongoing]\n");
    CHECK(t.problems() == "2:10: field 'stage' takes a single value here\n");
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
  SUBCASE("a bad value is reported where it is written, and its record passed on incomplete") {
    auto t = read_yaml("- id: A1\n  stage: idea\n  requested_eur: 12k\n");
    CHECK(t.problems() == "3:18: invalid money '12k' for field 'requested_eur'; write an amount such as 12000, "
                          "12000.50 or 12 000,50\n");
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
  SUBCASE("a required key that is absent is reported at the record") {
    auto t = read_yaml("- id: A1\n  requested_eur: 5\n");
    CHECK(t.problems() == "1:3: missing value for required field 'stage'\n");
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
  SUBCASE("a required key with a null value is reported at the key") {
    auto t = read_yaml("- id: A1\n  stage: ~\n");
    CHECK(t.problems() == "2:3: missing value for required field 'stage'\n");
  }
  SUBCASE("an unknown key is a warning, or an error when unknown keys are rejected") {
    CHECK(read_yaml("- {id: A1, stage: idea, stge: new}\n").problems() ==
          "1:25: unknown key 'stge' is ignored; did you mean 'stage'?\n");
    CHECK(read_yaml("- {id: A1, stage: idea, stge: new}\n", application_options(Doubts::reject)).problems() ==
          "1:25: unknown key 'stge'; did you mean 'stage'?\n");
  }
  SUBCASE("a record that is not a mapping") {
    auto t = read_yaml("- A1\n- {id: A2, stage: idea}\n");
    CHECK(t.problems() == "1:3: each application is a mapping of field names to values\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A2\" \"idea\" missing missing");
  }
  SUBCASE("an empty file") {
    CHECK(read_yaml("").problems() == "1:1: the file is empty; expected a list of applications\n");
    CHECK(read_yaml("  \n\n").problems() == "1:1: the file is empty; expected a list of applications\n");
  }
  SUBCASE("invalid YAML is an error at its place") {
    auto t = read_yaml("- id: A1\n  stage: [idea\n");
    REQUIRE(t.diagnostics.errors() == 1);
    CHECK(t.diagnostics.items()[0].message.starts_with("invalid YAML: "));
    CHECK(t.diagnostics.items()[0].where.source == "apps.yaml");
    CHECK(t.rows.empty());
  }
}

// Regression: a key written with nothing after it (`stage:`) has a null node whose YAML mark is the
// next token, so the problem is placed there: at the next key (3:3 for the first input
// below), at the next record after blank lines (5:1), or past the end of the file (3:1 for
// the last). It belongs on the key's own line, 2:3.
TEST_CASE("io::read_yaml_table places a problem with an empty value on its key") {
  CHECK(read_yaml("- id: A1\n  stage:\n  requested_eur: 5\n").problems() ==
        "2:3: missing value for required field 'stage'\n");
  CHECK(read_yaml("- id: A1\n  stage:\n\n\n- id: A2\n  stage: idea\n").problems() ==
        "2:3: missing value for required field 'stage'\n");
  CHECK(read_yaml("- id: A1\n  stage:\n").problems() == "2:3: missing value for required field 'stage'\n");
}

TEST_CASE("io::read_yaml_table outcome goals") {
  SUBCASE("count goals_total and, as met, goals whose actual reaches the target") {
    auto t = read_outcomes(R"(outcomes:
  - application: A1
    continued: kyllä
    goals:
      - {indicator: company interviews, target: 32, actual: 29}
      - {indicator: development plans, target: 10, actual: 10}
      - {indicator: trials started, target: 4, actual: 6}
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    // application, continued, resources_as_planned, problem_confirmed, goals_met, goals_total, note
    CHECK(t.row(0) == "2: \"A1\" true missing missing 2 3 missing");
  }
  SUBCASE("leave goals_met and goals_total alone when they are given") {
    auto t = read_outcomes(R"(- application: A1
  goals_met: 1
  goals_total: 5
  goals:
    - {indicator: interviews, target: 32, actual: 40}
)");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" missing missing missing 1 5 missing");
  }
  SUBCASE("read decimal targets written with a comma") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: share, target: "0,5", actual: "0,75"}
)");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" missing missing missing 1 1 missing");
  }
  SUBCASE("report a goal without a numeric target or actual") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: interviews, target: many, actual: 3}
)");
    CHECK(t.problems() ==
          "3:7: a goal needs a numeric target (a range such as 40–50 is met at its lower end) and actual, or met: "
          "true or false\n");
  }
  SUBCASE("meet a range target at its lower end") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: companies surveyed, target: 40–50, actual: 43}
    - {indicator: pilots, target: 4-6, actual: 3}
    - {indicator: cells, target: "2 – 3", actual: 2}
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" missing missing missing 2 3 missing");
  }
  SUBCASE("take met: from a goal without numbers") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: model piloted in teams, target: 3, met: true}
    - {indicator: coaching, actual: nine organisations, met: kyllä}
    - {indicator: cells, target: some, met: false}
)");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" missing missing missing 2 3 missing");
  }
  SUBCASE("report met: that contradicts the numbers") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: interviews, target: 32, actual: 29, met: true}
)");
    CHECK(t.problems() == "3:60: 'met: true' contradicts the numbers: actual 29 against target 32; leave 'met' out\n");
    CHECK_FALSE(t.rows.at(0).complete);
  }
  SUBCASE("report a met: that is not a boolean, and a range that runs backwards") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: a, met: perhaps}
    - {indicator: b, target: 6–4, actual: 5}
)");
    CHECK(t.problems() == "3:27: 'met' is true or false\n"
                          "4:7: a goal needs a numeric target (a range such as 40–50 is met at its lower end) and "
                          "actual, or met: true or false\n");
  }
  SUBCASE("report an unknown key in a goal") {
    auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicatr: interviews, target: 1, actual: 1}
)");
    CHECK(t.problems() == "3:8: unknown key 'indicatr' in a goal; did you mean 'indicator'?\n");
  }
  SUBCASE("are an unknown key in a schema without goal fields") {
    auto t = read_yaml("- {id: A1, stage: idea, goals: []}\n");
    CHECK(t.problems() == "1:25: unknown key 'goals' is ignored\n");
  }
}

// Regression: a goal that cannot be read is reported, but the outcome report is still passed on
// with complete == true and goals_total/goals_met counted over the readable goals only:
// here goals_total 1 and goals_met 1, so an indicator `goals_met >= goals_total` passes on a
// report whose second goal nobody could read. TypedRow promises complete == false when a
// part of the record did not parse.
TEST_CASE("io::read_yaml_table outcome with an unreadable goal is incomplete") {
  auto t = read_outcomes(R"(- application: A1
  goals:
    - {indicator: interviews, target: 32, actual: 40}
    - {indicator: plans, target: many, actual: 3}
)");
  CHECK(t.problems() ==
        "4:7: a goal needs a numeric target (a range such as 40–50 is met at its lower end) and actual, or met: "
        "true or false\n");
  REQUIRE(t.rows.size() == 1);
  CHECK_FALSE(t.rows[0].complete);
}

TEST_CASE("io::read_csv_table with every column required") {
  TableOptions options = application_options();
  options.columns = fundscreen::io::Columns::all;
  SUBCASE("an optional field without a column is an error, and the rows are still read") {
    auto t = read_csv("id,stage,requested_eur\nA1,idea,12\n", options);
    CHECK(t.problems() == "1:1: missing column 'actors', a field of the criteria set; add the column (its values "
                          "may be empty), or correct the spelling of the column that holds it\n");
    CHECK(t.diagnostics.errors() == 1);
    CHECK(t.rows.size() == 1);
  }
  SUBCASE("an unknown column near the missing one is named") {
    auto t = read_csv("id,stage,requested_eur,actorz\nA1,idea,12,x\n", options);
    CHECK(t.problems() == "1:24: unknown column 'actorz' is ignored; did you mean 'actors'?\n"
                          "1:1: missing column 'actors', a field of the criteria set; if the column 'actorz' holds "
                          "it, rename it 'actors'; otherwise add the column (its values may be empty)\n");
  }
  SUBCASE("the only unknown column is named when only one field is missing") {
    auto t = read_csv("id,stage,requested_eur,Toimijat\nA1,idea,12,x\n", options);
    CHECK(t.problems().find("1:1: missing column 'actors', a field of the criteria set; if the column "
                            "'Toimijat' holds it, rename it 'actors'") != std::string::npos);
  }
  SUBCASE("without the option an optional column may be left out") {
    CHECK(read_csv("id,stage,requested_eur\nA1,idea,12\n").problems() == "");
  }
}

TEST_CASE("io::read_yaml_table with every column required") {
  TableOptions options = application_options();
  options.columns = fundscreen::io::Columns::all;
  SUBCASE("a field that no record names is an error at the first record") {
    auto t = read_yaml("- {id: A1, stage: idea, requested_eur: 1}\n- {id: A2, stage: idea, toimijat: [x]}\n", options);
    CHECK(t.problems() == "2:25: unknown key 'toimijat' is ignored\n"
                          "1:3: no application in the file has the key 'actors', a field of the criteria set; if "
                          "the key 'toimijat' holds it, rename it 'actors'; otherwise add the key (its values may "
                          "be empty)\n");
    CHECK(t.rows.size() == 2);
  }
  SUBCASE("a field that one record names is enough; an empty value counts") {
    CHECK(read_yaml("- {id: A1, stage: idea, requested_eur: 1}\n- {id: A2, stage: idea, actors: }\n", options)
              .problems() == "");
  }
}

TEST_CASE("io::read_csv_table list cells") {
  SUBCASE("a cell holding ',' or ';' but not the separator is a warning naming the cell and the separator") {
    auto t = read_csv("id,stage,actors\nA1,idea,\"Oulun yliopisto, Business Oulu\"\nA2,idea,a;b|c\n");
    CHECK(t.problems() ==
          "2:9: list field 'actors' holds ',' in 'Oulun yliopisto, Business Oulu', read as 1 item separated by "
          "'|'; if it names several, separate them with '|', or set separator: \",\" on the field in the criteria "
          "set\n"
          "3:9: list field 'actors' holds ';' in 'a;b|c', read as 2 items separated by '|'; if it names several, "
          "separate them with '|', or set separator: \";\" on the field in the criteria set\n");
    CHECK(t.diagnostics.warnings() == 2);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A1\" \"idea\" missing [\"Oulun yliopisto, Business Oulu\"]");
  }
  SUBCASE("with --strict it is an error and the value is left out") {
    auto t = read_csv("id,stage,actors\nA1,idea,\"a, b\"\n", application_options(Doubts::reject));
    CHECK(t.diagnostics.errors() == 1);
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
  SUBCASE("a field with its own separator splits on it and warns of the others") {
    std::vector<FieldSpec> schema = k_schema;
    schema[3].separator = ',';
    Table t;
    std::istringstream in("id;stage;actors\nA1;idea;Oulun yliopisto, Business Oulu\nA2;idea;\"a|b;c\"\n");
    read_csv_table(in, "apps.csv", schema, application_options(), t.diagnostics,
                   [&](TypedRow&& r) { t.rows.push_back(r); });
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A1\" \"idea\" missing [\"Oulun yliopisto\", \"Business Oulu\"]");
    CHECK(t.problems() == "3:9: list field 'actors' holds ';' in 'a|b;c', read as 1 item separated by ','; if it "
                          "names several, separate them with ',', or set separator: \";\" on the field in the "
                          "criteria set\n");
  }
  SUBCASE("a YAML sequence is taken as written; a scalar is split and checked as a cell") {
    auto t = read_yaml("- {id: A1, stage: idea, actors: ['a, b', c]}\n- {id: A2, stage: idea, actors: 'a, b'}\n");
    CHECK(t.problems() == "2:33: list field 'actors' holds ',' in 'a, b', read as 1 item separated by '|'; if it "
                          "names several, separate them with '|', or set separator: \",\" on the field in the "
                          "criteria set\n");
  }
}

namespace {

// Fields read from Finnish, Swedish and English headers (`column`), one with a pattern.
std::vector<FieldSpec> mapped_schema() {
  std::string why;
  std::vector<FieldSpec> fields = {
      {"id", FieldType::string, true, {}},           {"business_id", FieldType::string, true, {}},
      {"requested_eur", FieldType::money, true, {}}, {"starts", FieldType::date, false, {}},
      {"partners", FieldType::list, false, {}},
  };
  fields[1].columns = {"Y-tunnus", "FO-nummer", "Business ID"};
  fields[1].pattern = fundscreen::core::Pattern::compile("^[0-9]{7}-[0-9]$", why);
  fields[2].columns = {"Haettu summa (€)", "Ansökt belopp (€)"};
  fields[2].max = fundscreen::core::Money{15000000};
  fields[3].columns = {"Alkaa/loppu"};
  fields[4].columns = {"Kumppanit"};
  fields[4].pattern = fundscreen::core::Pattern::compile("[A-ZÅÄÖ].*", why);
  return fields;
}

Table read_mapped_csv(const std::string& csv) {
  Table t;
  std::istringstream in(csv);
  read_csv_table(in, "apps.csv", mapped_schema(), application_options(), t.diagnostics,
                 [&](TypedRow&& r) { t.rows.push_back(r); });
  return t;
}

Table read_mapped_yaml(const std::string& yaml) { return read_yaml(yaml, application_options(), mapped_schema()); }

} // namespace

TEST_CASE("io::read_csv_table column") {
  SUBCASE("reads a field from the header its column names: a Finnish export") {
    auto t = read_mapped_csv("\xEF\xBB\xBFid;Y-tunnus;Haettu summa (€);Alkaa/loppu;Kumppanit\r\n"
                             "A1;1234567-8;12 000,50;28.2.2025;Oulu|Kemi\r\n");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"1234567-8\" 12000.50 2025-02-28 [\"Oulu\", \"Kemi\"]");
  }
  SUBCASE("or from another of its headers, trimmed: a Swedish export") {
    auto t = read_mapped_csv("id; FO-nummer ;Ansökt belopp (€);Alkaa/loppu;Kumppanit\nA1;1234567-8;12000,50;;\n");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"1234567-8\" 12000.50 missing missing");
  }
  SUBCASE("a message about a cell names the field and its column") {
    auto t = read_mapped_csv("id,Y-tunnus,Haettu summa (€),Alkaa/loppu,Kumppanit\n"
                             "A1,123456-7,200000,1.1.2025,Oulu|kemi\n"
                             "A2,,1,2025-02-30,\n");
    CHECK(t.problems() ==
          "2:4: value '123456-7' for field 'business_id' (column 'Y-tunnus') does not match the field's pattern "
          "'^[0-9]{7}-[0-9]$'; correct the value, or the set's pattern if the value is right\n"
          "2:13: money '200000' for field 'requested_eur' (column 'Haettu summa (€)') is above the field's max, "
          "150000; correct the value, or the set's 'max' if the value is right\n"
          "2:29: list item 'kemi' for field 'partners' (column 'Kumppanit') does not match the field's pattern "
          "'[A-ZÅÄÖ].*'; correct the item, or the set's pattern if the item is right\n"
          "3:4: missing value for required field 'business_id' (column 'Y-tunnus')\n"
          "3:7: invalid date '2025-02-30' for field 'starts' (column 'Alkaa/loppu'); 2025-02 has 28 days\n");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.row(0) == "2: \"A1\" missing missing 2025-01-01 missing");
  }
  SUBCASE("a field with a column is not read from its own name") {
    auto t = read_mapped_csv("id,business_id,Haettu summa (€),Alkaa/loppu,Kumppanit\nA1,1234567-8,1,,\n");
    CHECK(t.problems() == "1:4: unknown column 'business_id' is ignored; field 'business_id' is read from the column "
                          "'Y-tunnus', 'FO-nummer' or 'Business ID' (its 'column' in the criteria set)\n"
                          "1:1: missing required column 'Y-tunnus', 'FO-nummer' or 'Business ID' for field "
                          "'business_id'; if the column 'business_id' holds it, rename it 'Y-tunnus'\n");
    CHECK(t.rows.empty());
  }
  SUBCASE("a header that differs in case or spaces is not taken, but named as the likely fix") {
    auto t = read_mapped_csv("id,business id,Haettu summa (€),Alkaa/loppu,Kumppanit\nA1,1234567-8,1,,\n");
    CHECK(t.problems() == "1:4: unknown column 'business id' is ignored; did you mean 'Business ID'?\n"
                          "1:1: missing required column 'Y-tunnus', 'FO-nummer' or 'Business ID' for field "
                          "'business_id'; if the column 'business id' holds it, rename it 'Business ID'\n");
    t = read_mapped_csv("id,Y-tunnus,Haettu summa (€),Alkaa/Loppu,Kumppanit\nA1,1234567-8,1,,\n");
    CHECK(t.problems() == "1:30: unknown column 'Alkaa/Loppu' is ignored; did you mean 'Alkaa/loppu'?\n");
  }
  SUBCASE("an optional field's missing column names its headers and the likely one") {
    TableOptions options = application_options();
    options.columns = fundscreen::io::Columns::all;
    Table t;
    std::istringstream in("id,Y-tunnus,Haettu summa (€),Kumppanit,Alkaa\nA1,1234567-8,1,,\n");
    read_csv_table(in, "apps.csv", mapped_schema(), options, t.diagnostics, [&](TypedRow&& r) { t.rows.push_back(r); });
    CHECK(t.problems() == "1:40: unknown column 'Alkaa' is ignored\n"
                          "1:1: missing column 'Alkaa/loppu' for field 'starts' of the criteria set; if the column "
                          "'Alkaa' holds it, rename it 'Alkaa/loppu'; otherwise add the column (its values may be "
                          "empty)\n");
  }
  SUBCASE("two of a field's columns in one file are an error naming both; the first is read") {
    auto t = read_mapped_csv("id,Y-tunnus,Haettu summa (€),Business ID\nA1,1234567-8,1,7654321-0\n");
    CHECK(t.problems() == "1:30: columns 'Y-tunnus' and 'Business ID' both hold field 'business_id'; keep the one "
                          "that is meant and remove the other\n");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "2: \"A1\" \"1234567-8\" 1 missing missing");
  }
}

TEST_CASE("io::read_yaml_table column") {
  SUBCASE("a field's headers are its keys") {
    auto t = read_mapped_yaml("- {id: A1, FO-nummer: 1234567-8, Ansökt belopp (€): 100, Kumppanit: [Oulu, Kemi]}\n");
    CHECK(t.problems() == "");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.row(0) == "1: \"A1\" \"1234567-8\" 100 missing [\"Oulu\", \"Kemi\"]");
  }
  SUBCASE("a message names the key; a list item is checked at its place") {
    auto t = read_mapped_yaml("- {id: A1, Y-tunnus: 1234567, Haettu summa (€): 1, Kumppanit: [Oulu, kemi]}\n"
                              "- {id: A2, Haettu summa (€): 1}\n");
    CHECK(t.problems() ==
          "1:22: value '1234567' for field 'business_id' (key 'Y-tunnus') does not match the field's pattern "
          "'^[0-9]{7}-[0-9]$'; correct the value, or the set's pattern if the value is right\n"
          "1:70: list item 'kemi' for field 'partners' (key 'Kumppanit') does not match the field's pattern "
          "'[A-ZÅÄÖ].*'; correct the item, or the set's pattern if the item is right\n"
          "2:3: missing value for required field 'business_id' (key 'Y-tunnus', 'FO-nummer' or 'Business ID')\n");
  }
  SUBCASE("a field no record has a key for names the keys it may be read from") {
    TableOptions options = application_options();
    options.columns = fundscreen::io::Columns::all;
    auto t = read_yaml("- {id: A1, Y-tunnus: 1234567-8, Haettu summa (€): 1, Kumppanit: [Oulu], alkaa/loppu: x}\n",
                       options, mapped_schema());
    CHECK(t.problems() == "1:73: unknown key 'alkaa/loppu' is ignored; did you mean 'Alkaa/loppu'?\n"
                          "1:3: no application in the file has the key 'Alkaa/loppu' for field 'starts' of the "
                          "criteria set; if the key 'alkaa/loppu' holds it, rename it 'Alkaa/loppu'; otherwise add "
                          "the key (its values may be empty)\n");
  }
  SUBCASE("two of a field's keys in one record are an error naming both") {
    auto t = read_mapped_yaml("- {id: A1, Y-tunnus: 1234567-8, Business ID: 1234567-8, Haettu summa (€): 1}\n");
    CHECK(t.problems() == "1:33: keys 'Y-tunnus' and 'Business ID' both hold field 'business_id'; keep the one "
                          "that is meant and remove the other\n");
    REQUIRE(t.rows.size() == 1);
    CHECK_FALSE(t.rows[0].complete);
  }
}
