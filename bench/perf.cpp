// SPDX-License-Identifier: Apache-2.0
// fundscreen_perf: times the parts of a screening one by one (the first pass, the funding
// line, the second pass and each output format's writer) on the peer job, so that a speed
// device can be kept or removed by measurement. Like ninja's perftests: built beside the
// tool, never run by ctest.
//
//   build/bench/fundscreen_perf ROWS|FILE.csv [--criteria SET.yaml] [--repeat N] [--formats csv,jsonl,...]
//
// ROWS generates that many applications shaped like ../shared/bench-peers/gen.py's (same
// columns and distributions, not the same bytes) into a temporary file; FILE.csv reads a
// file, e.g. bench/data/apps_1m.csv. Each part runs N times (default 3); the median is shown
// with wall time, CPU time (user + system, all threads) and instructions (all threads) when
// the kernel lets perf_event_open count them. Digests are skipped (json and jsonl compute
// them on a thread of their own in `screen`).
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/funding.hpp"
#include "io/block_csv.hpp"
#include "io/criteria_loader.hpp"
#include "io/file.hpp"
#include "report/writer.hpp"
#include "run/outline_spill.hpp"
#include "run/screening_jobs.hpp"
#include "run/screening_run.hpp"
#include "util/error.hpp"

using namespace fundscreen;

namespace {

// Instructions retired by this process's threads, including those started (and joined) while
// counting; absent when the kernel denies the counter (a VM without a PMU, perf_event_paranoid).
class InstructionCounter {
public:
  InstructionCounter() {
    perf_event_attr attr{};
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.disabled = 1;
    attr.inherit = 1; // the block reader's workers, which are joined before a part ends
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    m_fd = static_cast<int>(syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0));
    if (m_fd < 0) m_why = std::strerror(errno);
  }
  ~InstructionCounter() {
    if (m_fd >= 0) close(m_fd);
  }
  bool works() const { return m_fd >= 0; }
  const std::string& why() const { return m_why; }
  void start() const {
    if (m_fd < 0) return;
    ioctl(m_fd, PERF_EVENT_IOC_RESET, 0);
    ioctl(m_fd, PERF_EVENT_IOC_ENABLE, 0);
  }
  std::optional<double> stop() const {
    if (m_fd < 0) return std::nullopt;
    ioctl(m_fd, PERF_EVENT_IOC_DISABLE, 0);
    long long count = 0;
    if (read(m_fd, &count, sizeof count) != sizeof count) return std::nullopt;
    return static_cast<double>(count);
  }

private:
  int m_fd = -1;
  std::string m_why;
};

double cpu_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru); // every thread of the process
  auto s = [](timeval t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(ru.ru_utime) + s(ru.ru_stime);
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// An ostream that counts the bytes written and keeps none.
class CountingBuf : public std::streambuf {
public:
  size_t bytes = 0;

protected:
  int overflow(int c) override {
    if (c != EOF) ++bytes;
    return c;
  }
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<size_t>(n);
    return n;
  }
};

struct Figures {
  double wall = 0, cpu = 0;
  std::optional<double> instructions;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

class Bench {
public:
  explicit Bench(int repeat) : m_repeat(repeat) {}
  const InstructionCounter& counter() const { return m_counter; }

  // Runs `part` m_repeat times and prints the median figures; `setup` runs untimed before each.
  // `note` is asked after the runs.
  Figures time(
      const std::string& name, const std::function<void()>& part, const std::function<void()>& setup = [] {},
      const std::function<std::string()>& note = {}) {
    std::vector<double> walls, cpus, counts;
    for (int r = 0; r < m_repeat; ++r) {
      setup();
      double cpu0 = cpu_seconds();
      auto t0 = std::chrono::steady_clock::now();
      m_counter.start();
      part();
      auto count = m_counter.stop();
      walls.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
      cpus.push_back(cpu_seconds() - cpu0);
      if (count) counts.push_back(*count);
    }
    Figures f{median(walls), median(cpus), counts.empty() ? std::nullopt : std::optional(median(counts))};
    print(name, f, note ? note() : "");
    return f;
  }

