// SPDX-License-Identifier: Apache-2.0
#include "util/large_alloc.hpp"

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

void free_large(void* memory, size_t bytes) {
  if (bytes < k_huge_page)
    ::operator delete(memory);
  else
    std::free(memory);
}

} // namespace fundscreen::util
