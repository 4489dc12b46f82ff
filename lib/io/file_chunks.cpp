// SPDX-License-Identifier: Apache-2.0
#include "io/file_chunks.hpp"

#include <fstream>
#include <vector>

#include "io/file.hpp"

namespace fundscreen::io {

void read_file_chunks(const std::string& path, size_t size, const std::function<void(std::string_view)>& take) {
  std::ifstream in(path, std::ios::binary);
  if (!in) read_file(path, util::ErrorKind::input); // throws with the reason
  std::vector<char> buffer(size);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    if (in.gcount() > 0) take(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
  }
  if (in.bad()) read_file(path, util::ErrorKind::input);
}

} // namespace fundscreen::io
