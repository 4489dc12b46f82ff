// SPDX-License-Identifier: Apache-2.0
#include "trail/findings.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

namespace fundscreen::trail {

namespace {

// One step of the edit script from the sealed list to the file's units; steps between the
// same two kept units share a gap.
struct Edit {
  bool insert = false; // else a deletion
  size_t sealed = 0;   // the sealed unit deleted, or where the deletion stands
  size_t actual = 0;   // the file's unit inserted, or the one a deletion stands before
  size_t gap = 0;
};

// Myers' O((N+M)D) diff of a[0..n) and b[0..m), as at most `max_d` edits; nullopt past it.
// The trace keeps, for each d, only the diagonals -d-1..d+1 it can have reached.
std::optional<std::vector<Edit>> myers(const Digest* a, size_t n, const Digest* b, size_t m, size_t max_d) {
  const long N = static_cast<long>(n), M = static_cast<long>(m);
  const long limit = static_cast<long>(std::min(n + m, max_d));
  const long offset = limit + 1;
  std::vector<long> v(static_cast<size_t>(2 * limit + 3), 0);
  std::vector<std::vector<int32_t>> trace; // trace[d][k + d + 1]: v before step d
  auto at = [&](long k) -> long& { return v[static_cast<size_t>(k + offset)]; };
  long found = -1;
  for (long d = 0; d <= limit && found < 0; ++d) {
    trace.emplace_back(v.begin() + (offset - d - 1), v.begin() + (offset + d + 2));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < N && y < M && a[x] == b[y]) ++x, ++y;
      at(k) = x;
      if (x >= N && y >= M) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return std::nullopt;
  std::vector<Edit> edits;
  long x = N, y = M;
  for (long d = found; d > 0; --d) {
    const std::vector<int32_t>& pv = trace[static_cast<size_t>(d)];
    auto before = [&](long k) { return static_cast<long>(pv[static_cast<size_t>(k + d + 1)]); };
    long k = x - y;
    bool insertion = k == -d || (k != d && before(k - 1) < before(k + 1));
    long pk = insertion ? k + 1 : k - 1;
    long px = before(pk), py = px - pk;
    while (x > px && y > py) --x, --y; // kept units
    edits.push_back({insertion, static_cast<size_t>(px), static_cast<size_t>(py), 0});
    x = px;
    y = py;
  }
  std::reverse(edits.begin(), edits.end());
  return edits;
}

// Numbers the gaps: edits with nothing kept between them share one.
void number_gaps(std::vector<Edit>& edits) {
  size_t gap = 0;
  for (size_t i = 0; i < edits.size(); ++i) {
    if (i > 0) {
      const Edit& p = edits[i - 1];
      size_t sealed_after = p.insert ? p.sealed : p.sealed + 1;
      size_t actual_after = p.insert ? p.actual + 1 : p.actual;
      if (edits[i].sealed != sealed_after || edits[i].actual != actual_after) ++gap;
    }
    edits[i].gap = gap;
  }
}

std::string what(const UnitPlace& place, size_t index) {
  if (!place.id.empty()) return "application '" + place.id + "'";
  return index == 0 ? "the run unit" : "the unit";
}

struct Classifier {
  const std::vector<Digest>& sealed;
  const std::vector<Digest>& actual;
  const std::vector<UnitPlace>& places;
  uint64_t end_line;
  std::vector<std::pair<size_t, Finding>> out; // by the file's unit index

  uint64_t line_at(size_t actual_index) const {
    return actual_index < places.size() ? places[actual_index].line : end_line;
  }
  const std::string& id_at(size_t actual_index) const {
    static const std::string none;
    return actual_index < places.size() ? places[actual_index].id : none;
  }
  void add(size_t index, FindingKind kind, std::string message) {
    out.push_back({index, Finding{kind, line_at(index), id_at(index), std::move(message)}});
  }

  void classify(std::vector<Edit>& edits) {
    number_gaps(edits);
    std::vector<bool> used(edits.size(), false);
    // A unit deleted at one place and inserted at another was moved.
    std::multimap<Digest, size_t> inserted;
    for (size_t i = 0; i < edits.size(); ++i)
      if (edits[i].insert) inserted.emplace(actual[edits[i].actual], i);
    for (size_t i = 0; i < edits.size(); ++i) {
      if (edits[i].insert) continue;
      auto it = inserted.find(sealed[edits[i].sealed]);
      if (it == inserted.end()) continue;
      size_t j = it->second;
      inserted.erase(it);
      used[i] = used[j] = true;
      // Named at the first place the order breaks: where it was taken out, or where it is now.
      size_t now = edits[j].actual;
      size_t first = std::min(now, edits[i].actual);
      out.push_back(
          {first, Finding{FindingKind::moved, line_at(first), id_at(now),
                          what(places[now], now) + " was moved: the seal has it as unit " +
                              std::to_string(edits[i].sealed + 1) + ", it is now unit " + std::to_string(now + 1)}});
    }
    // In each gap, deletions and insertions side by side are changes; the rest removals and
    // insertions, or, at the end of the file, the trail cut short.
    for (size_t start = 0; start < edits.size();) {
      size_t stop = start;
      while (stop < edits.size() && edits[stop].gap == edits[start].gap) ++stop;
      gap(edits, used, start, stop);
      start = stop;
    }
  }

