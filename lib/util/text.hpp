// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace fundscreen::util {

// True for a UTF-8 continuation byte (10xxxxxx).
inline bool is_utf8_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The number of characters (code points) in UTF-8 `text`.
size_t utf8_length(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

// Edit distance between `a` and `b` in characters, a swap of neighbours counting as one.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word` when it is close enough to be a likely typo and no other
// candidate is as close, else empty.
std::string nearest(std::string_view word, std::span<const std::string> candidates);

// nearest() over candidates offered one at a time, so that a "did you mean" can be found
// among millions (application ids, applicants) without keeping them; a candidate offered
// twice counts once.
class NearestWord {
public:
  explicit NearestWord(std::string_view word);
  void offer(std::string_view candidate);
  // The nearest candidate offered, as nearest() gives it, or empty.
  std::string best() const { return m_tied ? std::string() : m_best; }

private:
  std::string m_word;
  size_t m_length;
  size_t m_best_distance;
  std::string m_best;
  bool m_tied = false;
};

// `n` and the noun in the right number: "1 impact", "2 impacts"; `plural_form` defaults to
// `singular` + "s".
std::string count_of(size_t n, std::string_view singular, std::string_view plural_form = {});

// `items` joined with `separator`.
std::string join(std::span<const std::string> items, std::string_view separator);

} // namespace fundscreen::util
