// The version of nines, set by CMake from project(VERSION).
#pragma once

namespace nines {

inline constexpr const char* kVersion = NINES_VERSION;

}  // namespace nines
