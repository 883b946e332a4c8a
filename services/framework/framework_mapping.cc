#include "services/framework/framework_mapping.h"

#include "services/common/conversions.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

static_assert(static_cast<int>(domain::Polarity::kNegative) == v1::POLARITY_NEGATIVE);

template <typename Repeated>
std::vector<std::string> Strings(const Repeated& values) {
  return {values.begin(), values.end()};
}

domain::ResponseScale FromProto(const v1::ResponseScale& in) {
  domain::ResponseScale out;
  for (const v1::ScalePoint& p : in.points()) out.points.push_back({p.label(), p.value()});
  return out;
}

void ToProto(const domain::ResponseScale& in, v1::ResponseScale* out) {
  for (const domain::ScalePoint& p : in.points) {
    v1::ScalePoint* point = out->add_points();
    point->set_label(p.label);
    point->set_value(p.value);
  }
}

domain::Statement FromProto(const v1::Statement& in) {
  return {in.code(), in.text(), in.element(), static_cast<domain::Polarity>(in.polarity()),
          Strings(in.possible_actions())};
}

void ToProto(const domain::Statement& in, v1::Statement* out) {
  out->set_code(in.code);
  out->set_text(in.text);
  out->set_element(in.element);
  out->set_polarity(static_cast<v1::Polarity>(in.polarity));
  for (const std::string& a : in.possible_actions) out->add_possible_actions(a);
}

std::vector<domain::Band> FromProto(const google::protobuf::RepeatedPtrField<v1::Band>& in) {
  std::vector<domain::Band> out;
  for (const v1::Band& b : in) out.push_back({b.min_score(), b.max_score(), b.label(), b.text()});
  return out;
}

void ToProto(const std::vector<domain::Band>& in, google::protobuf::RepeatedPtrField<v1::Band>* out) {
  for (const domain::Band& b : in) {
    v1::Band* band = out->Add();
    band->set_min_score(b.min_score);
    band->set_max_score(b.max_score);
    band->set_label(b.label);
    band->set_text(b.text);
  }
}

domain::Section FromProto(const v1::Section& in) {
  domain::Section out{in.code(), in.title(), in.description(), {}, {}, FromProto(in.bands()),
                      Strings(in.typical_factors())};
  for (const v1::Element& e : in.elements()) {
    out.elements.push_back({e.code(), e.title(), e.description()});
  }
  for (const v1::Statement& s : in.statements()) out.statements.push_back(FromProto(s));
  return out;
}

void ToProto(const domain::Section& in, v1::Section* out) {
  out->set_code(in.code);
  out->set_title(in.title);
  out->set_description(in.description);
  for (const domain::Element& e : in.elements) {
    v1::Element* element = out->add_elements();
    element->set_code(e.code);
    element->set_title(e.title);
    element->set_description(e.description);
  }
  for (const domain::Statement& s : in.statements) ToProto(s, out->add_statements());
  ToProto(in.bands, out->mutable_bands());
  for (const std::string& f : in.typical_factors) out->add_typical_factors(f);
}

}  // namespace

domain::Framework FromProto(const v1::Framework& in) {
  domain::Framework out;
  out.framework_id = in.framework_id();
  out.display_name = in.display_name();
  out.source = in.source();
  out.description = in.description();
  out.section_term = in.section_term();
  out.scale = FromProto(in.scale());
  for (const v1::Section& s : in.sections()) out.sections.push_back(FromProto(s));
  out.aggregate_bands = FromProto(in.aggregate_bands());
  if (in.has_significance_scale()) out.significance_scale = FromProto(in.significance_scale());
  for (const v1::Statement& s : in.overall_statements()) {
    out.overall_statements.push_back(FromProto(s));
  }
  out.comments = in.comments();
  out.action_planning = in.action_planning();
  for (const v1::FindingOption& f : in.findings()) out.findings.push_back({f.code(), f.text()});
  return out;
}

void ToProto(const domain::Framework& in, v1::Framework* out) {
  if (in.version > 0) out->set_name(domain::FrameworkName(in.framework_id, in.version));
  out->set_framework_id(in.framework_id);
  out->set_version(in.version);
  out->set_display_name(in.display_name);
  out->set_source(in.source);
  out->set_description(in.description);
  out->set_section_term(in.section_term);
  ToProto(in.scale, out->mutable_scale());
  for (const domain::Section& s : in.sections) ToProto(s, out->add_sections());
  ToProto(in.aggregate_bands, out->mutable_aggregate_bands());
  if (in.significance_scale) ToProto(*in.significance_scale, out->mutable_significance_scale());
  for (const domain::Statement& s : in.overall_statements) {
    ToProto(s, out->add_overall_statements());
  }
  out->set_comments(in.comments);
  out->set_action_planning(in.action_planning);
  for (const domain::Finding& f : in.findings) {
    v1::FindingOption* finding = out->add_findings();
    finding->set_code(f.code);
    finding->set_text(f.text);
  }
  out->set_builtin(in.builtin);
  if (in.version > 0) services::ToProto(in.create_time, out->mutable_create_time());
}

}  // namespace hc::services
