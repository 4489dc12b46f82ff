// SPDX-License-Identifier: Apache-2.0
// Fuzzes io::CsvReader: delimiter detection or an explicit ';', UTF-8 or Windows-1252, and
// chunk sizes of 1 to 64 bytes so that records, quotes and UTF-8 sequences straddle chunks.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "io/csv_reader.hpp"
#include "util/error.hpp"

using namespace fundscreen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte chooses the options: bit 0 delimiter, bit 1 encoding, bits 2-7 chunk size.
  const uint8_t choice = data[0];
  io::CsvOptions options;
  options.delimiter = (choice & 1) ? ';' : 0;
  options.encoding = (choice & 2) ? io::Encoding::windows_1252 : io::Encoding::utf8;
  options.chunk_size = static_cast<size_t>(choice >> 2) + 1;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    io::CsvReader reader(in, "fuzz.csv", options);
    std::vector<io::CsvField> fields;
    unsigned sum = 0;
    while (reader.next(fields)) {
      // Read every byte of every field, so a view into freed or stale memory shows up.
      for (const io::CsvField& f : fields)
        for (char c : f.text) sum += static_cast<unsigned char>(c);
    }
    volatile unsigned sink = sum;
    (void)sink;
  } catch (const util::Error&) {
    // Bad input is reported as a located error: expected.
  }
  return 0;
}
