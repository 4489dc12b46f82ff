// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <ostream>
#include <streambuf>

#include "trail/splitter.hpp"

namespace fundscreen::trail {

// An output filter: every byte written goes on to the target stream (none: discarded) and
// through the splitter, so a writer's units are hashed as they are written.
class SplittingStream : public std::ostream {
public:
  SplittingStream(std::ostream* target, Splitter& splitter) : std::ostream(&m_buf), m_buf(target, splitter) {}

  // From here on the bytes go to the target alone (the seal, after the last unit).
  void stop_splitting() { m_buf.stop_splitting(); }

private:
  class Buf : public std::streambuf {
  public:
    Buf(std::ostream* target, Splitter& splitter) : m_target(target), m_splitter(splitter) {}
    void stop_splitting() { m_splitting = false; }

  protected:
    std::streamsize xsputn(const char* s, std::streamsize n) override {
      if (m_splitting) m_splitter.feed(std::string_view(s, static_cast<size_t>(n)));
      if (m_target) m_target->write(s, n);
      return n;
    }
    int_type overflow(int_type c) override {
      if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
      char ch = traits_type::to_char_type(c);
      xsputn(&ch, 1);
      return c;
    }
    int sync() override {
      if (m_target) m_target->flush();
      return 0;
    }

  private:
    std::ostream* m_target;
    Splitter& m_splitter;
    bool m_splitting = true;
  };
  Buf m_buf;
};

} // namespace fundscreen::trail
