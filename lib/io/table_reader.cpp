// SPDX-License-Identifier: Apache-2.0
#include "io/table_reader.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <type_traits>

#include <fmt/format.h>

#include "core/records.hpp"
#include "io/digest.hpp"
#include "io/file.hpp"
#include "io/header_hints.hpp"
#include "io/xlsx_reader.hpp"
#include "io/yaml_source.hpp"
#include "util/text.hpp"

namespace fundscreen::io {

namespace {

// "unknown column 'thesys'", and what to do about it: it is an error with --strict, otherwise
// a warning that says the column is ignored.
void report_unknown(util::Diagnostics& d, const TableOptions& options, util::Location where, std::string_view kind,
                    std::string_view name, std::span<const core::FieldSpec> schema) {
  std::string suggestion = unknown_header_hint(kind, name, schema);
  if (options.doubts == Doubts::reject)
    d.error(std::move(where), fmt::format("unknown {} '{}'{}", kind, name, suggestion));
  else
    d.warning(std::move(where), fmt::format("unknown {} '{}' is ignored{}", kind, name, suggestion));
}

// Parses one cell into `row`, whose cells[index] already says where it is; false (and a
// diagnostic, and the field in row.reported) when the cell is bad, leaving the value missing.
// A doubtful list cell is a warning, or an error with --strict.
bool parse_cell(std::string_view text, const core::FieldSpec& field, const core::CellHeader& header,
                const TableOptions& options, util::Diagnostics& d, TypedRow& row, size_t index) {
  std::string why;
  core::Value& value = row.values[index];
  if (!core::parse_field_value_into(text, field, value, why, header)) {
    d.error(row.cells[index], why);
    row.reported.push_back(index);
    return false;
  }
  if (field.required && core::is_missing(value)) {
    d.error(row.cells[index], "missing value for required " + core::field_label(field, header));
    row.reported.push_back(index);
    return false;
  }
  if (field.type == core::FieldType::list && core::is_doubtful_list_cell(text, field)) {
    if (options.doubts == Doubts::reject) {
      d.error(row.cells[index], core::doubtful_list_cell(text, field, header));
      row.reported.push_back(index);
      return false;
    }
    d.warning(row.cells[index], core::doubtful_list_cell(text, field, header));
  }
  return true;
}

// Sets `where` to the place given, reusing the memory of its source name.
void locate(util::Location& where, const std::string& source, int line, int column) {
  if (where.source != source) where.source = source;
  where.line = line;
  where.column = column;
}

// Checks a YAML record for required fields that have no key at all (`present`: by field, its
// key in the record, or null).
bool check_required_present(TypedRow& row, std::span<const core::FieldSpec> schema,
                            const std::vector<const std::string*>& present, util::Diagnostics& d) {
  bool ok = true;
  for (size_t i = 0; i < schema.size(); ++i) {
    if (schema[i].required && !present[i]) {
      d.error(row.where, "missing value for required " +
                             core::field_label(schema[i], core::CellHeader{{}, core::CellHeader::Kind::key}));
      row.reported.push_back(i);
      ok = false;
    }
  }
  return ok;
}

// ---- CSV ---------------------------------------------------------------------------------

// A table read row by row from a CsvReader, or from an XlsxSheetReader, which gives a sheet's
// rows as the fields of CSV records (so every check and message is the same).
template <class Reader> class CsvTable {
public:
  CsvTable(Reader& reader, const std::string& source, std::span<const core::FieldSpec> schema,
           const TableOptions& options, util::Diagnostics& d)
      : m_reader(reader), m_source(source), m_schema(schema), m_options(options), m_d(d) {}

  void read(const RowSink& sink) {
    if (!m_reader.next(m_fields)) {
      m_d.error(util::Location{m_source, 1, 1},
                "the file is empty; expected a header row and one row per " + m_options.record_name);
      return;
    }
    if (!read_header()) return;
    if constexpr (std::is_same_v<Reader, XlsxSheetReader>) m_reader.set_date_columns(date_columns());
    TypedRow row;
    size_t rows = 0;
    while (m_reader.next(m_fields)) {
      ++rows;
      if (read_row(row)) sink(std::move(row));
    }
    if constexpr (std::is_same_v<Reader, XlsxSheetReader>) m_reader.finish();
    if (rows == 0)
      m_d.warning(util::Location{m_source, 1, 1},
                  fmt::format("the file has a header but no {}s", m_options.record_name));
  }

  // True if the row lines up with the header; row.complete says whether every cell parsed.
  // `row` is reused from one record to the next: its strings and lists keep their memory.
  bool read_row(TypedRow& row) {
    row.values.resize(m_schema.size());
    row.cells.resize(m_schema.size());
    locate(row.where, m_source, m_reader.record_line(), 1);
    if constexpr (std::is_same_v<Reader, XlsxSheetReader>) return read_sheet_row(row);
    if (m_fields.size() != m_header_size) {
      report_width(row.where);
      return false;
    }
    row.complete = true;
    row.reported.clear();
    for (size_t i = 0; i < m_fields.size(); ++i) {
      if (m_columns[i] < 0) continue;
      auto index = static_cast<size_t>(m_columns[i]);
      locate(row.cells[index], m_source, m_fields[i].line, m_fields[i].column);
      if (m_fields[i].reported) { // its reader said what is wrong with it
        row.values[index] = core::Value{};
        row.reported.push_back(index);
        row.complete = false;
        continue;
      }
      row.complete &= parse_cell(m_fields[i].text, m_schema[index], m_headers[index], m_options, m_d, row, index);
    }
    return true;
  }

private:
  // A sheet's row has a field for each cell with a value, each with its column (a row of a
  // sheet has no width of its own): every column read into a field is read, an absent one as
  // an empty cell, so that a row costs its cells and the schema's fields, never the header's
  // width (a hostile header may reach column XFD).
  bool read_sheet_row(TypedRow& row) {
    row.complete = true;
    row.reported.clear();
    m_by_field.assign(m_schema.size(), nullptr);
    for (const CsvField& f : m_fields) {
      auto column = static_cast<size_t>(f.column - 1);
      if (column < m_columns.size() && m_columns[column] >= 0) m_by_field[static_cast<size_t>(m_columns[column])] = &f;
    }
    for (auto [column, index] : m_mapped) {
      const CsvField* f = m_by_field[index];
      locate(row.cells[index], m_source, m_reader.record_line(), static_cast<int>(column + 1));
      if (f && f->reported) { // its reader said what is wrong with it
        row.values[index] = core::Value{};
        row.reported.push_back(index);
        row.complete = false;
        continue;
      }
      row.complete &=
          parse_cell(f ? f->text : std::string_view(), m_schema[index], m_headers[index], m_options, m_d, row, index);
    }
    return true;
  }

  // By column of the header: whether it is read into a date field.
  std::vector<bool> date_columns() const {
    std::vector<bool> dates(m_columns.size(), false);
    for (size_t i = 0; i < m_columns.size(); ++i)
      dates[i] = m_columns[i] >= 0 && m_schema[static_cast<size_t>(m_columns[i])].type == core::FieldType::date;
    return dates;
  }

  bool read_header() {
    m_columns.assign(m_fields.size(), -1);
    m_read_from.assign(m_schema.size(), std::string());
    std::vector<bool> present(m_schema.size(), false);
    std::map<std::string, int> seen;
    std::vector<std::string> unknown;
    for (size_t i = 0; i < m_fields.size(); ++i) {
      std::string name(util::trim(m_fields[i].text));
      if constexpr (std::is_same_v<Reader, XlsxSheetReader>)
        if (name.empty()) continue; // a sheet's column without a header (its values are the reader's errors)
      util::Location where{m_source, m_fields[i].line, m_fields[i].column};
      if (!seen.emplace(name, m_fields[i].column).second) {
        m_d.error(where, fmt::format("duplicate column '{}'", name));
        continue;
      }
      int f = core::field_for_header(m_schema, name);
      if (f < 0) {
        report_unknown(m_d, m_options, where, "column", name, m_schema);
        unknown.push_back(name);
        continue;
      }
      if (present[f]) { // the first is read; the error stops the run whichever was meant
        m_d.error(where, two_headers(m_schema[f], "column", m_read_from[f], name));
        continue;
      }
      m_columns[i] = f;
      m_read_from[f] = name;
      present[f] = true;
    }
    m_mapped.clear();
    for (size_t i = 0; i < m_columns.size(); ++i)
      if (m_columns[i] >= 0) m_mapped.emplace_back(i, static_cast<size_t>(m_columns[i]));
    m_headers.clear(); // made once: a header built for each cell costs a store-forwarding stall
    for (const std::string& name : m_read_from) m_headers.push_back(core::CellHeader{name});
    std::vector<size_t> missing;
    for (size_t i = 0; i < m_schema.size(); ++i)
      if (!present[i] && (m_schema[i].required || m_options.columns == Columns::all)) missing.push_back(i);
    for (size_t i : missing)
      m_d.error(util::Location{m_source, m_reader.record_line(), 1},
                missing_header_message(m_schema[i], "column", unknown, missing.size()));
    // without a required column every row would be an error: the rows are not read
    bool ok = std::none_of(missing.begin(), missing.end(), [&](size_t i) { return m_schema[i].required; });
    m_header_size = m_fields.size();
    return ok;
  }

  void report_width(util::Location where) {
    size_t n = m_fields.size();
    if (n > m_header_size) where.column = m_fields[m_header_size].column;
    m_d.error(where, fmt::format("this row has {} field{} but the header has {}; check for a stray '{}' or a "
                                 "missing quote",
                                 n, n == 1 ? "" : "s", m_header_size, m_reader.delimiter()));
  }

  Reader& m_reader;
  std::string m_source;
  std::span<const core::FieldSpec> m_schema;
  const TableOptions& m_options;
  util::Diagnostics& m_d;
  std::vector<CsvField> m_fields;
  std::vector<int> m_columns;
  // By field: the header it is read from in this file, and that header for messages.
  std::vector<std::string> m_read_from;
  std::vector<core::CellHeader> m_headers;
  size_t m_header_size = 0;
  // The columns read into fields, with their field, in column order; and a sheet row's cell
  // of each field (read_sheet_row).
  std::vector<std::pair<size_t, size_t>> m_mapped;
  std::vector<const CsvField*> m_by_field;
};

// ---- YAML --------------------------------------------------------------------------------

class YamlTable {
public:
  YamlTable(std::string_view text, const std::string& source, std::span<const core::FieldSpec> schema,
            const TableOptions& options, util::Diagnostics& d)
      : m_yaml(text, source, util::ErrorKind::input), m_schema(schema), m_options(options), m_d(d) {}

