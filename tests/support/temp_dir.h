#ifndef HC_TESTS_SUPPORT_TEMP_DIR_H_
#define HC_TESTS_SUPPORT_TEMP_DIR_H_

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

namespace hc::testing {

// A fresh directory under the test's temporary directory, removed with its
// contents on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = ::testing::TempDir() + "hc_test_XXXXXX";
    path_ = ::mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace hc::testing

#endif  // HC_TESTS_SUPPORT_TEMP_DIR_H_
