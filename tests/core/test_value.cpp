// SPDX-License-Identifier: Apache-2.0
#include <charconv>
#include <string>

#include <doctest/doctest.h>

#include "core/value.hpp"
#include "test_builders.hpp"

using fundscreen::core::Duration;
using fundscreen::core::is_empty;
using fundscreen::core::Money;
using fundscreen::core::parse_field_value;
using fundscreen::core::StringList;
using fundscreen::core::to_display;
using fundscreen::core::Value;
using fundscreen::testing::date;
using fundscreen::testing::field;

namespace {

// The value cell `text` of field `name` reads as, as an audit trail shows it, or "error: WHY".
std::string cell(std::string_view name, std::string_view text) {
  std::string why;
  auto v = parse_field_value(text, field(name), why);
  return v ? to_display(*v) : "error: " + why;
}

// True if cell `text` of field `name` reads as a value held as a `T`.
template <typename T> bool reads_as(std::string_view name, std::string_view text) {
  std::string why;
  auto v = parse_field_value(text, field(name), why);
  return v && std::holds_alternative<T>(*v);
}

} // namespace

TEST_CASE("core::parse_field_value") {
  SUBCASE("an empty or blank cell is missing, whatever the type") {
    for (auto name : {"thesis", "stage", "programme_started", "requested_eur", "actors", "problem", "team_size",
                      "panel_score", "has_partner"}) {
      CAPTURE(name);
      CHECK(cell(name, "") == "missing");
      CHECK(cell(name, "  \t ") == "missing");
    }
  }
  SUBCASE("a string is trimmed") {
    CHECK(cell("thesis", "  3B  ") == "\"3B\"");
    CHECK(reads_as<std::string>("thesis", "3B"));
  }
  SUBCASE("a text keeps its spaces and line breaks") {
    CHECK(cell("problem", "  two\n lines ") == "\"  two\n lines \"");
  }
  SUBCASE("an enum takes one of its values, trimmed") {
    CHECK(cell("stage", "ongoing") == "\"ongoing\"");
    CHECK(cell("stage", " idea ") == "\"idea\"");
  }
  SUBCASE("an enum rejects another value, listing the allowed ones and suggesting the nearest") {
    CHECK(cell("stage", "ongoin") ==
          "error: unknown value 'ongoin' for field 'stage'; allowed: idea, new, ongoing (did you mean 'ongoing'?)");
    CHECK(cell("stage", "Idea") ==
          "error: unknown value 'Idea' for field 'stage'; allowed: idea, new, ongoing (did you mean 'idea'?)");
    CHECK(cell("stage", "finished") ==
          "error: unknown value 'finished' for field 'stage'; allowed: idea, new, ongoing");
  }
  SUBCASE("a date is ISO or Finnish") {
    CHECK(cell("programme_started", "2020-12-01") == "2020-12-01");
    CHECK(cell("programme_started", "1.12.2020") == "2020-12-01");
    CHECK(reads_as<fundscreen::core::Date>("programme_started", "1.12.2020"));
  }
  SUBCASE("an impossible date names the value, the field and the reason") {
    CHECK(cell("programme_started", "2021-02-30") ==
          "error: invalid date '2021-02-30' for field 'programme_started'; 2021-02 has 28 days");
    CHECK(cell("programme_started", "soon") ==
          "error: invalid date 'soon' for field 'programme_started'; write dates as YYYY-MM-DD, e.g. 2021-03-01");
  }
  SUBCASE("money is exact in cents") {
    CHECK(cell("requested_eur", "800 000,50") == "800000.50");
    CHECK(cell("requested_eur", "95000") == "95000");
    CHECK(reads_as<Money>("requested_eur", "95000"));
  }
  SUBCASE("bad money names the value, the field and the reason") {
    CHECK(cell("requested_eur", "12k") ==
          "error: invalid money '12k' for field 'requested_eur'; write an amount such as 12000, 12000.50 or 12 000,50");
    CHECK(cell("requested_eur", "1,234") == "error: invalid money '1,234' for field 'requested_eur'; three digits "
                                            "after the separator is ambiguous; money has at most two decimals");
  }
  SUBCASE("an integer allows spaces between thousands") {
    CHECK(cell("team_size", "12") == "12");
    CHECK(cell("team_size", "1 200") == "1200");
    CHECK(cell("team_size", "-3") == "-3");
    CHECK(reads_as<int64_t>("team_size", "12"));
  }
  SUBCASE("an integer rejects a decimal") {
    CHECK(cell("team_size", "12.5") == "error: invalid integer '12.5' for field 'team_size'; write a whole number "
                                       "such as 12");
  }
  SUBCASE("a number takes a decimal point or a decimal comma") {
    CHECK(cell("panel_score", "3.5") == "3.5");
    CHECK(cell("panel_score", "3,5") == "3.5");
    CHECK(cell("panel_score", "4") == "4");
    CHECK(reads_as<double>("panel_score", "4"));
  }
  SUBCASE("a number rejects words") {
    CHECK(cell("panel_score", "three") ==
          "error: invalid number 'three' for field 'panel_score'; write a number such as 3.5 or 3,5");
  }
  SUBCASE("a boolean is read in English, Finnish and Swedish, in any case") {
    for (auto yes : {"true", "yes", "1", "kyll\xC3\xA4", "Kyll\xC3\xA4", "ja", "YES", "y"}) {
      CAPTURE(yes);
      CHECK(cell("has_partner", yes) == "true");
    }
    for (auto no : {"false", "no", "0", "ei", "EI", "nej", "n"}) {
      CAPTURE(no);
      CHECK(cell("has_partner", no) == "false");
    }
  }
  SUBCASE("a boolean rejects anything else") {
    CHECK(cell("has_partner", "maybe") ==
          "error: invalid boolean 'maybe' for field 'has_partner'; write true or false (yes/no, kyll\xC3\xA4/ei)");
  }
  SUBCASE("a list is split on '|', each item trimmed and empty items dropped") {
    CHECK(cell("actors", "Sitra|Kela") == "[\"Sitra\", \"Kela\"]");
    CHECK(cell("actors", " Sitra | Kela || Tampereen AMK | ") == "[\"Sitra\", \"Kela\", \"Tampereen AMK\"]");
    CHECK(cell("actors", "Sitra") == "[\"Sitra\"]");
  }
  SUBCASE("a list of only separators is an empty list, not a missing one") {
    std::string why;
    auto v = parse_field_value("|", field("actors"), why);
    REQUIRE(v);
    CHECK(std::get<StringList>(*v).empty());
    CHECK(is_empty(*v));
  }
}