  void read(const RowSink& sink) {
    if (m_yaml.check_no_tags()) { // what the tagged values read is not what was meant
      for (auto& d : m_yaml.problems()) m_d.add(std::move(d));
      return;
    }
    const YamlNode& root = m_yaml.root();
    const YamlNode& list = root.is_map() && root[m_options.yaml_key] ? root[m_options.yaml_key] : root;
    if (!list.is_sequence()) {
      m_d.error(util::Location{m_yaml.name(), 1, 1},
                fmt::format("expected a list of {}s, or a mapping with the key '{}:' holding one",
                            m_options.record_name, m_options.yaml_key));
      return;
    }
    m_seen.assign(m_schema.size(), false);
    for (const YamlNode& item : list.items()) {
      TypedRow row;
      if (read_item(item, row)) sink(std::move(row));
    }
    if (m_options.columns == Columns::all && !list.items().empty()) report_unseen(list);
  }

private:
  bool read_item(const YamlNode& item, TypedRow& row) {
    row.values.assign(m_schema.size(), core::Value{});
    row.cells.assign(m_schema.size(), util::Location{});
    row.where = m_yaml.at(item);
    if (!item.is_map()) {
      m_d.error(row.where, fmt::format("each {} is a mapping of field names to values", m_options.record_name));
      return false;
    }
    std::vector<const std::string*> present(m_schema.size(), nullptr); // by field: its key in the record
    row.complete = true;
    row.reported.clear();
    for (const auto& entry : item.entries()) {
      const std::string& key = entry.key.scalar();
      int f = core::field_for_header(m_schema, key);
      if (f < 0) {
        if (key != "goals" || !read_goals(entry.value, row)) {
          report_unknown(m_d, m_options, m_yaml.at(entry.key), "key", key, m_schema);
          if (std::find(m_unknown.begin(), m_unknown.end(), key) == m_unknown.end()) m_unknown.push_back(key);
        }
        continue;
      }
      auto index = static_cast<size_t>(f);
      if (present[index]) {
        m_d.error(m_yaml.at(entry.key), two_headers(m_schema[index], "key", *present[index], key));
        row.complete = false;
        continue;
      }
      present[index] = &key;
      m_seen[index] = true;
      row.complete &= read_value(entry.key, entry.value, m_schema[index], row, index);
    }
    row.complete &= check_required_present(row, m_schema, present, m_d);
    return true;
  }

