// SPDX-License-Identifier: Apache-2.0
// --output's file: written where neither a reader nor an interrupted run can see half of it,
// and where a killed run leaves nothing behind.
//
// The content goes to an unnamed file (open with O_TMPFILE) in the output's folder, which the
// kernel discards if the process dies, however it dies. Only when the content is complete is
// the file given a name (linkat through /proc/self/fd, which cannot replace a file) and that
// name renamed over the output. Where a filesystem has no O_TMPFILE, the content goes to a
// named file in the same folder instead, which SIGINT, SIGTERM and SIGHUP remove before the
// signal takes its course; only SIGKILL (or a crash) can leave that one behind.
//
// No fsync: what the guarantee is about, an interrupted or killed run, does not need one (the
// kernel keeps what was written whether the process lives or not); fsync would only cover a
// crash of the whole machine, at the price of waiting for every byte of a large trail to reach
// the disk before the run ends. ext4 flushes a file renamed over another anyway
// (auto_da_alloc), so the old output or the complete new one survives a crash there too.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>
#include <streambuf>
#include <string>

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <unistd.h>

#include "io/file.hpp"

namespace fundscreen::io {

namespace {

// An ostream's buffer over a file descriptor that keeps the errno of its first failed write.
class FdBuffer : public std::streambuf {
public:
  explicit FdBuffer(int fd) : m_fd(fd), m_buffer(std::make_unique<char[]>(k_size)) { reset(); }
  int error() const { return m_error; }

protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (n < epptr() - pptr()) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    return drain() && write_all(s, static_cast<size_t>(n)) ? n : 0;
  }
  int sync() override { return drain() ? 0 : -1; }

private:
  static constexpr size_t k_size = 1 << 16;
  void reset() { setp(m_buffer.get(), m_buffer.get() + k_size); }
  bool drain() {
    bool ok = write_all(pbase(), static_cast<size_t>(pptr() - pbase()));
    reset();
    return ok;
  }
  bool write_all(const char* p, size_t n) {
    while (m_error == 0 && n > 0) {
      ssize_t written = ::write(m_fd, p, n);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        m_error = written < 0 ? errno : ENOSPC;
        break;
      }
      p += written;
      n -= static_cast<size_t>(written);
    }
    return m_error == 0;
  }
  int m_fd;
  int m_error = 0;
  std::unique_ptr<char[]> m_buffer;
};

// The one named temporary file a signal removes. Globals because a signal handler can reach
// nothing else; written only while no handler is armed, read only by the handler.
char g_doomed_path[PATH_MAX];
std::atomic<bool> g_doomed_armed{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler reads it");

constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP};

// Async-signal-safe only: unlink, signal and raise. The signal is blocked while its handler
// runs, so the raised one is delivered, with the default action, when the handler returns:
// the run ends "killed by signal", as it would without the handler.
extern "C" void remove_doomed_and_die(int signal_number) {
  if (g_doomed_armed.load(std::memory_order_acquire)) unlink(g_doomed_path);
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

// While it lives, SIGINT, SIGTERM and SIGHUP remove the path it was last armed with (a signal
// the process ignores, as under nohup, stays ignored). One at a time in a process.
class RemoveOnSignal {
public:
  RemoveOnSignal() {
    struct sigaction action {};
    action.sa_handler = remove_doomed_and_die;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(k_signals); ++i) {
      sigaction(k_signals[i], nullptr, &m_previous[i]);
      if (m_previous[i].sa_handler != SIG_IGN) sigaction(k_signals[i], &action, nullptr);
    }
  }
  ~RemoveOnSignal() {
    disarm();
    for (size_t i = 0; i < std::size(k_signals); ++i) sigaction(k_signals[i], &m_previous[i], nullptr);
  }
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;

  // Armed before the file exists, so that no moment is left in which it exists unguarded;
  // false for a path too long to keep (the kernel would refuse it anyway).
  bool arm(const std::string& path) {
    disarm();
    if (path.size() >= sizeof g_doomed_path) return false;
    std::memcpy(g_doomed_path, path.c_str(), path.size() + 1);
    g_doomed_armed.store(true, std::memory_order_release);
    return true;
  }
  void disarm() { g_doomed_armed.store(false, std::memory_order_release); }

private:
  struct sigaction m_previous[std::size(k_signals)]{};
};

