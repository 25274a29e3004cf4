# Warning flags as an INTERFACE target, linked to our own targets only.
add_library(nines_warnings INTERFACE)
add_library(nines::warnings ALIAS nines_warnings)
target_compile_options(nines_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation
  $<$<BOOL:${NINES_WARNINGS_AS_ERRORS}>:-Werror>)
# GCC 12 at -O2/-O3 reports false positives from inlined library code (nlohmann's parser,
# Boost.Graph iterators, libstdc++'s char_traits): known GCC 12 optimizer diagnostics bugs.
# They stay on in Debug, where they are reliable.
target_compile_options(nines_warnings INTERFACE
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<NOT:$<CONFIG:Debug>>>:
    -Wno-maybe-uninitialized -Wno-restrict -Wno-array-bounds -Wno-stringop-overflow
    -Wno-null-dereference>)
