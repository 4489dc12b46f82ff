// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/criteria_set.hpp"
#include "core/records.hpp"
#include "io/record_loaders.hpp"

namespace fundscreen::io {

class Sha256;

// Which of a set's fields a screening reads: the id, the funding amount, the applicant (for
// conflicts of interest), the tie-break fields and every field a rule or the ranking
// expression reads. The others are checked but not kept.
std::vector<bool> fields_screening_reads(const core::CriteriaSet& set);

// A piece of a CSV file made of whole records.
struct CsvChunk {
  uint64_t offset = 0;  // in the file
  size_t bytes = 0;     // its length
  int first_line = 0;   // the line its first byte is on (once known)
  size_t first_row = 0; // the input position of its first application (once known)
  size_t rows = 0;      // applications in it (once read)
  int lines = 0;        // line breaks in it (once read)
};

// How the first pass found a file: which file it was, and its chunks, so that the second
// pass reads the same chunks (knowing where each application is in the input before reading
// it) and notices a file that changed in between.
struct CsvLayout {
  uint64_t device = 0;
  uint64_t inode = 0;
  uint64_t size = 0;
  int64_t modified_ns = 0;
  std::vector<CsvChunk> chunks;
};

// What a read in chunks does with the applications: each chunk's applications are typed and
// handed to a Worker on a worker thread, then the chunk's Output to done() on the caller's
// thread, chunk after chunk in input order. Memory holds a few chunks whatever the file size.
class ChunkJob {
public:
  // What the applications of one chunk gave; one per chunk in flight, reused.
  class Output {
  public:
    virtual ~Output() = default;
  };
  // The state of one worker thread (a Screener of its own, say).
  class Worker {
  public:
    virtual ~Worker() = default;
    // Before the applications of `chunk`: its `first_row` is known when the chunks come from
    // a CsvLayout, else 0 (done() gets it).
    virtual void start(const CsvChunk& chunk, Output& out) = 0;
    // One application of the chunk, in input order; the worker may keep or swap it. Its
    // `where.line` counts from 1 at the chunk's first line (done() gets the chunk's first
    // line in the file), its `where.source` is left as it was.
    virtual void row(core::Application& app, Output& out) = 0;
  };

  virtual ~ChunkJob() = default;
  virtual std::unique_ptr<Output> output() = 0;
  virtual std::unique_ptr<Worker> worker() = 0;
  // On the caller's thread, each chunk in input order, with its first row and line.
  virtual void done(const CsvChunk& chunk, Output& out) = 0;
};

// How a block reader spreads its work; the defaults suit screenings, tests choose.
struct BlockTuning {
  size_t chunk_bytes = size_t{1} << 18; // read at once (more when one record is longer)
  int workers = -1;                     // threads besides the caller's; -1: by the file size and the cores
  // A chunk that would need more bytes than this for one record is left to the streaming reader.
  size_t max_chunk_bytes = size_t{64} << 20;
};

// A fast reader of well-formed application CSV files, for screening large calls: the file is
// read in chunks of whole records, fields are views into the chunk (a quoted field with "" is
// unescaped in place), and only the fields in `keep` are typed and kept; the others are
// checked and left missing. It handles only the common case: UTF-8, a plain header naming
// each field of the set once, rows that all parse. At anything else (a bad cell, a row of the
// wrong width, an unknown column, bad UTF-8, windows-1252, no rows) it stops and returns
// false, and the caller reads the file again with read_applications(), which reports every
// problem exactly. It never prints or throws for bad data. A file of more than about a
// megabyte is read by two worker threads, each typing whole chunks; the caller's thread gets
// the chunks in input order, so what it sees is the same whatever the threads and chunks.
class BlockCsvApplications {
public:
  BlockCsvApplications(const core::CriteriaSet& set, const InputOptions& options, std::vector<bool> keep,
                       BlockTuning tuning = {});

  // Reads `path`, calling `sink` for each application in input order on the caller's thread;
  // false when it stopped at something it does not handle (after calling `sink` for some
  // rows before it). `replay` as for the read in chunks below.
  bool read(const std::string& path, const std::function<void(core::Application&&)>& sink,
            const CsvLayout* replay = nullptr);

  // Reads `path` in chunks through `job`. Without `replay` (a first pass) every cell is
  // checked and the chunks found go to `found`. With `replay` (the layout a first pass found)
  // the same chunks are read without checking UTF-8 or the cells that are not kept, and the
  // read is false if the file is not the one of `replay` (size, time, inode, rows).
  // `digest`, if given (a first pass), is fed every byte of the file in file order from the
  // reads that parse them, each chunk before it is typed: after a read that returned true it
  // holds the SHA-256 of the bytes the applications came from.
  bool read(const std::string& path, ChunkJob& job, CsvLayout* found, const CsvLayout* replay = nullptr,
            Sha256* digest = nullptr);

private:
  struct File;
  bool read_header(File& file, Sha256* digest);
  int workers_for(uint64_t file_size) const;

  const core::CriteriaSet& m_set;
  InputOptions m_options;
  std::vector<char> m_keep; // bytes, not bits: read for every cell
  BlockTuning m_tuning;
  char m_delimiter = 0;       // the field separator, from the options or the header
  std::vector<int> m_columns; // field index in the set, by column
};

} // namespace fundscreen::io
