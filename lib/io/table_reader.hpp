// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <algorithm>
#include <functional>
#include <istream>
#include <span>
#include <string>
#include <vector>

#include "core/value.hpp"
#include "io/csv_reader.hpp"
#include "util/diagnostics.hpp"

namespace fundscreen::io {

class Sha256;

// Whether input that is probably a mistake but may be meant (a column or key the schema does
// not know, a list cell that holds ',' or ';' but not the list's separator) is a warning or,
// with --strict, an error.
enum class Doubts { warn, reject };

// Whether every field of the schema needs a column (or, in YAML, a key in some record), or
// only the required ones.
enum class Columns { required_only, all };

// How to read a table of records (applications, assessments or outcomes).
struct TableOptions {
  CsvOptions csv;
  Doubts doubts = Doubts::warn;
  Columns columns = Columns::required_only;
  // What one record is, for messages: "application".
  std::string record_name = "record";
  // The key of the list in a YAML mapping: "applications".
  std::string yaml_key;
  // The sheet of an Excel workbook to read (--sheet); empty for its first sheet.
  std::string sheet;
};

// One record: its values by schema field and where each came from. A cell that did not
// parse is reported and left missing, and `complete` is false.
struct TypedRow {
  std::vector<core::Value> values;
  std::vector<util::Location> cells;
  util::Location where;
  bool complete = true;
  // The schema fields whose value was reported (a bad cell, or a required one missing).
  std::vector<size_t> reported;
  // True if field `index`'s value was reported as bad or missing.
  bool was_reported(size_t index) const { return std::find(reported.begin(), reported.end(), index) != reported.end(); }
};

// Called for each record whose fields line up with the schema, so that later checks (ids,
// references) also cover rows with a bad cell; a row of the wrong width is not passed on.
using RowSink = std::function<void(TypedRow&&)>;

// Reads a CSV table of `schema` from `in`, streaming: a header row, then one record a row.
// Every problem goes to `diagnostics`; the reader goes on after a bad row. `digest`, if given,
// is fed every byte read from `in` as it is read.
void read_csv_table(std::istream& in, const std::string& source, std::span<const core::FieldSpec> schema,
                    const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink,
                    Sha256* digest = nullptr);

// Reads a YAML table: a list of mappings, or a mapping whose `options.yaml_key` holds one.
void read_yaml_table(std::string_view text, const std::string& source, std::span<const core::FieldSpec> schema,
                     const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink);

// Reads the first sheet (or `options.sheet`) of the Excel workbook `bytes`, read from `path`,
// as a CSV table: its first row with a value is the header; locations name the sheet's cells
// (`apps.xlsx:Sheet1!C12`).
void read_xlsx_table(std::string bytes, const std::string& path, std::span<const core::FieldSpec> schema,
                     const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink);

// True if `path` names a YAML file (.yaml or .yml).
bool is_yaml_path(std::string_view path);

// Reads the table at `path` (`-` is standard input, read as CSV) in the format its name says,
// or as an Excel workbook when its content is one (whatever its name);
// a file that cannot be opened is reported to `diagnostics` like any other problem.
// `digest`, if given, is fed the bytes parsed, from the one read that parses them: a YAML
// file's or a workbook's whole content, a CSV file's bytes chunk after chunk as they are read
// (so after a whole read it holds the SHA-256 of the file as it was parsed).
void read_table_file(const std::string& path, std::span<const core::FieldSpec> schema, const TableOptions& options,
                     util::Diagnostics& diagnostics, const RowSink& sink, Sha256* digest = nullptr);

// As read_table_file, but a file that cannot be opened throws util::Error.
void read_table_file_or_throw(const std::string& path, std::span<const core::FieldSpec> schema,
                              const TableOptions& options, util::Diagnostics& diagnostics, const RowSink& sink,
                              Sha256* digest = nullptr);

} // namespace fundscreen::io
