// SPDX-License-Identifier: Apache-2.0
// The decision letters. Each piece of text is kept twice, as Markdown and as HTML: the words
// come from the catalogues (ours, safe in both), everything from the inputs (the set's texts,
// the application's fields, the reasons and values) through markdown_text() and html_text().
#include "report/letters.hpp"

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/summary.hpp"
#include "report/words.hpp"

namespace fundscreen::report {

namespace {

using core::Decision;
using core::Status;
using i18n::Lang;

// A piece of a letter in both formats.
struct Rich {
  std::string md;
  std::string html;
  Rich& operator+=(const Rich& o) {
    md += o.md;
    html += o.html;
    return *this;
  }
};

// Our own words (a translated message, a number, an amount).
Rich own(std::string_view text) { return {std::string(text), html_text(text)}; }
// Text from the inputs.
Rich input(std::string_view text) { return {markdown_text(text), html_text(text)}; }
Rich strong(const Rich& r) { return {"**" + r.md + "**", "<strong>" + r.html + "</strong>"}; }

// `pattern` (a translated message with `{}` or `{0}` placeholders) with `args` put in; the
// pattern is our text, the arguments keep their own escaping.
Rich fill(std::string_view pattern, const std::vector<Rich>& args) {
  Rich out;
  size_t next = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    if (close == std::string_view::npos) {
      size_t end = pattern.find('{', i);
      end = end == std::string_view::npos ? pattern.size() : end;
      if (end == i) end = i + 1;
      out += own(pattern.substr(i, end - i));
      i = end - 1;
      continue;
    }
    std::string_view inside = pattern.substr(i + 1, close - i - 1);
    size_t n = inside.empty() ? next++ : static_cast<size_t>(std::stoul(std::string(inside)));
    if (n < args.size()) out += args[n];
    i = close;
  }
  return out;
}

// The text of `t` in `lang` exactly, with no fallback to another language.
const std::string& text_in(const core::Titles& t, Lang lang) {
  return lang == Lang::fi ? t.fi : (lang == Lang::sv ? t.sv : t.en);
}

// `text`'s lines as lines of a paragraph: a hard break in Markdown, <br> in HTML.
Rich lines(std::string_view text) {
  Rich out;
  while (true) {
    size_t end = text.find('\n');
    out += input(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
    if (text.empty()) break;
    out.md += "\\\n";
    out.html += "<br>\n";
  }
  return out;
}

constexpr std::string_view k_style =
    R"(body{font-family:Georgia,"Times New Roman",serif;color:#1a1a1a;background:#fff;max-width:44em;margin:2em auto;padding:0 1em;line-height:1.45}
h1{font-size:1.5em;margin:1.2em 0 .6em}h2{font-size:1.2em;margin:1.4em 0 .4em}h3{font-size:1em;margin:1em 0 .2em}
p{margin:.4em 0}ul{padding-left:1.4em}dl{display:grid;grid-template-columns:max-content auto;gap:.1em 1em}dt{font-weight:bold}dd{margin:0}
.sender{margin-bottom:1.5em}.failed{color:#8a1414}.placeholder{background:#fff0a8;color:#1a1a1a;padding:0 .2em}
.criterion{break-inside:avoid}.values{font-family:"DejaVu Sans Mono",monospace;font-size:.9em}
@page{size:A4;margin:20mm 18mm}
@media print{body{max-width:none;margin:0;padding:0;font-size:11pt}h2,h3{break-after:avoid}}
)";

class LetterWriter {
public:
  LetterWriter(const core::RunInfo& info, const core::ApplicationView& view)
      : m_info(info), m_view(view), m_a(*view.assessed), m_lang(lang_of(info.lang)) {}

  Letter write() {
    write_header();
    write_decision();
    write_criteria();
    write_closing();
    Letter letter;
    letter.markdown = std::move(m_md);
    std::string title = html_text(i18n::trf(m_lang, "Decision on application {}", m_a.id));
    letter.html = fmt::format("<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
                              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                              "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<main>\n{}</main>\n"
                              "</body>\n</html>\n",
                              i18n::lang_code(m_lang), title, k_style, m_html);
    return letter;
  }

private:
  const core::Letters& texts() const { return m_info.set->letters; }
  std::string money(core::Money m) const { return money_text(m_lang, m, m_info.set->call.currency); }

  // A text of the `letters` section, or the placeholder that says how to add it.
  Rich letters_text(const core::Titles& t, std::string_view placeholder) const {
    const std::string& text = text_in(t, m_lang);
    if (!text.empty()) return lines(text);
    return {"**" + std::string(placeholder) + "**",
            "<mark class=\"placeholder\">" + html_text(placeholder) + "</mark>"};
  }

  void heading(int level, const Rich& text) {
    m_md += fmt::format("{} {}\n\n", std::string(static_cast<size_t>(level), '#'), text.md);
    m_html += fmt::format("<h{0}>{1}</h{0}>\n", level, text.html);
  }
  void paragraph(const Rich& text, std::string_view html_class = {}) {
    m_md += text.md + "\n\n";
    m_html += html_class.empty() ? "<p>" : fmt::format("<p class=\"{}\">", html_class);
    m_html += text.html + "</p>\n";
  }
  void list(const std::vector<Rich>& items) {
    m_html += "<ul>\n";
    for (const Rich& item : items) {
      m_md += "- " + item.md + "\n";
      m_html += "<li>" + item.html + "</li>\n";
    }
    m_md += "\n";
    m_html += "</ul>\n";
  }

  std::string date() const {
    if (m_info.timestamp) return date_text(m_lang, std::string_view(*m_info.timestamp).substr(0, 10));
    return std::string(i18n::tr(m_lang, "[date: run with --timestamp to date the letter]"));
  }

  void write_header() {
    std::string placeholder =
        i18n::trf(m_lang, "[sender: add letters.sender.{} to the criteria set]", i18n::lang_code(m_lang));
    paragraph(letters_text(texts().sender, placeholder), "sender");
    heading(1, fill(i18n::tr(m_lang, "Decision on application {}"), {input(m_a.id)}));
    std::string applicant = field_text(m_info, *m_view.app, "applicant");
    std::string title = field_text(m_info, *m_view.app, "title");
    std::vector<std::pair<Rich, Rich>> rows;
    rows.emplace_back(own(i18n::tr(m_lang, "Date")), own(date()));
    const std::string& call = m_info.set->title.in(m_info.lang);
    if (!call.empty()) rows.emplace_back(own(i18n::tr(m_lang, "Call")), input(call));
    rows.emplace_back(own(i18n::tr(m_lang, "Application")), input(m_a.id));
    if (!applicant.empty()) rows.emplace_back(own(i18n::tr(m_lang, "Applicant")), input(applicant));
    if (!title.empty()) rows.emplace_back(own(i18n::tr(m_lang, "Project")), input(title));
    m_html += "<dl>\n";
    for (const auto& [label, value] : rows) {
      m_md += fmt::format("- {}: {}\n", label.md, value.md);
      m_html += fmt::format("<dt>{}</dt><dd>{}</dd>\n", label.html, value.html);
    }
    m_md += "\n";
    m_html += "</dl>\n";
  }

  void write_decision() {
    heading(2, own(i18n::tr(m_lang, "Decision")));
    paragraph(fill(i18n::tr(m_lang, "Decision: {}"), {strong(own(decision_word(m_lang, m_view.decision)))}));
    switch (m_view.decision) {
    case Decision::fund: write_fund(); break;
    case Decision::reserve: write_reserve(); break;
    case Decision::clarify:
      paragraph(own(i18n::tr(m_lang, "Before a decision can be made, your application needs clarifying on the "
                                     "following criteria:")));
      list_criteria(Status::unclear);
      break;
    case Decision::pending:
      paragraph(own(i18n::tr(m_lang, "Your application is still being assessed. The following criteria await the "
                                     "reviewers' assessment:")));
      list_criteria(Status::pending);
      break;
    case Decision::reject: write_reject(); break;
    }
    write_resolution();
  }

  void write_fund() {
    paragraph(own(i18n::tr(m_lang, "Your application has been granted funding.")));
    const core::Resolution* r = m_view.resolution;
    if (r && r->amount && r->amount->cents != m_a.amount.cents)
      paragraph(own(i18n::trf(m_lang, "Amount granted: {} (applied for: {})", money(*r->amount), money(m_a.amount))));
    else
      paragraph(own(i18n::trf(m_lang, "Amount granted: {}", money(r && r->amount ? *r->amount : m_a.amount))));
  }

  void write_reserve() {
    paragraph(own(i18n::tr(m_lang, "Your application met every criterion, but the budget of the call was not enough "
                                   "to fund it. It is on the reserve list, in the order of the ranking.")));
    if (!m_view.placement) return;
    int p = m_view.placement->pool;
    const core::PoolLine* pool =
        p >= 0 && static_cast<size_t>(p) < m_info.pools.size() ? &m_info.pools[static_cast<size_t>(p)] : nullptr;
    size_t placed = pool ? pool->placed : (m_info.screening ? m_info.screening->placed : m_info.eligible);
    int funded = pool ? pool->funded : m_info.funded;
    std::string budget = money(pool ? pool->budget : m_info.budget);
    if (pool)
      paragraph(fill(i18n::tr(m_lang, "Rank {} of {} eligible applications in the funding pool {}."),
                     {own(std::to_string(m_view.placement->rank)), own(std::to_string(placed)), input(pool->id)}));
    else
      paragraph(own(i18n::trf(m_lang, "Rank {} of {} eligible applications.", m_view.placement->rank, placed)));
    paragraph(
        own(i18n::trnf(m_lang, "The budget of {} funds {} application.", "The budget of {} funds {} applications.",
                       static_cast<uint64_t>(funded), budget, funded)));
  }

  void write_reject() {
    paragraph(own(i18n::tr(m_lang, "Your application has not been granted funding.")));
    bool any = false;
    for (const core::CriterionResult& r : m_a.criteria) any = any || r.status == Status::fail;
    if (any) {
      paragraph(own(i18n::tr(m_lang, "It did not meet the following criteria:")));
      list_criteria(Status::fail);
    } else if (!m_view.resolution) {
      paragraph(fill(i18n::tr(m_lang, "Reason: {}"), {input(m_a.decided_by)}));
    }
  }

  // With a resolution: who decided, when and why.
  void write_resolution() {
    const core::Resolution* r = m_view.resolution;
    if (!r) return;
    paragraph(fill(i18n::tr(m_lang, "The decision was taken on {} by {}. Reason: {}"),
                   {own(date_text(m_lang, std::string_view(r->decided_on))), input(r->decided_by), input(r->reason)}));
  }

  // Every criterion with `status`: its id and title, its reason and the values its rule read.
  void list_criteria(Status status) {
    std::vector<Rich> items;
    for (const core::CriterionResult& r : m_a.criteria) {
      if (r.status != status) continue;
      Rich item = strong(input(r.criterion->id + " " + r.criterion->title.in(m_info.lang)));
      item += own(": ");
      item += input(r.reason);
      if (Rich v = values(r); !v.md.empty()) item += fill(" ({})", {v});
      items.push_back(std::move(item));
    }
    list(items);
  }

  // The values the criterion's rule read and computed: `app.stage = "new"; app.requested_eur = 80 000,00 €`,
  // or nothing.
  Rich values(const core::CriterionResult& r) const {
    std::string text;
    if (r.rule && r.criterion->rule) {
      for (const core::RuleRead& read : r.rule->reads)
        text += (text.empty() ? "" : "; ") + read.path + " = " + value_text(read.value_read());
      for (const std::string& step : r.rule->steps) text += (text.empty() ? "" : "; ") + step;
    }
    return text.empty() ? Rich{} : input(text);
  }

  // A value as the letter's language writes it: an amount as money, a date as a date.
  std::string value_text(const core::Value& value) const {
    if (const auto* m = std::get_if<core::Money>(&value)) return money(*m);
    if (const auto* d = std::get_if<core::Date>(&value)) return date_text(m_lang, *d);
    return core::to_display(value);
  }

  std::string_view result_word(Status status) const {
    switch (status) {
    case Status::pass: return i18n::trc(m_lang, "criterion", "met");
    case Status::fail: return i18n::trc(m_lang, "criterion", "not met");
    case Status::unclear: return i18n::trc(m_lang, "criterion", "unclear");
    case Status::pending: return i18n::trc(m_lang, "criterion", "awaits assessment");
    }
    return core::status_name(status);
  }

  void write_criteria() {
    heading(2, own(i18n::tr(m_lang, "Assessment criterion by criterion")));
    for (const core::CriterionResult& r : m_a.criteria) {
      m_html += "<section class=\"criterion\">\n";
      heading(3, input(r.criterion->id + " " + r.criterion->title.in(m_info.lang)));
      Rich result = own(result_word(r.status));
      if (r.status == Status::fail) result.html = "<span class=\"failed\">" + result.html + "</span>";
      paragraph(fill(i18n::tr(m_lang, "Result: {}"), {strong(result)}));
      if (r.reason !=
          core::plain_reason(m_lang, r.criterion->kind, r.status)) // "the rule holds" says no more than the result
        paragraph(fill(i18n::tr(m_lang, "Reason: {}"), {input(r.reason)}));
      if (Rich v = values(r); !v.md.empty()) {
        v.html = "<span class=\"values\">" + v.html + "</span>";
        paragraph(fill(i18n::tr(m_lang, "Values read: {}"), {v}));
      }
      if (r.mean_score)
        paragraph(
            own(i18n::trf(m_lang, "Reviewers' mean score: {}", decimal_text(m_lang, core::to_string(*r.mean_score)))));
      m_html += "</section>\n";
    }
  }

  void write_closing() {
    heading(2, own(i18n::tr(m_lang, "How to ask for a review of the decision")));
    std::string code(i18n::lang_code(m_lang));
    paragraph(letters_text(
        texts().appeal, i18n::trf(m_lang, "[appeal instructions: add letters.appeal.{} to the criteria set]", code)));
    if (const std::string& contact = text_in(texts().contact, m_lang); !contact.empty())
      paragraph(fill(i18n::tr(m_lang, "Contact: {}"), {lines(contact)}));
    paragraph(letters_text(texts().signature,
                           i18n::trf(m_lang, "[signature: add letters.signature.{} to the criteria set]", code)),
              "signature");
  }

  const core::RunInfo& m_info;
  const core::ApplicationView& m_view;
  const core::Assessed& m_a;
  Lang m_lang;
  std::string m_md;
  std::string m_html;
};

bool unsafe_byte(unsigned char c) {
  return c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' ||
         c == '>' || c == '|';
}

} // namespace

Letter write_letter(const core::RunInfo& info, const core::ApplicationView& view) {
  return LetterWriter(info, view).write();
}

std::vector<std::string> missing_letter_texts(const core::CriteriaSet& set, i18n::Lang lang) {
  std::vector<std::string> missing;
  std::string code(i18n::lang_code(lang));
  for (auto [key, text] : {std::pair{"sender", &set.letters.sender}, std::pair{"appeal", &set.letters.appeal},
                           std::pair{"signature", &set.letters.signature}})
    if (text_in(*text, lang).empty()) missing.push_back(fmt::format("letters.{}.{}", key, code));
  return missing;
}

std::string letter_file_stem(std::string_view id) {
  std::string stem;
  for (char c : id) stem += unsafe_byte(static_cast<unsigned char>(c)) ? '_' : c;
  if (!stem.empty() && stem[0] == '.') stem[0] = '_';
  if (stem.empty()) stem = "_";
  if (stem.size() > 100) {
    size_t cut = 100;
    while (cut > 0 && (static_cast<unsigned char>(stem[cut]) & 0xC0) == 0x80) --cut; // not inside a character
    stem.resize(cut);
  }
  return stem;
}

std::string letters_index(const core::RunInfo& info, const std::vector<LetterEntry>& entries) {
  Lang lang = lang_of(info.lang);
  std::string out(k_letters_marker);
  out += "\n\n";
  out += "# " + std::string(i18n::tr(lang, "Decision letters")) + "\n\n";
  if (info.set && !info.set->title.in(info.lang).empty()) out += markdown_text(info.set->title.in(info.lang)) + "\n\n";
  out += fmt::format("| {} | {} | {} | {} |\n|---|---|---|---|\n", i18n::tr(lang, "Application"),
                     i18n::tr(lang, "Applicant"), i18n::tr(lang, "Decision"), i18n::tr(lang, "Letter"));
  bool renamed = false;
  for (const LetterEntry& e : entries) {
    std::string files = fmt::format("[{0}.md](<{0}.md>), [{0}.html](<{0}.html>)", markdown_text(e.stem));
    if (e.stem != e.id) {
      files += " \\*";
      renamed = true;
    }
    out += fmt::format("| {} | {} | {} | {} |\n", markdown_text(e.id), markdown_text(e.applicant),
                       decision_word(lang, e.decision), files);
  }
  if (renamed)
    out += "\n\\* " +
           std::string(i18n::tr(
               lang, "The id is not a safe file name as it is, so the letter's files have a safe name instead.")) +
           "\n";
  return out;
}

} // namespace fundscreen::report