TEST_CASE("core::is_empty") {
  CHECK(is_empty(Value{}));
  CHECK(is_empty(Value(std::string(""))));
  CHECK(is_empty(Value(std::string("  \t"))));
  CHECK(is_empty(Value(StringList{})));
  CHECK_FALSE(is_empty(Value(std::string("x"))));
  CHECK_FALSE(is_empty(Value(StringList{"Sitra"})));
  CHECK_FALSE(is_empty(Value(Money{0})));
  CHECK_FALSE(is_empty(Value(false)));
  CHECK_FALSE(is_empty(Value(int64_t{0})));
}

TEST_CASE("core::to_display") {
  CHECK(to_display(Value{}) == "missing");
  CHECK(to_display(Value(true)) == "true");
  CHECK(to_display(Value(false)) == "false");
  CHECK(to_display(Value(int64_t{-12})) == "-12");
  CHECK(to_display(Value(3.5)) == "3.5");
  CHECK(to_display(Value(Money{9500050})) == "95000.50");
  CHECK(to_display(Value(std::string("3B"))) == "\"3B\"");
  CHECK(to_display(Value(date("2021-03-01"))) == "2021-03-01");
  CHECK(to_display(Value(Duration{3, 0})) == "3 months");
  CHECK(to_display(Value(StringList{"a", "b"})) == "[\"a\", \"b\"]");
  CHECK(to_display(Value(StringList{})) == "[]");
}

TEST_CASE("core::with_article") {
  using fundscreen::core::Type;
  using fundscreen::core::with_article;
  CHECK(with_article(Type::integer) == "an integer");
  CHECK(with_article(Type::boolean) == "a boolean");
  CHECK(with_article(Type::date) == "a date");
  CHECK(with_article(Type::list) == "a list");
  CHECK(with_article(Type::money) == "money");
}

