# SPDX-License-Identifier: Apache-2.0
# Writes a compiled gettext catalogue (.mo) as a C++ byte array: the binary carries its
# translations and runs from the build folder. cmake -DMO=x.mo -DLANG=fi -DOUT=x.cpp -P this
cmake_minimum_required(VERSION 3.25)
file(READ ${MO} hex HEX)
string(LENGTH "${hex}" digits)
math(EXPR size "${digits} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){24})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}.tmp "// Generated from po/${LANG}.po by scripts/embed_catalogue.cmake: do not edit.\n"
  "#include <cstddef>\nnamespace fundscreen::i18n {\n"
  "extern const unsigned char k_catalogue_${LANG}[];\nextern const size_t k_catalogue_${LANG}_size;\n"
  "const unsigned char k_catalogue_${LANG}[] = {\n${bytes}0};\n"
  "const size_t k_catalogue_${LANG}_size = ${size};\n}\n")
file(RENAME ${OUT}.tmp ${OUT})
