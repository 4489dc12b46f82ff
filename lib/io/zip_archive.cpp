// SPDX-License-Identifier: Apache-2.0
// The zip container of a workbook, read with libzip from the bytes already in memory. libzip
// finds the parts, unpacks them and checks their CRCs; the limits against hostile files
// (sizes, ratio) are checked here, first against what the directory says and then against
// every byte unpacked, since a directory may lie.
#include "io/zip_archive.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <zip.h>

#include "util/error.hpp"

namespace fundscreen::io {

namespace {

constexpr size_t k_end_size = 22; // the end of central directory record, without its comment
constexpr size_t k_max_comment = 0xFFFF;
constexpr size_t k_zip64_locator_size = 20;

// `bytes` for a person: `38 MiB`, `12 KiB`, `310 bytes`.
std::string size_text(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 30) && bytes % (uint64_t{1} << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
  if (bytes >= (uint64_t{1} << 20)) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (uint64_t{1} << 10)) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

std::string limits_text(const ZipLimits& limits) {
  return fmt::format("fundscreen reads a part of up to {}, and one over {} at up to {} times its packed size",
                     size_text(limits.max_size), size_text(limits.ratio_floor), limits.max_ratio);
}

// Whether the archive `all` ends in ZIP64's records: its end record has the ZIP64 locator
// just before it. libzip would read it; fundscreen refuses it, as README says.
bool is_zip64(std::string_view all) {
  if (all.size() < k_end_size) return false;
  size_t lowest = all.size() - std::min(all.size(), k_end_size + k_max_comment);
  size_t end = all.rfind(std::string_view("PK\x05\x06", 4), all.size() - k_end_size);
  if (end == std::string_view::npos || end < lowest || end < k_zip64_locator_size) return false;
  return all.substr(end - k_zip64_locator_size, 4) == std::string_view("PK\x06\x07", 4);
}

} // namespace

struct ZipArchive::Archive {
  zip_t* zip = nullptr;
  ~Archive() {
    if (zip) zip_discard(zip);
  }
};

struct ZipArchive::Reader::File {
  zip_file_t* file = nullptr;
  ~File() {
    if (file) zip_fclose(file);
  }
};

ZipArchive::ZipArchive(std::string bytes, std::string source, ZipLimits limits)
    : m_bytes(std::move(bytes)), m_source(std::move(source)), m_limits(limits) {
  read_directory();
}

ZipArchive::~ZipArchive() = default;

void ZipArchive::fail(const std::string& message) const {
  throw util::Error(util::ErrorKind::input,
                    util::Diagnostic{util::Location{m_source, 0, 0}, util::Severity::error, message, {}});
}

void ZipArchive::read_directory() {
  const std::string damaged = "the workbook is damaged (its zip directory cannot be read); open it in Excel and save "
                              "it again";
  // libzip takes an empty file for an empty archive; a workbook never is one
  if (m_bytes.size() < k_end_size) fail(damaged);
  zip_error_t error;
  zip_error_init(&error);
  m_zip = std::make_unique<Archive>();
  zip_source_t* bytes = zip_source_buffer_create(m_bytes.data(), m_bytes.size(), 0, &error);
  if (bytes) {
    m_zip->zip = zip_open_from_source(bytes, ZIP_RDONLY, &error);
    if (!m_zip->zip) zip_source_free(bytes);
  }
  zip_error_fini(&error);
  if (!m_zip->zip) fail(damaged);
  if (is_zip64(m_bytes))
    fail("the workbook is a ZIP64 archive (over 4 GB or 65,535 parts), larger than fundscreen reads; save the sheet "
         "as CSV UTF-8 and screen that");
  zip_int64_t count = zip_get_num_entries(m_zip->zip, 0);
  m_entries.reserve(static_cast<size_t>(std::max<zip_int64_t>(count, 0)));
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(m_zip->zip, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW, &stat) != 0 ||
        !(stat.valid & ZIP_STAT_NAME))
      fail(damaged);
    Entry e;
    e.name = stat.name;
    e.index = static_cast<uint64_t>(i);
    e.method = stat.valid & ZIP_STAT_COMP_METHOD ? stat.comp_method : ZIP_CM_STORE;
    e.encryption = stat.valid & ZIP_STAT_ENCRYPTION_METHOD ? stat.encryption_method : ZIP_EM_NONE;
    e.packed_size = stat.valid & ZIP_STAT_COMP_SIZE ? stat.comp_size : 0;
    e.size = stat.valid & ZIP_STAT_SIZE ? stat.size : 0;
    m_entries.push_back(std::move(e));
  }
}

const ZipArchive::Entry* ZipArchive::find(std::string_view name) const {
  for (const Entry& e : m_entries)
    if (e.name == name) return &e;
  return nullptr;
}

ZipArchive::Reader::Reader(const ZipArchive& archive, const Entry& entry) : m_archive(archive), m_entry(entry) {
  const ZipLimits& limits = archive.m_limits;
  if (entry.encryption != ZIP_EM_NONE)
    archive.fail(
        fmt::format("the workbook's part '{}' is encrypted; save the workbook without a password", entry.name));
  if (!zip_compression_method_supported(entry.method, 0))
    archive.fail(fmt::format("the workbook's part '{}' is packed with zip method {}, which fundscreen does not "
                             "read; open it in Excel and save it again",
                             entry.name, entry.method));
  if (entry.size > limits.max_size ||
      (entry.size > limits.ratio_floor && entry.size / limits.max_ratio > entry.packed_size))
    archive.fail(fmt::format("the workbook's part '{}' unpacks to {} from {}, as a zip bomb does; {}", entry.name,
                             size_text(entry.size), size_text(entry.packed_size), limits_text(limits)));
  m_file = std::make_unique<File>();
  m_file->file = zip_fopen_index(archive.m_zip->zip, entry.index, 0);
  if (!m_file->file)
    archive.fail(fmt::format("the workbook is damaged (its part '{}' cannot be found); open it in Excel and save it "
                             "again",
                             entry.name));
}

ZipArchive::Reader::~Reader() = default;

size_t ZipArchive::Reader::read(char* out, size_t size) {
  zip_int64_t n = zip_fread(m_file->file, out, size);
  if (n < 0) // a deflate stream that breaks off, a wrong CRC, a part longer than its place
    m_archive.fail(fmt::format("the workbook is damaged (its part '{}' does not unpack); open it in Excel and save "
                               "it again",
                               m_entry.name));
  m_unpacked += static_cast<uint64_t>(n);
  const ZipLimits& limits = m_archive.m_limits;
  // the sizes in the directory may lie: the bytes unpacked are counted as well
  if (m_unpacked > limits.max_size ||
      (m_unpacked > limits.ratio_floor && m_unpacked / limits.max_ratio > m_entry.packed_size))
    m_archive.fail(fmt::format("the workbook's part '{}' unpacks to more than its zip directory says, and past the "
                               "limits, as a zip bomb does; {}",
                               m_entry.name, limits_text(limits)));
  return static_cast<size_t>(n);
}

std::string ZipArchive::read_all(const Entry& entry) const {
  Reader reader(*this, entry);
  std::string out;
  char buffer[65536];
  while (size_t n = reader.read(buffer, sizeof buffer)) out.append(buffer, n);
  return out;
}

} // namespace fundscreen::io
