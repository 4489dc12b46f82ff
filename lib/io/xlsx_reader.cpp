// SPDX-License-Identifier: Apache-2.0
// Excel workbooks (.xlsx): the zip container (zip_archive.hpp), the workbook's list of sheets
// and its relationships, the shared strings, and one sheet streamed through expat into rows
// of text fields, each cell written as the text a CSV export of it holds.
#include "io/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <deque>

#include <expat.h>
#include <fmt/format.h>

#include "core/date.hpp"
#include "util/error.hpp"

namespace fundscreen::io {

namespace {

// expat reports a name in a namespace as "uri\x01local": the local part is what is compared
// (writers differ in prefixes, `x:row` or `row`).
constexpr char k_namespace_separator = '\x01';
constexpr size_t k_chunk = 65536;
// Excel's last column, XFD.
constexpr int k_max_column = 16384;

std::string_view local_name(const XML_Char* name) {
  std::string_view n = name;
  size_t at = n.rfind(k_namespace_separator);
  return at == std::string_view::npos ? n : n.substr(at + 1);
}

// The attribute `name` (its local part) of `attributes`, or null.
const char* attribute(const XML_Char** attributes, std::string_view name) {
  for (size_t i = 0; attributes[i]; i += 2)
    if (local_name(attributes[i]) == name) return attributes[i + 1];
  return nullptr;
}

[[noreturn]] void fail(const std::string& source, const std::string& message) {
  throw util::Error(util::ErrorKind::input,
                    util::Diagnostic{util::Location{source, 0, 0}, util::Severity::error, message, {}});
}

// A streaming parse of one part of the archive; subclasses handle the elements.
class XmlPart {
public:
  XmlPart(const ZipArchive& archive, const ZipArchive::Entry& entry)
      : m_archive(archive), m_entry(entry), m_reader(archive, entry),
        m_parser(XML_ParserCreateNS(nullptr, k_namespace_separator)) {
    if (!m_parser) fail(archive.source(), "out of memory while reading the workbook");
    XML_SetUserData(m_parser, this);
    XML_SetElementHandler(m_parser, &XmlPart::on_start, &XmlPart::on_end);
    XML_SetCharacterDataHandler(m_parser, &XmlPart::on_text);
    // A workbook's XML has no document type: one that declares any is refused before an
    // entity of it could expand (a billion laughs), and nothing outside is ever loaded.
    XML_SetStartDoctypeDeclHandler(m_parser, &XmlPart::on_doctype);
    XML_SetEntityDeclHandler(m_parser, &XmlPart::on_entity);
    XML_SetParamEntityParsing(m_parser, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  virtual ~XmlPart() { XML_ParserFree(m_parser); }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Parses one more chunk; false once the part has been read to its end.
  bool step() {
    if (m_done) return false;
    char buffer[k_chunk];
    size_t n = m_reader.read(buffer, sizeof buffer);
    m_done = n == 0;
    if (XML_Parse(m_parser, buffer, static_cast<int>(n), m_done) == XML_STATUS_ERROR) {
      if (!m_stopped.empty()) fail(m_archive.source(), m_stopped); // thrown here, never through expat's frames
      fail(m_archive.source(),
           fmt::format("the workbook's part '{}' is not well-formed XML ({} at line {}, column "
                       "{}); open the workbook in Excel and save it again",
                       m_entry.name, XML_ErrorString(XML_GetErrorCode(m_parser)), XML_GetCurrentLineNumber(m_parser),
                       XML_GetCurrentColumnNumber(m_parser) + 1));
    }
    return !m_done;
  }
  void read_all() {
    while (step()) {
    }
  }

protected:
  // Stops the parse; step() then throws `message`.
  void stop(std::string message) {
    m_stopped = std::move(message);
    XML_StopParser(m_parser, XML_FALSE);
  }
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}

private:
  static void on_start(void* self, const XML_Char* name, const XML_Char** attributes) {
    static_cast<XmlPart*>(self)->start(local_name(name), attributes);
  }
  static void on_end(void* self, const XML_Char* name) { static_cast<XmlPart*>(self)->end(local_name(name)); }
  static void on_text(void* self, const XML_Char* s, int len) {
    static_cast<XmlPart*>(self)->text(std::string_view(s, static_cast<size_t>(len)));
  }
  static void on_doctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* part = static_cast<XmlPart*>(self);
    if (part->m_stopped.empty())
      part->stop(fmt::format("the workbook's part '{}' declares a document type (DTD), which no spreadsheet program "
                             "writes; it is not read, so that no entity can expand: open the workbook in Excel and "
                             "save it again",
                             part->m_entry.name));
  }
  static void on_entity(void* self, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                        const XML_Char*, const XML_Char*) {
    on_doctype(self, nullptr, nullptr, nullptr, 0);
  }

