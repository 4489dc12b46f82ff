// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/run_info.hpp"

namespace fundscreen::trail {
class SigningKey;
}

namespace fundscreen::report {

// The output formats of `screen`.
enum class Format { table, csv, json, jsonl, markdown, junit, github, xlsx };

// The format called `name`, if there is one.
std::optional<Format> parse_format(std::string_view name);

// Whether the table may use colour (only on a terminal, and never with NO_COLOR).
enum class Color { never, always };

struct WriterOptions {
  Color color = Color::never;
  // json and jsonl: the key that signs the trail's seal (--seal), which must outlive the
  // writer; without one the seal is written unsigned.
  const trail::SigningKey* seal_key = nullptr;
};

// What a writer reads of each application: the decision alone (an outline, no application),
// the whole assessment, or the assessment with the values its rules read (the audit trail).
enum class Detail { outline, assessed, traced };

// What a writer needs of a screening, declared once, from which the run chooses how to screen
// (which second pass, whether the first keeps the outlines).
struct Needs {
  Detail detail = Detail::assessed;
  bool digests = false; // the SHA-256 of the input files in the run metadata
};

// Writes a screening in one format. begin() once, add() for every application in input
// order, end() once. The view's pointers are valid only during add(): a writer that needs
// an application later copies what it needs.
class Writer {
public:
  virtual ~Writer() = default;
  virtual void begin(const core::RunInfo& info) = 0;
  virtual void add(const core::ApplicationView& view) = 0;
  virtual void end() = 0;

  // What the writer needs of each application.
  virtual Needs needs() const { return {}; }

  // True if the writer writes each application on its own, so that format() may be used.
  virtual bool formats_each() const { return false; }
  // Appends to `out` what add(view) would write, without writing it; safe to call on several
  // threads at once. Only when formats_each().
  virtual void format(const core::ApplicationView& view, std::string& out) const;
  // Writes what format() made, for applications in input order, as add() would have.
  virtual void add_formatted(std::string_view text);
  // The application fields format() shows besides those the screening reads (which the
  // audit trail may show), so that a reader may leave the others untyped; nullopt: any.
  virtual std::optional<std::vector<std::string>> fields_shown() const { return std::nullopt; }
};

// A writer that writes each application as a row of text of its own (csv, jsonl): add()
// appends format()'s text to a buffer that goes to the stream in blocks of about 64 KiB, so
// rows formatted on other threads and rows added here come out the same.
class RowWriter : public Writer {
public:
  void add(const core::ApplicationView& view) override;
  void end() override { flush(); }
  bool formats_each() const override { return true; }
  void add_formatted(std::string_view text) override;

protected:
  static constexpr size_t k_block = size_t{1} << 16;

  explicit RowWriter(std::ostream& out) : m_out(out) { m_buffer.reserve(k_block + 8192); }
  // Text before the first row (a header), written with the rows.
  std::string& buffer() { return m_buffer; }
  void flush();

private:
  std::ostream& m_out;
  std::string m_buffer;
};

// A writer of `format` to `out`.
std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, WriterOptions options);

// One application's whole story for a person, in `info.lang`: each criterion, why it passed
// or failed, the values read and the verdicts, and where it stands against the funding line.
void write_explanation(const core::RunInfo& info, const core::ApplicationView& view, std::ostream& out,
                       WriterOptions options);

} // namespace fundscreen::report
