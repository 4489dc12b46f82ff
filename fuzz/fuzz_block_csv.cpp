// SPDX-License-Identifier: Apache-2.0
// Fuzzes the block reader of screenings against the streaming reader: on any bytes, when the
// block reader reads a file through to the end, the streaming reader must find no problem in
// it and give the same applications (the kept fields and the lines).
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/criteria_set.hpp"
#include "io/block_csv.hpp"
#include "io/criteria_loader.hpp"
#include "sitra_set.hpp"
#include "util/diagnostics.hpp"

using namespace fundscreen;

namespace {

// A set whose fields are read from other headers (`column`), with patterns on fields a
// screening keeps (id, actors) and on one it does not (business_id). Its headers, for a seed:
// Hakemusnumero,Y-tunnus,Vaihe,Haettu summa (€),Toimijat
const core::CriteriaSet& mapped_set() {
  static const core::CriteriaSet set = io::parse_criteria(R"(
id: mapped
version: 1
call: {name: Mapped, budget: 100000}
fields:
  - {name: id, type: string, required: true, column: [Hakemusnumero, Application number], pattern: '[A-Z][0-9]+'}
  - {name: business_id, type: string, column: [Y-tunnus, Business ID], pattern: '[0-9]{7}-[0-9]'}
  - {name: stage, type: enum, values: [idea, ongoing], required: true, column: Vaihe}
  - {name: requested_eur, type: money, required: true, column: Haettu summa (€)}
  - {name: actors, type: list, column: Toimijat, pattern: '\p{Lu}.*'}
criteria:
  - {id: C1, kind: rule, rule: 'app.stage == "ongoing" and size(app.actors) >= 0'}
ranking: {tie_break: [{field: id}]}
)",
                                                          "mapped.yaml");
  return set;
}

// The applications as `line: value value ...` over the fields in `keep`.
std::string listing(const core::Application& app, const std::vector<bool>& keep) {
  std::string row = std::to_string(app.where.line) + ":";
  for (size_t f = 0; f < keep.size(); ++f)
    if (keep[f]) row += " " + core::to_display(app.values[f]);
  return row + "\n";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte: bit 0 a ';' delimiter, bit 1 every field kept, bits 2-3 the chunks
  // (the default, 1, 7 or 64 bytes), bit 4 two workers (else none), bit 5 the set with
  // columns and patterns (else sitra-2021).
  const core::CriteriaSet& set = (data[0] & 32) ? mapped_set() : fuzz::sitra_set();
  io::InputOptions options;
  options.csv.delimiter = (data[0] & 1) ? ';' : 0;
  std::vector<bool> keep = (data[0] & 2) ? std::vector<bool>(set.fields.size(), true) : io::fields_screening_reads(set);
  static constexpr size_t k_chunks[] = {size_t{1} << 18, 1, 7, 64};
  io::BlockTuning tuning{k_chunks[(data[0] >> 2) & 3], (data[0] & 16) ? 2 : 0};
  static const std::string path = "/tmp/fundscreen-fuzz-block-" + std::to_string(getpid()) + ".csv";
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));

  std::string block;
  io::BlockCsvApplications reader(set, options, keep, tuning);
  bool whole = reader.read(path, [&](core::Application&& app) { block += listing(app, keep); });
  if (!whole) return 0;
  std::string streaming;
  util::Diagnostics found;
  io::read_applications(path, set, options, found, [&](core::Application&& app) { streaming += listing(app, keep); });
  if (found.errors() > 0 || found.warnings() > 0 || block != streaming) __builtin_trap();
  return 0;
}