  const ZipArchive& m_archive;
  const ZipArchive::Entry& m_entry;
  ZipArchive::Reader m_reader;
  XML_Parser m_parser;
  bool m_done = false;
  std::string m_stopped; // why the parse was stopped
};

// xl/workbook.xml: the sheets in tab order and the date system.
class WorkbookPart : public XmlPart {
public:
  using XmlPart::XmlPart;
  struct Sheet {
    std::string name, relationship;
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;

protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "sheet") {
      const char* n = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      sheets.push_back(Sheet{n ? n : "", id ? id : ""});
    } else if (name == "workbookPr") {
      const char* d = attribute(attributes, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

// xl/_rels/workbook.xml.rels: where each sheet's part is.
class RelationshipsPart : public XmlPart {
public:
  using XmlPart::XmlPart;
  struct Relationship {
    std::string id, target;
    bool external = false;
  };
  std::vector<Relationship> relationships;

protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* target = attribute(attributes, "Target");
    const char* mode = attribute(attributes, "TargetMode");
    relationships.push_back(
        Relationship{id ? id : "", target ? target : "", mode && std::string_view(mode) == "External"});
  }
  void end(std::string_view) override {}
};

// The texts of xl/sharedStrings.xml, one after another: a string costs its bytes and eight
// more, so that a part of a million empty strings (<si/>) does not take 32 bytes each.
struct SharedStrings {
  std::string text;
  std::vector<uint64_t> ends;
  size_t size() const { return ends.size(); }
  std::string_view operator[](size_t i) const {
    uint64_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
};

// Excel's own limit of shared strings is about as many; a part with more is refused.
constexpr size_t k_max_shared_strings = size_t{1} << 24;

// xl/sharedStrings.xml: the texts cells of type "s" refer to by index. A string's text is
// the text of its runs (<t>), without the phonetic guides (<rPh>) of East Asian text.
class SharedStringsPart : public XmlPart {
public:
  using XmlPart::XmlPart;
  SharedStrings strings;

protected:
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      if (strings.size() == k_max_shared_strings) {
        stop(fmt::format("the workbook has over {} shared strings, more than Excel writes; save the sheet "
                         "as CSV UTF-8 and screen that",
                         k_max_shared_strings));
        return;
      }
      strings.ends.push_back(strings.text.size());
      m_in_item = true;
    } else if (name == "rPh") {
      ++m_phonetic;
    } else if (name == "t" && m_in_item && m_phonetic == 0) {
      m_collect = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") m_in_item = false;
    if (name == "rPh") --m_phonetic;
    if (name == "t") m_collect = false;
  }
  void text(std::string_view s) override {
    if (m_collect) {
      strings.text.append(s);
      strings.ends.back() = strings.text.size();
    }
  }

private:
  bool m_in_item = false, m_collect = false;
  int m_phonetic = 0;
};

// A cell as the sheet holds it, before it is read as a field's text.
struct RawCell {
  enum class Kind { text, number, boolean, error, no_value, iso_date, bad_string };
  int column = 0; // from 1
  Kind kind = Kind::text;
  std::string value;
};

struct RawRow {
  int row = 0;
  std::vector<RawCell> cells;
};

// Column letters to a number from 1 ("C12" -> 3), with the digits after them in `row`;
// 0 when `ref` is not a cell reference.
int parse_reference(std::string_view ref, int& row) {
  int column = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    column = column * 26 + (ref[i] - 'A' + 1);
    if (column > k_max_column) return 0;
  }
  if (i == 0) return 0;
  row = 0;
  auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), row);
  if (ec != std::errc() || end != ref.data() + ref.size()) row = 0;
  return column;
}

// The sheet's cells, row by row: rows with a value are queued for next(), others dropped.
class SheetPart : public XmlPart {
public:
  SheetPart(const ZipArchive& archive, const ZipArchive::Entry& entry, const SharedStrings& strings)
      : XmlPart(archive, entry), m_strings(strings) {}
  std::deque<RawRow> rows;
  std::vector<std::string> merged; // the ranges of <mergeCell ref="B3:C3">

protected:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      const char* r = attribute(attributes, "r");
      int row = 0;
      if (r) std::from_chars(r, r + std::char_traits<char>::length(r), row);
      m_row.row = row > 0 ? row : m_row.row + 1;
      m_row.cells.clear();
      m_column = 0;
    } else if (name == "c") {
      const char* r = attribute(attributes, "r");
      int row = 0;
      int column = r ? parse_reference(r, row) : 0;
      m_column = column > 0 ? column : m_column + 1;
      const char* t = attribute(attributes, "t");
      m_type = t ? t : "n";
      m_formula = m_has_value = m_inline = false;
      m_value.clear();
    } else if (name == "v") {
      m_collect = true;
      m_has_value = true;
    } else if (name == "f") {
      m_formula = true;
    } else if (name == "is") {
      m_inline = true;
      m_has_value = true;
    } else if (name == "rPh") {
      ++m_phonetic;
    } else if (name == "t" && m_inline && m_phonetic == 0) {
      m_collect = true;
    } else if (name == "mergeCell") {
      if (const char* ref = attribute(attributes, "ref")) merged.emplace_back(ref);
    }
  }
  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      m_collect = false;
    } else if (name == "rPh") {
      --m_phonetic;
    } else if (name == "is") {
      m_inline = false;
    } else if (name == "c") {
      end_cell();
    } else if (name == "row") {
      if (!m_row.cells.empty()) rows.push_back(std::move(m_row));
      m_row.cells.clear();
    }
  }
  void text(std::string_view s) override {
    if (m_collect) m_value.append(s);
  }

