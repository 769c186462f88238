# fuzz_regression_test: replays fuzz/regressions/<target>/* and the seed
# corpora fuzz/corpus/<target>/* through the fuzz targets' own entry points,
# compiled here as ordinary functions (no libFuzzer, no clang needed), so
# every input that once broke a parser stays in the regular test suite.
file(GLOB DOSSIER_FUZZ_SOURCES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/*_fuzzer.cc)
set(fuzz_entries "")
set(fuzz_deps "")
foreach(source ${DOSSIER_FUZZ_SOURCES})
  get_filename_component(name ${source} NAME_WE)
  set_source_files_properties(${source} PROPERTIES
    COMPILE_DEFINITIONS "LLVMFuzzerTestOneInput=FuzzEntry_${name}")
  string(APPEND fuzz_entries "FUZZ_ENTRY(${name})\n")
  file(STRINGS ${source} deps_line REGEX "^// FUZZ_DEPS:")
  string(REGEX REPLACE "^// FUZZ_DEPS:[ ]*" "" deps "${deps_line}")
  separate_arguments(deps)
  list(APPEND fuzz_deps ${deps})
endforeach()
list(REMOVE_DUPLICATES fuzz_deps)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/fuzz_entries.inc.tmp "${fuzz_entries}")
configure_file(${CMAKE_CURRENT_BINARY_DIR}/fuzz_entries.inc.tmp
  ${CMAKE_CURRENT_BINARY_DIR}/fuzz_entries.inc COPYONLY)
dossier_add_test(fuzz_regression_test SOURCES fuzz_regression_test.cc ${DOSSIER_FUZZ_SOURCES}
  DEPS ${fuzz_deps})
if(TARGET fuzz_regression_test)
  target_include_directories(fuzz_regression_test PRIVATE ${CMAKE_CURRENT_BINARY_DIR}
    ${PROJECT_SOURCE_DIR}/fuzz)
endif()
