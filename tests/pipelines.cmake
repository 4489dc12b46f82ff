# SPDX-License-Identifier: Apache-2.0
# Tests of what pipelines and packagers use (issue 19): the criteria-set schema, init, the
# shell completions, `cmake --install` and the .deb. The SARIF and GitHub outputs are golden
# cases in tests/cli.

# Every shipped set validates against the schema; each of tests/schema/bad/ is rejected by the
# schema and by `fundscreen lint` (exit 4).
file(GLOB shipped_sets CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/criteria/*.yaml)
file(GLOB bad_sets CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/schema/bad/*.yaml)
add_test(NAME schema.criteria-sets
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/schema/check_criteria_schema.py
          ${PROJECT_SOURCE_DIR}/schema/criteria-set.schema.json --valid ${shipped_sets} --invalid ${bad_sets})
add_test(NAME schema.bad-sets-fail-lint
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/schema/lint_bad_sets.sh $<TARGET_FILE:fundscreen> ${bad_sets})

# `fundscreen init`, then lint, validate and screen what it wrote; the set validates against the schema.
add_test(NAME pipelines.init
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/packaging/init.sh $<TARGET_FILE:fundscreen> ${PROJECT_SOURCE_DIR})

# The completions: every option and format value of every command's --help is offered.
add_test(NAME pipelines.completions
  COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/packaging/check_completions.py $<TARGET_FILE:fundscreen>
          ${PROJECT_SOURCE_DIR}/packaging/completions)

# Install into a temporary prefix and run from there; build the .deb and run it from a
# throwaway root.
add_test(NAME pipelines.install
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/packaging/install.sh ${PROJECT_BINARY_DIR})
add_test(NAME pipelines.deb
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/packaging/deb.sh ${PROJECT_BINARY_DIR})
set_tests_properties(pipelines.install pipelines.deb PROPERTIES RESOURCE_LOCK fundscreen_install)