private:
  void end_cell() {
    using Kind = RawCell::Kind;
    RawCell cell{m_column, Kind::text, {}};
    if (!m_has_value) {
      if (!m_formula) return; // an empty cell (styled, or a leftover of a deleted value)
      cell.kind = Kind::no_value;
    } else if (m_type == "s") {
      size_t index = 0;
      auto [end, ec] = std::from_chars(m_value.data(), m_value.data() + m_value.size(), index);
      if (ec != std::errc() || end != m_value.data() + m_value.size() || index >= m_strings.size()) {
        cell.kind = Kind::bad_string;
        cell.value = m_value;
      } else {
        cell.value = std::string(m_strings[index]);
      }
    } else if (m_type == "inlineStr" || m_type == "str") {
      cell.value = m_value;
    } else if (m_type == "b") {
      cell.kind = Kind::boolean;
      cell.value = m_value == "1" || m_value == "true" ? "true" : "false";
    } else if (m_type == "e") {
      cell.kind = Kind::error;
      cell.value = m_value;
    } else if (m_type == "d") {
      cell.kind = Kind::iso_date;
      cell.value = m_value;
    } else {
      cell.kind = Kind::number;
      cell.value = m_value;
    }
    if ((cell.kind == Kind::text || cell.kind == Kind::number) && cell.value.empty()) return;
    m_row.cells.push_back(std::move(cell));
  }

  const SharedStrings& m_strings;
  RawRow m_row;
  int m_column = 0;
  std::string m_type;
  std::string m_value;
  bool m_collect = false, m_formula = false, m_has_value = false, m_inline = false;
  int m_phonetic = 0;
};

