// SPDX-License-Identifier: Apache-2.0
// The units a trail is cut into, by one rule for the writers and for `verify`: in jsonl each
// line before the seal line (its bytes without the line feed); in json the value of the
// top-level "run" member and each element of "applications", from its `{` to its matching
// `}`, exactly as in the file. Fed in pieces of any size, so a writer can split what it
// writes as it goes and `verify` can read a large file in blocks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "trail/sha256.hpp"

namespace fundscreen::trail {

enum class TrailFormat { json, jsonl };

// The format of a trail whose first bytes are `start` (a jsonl trail's first line is a
// compact object, `{"type":"run",...`; a json trail is pretty-printed).
TrailFormat detect_format(std::string_view start);

// Whether the splitter keeps each unit's place and facts (for `verify`, which names a unit
// by its application id and reads the decision and rank), or only the hashes (for a writer).
enum class Capture { hashes, heads };

// One unit of a trail.
struct Unit {
  Digest sha256{};
  uint64_t offset = 0; // of its first byte
  uint64_t line = 1;   // of its first byte, from 1
  // With Capture::heads: all of the first unit (the run), up to k_run_head bytes; of the
  // others, read from their first k_head bytes, the application's id, decision and rank
  // (empty when absent; rank "null" for none), so that a million units do not keep their
  // heads.
  std::string head;
  std::string id;
  std::string decision;
  std::string rank;
};

// Something in a trail that is neither a unit nor the seal: a jsonl line after the seal, a
// json member other than run, applications and seal, an element of applications that is
// not an object.
struct Stray {
  uint64_t line = 1;
  std::string what;
};

class Splitter {
public:
  static constexpr size_t k_head = 2048;
  static constexpr size_t k_run_head = size_t{16} << 20;

  explicit Splitter(TrailFormat format, Capture capture = Capture::hashes);

  // The next bytes of the trail.
  void feed(std::string_view bytes);
  // The end of the trail.
  void finish();

  TrailFormat format() const { return m_format; }
  // Every unit's SHA-256, in order.
  const std::vector<Digest>& hashes() const { return m_hashes; }
  // The hashes, moved out (a writer's splitter, whose work is done).
  std::vector<Digest> take_hashes() { return std::move(m_hashes); }
  // Every unit with its place and head: with Capture::heads only (a writer needs the hashes
  // alone, and a million units' places would cost it 80 MB).
  const std::vector<Unit>& units() const { return m_units; }
  const std::vector<Stray>& strays() const { return m_strays; }
  // The seal's text (jsonl: its line without the line feed; json: the "seal" member's
  // object), when the trail has one, and its line.
  bool has_seal() const { return m_has_seal; }
  const std::string& seal_text() const { return m_seal; }
  uint64_t seal_line() const { return m_seal_line; }
  // json: whether the document's top-level object was closed (else it was cut off, and
  // cut_line() is the line of the unit it ends in, or of its last byte). jsonl: whether
  // the last line ended with a line feed.
  bool complete() const { return m_complete; }
  uint64_t cut_line() const { return m_cut_line; }
  // json: false when the text does not start as a JSON object.
  bool well_formed() const { return m_well_formed; }
  // The line after the last byte fed (the number of lines, plus one if the last is cut).
  uint64_t end_line() const { return m_line; }
  uint64_t bytes() const { return m_offset; }

private:
  enum class Target { none, unit, seal };
  enum class LineKind { undecided, unit, seal, stray };

  void feed_lines(std::string_view bytes);
  void line_bytes(std::string_view bytes);
  void decide_line(LineKind kind);
  void line_to_target(std::string_view bytes);
  void end_of_line();

  void feed_json(std::string_view bytes);
  // The structural byte `c` at `i` of `bytes` (outside strings, not white space).
  void json_byte(std::string_view bytes, size_t i);
  void json_open(std::string_view bytes, size_t i);
  void json_close(std::string_view bytes, size_t i);
  void json_scalar(char c);
  void start_target(Target target, std::string_view bytes, size_t i);
  void end_target(std::string_view bytes, size_t i);
  void take(std::string_view bytes);
  void start_unit(uint64_t offset);
  void end_unit();
  void stray(std::string what);

  TrailFormat m_format;
  Capture m_capture;
  std::vector<Digest> m_hashes;
  std::vector<Unit> m_units;
  std::vector<Stray> m_strays;
  std::string m_seal;
  bool m_has_seal = false;
  uint64_t m_seal_line = 0;
  bool m_complete = true;
  bool m_well_formed = true;
  uint64_t m_cut_line = 0;
  uint64_t m_offset = 0; // bytes fed before the current piece
  uint64_t m_line = 1;   // the line being read

  // What the bytes being read belong to, and its hash and head.
  Target m_target = Target::none;
  Sha256 m_sha;
  Unit m_unit;

  // jsonl
  LineKind m_kind = LineKind::undecided;
  std::string m_pending; // a line's first bytes, while they may still start a seal
  uint64_t m_line_start = 0;
  bool m_line_open = false;
  bool m_after_seal = false;

  // json
  int m_depth = 0;
  bool m_in_string = false;
  bool m_escape = false;
  bool m_started = false;
  bool m_closed = false;
  bool m_expect_key = false;
  bool m_in_key = false;
  bool m_awaiting_value = false;
  bool m_in_applications = false;
  bool m_awaiting_element = false;
  bool m_seal_seen = false;
  std::string m_key;
  int m_target_depth = 0;
  size_t m_target_from = 0; // where the target starts in the current piece
};

} // namespace fundscreen::trail
