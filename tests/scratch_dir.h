// A scratch folder for the running test: under the test temp dir, named by
// `prefix`, the test's name and this process, so tests running in parallel
// (ctest -j, or two checkouts on one machine) never share one.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace cc::testing {

inline std::filesystem::path scratch_dir(const std::string& prefix) {
  return std::filesystem::path(::testing::TempDir()) /
         (prefix + ::testing::UnitTest::GetInstance()->current_test_info()->name() + "_" +
          std::to_string(::getpid()));
}

}  // namespace cc::testing
