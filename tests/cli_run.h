// Running the crosscheck binary from tests: in a scratch folder, with the
// build's data folder, capturing exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace cc::testing {

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct CliOut {
  int code;
  std::string out, err;
};

// Runs `crosscheck ARGS` in `dir` (ARGS as a shell would read them).
inline CliOut run_crosscheck(const std::filesystem::path& dir, const std::string& args) {
  std::string cmd = "cd '" + dir.string() + "' && CROSSCHECK_DATA='" CROSSCHECK_DATA_DIR "' '" +
                    CROSSCHECK_BINARY + "' " + args + " >out.txt 2>err.txt";
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir / "out.txt"),
          slurp(dir / "err.txt")};
}

}  // namespace cc::testing
