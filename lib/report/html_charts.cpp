// SPDX-License-Identifier: Apache-2.0
// The charts compute every coordinate in whole SVG units from integers (scores as fractions,
// amounts in cents), so that the same screening always gives the same bytes.
#include "report/html_charts.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/escape.hpp"
#include "report/money_text.hpp"
#include "report/words.hpp"

namespace fundscreen::report::html {

namespace {

using i18n::Lang;
using i18n::tr;
using i18n::trf;

constexpr std::array<core::Decision, 5> k_decisions = {core::Decision::fund, core::Decision::reserve,
                                                       core::Decision::clarify, core::Decision::pending,
                                                       core::Decision::reject};

std::string h(std::string_view text) { return html_text(text); }

std::string score_text(Lang lang, const std::optional<core::Score>& s) {
  return s ? decimal_text(lang, core::to_string(*s)) : std::string(tr(lang, "no score"));
}

// The opening of an SVG with its title and description, and what closes it.
std::string svg_open(std::string_view key, int width, int height, std::string_view title, std::string_view desc) {
  return fmt::format("<svg role=\"img\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
                     "height=\"{1}\" aria-labelledby=\"chart-{2}-title chart-{2}-desc\">\n"
                     "<title id=\"chart-{2}-title\">{3}</title>\n<desc id=\"chart-{2}-desc\">{4}</desc>\n",
                     width, height, key, h(title), h(desc));
}

// A table of a chart's data under a <details> element, closed by default on screen.
std::string table_open(Lang lang, std::string_view title, std::initializer_list<std::string_view> heads,
                       std::initializer_list<bool> numeric) {
  std::string out = fmt::format("<details class=\"chart-data\"><summary>{}</summary>\n<table>\n<caption>{}</caption>\n"
                                "<thead><tr>",
                                h(tr(lang, "The chart's numbers")), h(title));
  auto n = numeric.begin();
  for (std::string_view head : heads)
    out += fmt::format("<th scope=\"col\"{}>{}</th>", *n++ ? " class=\"num\"" : "", h(head));
  return out + "</tr></thead>\n<tbody>\n";
}

constexpr std::string_view k_table_close = "</tbody>\n</table>\n</details>\n";

// `part` of `whole` in `units`, rounded down; 0 when the whole is 0.
int64_t scaled(int64_t part, int64_t whole, int64_t units) {
  if (whole <= 0 || part <= 0) return 0;
  return part * units / whole;
}

} // namespace

Rgb decision_colour(core::Decision decision) {
  switch (decision) {
  case core::Decision::fund: return palette::fund;
  case core::Decision::reserve: return palette::reserve;
  case core::Decision::clarify: return palette::clarify;
  case core::Decision::pending: return palette::pending;
  case core::Decision::reject: return palette::reject;
  }
  return palette::ink;
}

std::string css_colour(Rgb colour) { return fmt::format("#{:06x}", colour & 0xffffffu); }

std::span<const ColourPair> colour_pairs() {
  static constexpr std::array<ColourPair, 14> pairs = {{
      {"text", palette::ink, palette::paper},
      {"muted text", palette::muted, palette::paper},
      {"link", palette::link, palette::paper},
      {"header cell", palette::ink, palette::head},
      {"link in a header cell", palette::link, palette::head},
      {"funding line row", palette::line_ink, palette::line_bg},
      {"funding line label", palette::line_ink, palette::paper},
      {"fund badge", palette::paper, palette::fund},
      {"reserve badge", palette::paper, palette::reserve},
      {"clarify badge", palette::paper, palette::clarify},
      {"pending badge", palette::paper, palette::pending},
      {"reject badge", palette::paper, palette::reject},
      {"muted text in a header cell", palette::muted, palette::head},
      {"text on the funding line row", palette::ink, palette::line_bg},
  }};
  return pairs;
}

double contrast_ratio(Rgb a, Rgb b) {
  auto luminance = [](Rgb c) {
    auto channel = [](unsigned v) {
      double s = v / 255.0;
      return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel((c >> 16) & 0xff) + 0.7152 * channel((c >> 8) & 0xff) + 0.0722 * channel(c & 0xff);
  };
  double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Chart scores_chart(Lang lang, std::string_view key, std::string_view title, const std::vector<ScoreBar>& bars) {
  // The axis runs from 0 to the highest score rounded up to a whole number.
  int64_t top = 1;
  size_t funded = 0;
  for (size_t i = 0; i < bars.size(); ++i) {
    const core::Score s = bars[i].score.value_or(core::Score{});
    if (s.denominator() > 0 && s.numerator() > 0)
      top = std::max(top, (s.numerator() + s.denominator() - 1) / s.denominator());
    if (bars[i].funded) funded = i + 1;
  }
  const int left = 40, top_margin = 28, plot = 200, bottom = 24;
  const int bar = bars.size() <= 30 ? 18 : (bars.size() <= 60 ? 10 : 7), gap = 2, step = bar + gap;
  const int plot_end = left + static_cast<int>(bars.size()) * step + 10;
  const int width = std::max(plot_end + 10, 480); // room for the note under the axis
  const int height = top_margin + plot + bottom;
  std::string desc = trf(lang, "{} in rank order; the funding line falls after the funded ({}).",
                         applications_text(lang, bars.size()), funded);
  for (size_t i = 0; i < bars.size(); ++i)
    desc += fmt::format(" {}: {} ({});", bars[i].id, score_text(lang, bars[i].score),
                        decision_word(lang, bars[i].funded ? core::Decision::fund : core::Decision::reserve));
  Chart chart;
  std::string& svg = chart.svg;
  svg = svg_open(key, width, height, title, desc);
  const int base = top_margin + plot;
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\"/>\n"
                     "<line x1=\"{0}\" y1=\"{2}\" x2=\"{4}\" y2=\"{2}\" stroke=\"{3}\"/>\n",
                     left - 4, top_margin, base, css_colour(palette::muted), plot_end);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"{}\">{}</text>\n", left - 8,
                     top_margin + 4, css_colour(palette::muted), top);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" fill=\"{}\">0</text>\n", left - 8,
                     base + 4, css_colour(palette::muted));
  for (size_t i = 0; i < bars.size(); ++i) {
    const core::Score s = bars[i].score.value_or(core::Score{});
    int64_t bar_height = s.denominator() > 0 ? scaled(s.numerator(), s.denominator() * top, plot) : 0;
    int x = left + static_cast<int>(i) * step;
    if (bars[i].funded)
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", x, base - bar_height,
                         bar, bar_height, css_colour(palette::fund));
    else
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\" "
                         "stroke-width=\"2\"/>\n",
                         x + 1, base - bar_height + 1, bar - 2, std::max<int64_t>(bar_height - 2, 0),
                         css_colour(palette::paper), css_colour(palette::reserve));
  }
  int line_x = left + static_cast<int>(funded) * step - 1;
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"2\" "
                     "stroke-dasharray=\"6 3\"/>\n",
                     line_x, top_margin - 10, base + 6, css_colour(palette::line_ink));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n", line_x + 4, top_margin - 14,
                     css_colour(palette::line_ink), h(tr(lang, "funding line")));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{}\">{}</text>\n", left, height - 6,
                     css_colour(palette::muted), h(tr(lang, "rank order; filled: funded, outlined: reserve")));
  svg += "</svg>\n";
  chart.table = table_open(lang, title, {tr(lang, "rank"), tr(lang, "id"), tr(lang, "score"), tr(lang, "decision")},
                           {true, false, true, false});
  for (size_t i = 0; i < bars.size(); ++i)
    chart.table += fmt::format("<tr><td class=\"num\">{}</td><th scope=\"row\">{}</th><td class=\"num\">{}</td>"
                               "<td>{}</td></tr>\n",
                               i + 1, h(bars[i].id), h(score_text(lang, bars[i].score)),
                               h(decision_word(lang, bars[i].funded ? core::Decision::fund : core::Decision::reserve)));
  chart.table += k_table_close;
  return chart;
}