TEST_CASE("core::parse_field_type") {
  CHECK(fundscreen::core::parse_field_type("enum") == fundscreen::core::FieldType::enumeration);
  CHECK(fundscreen::core::parse_field_type("money") == fundscreen::core::FieldType::money);
  CHECK_FALSE(fundscreen::core::parse_field_type("enumeration").has_value());
  CHECK(fundscreen::core::field_type_name(fundscreen::core::FieldType::enumeration) == "enum");
}

// Regression: parse_boolean lowercases byte by byte with std::tolower, so the capital 'Ä' of
// "KYLLÄ" stays as it is and the cell is rejected, although "kyllä" and "Kyllä" are accepted.
TEST_CASE("core::parse_field_value reads an all-capitals KYLL\xC3\x84") {
  CHECK(cell("has_partner", "KYLL\xC3\x84") == "true");
}

// Regression: money accepts a no-break space (U+00A0) between thousands, as Finnish spreadsheet
// exports write them, but integer and number cells do not: "1 200" with a no-break space is
// "invalid integer", and "1 200,5" (space or no-break space) is "invalid number", although
// docs/criteria-format.md shows `1 200` as an integer cell.
TEST_CASE("core::parse_field_value reads thousands separated by a no-break space") {
  const std::string nbsp = "\xC2\xA0";
  CHECK(cell("team_size", "1" + nbsp + "200") == "1200");
  CHECK(cell("panel_score", "1 200,5") == "1200.5");
  CHECK(cell("panel_score", "1" + nbsp + "200,5") == "1200.5");
}

TEST_CASE("core::parse_number reads plain decimals exactly as from_chars does") {
  // parse_number takes a short path for digits with one '.'; it must give the same double.
  for (std::string text : {"0", "7", "7.3", "15.0", "0.1", "0.3", "123456789.012345", "999999999999999", "2.675",
                           "1.005", "4503599627370497", "0.000000000000001"}) {
    CAPTURE(text);
    double expected = 0;
    std::from_chars(text.data(), text.data() + text.size(), expected);
    auto got = fundscreen::core::parse_number(text);
    REQUIRE(got);
    CHECK(*got == expected);
  }
  for (int tenths = 0; tenths <= 20000; ++tenths) {
    std::string text = std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    double expected = 0;
    std::from_chars(text.data(), text.data() + text.size(), expected);
    CHECK(fundscreen::core::parse_number(text) == expected);
  }
}

TEST_CASE("core::parse_date: the ISO short path and the general path agree") {
  std::string why;
  CHECK(fundscreen::core::parse_date("2021-03-01", why) == fundscreen::core::parse_date("1.3.2021", why));
  CHECK_FALSE(fundscreen::core::parse_date("2021-02-30", why));
  CHECK(why == "2021-02 has 28 days");
  CHECK_FALSE(fundscreen::core::parse_date("2021-13-01", why));
  CHECK(why == "there is no month 13");
}

