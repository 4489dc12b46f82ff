// SPDX-License-Identifier: Apache-2.0
#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "util/large_alloc.hpp"

using fundscreen::util::LargeAllocator;

TEST_CASE("util::allocate_large") {
  SUBCASE("aligns tables of 2 MiB and more to 2 MiB, for huge pages") {
    size_t bytes = (size_t{3} << 20) + 5;
    void* memory = fundscreen::util::allocate_large(bytes);
    CHECK(reinterpret_cast<uintptr_t>(memory) % (size_t{2} << 20) == 0);
    static_cast<char*>(memory)[bytes - 1] = 'x'; // all of it is there
    fundscreen::util::free_large(memory, bytes);
  }
  SUBCASE("a vector through it keeps its values while it grows past 2 MiB") {
    std::vector<uint64_t, LargeAllocator<uint64_t>> values;
    for (uint64_t i = 0; i < 1'000'000; ++i) values.push_back(i * 7);
    CHECK(values.size() == 1'000'000);
    CHECK(values[999'999] == 999'999 * 7);
    CHECK(values[12345] == 12345 * 7);
  }
}