Chart count_chart(Lang lang, std::string_view key, std::string_view title, std::string_view count_head,
                  const std::vector<CountBar>& bars) {
  size_t most = 1;
  for (const CountBar& b : bars) most = std::max(most, b.count);
  const int label = 90, room = 320, row = 22, width = label + room + 50;
  const int height = static_cast<int>(bars.size()) * row + 10;
  std::string desc;
  for (const CountBar& b : bars) desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", b.label, b.count);
  if (desc.empty()) desc = tr(lang, "none");
  Chart chart;
  chart.svg = svg_open(key, width, std::max(height, 30), title, desc);
  for (size_t i = 0; i < bars.size(); ++i) {
    int y = 5 + static_cast<int>(i) * row;
    int64_t length = scaled(static_cast<int64_t>(bars[i].count), static_cast<int64_t>(most), room);
    chart.svg += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"{}\">{}</text>\n",
                             label - 6, y + 14, css_colour(palette::ink), h(bars[i].label));
    chart.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", label, y + 2, length,
                             row - 6, css_colour(palette::reject));
    chart.svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n", label + length + 6,
                             y + 14, css_colour(palette::ink), bars[i].count);
  }
  chart.svg += "</svg>\n";
  chart.table = table_open(lang, title, {tr(lang, "criterion"), tr(lang, "title"), count_head}, {false, false, true});
  for (const CountBar& b : bars)
    chart.table += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}</td></tr>\n", h(b.label),
                               h(b.name), b.count);
  chart.table += k_table_close;
  return chart;
}