  // Reports each field that no record of the file names: in YAML a record leaves out what it
  // does not have, but a field that none has is most likely spelt otherwise in the file.
  void report_unseen(const YamlNode& list) {
    std::vector<size_t> unseen;
    for (size_t i = 0; i < m_schema.size(); ++i)
      if (!m_seen[i] && !m_schema[i].required) unseen.push_back(i);
    for (size_t i : unseen)
      m_d.error(m_yaml.at(list.items().front()),
                fmt::format("no {} in the file has the key {}{} of the criteria set; {}", m_options.record_name,
                            missing_headers(m_schema[i]), m_schema[i].columns.empty() ? ", a field" : "",
                            add_or_rename(m_schema[i], "key", m_unknown, unseen.size())));
  }

  // `key` places an empty value, which has no text of its own to point at.
  bool read_value(const YamlNode& key, const YamlNode& node, const core::FieldSpec& field, TypedRow& row,
                  size_t index) {
    util::Location where = node.is_null() ? m_yaml.at(key) : m_yaml.at(node);
    core::CellHeader header{key.scalar(), core::CellHeader::Kind::key};
    row.cells[index] = where;
    if (node.is_sequence() && field.type == core::FieldType::list)
      return read_sequence(node, field, header, row, index);
    if (node.is_null()) return parse_cell("", field, header, m_options, m_d, row, index);
    auto text = scalar_text(node);
    if (!text) {
      m_d.error(where, fmt::format("{} takes {} here", core::field_label(field, header),
                                   field.type == core::FieldType::list ? "a list of values" : "a single value"));
      row.reported.push_back(index);
      return false;
    }
    return parse_cell(*text, field, header, m_options, m_d, row, index);
  }