// The part a relationship's `target` names, relative to xl/ (or from the archive's root with
// a leading '/'); nothing when it leads outside the archive.
std::optional<std::string> resolve_target(std::string_view target) {
  std::vector<std::string_view> parts;
  if (!target.starts_with('/')) parts.push_back("xl");
  size_t at = 0;
  while (at <= target.size()) {
    size_t slash = std::min(target.find('/', at), target.size());
    std::string_view part = target.substr(at, slash - at);
    at = slash + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
      continue;
    }
    if (part.find('\\') != std::string_view::npos || part.find(':') != std::string_view::npos) return std::nullopt;
    parts.push_back(part);
  }
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

// A number as its shortest decimal, in plain notation: what a CSV export of the cell holds. A
// value that needs more than the 15 significant digits Excel keeps (0.30000000000000004, a
// sum of binary fractions) is read as Excel shows it (0.3).
std::optional<std::string> number_text(std::string_view raw) {
  double value = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (ec != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) return std::nullopt;
  char buffer[400];
  auto shortest = [&](double v) {
    auto result = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed);
    return std::string(buffer, result.ptr);
  };
  std::string text = shortest(value);
  size_t digits = std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  size_t leading = text.find_first_of("123456789");
  if (leading != std::string::npos) {
    size_t zeros = 0; // zeros before the first significant digit
    for (size_t i = 0; i < leading; ++i) zeros += text[i] == '0';
    digits -= zeros;
  }
  if (digits > 15) {
    std::snprintf(buffer, sizeof buffer, "%.14e", value);
    double excel = 0;
    std::from_chars(buffer, buffer + std::char_traits<char>::length(buffer), excel);
    text = shortest(excel);
  }
  if (text == "-0") text = "0";
  return text;
}

// The date a serial number stands for: days since 1899-12-31 in the 1900 date system (which
// counts a 29 February 1900 that never was, as Lotus 1-2-3 did: serial 60; from 61 on, a
// serial is one day more than the days since 1899-12-31), or since 1904-01-01. A time of day
// (the fraction) is dropped. Nothing, with `why`, for a serial that is no date.
std::optional<std::string> serial_date(std::string_view raw, bool date1904, std::string& why) {
  double serial = 0;
  auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), serial);
  constexpr double k_last = 2958465; // 9999-12-31
  if (ec != std::errc() || end != raw.data() + raw.size() || !(serial >= (date1904 ? 0 : 1)) || serial > k_last) {
    why = fmt::format("the number {} in a date field is not a date; format the cell as a date, or type the date as "
                      "2021-03-01",
                      raw);
    return std::nullopt;
  }
  auto day = static_cast<int32_t>(std::floor(serial));
  if (!date1904 && day == 60) {
    why = "the date serial number 60 is 29 February 1900, a day that did not exist (Excel counts it as the Lotus "
          "1-2-3 spreadsheet did); type the date that was meant";
    return std::nullopt;
  }
  constexpr int32_t k_1899_12_31 = -25568, k_1904_01_01 = -24107; // days from 1970-01-01
  int32_t days = date1904 ? k_1904_01_01 + day : k_1899_12_31 + day - (day > 60 ? 1 : 0);
  return core::to_string(core::Date{days});
}

} // namespace

std::string sheet_source(const std::string& path, std::string_view sheet) {
  bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (plain) return fmt::format("{}:{}!", path, sheet);
  std::string quoted;
  for (char c : sheet) {
    quoted += c;
    if (c == '\'') quoted += c;
  }
  return fmt::format("{}:'{}'!", path, quoted);
}

bool is_workbook(const std::string& bytes, const std::string& source) {
  if (!bytes.starts_with("PK\x03\x04")) return false;
  bool looks_like_one = bytes.find("xl/") != std::string::npos && bytes.find("xl/") < (size_t{1} << 16);
  try {
    ZipArchive archive(bytes, source);
    return archive.find("xl/workbook.xml") != nullptr;
  } catch (const util::Error&) {
    if (looks_like_one) throw;
    return false;
  }
}

