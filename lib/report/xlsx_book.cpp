// SPDX-License-Identifier: Apache-2.0
// The .xlsx container written here, with zlib: Debian ships libxlsxwriter only as a shared
// library, and the fundscreen binary is linked statically (see CMakeLists.txt). The parts are
// the fewest Excel and LibreOffice need: content types, the package and workbook
// relationships, the workbook, the styles and the sheets.
#include "report/xlsx_book.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include <fmt/format.h>
#include <zlib.h>

#include "report/escape.hpp"

namespace fundscreen::report {

namespace {

constexpr std::string_view k_main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view k_relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::string_view k_package_relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr std::string_view k_header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr size_t k_styles = 5;           // XlsxBook::Style's values
constexpr double k_max_width = 60;       // characters: longer texts wrap in the cell when opened
constexpr int32_t k_1899_12_30 = -25569; // days from 1970-01-01; serials from 61 (1900-03-01) count from it

std::string column_letters(size_t column) { // from 0
  std::string letters;
  for (size_t c = column + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
  return letters;
}

// The characters of UTF-8 `text` (its width in a column, near enough).
size_t characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string number_text(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

// A zip archive of deflated parts, written at the end.
class ZipWriter {
public:
  void add(std::string_view name, std::string_view data) {
    Entry e{
        std::string(name),
        static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()))),
        static_cast<uint32_t>(data.size()), 0, static_cast<uint32_t>(m_bytes.size())};
    std::string packed = deflate_raw(data);
    e.packed = static_cast<uint32_t>(packed.size());
    local_header(e);
    m_bytes += packed;
    m_entries.push_back(std::move(e));
  }

  std::string finish() {
    auto directory = static_cast<uint32_t>(m_bytes.size());
    for (const Entry& e : m_entries) {
      put32(0x02014b50);
      put16(20); // made by: zip 2.0
      common(e);
      put16(0); // comment
      put16(0); // disk
      put16(0); // internal attributes
      put32(0); // external attributes
      put32(e.offset);
      m_bytes += e.name;
    }
    auto size = static_cast<uint32_t>(m_bytes.size()) - directory;
    put32(0x06054b50);
    put16(0);
    put16(0);
    put16(static_cast<uint16_t>(m_entries.size()));
    put16(static_cast<uint16_t>(m_entries.size()));
    put32(size);
    put32(directory);
    put16(0);
    return std::move(m_bytes);
  }

private:
  struct Entry {
    std::string name;
    uint32_t crc = 0, size = 0, packed = 0, offset = 0;
  };

  static std::string deflate_raw(std::string_view data) {
    z_stream z{};
    deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
  }

  void put16(uint16_t v) {
    m_bytes += static_cast<char>(v & 0xFF);
    m_bytes += static_cast<char>(v >> 8);
  }
  void put32(uint32_t v) {
    put16(static_cast<uint16_t>(v & 0xFFFF));
    put16(static_cast<uint16_t>(v >> 16));
  }
  // The fields a local header and a directory entry share, from the version needed on.
  void common(const Entry& e) {
    put16(20);         // version needed: 2.0
    put16(0x0800);     // flags: the name is UTF-8
    put16(Z_DEFLATED); // method
    put16(0);          // time 00:00
    put16(0x21);       // date 1980-01-01
    put32(e.crc);
    put32(e.packed);
    put32(e.size);
    put16(static_cast<uint16_t>(e.name.size()));
    put16(0); // extra
  }
  void local_header(const Entry& e) {
    put32(0x04034b50);
    common(e);
    m_bytes += e.name;
  }

  std::string m_bytes;
  std::vector<Entry> m_entries;
};

} // namespace

XlsxBook::Sheet& XlsxBook::add_sheet(std::string name, std::vector<std::string> header) {
  m_sheets.push_back(Sheet{std::move(name), std::move(header), {}, {}});
  return m_sheets.back();
}

XlsxBook::Cell XlsxBook::text(std::string_view value) {
  return Cell{Style::text, std::string(value), 0, value.empty()};
}

XlsxBook::Cell XlsxBook::number(double value, Style style) { return Cell{style, {}, value, false}; }

XlsxBook::Cell XlsxBook::date(int32_t days_since_1970) {
  return Cell{Style::date, {}, static_cast<double>(days_since_1970 - k_1899_12_30), false};
}