  void gap(const std::vector<Edit>& edits, const std::vector<bool>& used, size_t start, size_t stop) {
    std::vector<size_t> deletions, insertions;
    for (size_t i = start; i < stop; ++i)
      if (!used[i]) (edits[i].insert ? insertions : deletions).push_back(i);
    size_t pairs = std::min(deletions.size(), insertions.size());
    for (size_t p = 0; p < pairs; ++p) {
      const Edit& ins = edits[insertions[p]];
      add(ins.actual, FindingKind::changed,
          what(places[ins.actual], ins.actual) + " was changed after sealing (unit " +
              std::to_string(edits[deletions[p]].sealed + 1) + " of the seal)");
    }
    for (size_t p = pairs; p < insertions.size(); ++p) {
      const Edit& ins = edits[insertions[p]];
      add(ins.actual, FindingKind::inserted,
          what(places[ins.actual], ins.actual) + " was inserted: the seal does not list it here");
    }
    if (pairs >= deletions.size()) return;
    const Edit& first = edits[deletions[pairs]];
    if (first.actual >= actual.size()) { // nothing of the file after these
      add(first.actual, FindingKind::truncated,
          "the trail was cut short: the seal lists " + std::to_string(sealed.size()) + " units, the file has " +
              std::to_string(actual.size()) + " (from unit " + std::to_string(first.sealed + 1) + " on)");
      return;
    }
    for (size_t p = pairs; p < deletions.size(); ++p) {
      const Edit& del = edits[deletions[p]];
      add(del.actual, FindingKind::removed, "unit " + std::to_string(del.sealed + 1) + " of the seal was removed here");
    }
  }
};

} // namespace

std::string_view finding_kind_name(FindingKind kind) {
  switch (kind) {
  case FindingKind::changed: return "changed";
  case FindingKind::removed: return "removed";
  case FindingKind::inserted: return "inserted";
  case FindingKind::moved: return "moved";
  case FindingKind::truncated: return "truncated";
  case FindingKind::stray: return "stray";
  case FindingKind::seal: return "seal";
  case FindingKind::signature: return "signature";
  case FindingKind::input: return "input";
  case FindingKind::decision: return "decision";
  case FindingKind::more: return "more";
  }
  return "changed";
}

std::vector<Finding> compare_units(const std::vector<Digest>& sealed, const std::vector<Digest>& actual,
                                   const std::vector<UnitPlace>& places, uint64_t end_line, size_t limit) {
  size_t prefix = 0;
  while (prefix < sealed.size() && prefix < actual.size() && sealed[prefix] == actual[prefix]) ++prefix;
  size_t suffix = 0;
  while (suffix < sealed.size() - prefix && suffix < actual.size() - prefix &&
         sealed[sealed.size() - 1 - suffix] == actual[actual.size() - 1 - suffix])
    ++suffix;
  size_t n = sealed.size() - prefix - suffix, m = actual.size() - prefix - suffix;
  if (n == 0 && m == 0) return {};
  Classifier classifier{sealed, actual, places, end_line, {}};
  std::optional<std::vector<Edit>> edits = myers(sealed.data() + prefix, n, actual.data() + prefix, m, 4 * limit);
  if (!edits) {
    classifier.add(prefix, FindingKind::more,
                   "from here on the units differ from the seal in more than " + std::to_string(4 * limit) +
                       " places; more differences follow");
  } else {
    for (Edit& edit : *edits) {
      edit.sealed += prefix;
      edit.actual += prefix;
    }
    classifier.classify(*edits);
  }
  std::stable_sort(classifier.out.begin(), classifier.out.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Finding> findings;
  for (auto& [index, finding] : classifier.out) {
    if (findings.size() == limit) {
      findings.push_back({FindingKind::more, finding.line, {}, "more differences follow"});
      break;
    }
    findings.push_back(std::move(finding));
  }
  return findings;
}

} // namespace fundscreen::trail
