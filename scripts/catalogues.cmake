# SPDX-License-Identifier: Apache-2.0
# fundscreen_catalogues(VAR ROOT): the rules that compile ROOT/po/<lang>.po with msgfmt (package
# gettext) and write each as a C++ byte array (embed_catalogue.cmake); VAR gets the generated
# sources, for lib/i18n and for the fuzz build alike.
find_program(MSGFMT msgfmt REQUIRED)
function(fundscreen_catalogues var root)
  set(sources "")
  foreach(lang fi sv)
    set(po ${root}/po/${lang}.po)
    set(mo ${CMAKE_CURRENT_BINARY_DIR}/${lang}.mo)
    set(cpp ${CMAKE_CURRENT_BINARY_DIR}/catalogue_${lang}.cpp)
    add_custom_command(
      OUTPUT ${cpp}
      COMMAND ${MSGFMT} --check --output-file=${mo} ${po}
      COMMAND ${CMAKE_COMMAND} -DMO=${mo} -DLANG=${lang} -DOUT=${cpp} -P ${root}/scripts/embed_catalogue.cmake
      DEPENDS ${po} ${root}/scripts/embed_catalogue.cmake
      COMMENT "Compiling the ${lang} catalogue (po/${lang}.po)")
    list(APPEND sources ${cpp})
  endforeach()
  set(${var} ${sources} PARENT_SCOPE)
endfunction()