  void print(const std::string& name, const Figures& f, const std::string& note = "") const {
    char line[256];
    std::string ins = f.instructions ? std::to_string(static_cast<long long>(*f.instructions / 1e6)) : "-";
    std::snprintf(line, sizeof line, "%-44s %10.1f %10.1f %14s  %s", name.c_str(), f.wall * 1e3, f.cpu * 1e3,
                  ins.c_str(), note.c_str());
    std::cout << line << '\n' << std::flush;
  }

private:
  int m_repeat;
  InstructionCounter m_counter;
};

// Applications shaped like gen.py's: the same columns, rule boundaries and text lengths.
std::string generate(size_t rows) {
  std::string path = io::temporary_dir() + "/fundscreen-perf-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + io::temporary_dir());
  close(fd);
  std::mt19937_64 rng(20210301);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  const char* words[] = {"hankkeen",   "tavoitteena", "parantaa",       "alueen",       "yritysten",
                         "osaamista,", "ja",          "\"Kasvu 2030\"", "työllisyyttä", "Åland",
                         "€",          "%",           "2 400",          "kiertotalous", "yli"};
  auto text = [&] {
    std::string t = "\"";
    size_t target = static_cast<size_t>(pick(100, 400));
    while (t.size() < target) {
      std::string w = words[pick(0, 14)];
      for (char c : w) t += c == '"' ? std::string("\"\"") : std::string(1, c);
      t += chance(0.05) ? '\n' : ' ';
    }
    return t + ".\"";
  };
  auto day = [&](int y0, int y1) {
    char d[16];
    std::snprintf(d, sizeof d, "%04d-%02d-%02d", pick(y0, y1), pick(1, 12), pick(1, 28));
    return std::string(d);
  };
  std::ofstream out(path, std::ios::binary);
  out << "id,applicant,title,thesis,stage,kind,programme_started,programme_ends,requested_eur,own_resources_eur,"
         "programme_budget_eur,actors,score,problem,evidence\r\n";
  const char* theses[] = {"3A", "3B", "3C", "3D", "3E", "2A", "4B"};
  for (size_t i = 1; i <= rows; ++i) {
    int requested = chance(0.01) ? 150000 : pick(20000, 250000);
    int budget = chance(0.01) ? 2 * requested : pick(50000, 5000000);
    int stage = pick(0, 99);
    std::string actors = "Oulun Koulutus Oy";
    for (int a = pick(1, 6); a > 1; --a) actors += "|Lapin kunta";
    char id[16];
    std::snprintf(id, sizeof id, "A%07zu", i);
    out << id << ",Kainuun Osuuskunta,\"Vihreä siirtymä, maaseudulla\","
        << theses[chance(0.95) ? pick(0, 4) : pick(5, 6)] << ','
        << (stage < 80   ? "ongoing"
            : stage < 92 ? "new"
                         : "idea")
        << ',' << (chance(0.9) ? "development" : "technology") << ',' << (chance(0.01) ? "2020-12-01" : day(2015, 2020))
        << ','
        << (chance(0.3)    ? ""
            : chance(0.03) ? "2021-12-31"
                           : day(2021, 2026))
        << ',' << requested << ',' << (chance(0.05) ? 0 : pick(1, 500000)) << ',' << budget << ',' << actors << ','
        << pick(0, 150) / 10 << '.' << pick(0, 150) % 10 << ',' << text() << ',' << text() << "\r\n";
  }
  return path;
}

struct Options {
  std::string input;
  size_t rows = 0;
  std::string criteria = FUNDSCREEN_PERF_CRITERIA;
  int repeat = 3;
  std::vector<std::string> formats{"csv", "jsonl", "json", "table", "markdown", "junit"};
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&] {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return std::string(argv[++i]);
    };
    if (a == "--criteria") {
      o.criteria = value();
    } else if (a == "--repeat") {
      o.repeat = std::max(1, std::stoi(value()));
    } else if (a == "--formats") {
      std::stringstream list(value());
      o.formats.clear();
      for (std::string f; std::getline(list, f, ',');) o.formats.push_back(f);
    } else if (!a.empty() && a.find_first_not_of("0123456789") == std::string::npos) {
      o.rows = std::stoul(a);
    } else if (a.size() > 4 && a.ends_with(".csv")) {
      o.input = a;
    } else {
      throw std::runtime_error("usage: fundscreen_perf ROWS|FILE.csv [--criteria SET.yaml] [--repeat N] "
                               "[--formats csv,jsonl,json,table,markdown,junit]");
    }
  }
  if (o.input.empty() && o.rows == 0) o.rows = 100000;
  return o;
}

// A writer that needs what `real` needs and formats as it does, but writes nothing: the second
// pass alone, the same replay run::screen() chooses for `real`.
class Idle final : public report::Writer {
public:
  explicit Idle(const report::Writer& real) : m_real(real) {}
  void begin(const core::RunInfo&) override {}
  void add(const core::ApplicationView&) override {}
  void end() override {}
  report::Needs needs() const override { return m_real.needs(); }
  bool formats_each() const override { return m_real.formats_each(); }
  void format(const core::ApplicationView&, std::string&) const override {}
  void add_formatted(std::string_view) override {}
  std::optional<std::vector<std::string>> fields_shown() const override { return m_real.fields_shown(); }

private:
  const report::Writer& m_real;
};

// What `fundscreen screen --format F` does after the first pass (run::screen()); with `write`
// false the same replay into a writer that writes nothing: the second pass alone.
void second_pass(const run::ScreeningRun& r, report::Writer& writer, bool write) {
  if (!write) {
    Idle idle(writer);
    r.replay(idle);
    return;
  }
  writer.begin(r.info());
  r.replay(writer);
  writer.end();
}

