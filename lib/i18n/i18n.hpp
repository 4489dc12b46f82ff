// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

// The words fundscreen shows people, in Finnish, Swedish or English. The messages are written
// in English in the code and translated in po/fi.po and po/sv.po (gettext's format, which
// translators' tools read), compiled by msgfmt and built into the binary: nothing is read
// from files at run time, and a message missing from a catalogue (the i18n.catalogues test
// fails on one) shows in English.
//
// Each call names its message as a literal, so that xgettext finds it: tr(lang, "text"),
// trf(lang, "text {}", args...) (fmt's syntax: a translation may reorder with {0} {1}),
// trn(lang, "singular", "plural", n), trnf(...) and N_("text") to mark a message kept in a
// table and translated later with tr().
namespace fundscreen::i18n {

enum class Lang { en, fi, sv };

// fi, sv or en; nothing for another code.
std::optional<Lang> parse_lang(std::string_view code);
std::string_view lang_code(Lang lang);

// The message `msgid` in `lang`; the msgid itself in English or when it has no translation.
std::string_view tr(Lang lang, std::string_view msgid);
// The message with a context, for a word that translates two ways: trc(lang, "decision", "fund").
std::string_view trc(Lang lang, std::string_view context, std::string_view msgid);
// The singular or plural of a message by `n` (the three languages have the same two forms).
std::string_view trn(Lang lang, std::string_view singular, std::string_view plural, uint64_t n);

// A translated message formatted with fmt; a translation whose placeholders do not fit the
// arguments falls back to the English message (the i18n tests check every translation).
std::string vformat_message(std::string_view translated, std::string_view msgid, fmt::format_args args);

template <typename... Args> std::string trf(Lang lang, std::string_view msgid, const Args&... args) {
  return vformat_message(tr(lang, msgid), msgid, fmt::make_format_args(args...));
}

template <typename... Args>
std::string trnf(Lang lang, std::string_view singular, std::string_view plural, uint64_t n, const Args&... args) {
  return vformat_message(trn(lang, singular, plural, n), n == 1 ? singular : plural, fmt::make_format_args(args...));
}

// Every message of a catalogue, for the tests: msgid (with "\x04" after a context and "\0"
// before a plural), then the translation (its forms separated by "\0").
struct CatalogueEntry {
  std::string_view msgid;
  std::string_view msgstr;
};
std::vector<CatalogueEntry> catalogue_entries(Lang lang);

} // namespace fundscreen::i18n

// Marks a message for xgettext where it is not translated at once.
#define N_(text) (text)