Chart budget_chart(Lang lang, std::string_view key, std::string_view title, std::string_view currency,
                   const std::vector<BudgetBar>& bars) {
  const int left = 10, room = 420, row = 52, width = left + room + 30;
  const int height = static_cast<int>(bars.size()) * row + 10;
  std::string desc;
  for (const BudgetBar& b : bars)
    desc += fmt::format(
        "{}{}: {}", desc.empty() ? "" : "; ", b.label,
        trf(lang, "used {} of {}", money_text(lang, b.used, currency), money_text(lang, b.budget, currency)));
  Chart chart;
  chart.svg = svg_open(key, width, height, title, desc);
  for (size_t i = 0; i < bars.size(); ++i) {
    const BudgetBar& b = bars[i];
    int y = 5 + static_cast<int>(i) * row;
    int64_t scale = std::max(b.budget.cents, b.used.cents);
    int64_t budget_length = scaled(b.budget.cents, scale, room);
    int64_t used_length = scaled(b.used.cents, scale, room);
    int64_t percent = scaled(b.used.cents, b.budget.cents, 100);
    chart.svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"{}\">{}</text>\n", left, y + 12,
                             css_colour(palette::ink),
                             h(fmt::format("{}: {} ({} %)", b.label,
                                           trf(lang, "used {} of {}", money_text(lang, b.used, currency),
                                               money_text(lang, b.budget, currency)),
                                           percent)));
    chart.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" fill=\"{}\"/>\n", left, y + 19,
                             used_length, css_colour(palette::fund));
    chart.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"22\" fill=\"none\" stroke=\"{}\" "
                             "stroke-width=\"2\"/>\n",
                             left, y + 19, budget_length, css_colour(palette::ink));
  }
  chart.svg += "</svg>\n";
  chart.table = table_open(lang, title, {tr(lang, "budget"), tr(lang, "total"), tr(lang, "used"), tr(lang, "left")},
                           {false, true, true, true});
  for (const BudgetBar& b : bars)
    chart.table +=
        fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                    "<td class=\"num\">{}</td></tr>\n",
                    h(b.label), h(money_text(lang, b.budget, currency)), h(money_text(lang, b.used, currency)),
                    h(money_text(lang, core::Money{b.budget.cents - b.used.cents}, currency)));
  chart.table += k_table_close;
  return chart;
}