TEST_CASE("core::parse_field_value against a field's min and max") {
  using fundscreen::core::FieldSpec;
  using fundscreen::core::FieldType;
  auto bounded = [](FieldType type, std::string_view min, std::string_view max) {
    FieldSpec f{"f", type, false, {}};
    std::string why;
    if (!min.empty()) f.min = fundscreen::core::parse_bound(min, type, why);
    if (!max.empty()) f.max = fundscreen::core::parse_bound(max, type, why);
    return f;
  };
  auto read = [](const FieldSpec& f, std::string_view text) {
    std::string why;
    auto v = parse_field_value(text, f, why);
    return v ? to_display(*v) : "error: " + why;
  };
  SUBCASE("money below zero is an error unless the field's min allows it") {
    CHECK(cell("requested_eur", "-5 000,00") ==
          "error: money '-5 000,00' for field 'requested_eur' is below zero; correct the amount, or give the field "
          "a 'min' below zero in the criteria set if negative amounts are meant");
    CHECK(cell("requested_eur", "0") == "0");
    CHECK(read(bounded(FieldType::money, "-100", ""), "-100") == "-100");
    CHECK(read(bounded(FieldType::money, "-100", ""), "-100.01")
              .starts_with("error: money '-100.01' for field "
                           "'f' is below the field's min, -100"));
  }
  SUBCASE("the bounds themselves are allowed, exactly") {
    FieldSpec f = bounded(FieldType::money, "0,01", "150 000");
    CHECK(read(f, "0.01") == "0.01");
    CHECK(read(f, "150000.00") == "150000");
    CHECK(read(f, "150000.01") == "error: money '150000.01' for field 'f' is above the field's max, 150000; correct "
                                  "the value, or the set's 'max' if the value is right");
    CHECK(read(f, "0") == "error: money '0' for field 'f' is below the field's min, 0.01; correct the value, or the "
                          "set's 'min' if the value is right");
  }
  SUBCASE("dates, integers and numbers") {
    FieldSpec d = bounded(FieldType::date, "2024-06-01", "2025-12-31");
    CHECK(read(d, "1.6.2024") == "2024-06-01");
    CHECK(read(d, "31.5.2024")
              .starts_with("error: date '31.5.2024' for field 'f' is before the field's min, "
                           "2024-06-01"));
    CHECK(read(d, "2026-01-01").starts_with("error: date '2026-01-01' for field 'f' is after the field's max"));
    FieldSpec i = bounded(FieldType::integer, "1", "");
    CHECK(read(i, "0").starts_with("error: integer '0' for field 'f' is below the field's min, 1"));
    CHECK(read(i, "1 200") == "1200");
    FieldSpec n = bounded(FieldType::number, "0", "10");
    CHECK(read(n, "10,0") == "10");
    CHECK(read(n, "10.5").starts_with("error: number '10.5' for field 'f' is above the field's max, 10"));
  }
  SUBCASE("an empty cell is missing, not out of range") {
    CHECK(read(bounded(FieldType::number, "1", "2"), "") == "missing");
  }
}

TEST_CASE("core::parse_bound") {
  using fundscreen::core::FieldType;
  using fundscreen::core::parse_bound;
  std::string why;
  CHECK(to_display(*parse_bound("800 000,50", FieldType::money, why)) == "800000.50");
  CHECK(to_display(*parse_bound("1.3.2021", FieldType::date, why)) == "2021-03-01");
  CHECK_FALSE(parse_bound("soon", FieldType::date, why));
  CHECK(why == "'soon' is not a date");
  CHECK_FALSE(parse_bound("3", FieldType::string, why));
  CHECK(why == "a field of type 'string' has no 'min' or 'max'; only number, integer, money and date fields do");
}

TEST_CASE("core::doubtful_list_cell") {
  using fundscreen::core::doubtful_list_cell;
  using fundscreen::core::is_doubtful_list_cell;
  const auto& actors = field("actors");
  CHECK_FALSE(is_doubtful_list_cell("Sitra|Kela", actors));
  CHECK(doubtful_list_cell("Sitra|Kela", actors) == "");
  CHECK(is_doubtful_list_cell("Oulun yliopisto, Business Oulu", actors));
  CHECK(is_doubtful_list_cell("a;b", actors));
  CHECK_FALSE(is_doubtful_list_cell("a, b", field("title"))); // only list fields
  auto comma = actors;
  comma.separator = ',';
  CHECK_FALSE(is_doubtful_list_cell("a, b", comma));
  CHECK(doubtful_list_cell(" a;b , c ", comma) ==
        "list field 'actors' holds ';' in 'a;b , c', read as 2 items separated by ','; if it names several, "
        "separate them with ',', or set separator: \";\" on the field in the criteria set");
}

namespace {

// Field `name` of sitra_fields() with `pattern`.
fundscreen::core::FieldSpec with_pattern(std::string_view name, std::string_view pattern) {
  fundscreen::core::FieldSpec f = field(name);
  std::string why;
  f.pattern = fundscreen::core::Pattern::compile(pattern, why);
  REQUIRE(f.pattern);
  return f;
}

std::string cell_of(const fundscreen::core::FieldSpec& f, std::string_view text,
                    fundscreen::core::CellHeader header = {}) {
  std::string why;
  auto v = parse_field_value(text, f, why, header);
  return v ? to_display(*v) : "error: " + why;
}

} // namespace