std::string XlsxBook::styles_xml() const {
  // cellXfs: for each style, without then with a thick line under it; the header's is last
  std::string xfs;
  for (int line = 0; line < 2; ++line)
    for (int format : {0, 1, 2, 164, 165}) // text (General), 0, 0.00, money, date
      xfs += fmt::format("<xf numFmtId=\"{}\" fontId=\"0\" fillId=\"0\" borderId=\"{}\" xfId=\"0\"{}{}/>", format, line,
                         format ? " applyNumberFormat=\"1\"" : "", line ? " applyBorder=\"1\"" : "");
  xfs += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>";
  std::string currency = m_currency.empty() ? "" : fmt::format(R"(\ "{}")", m_currency);
  return fmt::format(
      "{}<styleSheet xmlns=\"{}\"><numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"{}\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
      "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
      "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
      "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      "<border><left/><right/><top/><bottom style=\"thick\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
      "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      "<cellXfs count=\"{}\">{}</cellXfs>"
      "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>",
      k_header, k_main, xml_attribute("#,##0.00" + currency), 2 * k_styles + 1, xfs);
}

std::string XlsxBook::sheet_xml(const Sheet& sheet) const {
  size_t columns = sheet.header.size();
  std::vector<double> widths(columns, 0);
  auto widen = [&](size_t c, double w) { widths[c] = std::max(widths[c], std::min(w, k_max_width)); };
  for (size_t c = 0; c < columns; ++c)
    widen(c, static_cast<double>(characters(sheet.header[c])) + 4); // the filter's button
  for (const auto& row : sheet.rows)
    for (size_t c = 0; c < row.size() && c < columns; ++c) {
      const Cell& cell = row[c];
      if (cell.empty) continue;
      switch (cell.style) {
      case Style::text: widen(c, static_cast<double>(characters(cell.text))); break;
      case Style::date: widen(c, 10); break;
      case Style::money: widen(c, static_cast<double>(number_text(std::round(cell.number)).size()) * 1.4 + 6); break;
      default: widen(c, static_cast<double>(number_text(cell.number).size())); break;
      }
    }
  std::string out =
      fmt::format("{}<worksheet xmlns=\"{}\" xmlns:r=\"{}\"><sheetViews><sheetView workbookViewId=\"0\">"
                  "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                  "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
                  "<sheetFormatPr defaultRowHeight=\"15\"/><cols>",
                  k_header, k_main, k_relationships);
  for (size_t c = 0; c < columns; ++c)
    out += fmt::format("<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>", c + 1,
                       number_text(std::ceil(widths[c] + 1)));
  out += "</cols><sheetData><row r=\"1\">";
  for (size_t c = 0; c < columns; ++c)
    out += fmt::format("<c r=\"{}1\" t=\"inlineStr\" s=\"{}\"><is><t>{}</t></is></c>", column_letters(c), 2 * k_styles,
                       xml_text(sheet.header[c]));
  out += "</row>";
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    size_t line = std::find(sheet.lines.begin(), sheet.lines.end(), r) != sheet.lines.end() ? k_styles : 0;
    out += fmt::format("<row r=\"{}\">", r + 2);
    const auto& row = sheet.rows[r];
    for (size_t c = 0; c < row.size() && c < columns; ++c) {
      const Cell& cell = row[c];
      size_t style = static_cast<size_t>(cell.style) + line;
      std::string ref = column_letters(c) + std::to_string(r + 2);
      if (cell.empty) {
        if (line) out += fmt::format("<c r=\"{}\" s=\"{}\"/>", ref, style);
      } else if (cell.style == Style::text) {
        // an inline string: never read as a formula, whatever it holds
        out += fmt::format("<c r=\"{}\" s=\"{}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>", ref,
                           style, xml_text(cell.text));
      } else {
        out += fmt::format("<c r=\"{}\" s=\"{}\"><v>{}</v></c>", ref, style, number_text(cell.number));
      }
    }
    out += "</row>";
  }
  out += "</sheetData>";
  if (columns > 0)
    out += fmt::format("<autoFilter ref=\"A1:{}{}\"/>", column_letters(columns - 1), sheet.rows.size() + 1);
  out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
         "</worksheet>";
  return out;
}

