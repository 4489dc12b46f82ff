// SPDX-License-Identifier: Apache-2.0
#include "trail/json_value.hpp"

#include <cstdint>

namespace fundscreen::trail {

namespace {

constexpr int k_max_depth = 64;

class Parser {
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  bool value(JsonValue& out, int depth) {
    skip_space();
    if (m_pos >= m_text.size()) return fail("the text ends where a value was expected");
    char c = m_text[m_pos];
    if (c == '{') return object(out, depth);
    if (c == '[') return array(out, depth);
    if (c == '"') {
      out.type = JsonValue::Type::string;
      return string(out.text);
    }
    if (literal("null")) return out.type = JsonValue::Type::null, true;
    if (literal("true") || literal("false")) {
      out.type = JsonValue::Type::boolean;
      out.text = m_text[m_pos - 1] == 'e' && m_text[m_pos - 2] == 'u' ? "true" : "false";
      return true;
    }
    return number(out);
  }

  // Starts an object: true after its `{`.
  bool open_object() {
    skip_space();
    return expect('{');
  }

  // The next member's key of an open object; false at its end or on a fault.
  bool next_key(std::string& key, bool first) {
    skip_space();
    if (m_pos < m_text.size() && m_text[m_pos] == '}') return false;
    if (!first && !expect(',')) return false;
    skip_space();
    if (!string(key)) return false;
    skip_space();
    return expect(':');
  }

  bool at_end() {
    skip_space();
    return m_pos == m_text.size();
  }
  const std::string& error() const { return m_error; }

private:
  bool fail(std::string message) {
    if (m_error.empty()) m_error = message + " at byte " + std::to_string(m_pos);
    return false;
  }
  void skip_space() {
    while (m_pos < m_text.size() &&
           (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r' || m_text[m_pos] == '\t'))
      ++m_pos;
  }
  bool expect(char c) {
    if (m_pos < m_text.size() && m_text[m_pos] == c) return ++m_pos, true;
    return fail(std::string("expected '") + c + "'");
  }
  bool literal(std::string_view word) {
    if (m_text.substr(m_pos, word.size()) != word) return false;
    m_pos += word.size();
    return true;
  }

  bool object(JsonValue& out, int depth) {
    if (depth >= k_max_depth) return fail("nested too deep");
    out.type = JsonValue::Type::object;
    ++m_pos;
    for (bool first = true;; first = false) {
      std::string key;
      skip_space();
      if (m_pos < m_text.size() && m_text[m_pos] == '}') return ++m_pos, true;
      if (!first && !expect(',')) return false;
      skip_space();
      if (!string(key)) return false;
      skip_space();
      if (!expect(':')) return false;
      JsonValue member;
      if (!value(member, depth + 1)) return false;
      out.members.push_back({std::move(key), std::move(member)});
    }
  }

  bool array(JsonValue& out, int depth) {
    if (depth >= k_max_depth) return fail("nested too deep");
    out.type = JsonValue::Type::array;
    ++m_pos;
    for (bool first = true;; first = false) {
      skip_space();
      if (m_pos < m_text.size() && m_text[m_pos] == ']') return ++m_pos, true;
      if (!first && !expect(',')) return false;
      JsonValue item;
      if (!value(item, depth + 1)) return false;
      out.items.push_back(std::move(item));
    }
  }

  bool number(JsonValue& out) {
    size_t start = m_pos;
    while (m_pos < m_text.size() && (std::string_view("+-.eE").find(m_text[m_pos]) != std::string_view::npos ||
                                     (m_text[m_pos] >= '0' && m_text[m_pos] <= '9')))
      ++m_pos;
    if (m_pos == start) return fail("not a JSON value");
    out.type = JsonValue::Type::number;
    out.text = std::string(m_text.substr(start, m_pos - start));
    return true;
  }

  static void append_utf8(std::string& out, uint32_t code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool hex4(uint32_t& code) {
    if (m_pos + 4 > m_text.size()) return fail("a \\u escape cut short");
    code = 0;
    for (int k = 0; k < 4; ++k) {
      char h = m_text[m_pos++];
      uint32_t digit = 0;
      if (h >= '0' && h <= '9')
        digit = static_cast<uint32_t>(h - '0');
      else if (h >= 'a' && h <= 'f')
        digit = static_cast<uint32_t>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        digit = static_cast<uint32_t>(h - 'A' + 10);
      else
        return fail("a bad \\u escape");
      code = code * 16 + digit;
    }
    return true;
  }

  bool escape(std::string& out) {
    if (m_pos >= m_text.size()) return fail("the text ends in an escape");
    char e = m_text[m_pos++];
    switch (e) {
    case '"': out += '"'; return true;
    case '\\': out += '\\'; return true;
    case '/': out += '/'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'u': {
      uint32_t code = 0;
      if (!hex4(code)) return false;
      if (code >= 0xD800 && code < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
        m_pos += 2;
        uint32_t low = 0;
        if (!hex4(low)) return false;
        if (low >= 0xDC00 && low < 0xE000) code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
      }
      append_utf8(out, code);
      return true;
    }
    default: return fail("a bad escape");
    }
  }

  bool string(std::string& out) {
    if (!expect('"')) return false;
    while (m_pos < m_text.size()) {
      char c = m_text[m_pos++];
      if (c == '"') return true;
      if (c == '\\') {
        if (!escape(out)) return false;
      } else {
        out += c;
      }
    }
    return fail("a string cut short");
  }

  std::string_view m_text;
  size_t m_pos = 0;
  std::string m_error;
};

} // namespace

const JsonValue* JsonValue::get(std::string_view key) const {
  for (const auto& [name, value] : members)
    if (name == key) return &value;
  return nullptr;
}

std::optional<JsonValue> parse_json(std::string_view text, std::string& error) {
  Parser parser(text);
  JsonValue value;
  if (!parser.value(value, 0)) {
    error = parser.error();
    return std::nullopt;
  }
  if (!parser.at_end()) {
    error = "text after the value";
    return std::nullopt;
  }
  return value;
}

std::vector<std::optional<std::string>> leading_members(std::string_view text, const std::vector<std::string>& keys) {
  std::vector<std::optional<std::string>> found(keys.size());
  size_t missing = keys.size();
  Parser parser(text);
  if (!parser.open_object()) return found;
  std::string key;
  for (bool first = true; missing > 0 && parser.next_key(key, first); first = false) {
    JsonValue value;
    if (!parser.value(value, 1)) break;
    for (size_t k = 0; k < keys.size(); ++k)
      if (keys[k] == key && !found[k]) {
        found[k] = value.type == JsonValue::Type::null ? "null" : value.text;
        --missing;
      }
    key.clear();
  }
  return found;
}

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char digits[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      out += "\\u00";
      out += digits[u >> 4];
      out += digits[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

} // namespace fundscreen::trail
