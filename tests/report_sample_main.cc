// Writes the sample report (tests/core/report/sample_report.h) as
// report.html and report.pdf into a directory, so that anyone can look at
// what the renderers make. Usage: hc_report_sample OUT_DIR
#include <fstream>
#include <iostream>
#include <string>

#include "core/report/document_renderer.h"
#include "tests/core/report/sample_report.h"

namespace {

bool Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out.flush());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hc_report_sample OUT_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto rendered = hc::report::DocumentRenderer().Render(hc::report::testing::SampleReport());
  if (!rendered.ok()) {
    std::cerr << "hc_report_sample: " << rendered.status() << "\n";
    return 1;
  }
  if (!Write(dir + "/report.html", rendered->html) || !Write(dir + "/report.pdf", rendered->pdf)) {
    std::cerr << "hc_report_sample: cannot write into " << dir << "\n";
    return 1;
  }
  std::cout << dir << "/report.html\n" << dir << "/report.pdf\n";
  return 0;
}
