// SPDX-License-Identifier: Apache-2.0
#include "util/text.hpp"

#include <algorithm>
#include <vector>

namespace fundscreen::util {

size_t utf8_length(std::string_view text) {
  size_t n = 0;
  for (char c : text)
    if (!is_utf8_continuation(static_cast<unsigned char>(c))) ++n;
  return n;
}

// A loop, not find_first_not_of: that calls memchr for every character, and every cell
// of every input row is trimmed.
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
  return text.substr(b, e - b);
}

// The characters of UTF-8 `text`, each as the bytes that encode it.
static std::vector<std::string_view> characters(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < text.size();) {
    size_t n = 1;
    while (i + n < text.size() && is_utf8_continuation(static_cast<unsigned char>(text[i + n]))) ++n;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

size_t edit_distance(std::string_view a_text, std::string_view b_text) {
  // Optimal string alignment over characters: a swap of two neighbours is one edit.
  auto a = characters(a_text), b = characters(b_text);
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

// A typo is at most a third of the word away, and at least one edit is allowed.
NearestWord::NearestWord(std::string_view word)
    : m_word(word), m_length(utf8_length(word)), m_best_distance(std::max<size_t>(1, m_length / 3) + 1) {}

void NearestWord::offer(std::string_view candidate) {
  // The distance is at least the difference in length: most candidates need no more.
  size_t length = utf8_length(candidate);
  if ((length > m_length ? length - m_length : m_length - length) > m_best_distance) return;
  size_t d = edit_distance(m_word, candidate);
  if (d < m_best_distance) {
    m_best_distance = d;
    m_best = candidate;
    m_tied = false;
  } else if (d == m_best_distance && candidate != m_best && !m_best.empty()) {
    m_tied = true;
  }
}

std::string nearest(std::string_view word, std::span<const std::string> candidates) {
  NearestWord nearest(word);
  for (const std::string& c : candidates) nearest.offer(c);
  // Two equally near candidates (C9 against C1 and C2) suggest neither.
  return nearest.best();
}

std::string count_of(size_t n, std::string_view singular, std::string_view plural_form) {
  std::string noun(n == 1 ? singular : plural_form);
  if (n != 1 && plural_form.empty()) noun = std::string(singular) + "s";
  return std::to_string(n) + " " + noun;
}

std::string join(std::span<const std::string> items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

} // namespace fundscreen::util
