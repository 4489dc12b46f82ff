// SPDX-License-Identifier: Apache-2.0
#include "util/large_alloc.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace fundscreen::util {

static constexpr size_t k_huge_page = size_t{2} << 20;

static size_t whole_huge_pages(size_t bytes) { return (bytes + k_huge_page - 1) / k_huge_page * k_huge_page; }

void* allocate_large(size_t bytes) {
  if (bytes < k_huge_page) return ::operator new(bytes);
  void* memory = std::aligned_alloc(k_huge_page, whole_huge_pages(bytes));
  if (!memory) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
  madvise(memory, whole_huge_pages(bytes), MADV_HUGEPAGE); // only advice: small pages if refused
#endif
  return memory;
}

void advise_huge_pages(void* memory, size_t bytes) {
  auto begin = reinterpret_cast<uintptr_t>(memory), end = begin + bytes;
  begin = (begin + k_huge_page - 1) / k_huge_page * k_huge_page;
  end = end / k_huge_page * k_huge_page;
#ifdef MADV_HUGEPAGE
  if (begin < end) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

void free_large(void* memory, size_t bytes) {
  if (bytes < k_huge_page)
    ::operator delete(memory);
  else
    std::free(memory);
}

} // namespace fundscreen::util
