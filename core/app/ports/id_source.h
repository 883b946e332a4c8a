#ifndef HC_CORE_APP_PORTS_ID_SOURCE_H_
#define HC_CORE_APP_PORTS_ID_SOURCE_H_

#include <string>

namespace hc::app {

// Makes resource ids: short, URL-safe, unique in practice. Thread-safe.
class IdSource {
 public:
  virtual ~IdSource() = default;
  virtual std::string NewId() = 0;
};

// Ids of 12 characters from [a-z0-9] (about 62 bits), from a CSPRNG so that
// ids do not reveal creation order.
class RandomIdSource final : public IdSource {
 public:
  std::string NewId() override;
};

}  // namespace hc::app

#endif  // HC_CORE_APP_PORTS_ID_SOURCE_H_