  // A list written as a YAML sequence: its items as written (trimmed, empty ones dropped), each
  // checked against the field's pattern at its own place.
  bool read_sequence(const YamlNode& node, const core::FieldSpec& field, const core::CellHeader& header, TypedRow& row,
                     size_t index) {
    core::StringList items;
    std::string why;
    for (const auto& v : node.items()) {
      auto text = scalar_text(v);
      if (!text || util::trim(*text).empty()) continue;
      items.emplace_back(util::trim(*text));
      if (!core::matches_pattern(core::StringList{items.back()}, field, why, header)) {
        m_d.error(m_yaml.at(v), why);
        row.values[index] = core::Value{};
        return false;
      }
    }
    row.values[index] = std::move(items);
    return true;
  }

  // Outcome reports may list goals; they fill goals_total and goals_met unless those are
  // given. A goal is met when its actual reaches its target (a range's lower end), or, for a
  // goal without numbers, when it says `met: true`.
  bool read_goals(const YamlNode& goals, TypedRow& row) {
    int total_index = field_index("goals_total"), met_index = field_index("goals_met");
    if (total_index < 0 || met_index < 0 || !goals.is_sequence()) return false;
    int64_t total = 0, met = 0;
    for (const YamlNode& goal : goals.items()) {
      if (!goal.is_map()) {
        m_d.error(m_yaml.at(goal), "a goal is a mapping with indicator, target and actual (or met)");
        row.complete = false;
        continue;
      }
      m_yaml.check_keys(goal, {"indicator", "target", "actual", "met"}, "a goal");
      if (auto reached = goal_met(goal)) {
        ++total;
        met += *reached ? 1 : 0;
      } else {
        row.complete = false; // counts that leave a goal out would flatter the project
      }
    }
    for (auto& d : m_yaml.problems()) m_d.add(std::move(d));
    m_yaml.problems().clear();
    if (core::is_missing(row.values[total_index])) row.values[total_index] = total;
    if (core::is_missing(row.values[met_index])) row.values[met_index] = met;
    return true;
  }

  // Whether one goal was met, or nothing (reported) if the goal cannot tell.
  std::optional<bool> goal_met(const YamlNode& goal) {
    std::optional<bool> said;
    if (const YamlNode& met = goal["met"]) {
      said = core::parse_boolean(scalar_text(met).value_or(""));
      if (!said) {
        m_d.error(m_yaml.at(met), "'met' is true or false");
        return std::nullopt;
      }
    }
    auto target = core::goal_target_floor(scalar_text(goal["target"]).value_or(""));
    auto actual = core::parse_number(scalar_text(goal["actual"]).value_or(""));
    if (!target || !actual) {
      if (said) return said;
      m_d.error(m_yaml.at(goal), "a goal needs a numeric target (a range such as 40–50 is met at its lower end) "
                                 "and actual, or met: true or false");
      return std::nullopt;
    }
    bool reached = *actual >= *target;
    if (said && *said != reached) {
      m_d.error(m_yaml.at(goal["met"]),
                fmt::format("'met: {}' contradicts the numbers: actual {} against target {}; leave 'met' out",
                            *said ? "true" : "false", scalar_text(goal["actual"]).value_or(""),
                            scalar_text(goal["target"]).value_or("")));
      return std::nullopt;
    }
    return reached;
  }