struct XlsxSheetReader::Impl {
  Impl(std::string bytes, const std::string& path, util::Diagnostics& d)
      : archive(std::move(bytes), path), diagnostics(d) {}

  ZipArchive archive;
  util::Diagnostics& diagnostics;
  std::string source;
  bool date1904 = false;
  SharedStrings strings;
  std::unique_ptr<SheetPart> sheet;
  std::vector<bool> date_columns;
  int header_row = 0;
  size_t width = 0;         // the header's, once read
  std::vector<bool> headed; // by column of the header: whether it has a name
  int row = 0;
  std::vector<std::string> texts; // the current row's fields
  bool finished = false;

  const ZipArchive::Entry& part(const std::string& name) {
    const ZipArchive::Entry* e = archive.find(name);
    if (!e)
      fail(archive.source(), fmt::format("the workbook has no part '{}'; it is damaged or not made by a spreadsheet "
                                         "program: open it in Excel and save it again",
                                         name));
    return *e;
  }

  void open(const std::string& path, const std::string& wanted) {
    WorkbookPart workbook(archive, part("xl/workbook.xml"));
    workbook.read_all();
    date1904 = workbook.date1904;
    if (workbook.sheets.empty()) fail(path, "the workbook has no sheets");
    const WorkbookPart::Sheet* chosen = &workbook.sheets.front();
    if (!wanted.empty()) {
      auto it = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                             [&](const WorkbookPart::Sheet& s) { return s.name == wanted; });
      if (it == workbook.sheets.end()) {
        std::string names;
        for (const auto& s : workbook.sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
        fail(path, fmt::format("the workbook has no sheet '{}' (--sheet); its sheets are {}", wanted, names));
      }
      chosen = &*it;
    }
    RelationshipsPart rels(archive, part("xl/_rels/workbook.xml.rels"));
    rels.read_all();
    auto rel = std::find_if(rels.relationships.begin(), rels.relationships.end(),
                            [&](const auto& r) { return r.id == chosen->relationship; });
    if (rel == rels.relationships.end())
      fail(path, fmt::format("the workbook is damaged (the sheet '{}' has no part); open it in Excel and save it again",
                             chosen->name));
    auto target = resolve_target(rel->target);
    if (rel->external || !target)
      fail(path, fmt::format("the workbook's sheet '{}' points outside the workbook ('{}'); fundscreen reads only the "
                             "workbook's own parts: open it in Excel and save it again",
                             chosen->name, rel->target));
    if (const ZipArchive::Entry* e = archive.find("xl/sharedStrings.xml")) {
      SharedStringsPart shared(archive, *e);
      shared.read_all();
      strings = std::move(shared.strings);
    }
    source = sheet_source(path, chosen->name);
    sheet = std::make_unique<SheetPart>(archive, part(*target), strings);
  }

  util::Location at(int row_number, int column) const { return util::Location{source, row_number, column}; }

  // The text of `cell` as a field's (false when its problem was reported).
  bool cell_text(const RawCell& cell, size_t index, std::string& out) {
    using Kind = RawCell::Kind;
    bool date = index < date_columns.size() && date_columns[index];
    std::string why;
    switch (cell.kind) {
    case Kind::text:
    case Kind::boolean: out = cell.value; return true;
    case Kind::iso_date: out = date ? cell.value.substr(0, 10) : cell.value; return true;
    case Kind::number: {
      std::optional<std::string> text = date ? serial_date(cell.value, date1904, why) : number_text(cell.value);
      if (text) {
        out = std::move(*text);
        return true;
      }
      if (why.empty())
        why = fmt::format("the cell holds '{}', which is not a number; open the workbook in Excel and save it again",
                          cell.value);
      break;
    }
    case Kind::error:
      why = fmt::format("the cell holds the error '{}' of its formula; correct the formula, or type the value",
                        cell.value);
      break;
    case Kind::no_value:
      why = "the cell's formula has no saved value (the workbook was saved without calculating it); open it in Excel "
            "or LibreOffice and save it, so that the values are saved with the formulas";
      break;
    case Kind::bad_string:
      why = fmt::format("the cell refers to shared string '{}', which the workbook does not have; it is damaged: open "
                        "it in Excel and save it again",
                        cell.value);
      break;
    }
    diagnostics.error(at(row, cell.column), why);
    out.clear();
    return false;
  }