[[noreturn]] void fail(std::string_view what, const std::string& path, int error) {
  throw util::Error(util::ErrorKind::usage,
                    util::Diagnostic{util::Location{},
                                     util::Severity::error,
                                     fmt::format("cannot {} '{}': {}", what, path, std::strerror(error)),
                                     {}});
}

// The output's folder, where the temporary file must be for rename() to replace the output.
std::string folder_of(const std::string& path) {
  std::string folder = std::filesystem::path(path).parent_path().string();
  return folder.empty() ? "." : folder;
}

// A name beside the output that no other run uses: the pid, then a counter past a leftover.
std::string temporary_name(const std::string& path, int attempt) {
  std::string name = fmt::format("{}.tmp-fundscreen-{}", path, getpid());
  return attempt == 0 ? name : fmt::format("{}-{}", name, attempt);
}

// The file being written: an unnamed one (O_TMPFILE) until it is linked, or a named one.
struct Temporary {
  int fd = -1;
  std::string name; // empty while unnamed
  RemoveOnSignal guard;
  ~Temporary() {
    if (fd >= 0) close(fd);
    if (!name.empty()) unlink(name.c_str());
  }
};

// An unnamed file in `folder`, or -1 with errno set; EOPNOTSUPP, EISDIR or EINVAL mean that
// the filesystem (or the kernel) has none, and so does a /proc without this process's fds.
int open_unnamed(const std::string& folder) {
  const char* off = std::getenv("FUNDSCREEN_NO_TMPFILE"); // tests reach the fallback with it
  if ((off && std::string_view(off) == "1") || access("/proc/self/fd", X_OK) != 0) {
    errno = EOPNOTSUPP;
    return -1;
  }
  return open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
}

bool unnamed_unsupported(int error) { return error == EOPNOTSUPP || error == EISDIR || error == EINVAL; }

// How the temporary file gets its name: created named, or the unnamed one linked when complete.
enum class Naming { create, link };

// Gives `temporary`'s file a name beside `path`; the guard is armed with each name before it
// can exist.
void name_temporary(Temporary& temporary, const std::string& path, Naming naming) {
  std::string fd_path = fmt::format("/proc/self/fd/{}", temporary.fd);
  for (int attempt = 0;; ++attempt) {
    std::string name = temporary_name(path, attempt);
    if (!temporary.guard.arm(name)) fail("write", path, ENAMETOOLONG);
    bool made = naming == Naming::create
                    ? (temporary.fd = open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) >= 0
                    : linkat(AT_FDCWD, fd_path.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0;
    if (made) {
      temporary.name = name;
      return;
    }
    if (errno != EEXIST || attempt >= 100) fail("write", path, errno);
  }
}

} // namespace

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  Temporary temporary;
  temporary.fd = open_unnamed(folder_of(path));
  bool unnamed = temporary.fd >= 0;
  if (!unnamed && !unnamed_unsupported(errno)) fail("write", path, errno);
  if (!unnamed) name_temporary(temporary, path, Naming::create);
  {
    FdBuffer buffer(temporary.fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    if (buffer.error() != 0) fail("write", path, buffer.error());
  }
  if (unnamed) name_temporary(temporary, path, Naming::link);
  int closed = close(temporary.fd);
  temporary.fd = -1;
  if (closed != 0) fail("write", path, errno);
  if (std::rename(temporary.name.c_str(), path.c_str()) != 0) fail("replace", path, errno);
  temporary.name.clear();
}

} // namespace fundscreen::io
