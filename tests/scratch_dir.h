// Scratch folders and files for tests: under the test temp dir and named by
// this process, so tests running in parallel (ctest -j, or two checkouts on
// one machine) never share one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace cc::testing {

inline std::filesystem::path scratch_dir(const std::string& prefix) {
  return std::filesystem::path(::testing::TempDir()) /
         (prefix + ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
          std::to_string(::getpid()));
}

// A file path of this process's own under the test temp dir.
inline std::string scratch_path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) /
          ("crosscheck_" + std::to_string(::getpid()) + "_" + name))
      .string();
}

// Writes `content` to scratch_path(name) and returns the path.
inline std::string write_scratch_file(const std::string& name, const std::string& content) {
  std::string path = scratch_path(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace cc::testing