  void add_field(std::vector<CsvField>& fields, const std::string& text, int column, bool reported) {
    CsvField field;
    field.text = text;
    field.line = row;
    field.column = column;
    field.reported = reported;
    fields.push_back(field);
  }

  bool next(std::vector<CsvField>& fields) {
    fields.clear();
    while (sheet->rows.empty())
      if (!sheet->step() && sheet->rows.empty()) return false;
    RawRow raw = std::move(sheet->rows.front());
    sheet->rows.pop_front();
    row = raw.row;
    bool header = header_row == 0;
    if (header) header_row = row;
    if (header) { // every column up to the last with a value, the empty ones too
      size_t count = 0;
      for (const RawCell& cell : raw.cells) count = std::max(count, static_cast<size_t>(cell.column));
      texts.assign(count, std::string());
      std::vector<bool> reported(count, false);
      for (const RawCell& cell : raw.cells)
        reported[cell.column - 1] = !cell_text(cell, static_cast<size_t>(cell.column - 1), texts[cell.column - 1]);
      width = count;
      headed.assign(count, false);
      for (size_t i = 0; i < count; ++i) headed[i] = texts[i].find_first_not_of(" \t") != std::string::npos;
      for (size_t i = 0; i < count; ++i) add_field(fields, texts[i], static_cast<int>(i + 1), reported[i]);
      return true;
    }
    // a data row: its cells with a value only, each with its column
    texts.resize(std::max(texts.size(), raw.cells.size()));
    size_t used = 0;
    for (const RawCell& cell : raw.cells) {
      auto index = static_cast<size_t>(cell.column - 1);
      if (index >= width || !headed[index]) {
        diagnostics.error(at(row, cell.column),
                          fmt::format("this cell has a value but its column has no header in row {}; give the column "
                                      "a header, or clear the cell",
                                      header_row));
        continue;
      }
      bool bad = !cell_text(cell, index, texts[used]);
      add_field(fields, texts[used++], cell.column, bad);
    }
    return true;
  }

  void finish() {
    if (finished || !sheet) return;
    finished = true;
    while (sheet->step()) sheet->rows.clear(); // the merged cells follow the rows
    for (const std::string& range : sheet->merged) {
      size_t colon = range.find(':');
      int first_row = 0, last_row = 0;
      int column = parse_reference(std::string_view(range).substr(0, colon), first_row);
      if (colon != std::string::npos) parse_reference(std::string_view(range).substr(colon + 1), last_row);
      if (column == 0 || std::max(first_row, last_row) < header_row || colon == std::string::npos ||
          range.substr(0, colon) == range.substr(colon + 1))
        continue; // a range of one cell merges nothing
      diagnostics.error(at(first_row, column),
                        fmt::format("the cells {} are merged; unmerge them (in Excel: Home > Merge & Center) and give "
                                    "each cell its own value",
                                    range));
    }
  }
};

XlsxSheetReader::XlsxSheetReader(std::string bytes, const std::string& path, const std::string& sheet,
                                 util::Diagnostics& diagnostics)
    : m_impl(std::make_unique<Impl>(std::move(bytes), path, diagnostics)) {
  m_impl->open(path, sheet);
}

XlsxSheetReader::~XlsxSheetReader() = default;

bool XlsxSheetReader::next(std::vector<CsvField>& fields) { return m_impl->next(fields); }
int XlsxSheetReader::record_line() const { return m_impl->row; }
void XlsxSheetReader::set_date_columns(std::vector<bool> date_columns) {
  m_impl->date_columns = std::move(date_columns);
}
void XlsxSheetReader::finish() { m_impl->finish(); }
const std::string& XlsxSheetReader::source() const { return m_impl->source; }

} // namespace fundscreen::io
