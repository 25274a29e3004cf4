# Warning flags as an INTERFACE target, linked to our own targets only.
add_library(nines_warnings INTERFACE)
add_library(nines::warnings ALIAS nines_warnings)
target_compile_options(nines_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough -Wmisleading-indentation
  $<$<BOOL:${NINES_WARNINGS_AS_ERRORS}>:-Werror>)
