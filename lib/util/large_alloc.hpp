// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>

namespace fundscreen::util {

// Memory for `bytes` bytes of a large table. From 2 MiB on it is aligned to 2 MiB and the
// kernel is asked to back it with huge pages (Linux's MADV_HUGEPAGE), so that filling it
// takes a page fault for every 2 MiB rather than for every 4 KiB.
void* allocate_large(size_t bytes);

// Frees `memory` from allocate_large(`bytes`).
void free_large(void* memory, size_t bytes);

// Asks the kernel to back the 2 MiB pages that lie wholly in `bytes` bytes from `memory`
// with huge pages: for memory set aside but not yet written, such as a vector's capacity
// after reserve().
void advise_huge_pages(void* memory, size_t bytes);

// The allocator of a container that may grow to millions of elements, through
// allocate_large().
template <class T> struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <class U> LargeAllocator(const LargeAllocator<U>&) {}
  T* allocate(size_t n) { return static_cast<T*>(allocate_large(n * sizeof(T))); }
  void deallocate(T* memory, size_t n) { free_large(memory, n * sizeof(T)); }
  friend bool operator==(const LargeAllocator&, const LargeAllocator&) { return true; }
};

} // namespace fundscreen::util