  int field_index(std::string_view name) const {
    for (size_t i = 0; i < m_schema.size(); ++i)
      if (m_schema[i].name == name) return static_cast<int>(i);
    return -1;
  }

  YamlSource m_yaml;
  std::span<const core::FieldSpec> m_schema;
  const TableOptions& m_options;
  util::Diagnostics& m_d;
  // By field: whether any record so far has named it; and the keys no field has.
  std::vector<bool> m_seen;
  std::vector<std::string> m_unknown;
};

// The whole of `in` if it is an Excel workbook (a zip archive with xl/workbook.xml), else
// nothing; `in` is read past its first four bytes only when they start a zip archive.
std::string read_workbook_bytes(std::istream& in, const std::string& path) {
  char head[4] = {};
  in.read(head, sizeof head);
  if (in.gcount() != sizeof head || std::string_view(head, sizeof head) != "PK\x03\x04") return {};
  std::string bytes(head, sizeof head);
  bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return is_workbook(bytes, path) ? bytes : std::string();
}

} // namespace

void read_csv_table(std::istream& in, const std::string& source, std::span<const core::FieldSpec> schema,
                    const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink, Sha256* digest) {
  try {
    CsvReader reader(in, source, options.csv, digest);
    CsvTable<CsvReader>(reader, source, schema, options, diagnostics).read(sink);
  } catch (const util::Error& e) { // an unreadable file stops here; the rest is still checked
    for (const auto& d : e.diagnostics()) diagnostics.add(d);
  }
}

void read_yaml_table(std::string_view text, const std::string& source, std::span<const core::FieldSpec> schema,
                     const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink) {
  if (util::trim(text).empty()) {
    diagnostics.error(util::Location{source, 1, 1},
                      fmt::format("the file is empty; expected a list of {}s", options.record_name));
    return;
  }
  try {
    YamlTable(text, source, schema, options, diagnostics).read(sink);
  } catch (const util::Error& e) {
    for (const auto& d : e.diagnostics()) diagnostics.add(d);
  }
}

bool is_yaml_path(std::string_view path) { return path.ends_with(".yaml") || path.ends_with(".yml"); }

void read_table_file(const std::string& path, std::span<const core::FieldSpec> schema, const TableOptions& options,
                     util::Diagnostics& diagnostics, const RowSink& sink, Sha256* digest) {
  try {
    read_table_file_or_throw(path, schema, options, diagnostics, sink, digest);
  } catch (const util::Error& e) { // an unreadable file is one more problem; the others still count
    for (const auto& d : e.diagnostics()) diagnostics.add(d);
  }
}

void read_table_file_or_throw(const std::string& path, std::span<const core::FieldSpec> schema,
                              const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink,
                              Sha256* digest) {
  if (is_yaml_path(path)) {
    std::string text = read_file(path, util::ErrorKind::input);
    if (digest) digest->update(text);
    read_yaml_table(text, path, schema, options, diagnostics, sink);
    return;
  }
  if (path == "-") {
    read_csv_table(std::cin, "<stdin>", schema, options, diagnostics, sink, digest);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) read_file(path, util::ErrorKind::input); // throws with the reason
  if (std::string bytes = read_workbook_bytes(in, path); !bytes.empty()) {
    if (digest) digest->update(bytes); // the workbook, read whole once
    read_xlsx_table(std::move(bytes), path, schema, options, diagnostics, sink);
    return;
  }
  in.clear();
  in.seekg(0); // the bytes peeked at are read again, and hashed, as CSV
  read_csv_table(in, path, schema, options, diagnostics, sink, digest);
}

void read_xlsx_table(std::string bytes, const std::string& path, std::span<const core::FieldSpec> schema,
                     const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink) {
  try {
    XlsxSheetReader reader(std::move(bytes), path, options.sheet, diagnostics);
    CsvTable<XlsxSheetReader>(reader, reader.source(), schema, options, diagnostics).read(sink);
  } catch (const util::Error& e) { // an unreadable workbook stops here; the rest is still checked
    for (const auto& d : e.diagnostics()) diagnostics.add(d);
  }
}

} // namespace fundscreen::io
