// SPDX-License-Identifier: Apache-2.0
#include "io/resolution_loader.hpp"

#include "util/text.hpp"

namespace fundscreen::io {

static std::string text_of(const core::Value& v) {
  const std::string* s = std::get_if<std::string>(&v);
  return s ? *s : std::string();
}

core::Resolutions read_resolutions(const std::string& path, const InputOptions& options, util::Diagnostics& diagnostics,
                                   Sha256* digest) {
  TableOptions table = table_options(options, "resolution", "resolutions");
  core::Resolutions resolutions;
  read_table_file(
      path, core::resolution_fields(), table, diagnostics,
      [&](TypedRow&& row) {
        if (!row.complete) return;
        for (size_t i = 0; i < row.values.size(); ++i)
          if (row.was_reported(i)) return;
        core::Resolution r;
        r.application = text_of(row.values[0]);
        std::string decision = text_of(row.values[1]);
        r.decision = decision == "fund" ? core::Decision::fund
                                        : (decision == "reject" ? core::Decision::reject : core::Decision::reserve);
        if (const auto* amount = std::get_if<core::Money>(&row.values[2])) r.amount = *amount;
        if (const auto* date = std::get_if<core::Date>(&row.values[3])) r.decided_on = core::to_string(*date);
        r.decided_by = text_of(row.values[4]);
        r.reason = text_of(row.values[5]);
        r.where = row.where;
        r.application_where = row.cells[0];
        r.decision_where = row.cells[1];
        r.amount_where = row.cells[2];
        r.reason_where = row.cells[5];
        if (util::trim(r.reason).empty()) {
          diagnostics.error(row.cells[5].line > 0 ? row.cells[5] : row.where,
                            "a resolution states its reason: write why it was decided so");
          return;
        }
        if (r.application.empty()) return;
        resolutions.add(std::move(r), diagnostics);
      },
      digest);
  return resolutions;
}

} // namespace fundscreen::io
