# Compiler flags of the fuzzing build (-DJOURNEY_FUZZ=ON): coverage for libFuzzer, ASan and UBSan on
# every library, so a harness finds memory errors and undefined behaviour anywhere below it.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
  message(FATAL_ERROR "JOURNEY_FUZZ needs clang 16 or later and libFuzzer: configure with "
                      "-DCMAKE_CXX_COMPILER=clang++-16 (see scripts/fuzz)")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=all)
add_link_options(-fsanitize=address,undefined)
# libstdc++ 12 declares std::expected only when __cpp_concepts announces P0848 (conditionally
# trivial special members). Clang implements P0848 from version 16 (14 cannot compile <expected>)
# but reports 201907 until 19, so the macro is raised here.
add_compile_options(-Wno-builtin-macro-redefined -U__cpp_concepts -D__cpp_concepts=202002L)
