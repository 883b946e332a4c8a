#include "services/common/filter.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace hc::services {
namespace {

absl::Status Malformed(absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("filter: ", why, " (use field = value terms joined by AND)"));
}

bool IsFieldChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

class Lexer {
 public:
  explicit Lexer(absl::string_view text) : text_(text) {}

  bool AtEnd() {
    SkipSpace();
    return pos_ == text_.size();
  }

  std::string Word() {
    SkipSpace();
    const size_t start = pos_;
    while (pos_ < text_.size() && IsFieldChar(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string Operator() {
    SkipSpace();
    for (absl::string_view op : {"<=", ">=", "!=", "=", "<", ">"}) {
      if (text_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return std::string(op);
      }
    }
    return "";
  }

  absl::StatusOr<std::string> Value() {
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const size_t close = text_.find('"', pos_ + 1);
      if (close == absl::string_view::npos) return Malformed("unterminated quoted value");
      std::string value(text_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return value;
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && (IsFieldChar(text_[pos_]) || text_[pos_] == '-' ||
                                   text_[pos_] == '/' || text_[pos_] == ':')) {
      ++pos_;
    }
    if (start == pos_) return Malformed("a value is missing");
    return std::string(text_.substr(start, pos_ - start));
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && absl::ascii_isspace(static_cast<unsigned char>(text_[pos_]))) {
      ++pos_;
    }
  }

  absl::string_view text_;
  size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<std::vector<FilterTerm>> ParseFilter(absl::string_view filter) {
  if (filter.size() > 1000) return Malformed("longer than 1000 characters");
  std::vector<FilterTerm> terms;
  Lexer lexer(filter);
  while (!lexer.AtEnd()) {
    if (!terms.empty() && lexer.Word() != "AND") return Malformed("expected AND between terms");
    FilterTerm term;
    term.field = lexer.Word();
    if (term.field.empty()) return Malformed("a field name is missing");
    term.op = lexer.Operator();
    if (term.op.empty()) return Malformed(absl::StrCat("no comparison after ", term.field));
    absl::StatusOr<std::string> value = lexer.Value();
    if (!value.ok()) return value.status();
    term.value = *std::move(value);
    terms.push_back(std::move(term));
  }
  return terms;
}

}  // namespace hc::services