TEST_CASE("core::parse_field_value with a pattern") {
  auto business_id = with_pattern("thesis", "^[0-9]{7}-[0-9]$");
  SUBCASE("the whole value must match; anchors are optional") {
    CHECK(cell_of(business_id, " 1234567-8 ") == "\"1234567-8\"");
    CHECK(cell_of(with_pattern("thesis", "[0-9]{7}-[0-9]"), "1234567-8") == "\"1234567-8\"");
    CHECK(cell_of(with_pattern("thesis", "[0-9]{7}-[0-9]"), "x1234567-8") ==
          "error: value 'x1234567-8' for field 'thesis' does not match the field's pattern '[0-9]{7}-[0-9]'; "
          "correct the value, or the set's pattern if the value is right");
  }
  SUBCASE("a mismatch names the value, the field, its column and the pattern") {
    CHECK(cell_of(business_id, "123456-7", {"Y-tunnus"}) ==
          "error: value '123456-7' for field 'thesis' (column 'Y-tunnus') does not match the field's pattern "
          "'^[0-9]{7}-[0-9]$'; correct the value, or the set's pattern if the value is right");
  }
  SUBCASE("a missing value is not checked") { CHECK(cell_of(business_id, "  ") == "missing"); }
  SUBCASE("a text is matched as written; an enum after its values") {
    auto problem = with_pattern("problem", "[^\\n]*");
    CHECK(cell_of(problem, "one line") == "\"one line\"");
    CHECK(cell_of(problem, "two\nlines").starts_with("error: value 'two\nlines' for field 'problem' does not match"));
    CHECK(cell_of(with_pattern("stage", "i.*"), "new") ==
          "error: value 'new' for field 'stage' does not match the field's pattern 'i.*'; correct the value, or the "
          "set's pattern if the value is right");
    CHECK(cell_of(with_pattern("stage", "i.*"), "nwe").starts_with("error: unknown value 'nwe' for field 'stage'"));
  }
  SUBCASE("each item of a list") {
    auto actors = with_pattern("actors", "\\p{Lu}.*");
    CHECK(cell_of(actors, "Åbo Akademi|Sitra") == "[\"Åbo Akademi\", \"Sitra\"]");
    CHECK(cell_of(actors, "Sitra|kela", {"Toimijat"}) ==
          "error: list item 'kela' for field 'actors' (column 'Toimijat') does not match the field's pattern "
          "'\\p{Lu}.*'; correct the item, or the set's pattern if the item is right");
  }
}

TEST_CASE("core::field_label") {
  using fundscreen::core::CellHeader;
  using fundscreen::core::field_label;
  fundscreen::core::FieldSpec f = field("thesis");
  CHECK(field_label(f) == "field 'thesis'");
  CHECK(field_label(f, {"thesis"}) == "field 'thesis'");
  CHECK(field_label(f, {"Teesi"}) == "field 'thesis' (column 'Teesi')");
  CHECK(field_label(f, {"Teesi", CellHeader::Kind::key}) == "field 'thesis' (key 'Teesi')");
  f.columns = {"Teesi", "Tes", "Thesis"};
  CHECK(field_label(f) == "field 'thesis' (column 'Teesi', 'Tes' or 'Thesis')");
  CHECK(field_label(f, {"Tes"}) == "field 'thesis' (column 'Tes')");
}

TEST_CASE("core::field_for_header") {
  std::vector<fundscreen::core::FieldSpec> fields = {field("id"), field("thesis"), field("stage")};
  fields[1].columns = {"Teesi", "Tes"};
  CHECK(fundscreen::core::field_for_header(fields, "id") == 0);
  CHECK(fundscreen::core::field_for_header(fields, " Tes ") == 1);
  SUBCASE("a field with columns is not read from its own name") {
    CHECK(fundscreen::core::field_for_header(fields, "thesis") == -1);
  }
  SUBCASE("case and inner spaces count") {
    CHECK(fundscreen::core::field_for_header(fields, "teesi") == -1);
    CHECK(fundscreen::core::field_for_header(fields, "St age") == -1);
  }
}
