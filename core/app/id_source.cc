#include <array>
#include <random>

#include "core/app/ports/id_source.h"

namespace hc::app {

std::string RandomIdSource::NewId() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  // std::random_device reads the kernel's CSPRNG on Linux; it is thread-safe
  // to construct one per call.
  std::random_device device;
  std::uniform_int_distribution<int> pick(0, 35);
  std::string id(12, 'a');
  for (char& c : id) c = kAlphabet[pick(device)];
  return id;
}

}  // namespace hc::app
