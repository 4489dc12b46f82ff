// SPDX-License-Identifier: Apache-2.0
#include "report/colour.hpp"

namespace fundscreen::report {

std::string_view colour_start(core::Decision d, Color color) {
  if (color != Color::always) return {};
  switch (d) {
  case core::Decision::fund: return "\x1b[32m";
  case core::Decision::reserve: return "\x1b[36m";
  case core::Decision::clarify:
  case core::Decision::pending: return "\x1b[33m";
  case core::Decision::reject: return "\x1b[31m";
  }
  return {};
}

std::string_view colour_end(Color color) { return color == Color::always ? "\x1b[0m" : ""; }

std::string paint(core::Decision d, std::string_view text, Color color) {
  return std::string(colour_start(d, color)) + std::string(text) + std::string(colour_end(color));
}

std::string paint(core::Light light, std::string_view text, Color color) {
  switch (light) {
  case core::Light::green: return paint(core::Decision::fund, text, color);
  case core::Light::yellow: return paint(core::Decision::clarify, text, color);
  case core::Light::red: return paint(core::Decision::reject, text, color);
  }
  return std::string(text);
}

} // namespace fundscreen::report