void XlsxBook::write(std::ostream& out) const {
  ZipWriter zip;
  std::string overrides, sheets, relationships, defined_names;
  for (size_t i = 0; i < m_sheets.size(); ++i) {
    overrides += fmt::format("<Override PartName=\"/xl/worksheets/sheet{}.xml\" ContentType=\"application/"
                             "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>",
                             i + 1);
    sheets += fmt::format("<sheet name=\"{}\" sheetId=\"{}\" r:id=\"rId{}\"/>", xml_attribute(m_sheets[i].name), i + 1,
                          i + 1);
    relationships += fmt::format("<Relationship Id=\"rId{0}\" Type=\"{1}/worksheet\" "
                                 "Target=\"worksheets/sheet{0}.xml\"/>",
                                 i + 1, k_relationships);
    // the autofilter's range, which Excel keeps as a hidden name of the sheet
    if (!m_sheets[i].header.empty())
      defined_names += fmt::format(
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"{}\" hidden=\"1\">'{}'!$A$1:${}${}</definedName>",
          i, xml_text(m_sheets[i].name), column_letters(m_sheets[i].header.size() - 1), m_sheets[i].rows.size() + 1);
  }
  zip.add("[Content_Types].xml",
          fmt::format("{}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"rels\" "
                      "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                      "<Override PartName=\"/xl/workbook.xml\" "
                      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                      "<Override PartName=\"/xl/styles.xml\" "
                      "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                      "{}</Types>",
                      k_header, overrides));
  zip.add("_rels/.rels", fmt::format("{}<Relationships xmlns=\"{}\"><Relationship Id=\"rId1\" "
                                     "Type=\"{}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                                     k_header, k_package_relationships, k_relationships));
  zip.add("xl/workbook.xml",
          fmt::format("{}<workbook xmlns=\"{}\" xmlns:r=\"{}\"><workbookPr/><bookViews><workbookView/></bookViews>"
                      "<sheets>{}</sheets>{}</workbook>",
                      k_header, k_main, k_relationships, sheets,
                      defined_names.empty() ? "" : "<definedNames>" + defined_names + "</definedNames>"));
  zip.add("xl/_rels/workbook.xml.rels",
          fmt::format("{}<Relationships xmlns=\"{}\">{}<Relationship Id=\"rId{}\" Type=\"{}/styles\" "
                      "Target=\"styles.xml\"/></Relationships>",
                      k_header, k_package_relationships, relationships, m_sheets.size() + 1, k_relationships));
  zip.add("xl/styles.xml", styles_xml());
  for (size_t i = 0; i < m_sheets.size(); ++i)
    zip.add(fmt::format("xl/worksheets/sheet{}.xml", i + 1), sheet_xml(m_sheets[i]));
  std::string bytes = zip.finish();
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

namespace {

// The rows of standard csv `text`, unquoted.
std::vector<std::vector<std::string>> csv_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(cell));
      cell.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(cell));
      cell.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      cell += c;
    }
  }
  if (!cell.empty() || !rows.back().empty()) rows.back().push_back(std::move(cell));
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

XlsxBook::Cell typed_cell(std::string text) {
  if (text.size() > 1 && text[0] == '\'' && std::string_view("=+-@\t\r").find(text[1]) != std::string_view::npos)
    text.erase(0, 1);
  std::string_view t = text;
  if (t.starts_with('-')) t.remove_prefix(1);
  size_t dot = t.find('.');
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  bool number = digits(t.substr(0, dot)) && (dot == std::string_view::npos || digits(t.substr(dot + 1)));
  number = number && !(t.size() > 1 && t[0] == '0' && t[1] != '.'); // an id such as 0012 stays text
  if (number && text.size() < 16) {
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return XlsxBook::number(value, dot == std::string_view::npos ? XlsxBook::Style::integer : XlsxBook::Style::number);
  }
  return XlsxBook::text(text);
}

} // namespace

void write_csv_as_xlsx(std::string_view sheet_name, const std::function<void(std::ostream&)>& write_csv,
                       std::ostream& out) {
  std::ostringstream csv;
  write_csv(csv);
  write_csv_as_xlsx(sheet_name, csv.str(), out);
}

void write_csv_as_xlsx(std::string_view sheet_name, std::string_view csv, std::ostream& out) {
  auto rows = csv_rows(csv);
  XlsxBook book("");
  XlsxBook::Sheet& sheet = book.add_sheet(std::string(sheet_name), rows.empty() ? std::vector<std::string>{} : rows[0]);
  for (size_t r = 1; r < rows.size(); ++r) {
    std::vector<XlsxBook::Cell> cells;
    for (std::string& text : rows[r]) cells.push_back(typed_cell(std::move(text)));
    sheet.rows.push_back(std::move(cells));
  }
  book.write(out);
}

} // namespace fundscreen::report