Chart decisions_chart(Lang lang, std::string_view key, std::string_view title, std::string_view field,
                      const std::vector<DecisionRow>& rows) {
  size_t most = 1;
  for (const DecisionRow& r : rows) {
    size_t total = 0;
    for (size_t c : r.counts) total += c;
    most = std::max(most, total);
  }
  const int label = 150, room = 360, row = 26, legend = 30;
  int legend_end = 10; // the legend from the left edge, each word about 7 units a byte
  for (core::Decision d : k_decisions) legend_end += 24 + 7 * static_cast<int>(decision_word(lang, d).size());
  const int width = std::max(label + room + 20, legend_end);
  const int height = legend + static_cast<int>(rows.size()) * row + 10;
  std::string desc;
  for (const DecisionRow& r : rows) {
    std::string counts;
    for (core::Decision d : k_decisions)
      if (size_t n = r.counts[static_cast<size_t>(d)])
        counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", decision_word(lang, d), n);
    desc += fmt::format("{}{}: {}", desc.empty() ? "" : "; ", r.value.empty() ? tr(lang, "(none)") : r.value, counts);
  }
  if (desc.empty()) desc = tr(lang, "none");
  Chart chart;
  chart.svg = svg_open(key, width, height, title, desc);
  int x = 10;
  for (core::Decision d : k_decisions) { // the legend, in words as well as colours
    chart.svg += fmt::format("<rect x=\"{}\" y=\"6\" width=\"12\" height=\"12\" fill=\"{}\"/>\n", x,
                             css_colour(decision_colour(d)));
    std::string_view word = decision_word(lang, d);
    chart.svg += fmt::format("<text x=\"{}\" y=\"16\" font-size=\"11\" fill=\"{}\">{}</text>\n", x + 16,
                             css_colour(palette::ink), h(word));
    x += 24 + 7 * static_cast<int>(word.size());
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    int y = legend + static_cast<int>(i) * row;
    chart.svg +=
        fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\" fill=\"{}\">{}</text>\n", label - 6,
                    y + 15, css_colour(palette::ink), h(rows[i].value.empty() ? tr(lang, "(none)") : rows[i].value));
    int64_t at = label;
    for (core::Decision d : k_decisions) {
      size_t n = rows[i].counts[static_cast<size_t>(d)];
      if (n == 0) continue;
      int64_t length = scaled(static_cast<int64_t>(n), static_cast<int64_t>(most), room);
      chart.svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" fill=\"{}\"/>\n", at, y + 1, length,
                               css_colour(decision_colour(d)));
      if (length >= 16)
        chart.svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"{}\">{}</text>\n", at + 4, y + 15,
                                 css_colour(palette::paper), n);
      at += length;
    }
  }
  chart.svg += "</svg>\n";
  chart.table =
      table_open(lang, title,
                 {field, decision_word(lang, core::Decision::fund), decision_word(lang, core::Decision::reserve),
                  decision_word(lang, core::Decision::clarify), decision_word(lang, core::Decision::pending),
                  decision_word(lang, core::Decision::reject), tr(lang, "total")},
                 {false, true, true, true, true, true, true});
  for (const DecisionRow& r : rows) {
    size_t total = 0;
    chart.table += fmt::format("<tr><th scope=\"row\">{}</th>", h(r.value.empty() ? tr(lang, "(none)") : r.value));
    for (core::Decision d : k_decisions) {
      total += r.counts[static_cast<size_t>(d)];
      chart.table += fmt::format("<td class=\"num\">{}</td>", r.counts[static_cast<size_t>(d)]);
    }
    chart.table += fmt::format("<td class=\"num\">{}</td></tr>\n", total);
  }
  chart.table += k_table_close;
  return chart;
}

} // namespace fundscreen::report::html
