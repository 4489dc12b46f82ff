// SPDX-License-Identifier: Apache-2.0
#include "trail/splitter.hpp"

#include <cstring>

#include "trail/json_value.hpp"

namespace fundscreen::trail {

namespace {

constexpr std::string_view k_seal_prefix = R"({"type":"seal")";

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

} // namespace

TrailFormat detect_format(std::string_view start) {
  size_t i = 0;
  if (i < start.size() && start[i] == '{') ++i;
  return i < start.size() && start[i] == '"' ? TrailFormat::jsonl : TrailFormat::json;
}

Splitter::Splitter(TrailFormat format, Capture capture) : m_format(format), m_capture(capture) {}

void Splitter::feed(std::string_view bytes) {
  if (m_format == TrailFormat::jsonl)
    feed_lines(bytes);
  else
    feed_json(bytes);
  m_offset += bytes.size();
}

// The bytes `bytes` belong to the current target: hashed, and kept as its head or the seal.
void Splitter::take(std::string_view bytes) {
  if (bytes.empty()) return;
  if (m_target == Target::seal) {
    m_seal.append(bytes);
    return;
  }
  m_sha.update(bytes);
  if (m_capture == Capture::heads) {
    size_t cap = m_hashes.empty() ? k_run_head : k_head;
    if (m_unit.head.size() < cap) m_unit.head.append(bytes.substr(0, cap - m_unit.head.size()));
  }
}

void Splitter::start_unit(uint64_t offset) {
  m_unit = Unit();
  m_unit.offset = offset;
  m_unit.line = m_line;
}

void Splitter::end_unit() {
  m_unit.sha256 = m_sha.finish();
  m_hashes.push_back(m_unit.sha256);
  if (m_capture == Capture::heads) {
    static const std::vector<std::string> keys = {"id", "decision", "rank"};
    std::vector<std::optional<std::string>> facts = leading_members(m_unit.head, keys);
    m_unit.id = facts[0].value_or("");
    m_unit.decision = facts[1].value_or("");
    m_unit.rank = facts[2].value_or("");
    // Swapped, not assigned: assigning an empty string keeps the head's buffer (libstdc++
    // copies a short string into the buffer it has), a kilobyte or two for every unit.
    if (m_hashes.size() > 1) std::string().swap(m_unit.head);
    m_units.push_back(std::move(m_unit));
  }
  m_unit = {};
}

void Splitter::stray(std::string what) { m_strays.push_back({m_line, std::move(what)}); }

// jsonl: memchr from line feed to line feed.
void Splitter::feed_lines(std::string_view bytes) {
  size_t pos = 0;
  while (pos < bytes.size()) {
    const void* found = std::memchr(bytes.data() + pos, '\n', bytes.size() - pos);
    size_t end = found ? static_cast<size_t>(static_cast<const char*>(found) - bytes.data()) : bytes.size();
    if (!m_line_open) {
      m_line_open = true;
      m_line_start = m_offset + pos;
    }
    line_bytes(bytes.substr(pos, end - pos));
    if (!found) break;
    end_of_line();
    pos = end + 1;
  }
}

// A line is the seal when it starts with k_seal_prefix, which may take several pieces to know.
void Splitter::line_bytes(std::string_view bytes) {
  if (m_kind == LineKind::undecided) {
    size_t take_n = std::min(bytes.size(), k_seal_prefix.size() - m_pending.size());
    m_pending.append(bytes.substr(0, take_n));
    bytes.remove_prefix(take_n);
    if (!k_seal_prefix.starts_with(m_pending))
      decide_line(LineKind::unit);
    else if (m_pending.size() == k_seal_prefix.size())
      decide_line(LineKind::seal);
    else
      return;
  }
  line_to_target(bytes);
}

void Splitter::decide_line(LineKind kind) {
  m_kind = m_after_seal ? LineKind::stray : kind;
  m_target = m_kind == LineKind::unit ? Target::unit : (m_kind == LineKind::seal ? Target::seal : Target::none);
  if (m_target == Target::unit) start_unit(m_line_start);
  line_to_target(m_pending);
  m_pending.clear();
}

void Splitter::line_to_target(std::string_view bytes) {
  if (m_target != Target::none) take(bytes);
}

void Splitter::end_of_line() {
  if (m_kind == LineKind::undecided) decide_line(LineKind::unit);
  if (m_kind == LineKind::unit) {
    end_unit();
  } else if (m_kind == LineKind::seal) {
    m_has_seal = true;
    m_seal_line = m_line;
    m_after_seal = true;
  } else {
    stray("a line after the seal");
  }
  m_kind = LineKind::undecided;
  m_target = Target::none;
  m_line_open = false;
  ++m_line;
}

// json: a byte at a time, tracking strings, escapes and depth.
void Splitter::feed_json(std::string_view bytes) {
  m_target_from = 0;
  const char* p = bytes.data();
  size_t n = bytes.size();
  for (size_t i = 0; i < n; ++i) {
    char c = p[i];
    if (m_in_string) {
      if (m_escape) {
        m_escape = false;
      } else if (c == '\\') {
        m_escape = true;
      } else if (c == '"') {
        m_in_string = false;
        m_in_key = false;
      } else if (m_in_key && m_key.size() < 64) {
        m_key += c;
      }
      if (c == '\n') ++m_line;
      continue;
    }
    if (c == '\n') {
      ++m_line;
      continue;
    }
    if (is_space(c)) continue;
    json_byte(bytes, i);
  }
  if (m_target != Target::none) take(bytes.substr(m_target_from));
}

void Splitter::json_byte(std::string_view bytes, size_t i) {
  char c = bytes[i];
  if (!m_well_formed) return;
  if (m_depth == 0) {
    if (!m_started && c == '{') {
      m_started = true;
      m_depth = 1;
      m_expect_key = true;
    } else if (!m_started) {
      m_well_formed = false;
    } else if (m_closed) {
      m_closed = false; // reported once
      stray("text after the end of the document");
    }
    return;
  }
  switch (c) {
  case '{':
  case '[': json_open(bytes, i); break;
  case '}':
  case ']': json_close(bytes, i); break;
  case ':':
    if (m_depth == 1) {
      m_expect_key = false;
      m_awaiting_value = true;
    }
    break;
  case ',':
    if (m_depth == 1) m_expect_key = true;
    if (m_depth == 2 && m_in_applications) m_awaiting_element = true;
    break;
  case '"':
    m_in_string = true;
    if (m_depth == 1 && m_expect_key) {
      m_in_key = true;
      m_key.clear();
      break;
    }
    json_scalar(c);
    break;
  default: json_scalar(c);
  }
}

// A value that is not an object or array where one was expected.
void Splitter::json_scalar(char) {
  if (m_depth == 1 && m_awaiting_value) {
    m_awaiting_value = false;
    stray("member '" + m_key + "'");
  } else if (m_depth == 2 && m_in_applications && m_awaiting_element) {
    m_awaiting_element = false;
    stray("an element of applications that is not an object");
  }
}

void Splitter::json_open(std::string_view bytes, size_t i) {
  char c = bytes[i];
  if (m_depth == 1 && m_awaiting_value) {
    m_awaiting_value = false;
    bool first_run = m_key == "run" && m_hashes.empty() && !m_in_applications && !m_seal_seen;
    if (m_seal_seen)
      stray("member '" + m_key + "' after the seal");
    else if (c == '{' && first_run)
      start_target(Target::unit, bytes, i);
    else if (c == '[' && m_key == "applications")
      m_in_applications = true;
    else if (c == '{' && m_key == "seal") {
      m_seal_seen = true;
      start_target(Target::seal, bytes, i);
    } else
      stray("member '" + m_key + "'");
  } else if (m_depth == 2 && m_in_applications && m_awaiting_element) {
    m_awaiting_element = false;
    if (c == '{')
      start_target(Target::unit, bytes, i);
    else
      stray("an element of applications that is not an object");
  }
  ++m_depth;
  if (m_depth == 2 && m_in_applications && c == '[') m_awaiting_element = true;
}

void Splitter::json_close(std::string_view bytes, size_t i) {
  --m_depth;
  if (m_target != Target::none && m_depth == m_target_depth) end_target(bytes, i);
  if (m_depth == 1 && m_in_applications) m_in_applications = false;
  if (m_depth == 0) {
    m_closed = true;
    m_complete = true;
  }
}

void Splitter::start_target(Target target, std::string_view, size_t i) {
  m_target = target;
  m_target_depth = m_depth;
  m_target_from = i;
  if (target == Target::unit) start_unit(m_offset + i);
  if (target == Target::seal) m_seal_line = m_line;
}

void Splitter::end_target(std::string_view bytes, size_t i) {
  take(bytes.substr(m_target_from, i + 1 - m_target_from));
  if (m_target == Target::unit) {
    end_unit();
  } else {
    m_has_seal = true;
  }
  m_target = Target::none;
}

void Splitter::finish() {
  if (m_format == TrailFormat::jsonl) {
    if (m_line_open) {
      m_complete = false;
      m_cut_line = m_line;
      end_of_line();
    }
    return;
  }
  if (m_started && m_depth > 0) {
    m_complete = false;
    m_cut_line = m_target == Target::unit ? m_unit.line : m_line;
    if (m_target == Target::seal) m_seal.clear(); // a seal cut off is no seal
  } else if (!m_started) {
    m_complete = false;
    m_well_formed = false;
    m_cut_line = m_line;
  }
  m_target = Target::none;
}

} // namespace fundscreen::trail