int measure(const Options& o) {
  std::string path = o.input;
  std::string generated;
  if (path.empty()) {
    std::cout << "generating " << o.rows << " applications ...\n" << std::flush;
    path = generated = generate(o.rows);
  }
  struct Cleanup {
    std::string path;
    ~Cleanup() {
      if (!path.empty()) std::remove(path.c_str());
    }
  } cleanup{generated};

  Bench bench(o.repeat);
  std::string load_start = load_average();
  core::CriteriaSet set = io::load_criteria_file(o.criteria);
  core::AssessmentIndex assessments(set);
  assessments.group();
  core::ConflictIndex conflicts;
  io::InputOptions input;

  std::cout << "input: " << path << (generated.empty() ? "" : " (generated, removed at the end)")
            << "\ncriteria: " << o.criteria << "\nmedian of " << o.repeat
            << " runs of each part; load average at start " << load_start << '\n';
  if (!bench.counter().works())
    std::cout << "instructions: not counted (perf_event_open: " << bench.counter().why()
              << "; the kernel or the VM gives no hardware counter here), so '-'\n";
  char head[256];
  std::snprintf(head, sizeof head, "\n%-44s %10s %10s %14s  %s", "part", "wall ms", "cpu ms", "instructions M", "note");
  std::cout << head << '\n';

  // The first pass as ScreeningRun makes it with the block reader (first_pass_in_chunks).
  std::unique_ptr<run::FirstPassTally> tally;
  std::unique_ptr<run::OutlineSpill> spill;
  auto first_pass = [&](run::OutlineSpill* to) {
    run::FirstPassJob job(set, &assessments, &conflicts, *tally, to);
    io::BlockCsvApplications reader(set, input, io::fields_screening_reads(set));
    io::CsvLayout layout;
    job.start_file(path, layout);
    if (!reader.read(path, job, &layout))
      throw std::runtime_error(path + ": the block reader left it to the streaming reader");
  };
  bench.time(
      "first pass (block reader, outlines)", [&] { first_pass(nullptr); },
      [&] { tally = std::make_unique<run::FirstPassTally>(); });
  bench.time(
      "first pass, outlines spilled (csv)", [&] { first_pass(spill.get()); },
      [&] {
        tally = std::make_unique<run::FirstPassTally>();
        spill = std::make_unique<run::OutlineSpill>();
      });
  size_t applications = tally->applications, eligible = tally->eligible.size();

  // The funding line: the ranking sorted and the line drawn (ScreeningRun sorts the two
  // halves of a large ranking on two cores and merges them; here on one).
  std::vector<core::RankEntry> ranked;
  core::FundingLine line;
  bench.time(
      "funding line (sort on one core, draw)",
      [&] {
        std::sort(ranked.begin(), ranked.end(),
                  [&](const core::RankEntry& a, const core::RankEntry& b) { return core::ranks_before(set, a, b); });
        line = core::draw_ranked_funding_line(set, ranked);
      },
      [&] { ranked = tally->eligible; },
      [&] { return std::to_string(eligible) + " eligible, " + std::to_string(line.funded) + " funded"; });

  // The whole first half of `screen`: set, first pass, funding line (ScreeningRun).
  auto inputs = [&] {
    run::ScreeningInputs in;
    in.applications = {path};
    in.criteria = o.criteria;
    in.digests = run::Digests::skip;
    return in;
  };
  std::unique_ptr<run::ScreeningRun> plain, spilled;
  bench.time(
      "ScreeningRun (set, first pass, line)",
      [&] { plain = std::make_unique<run::ScreeningRun>(inputs(), report::Detail::assessed); }, [&] { plain.reset(); });
  bench.time(
      "ScreeningRun, outlines spilled (csv)",
      [&] { spilled = std::make_unique<run::ScreeningRun>(inputs(), report::Detail::outline); },
      [&] { spilled.reset(); });

  for (const std::string& name : o.formats) {
    auto format = report::parse_format(name);
    if (!format) throw std::runtime_error("unknown format '" + name + "'");
    const run::ScreeningRun& r = *format == report::Format::csv ? *spilled : *plain;
    CountingBuf sink;
    std::ostream out(&sink);
    std::unique_ptr<report::Writer> writer;
    auto make = [&] {
      sink.bytes = 0;
      writer = report::make_writer(*format, out, {});
    };
    Figures pass = bench.time(
        "second pass for " + name + " (nothing written)", [&] { second_pass(r, *writer, false); }, make);
    Figures whole = bench.time(
        "second pass + " + name + " writer", [&] { second_pass(r, *writer, true); }, make,
        [&] { return std::to_string(sink.bytes) + " bytes"; });
    Figures writer_alone{whole.wall - pass.wall, whole.cpu - pass.cpu, std::nullopt};
    if (whole.instructions && pass.instructions) writer_alone.instructions = *whole.instructions - *pass.instructions;
    bench.print("  " + name + " writer alone (the difference)", writer_alone);
  }

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::cout << '\n'
            << applications << " applications, " << eligible << " eligible; peak RSS of this process "
            << ru.ru_maxrss / 1024 << " MiB; load average at end " << load_average() << '\n';
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return measure(parse(argc, argv));
  } catch (const util::Error& e) {
    for (const auto& d : e.diagnostics()) std::cerr << util::format_diagnostic(d);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "fundscreen_perf: " << e.what() << '\n';
    return 1;
  }
}
