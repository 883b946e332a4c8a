#include "services/framework/framework_grpc_service.h"

#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/common/status_macros.h"
#include "services/common/conversions.h"
#include "services/common/paging.h"
#include "services/common/resource_names.h"
#include "services/framework/framework_mapping.h"

namespace hc::services {
namespace {

namespace v1 = healthcheck::v1;

}  // namespace

grpc::ServerUnaryReactor* FrameworkGrpcService::ListFrameworks(
    grpc::CallbackServerContext* context, const v1::ListFrameworksRequest* request,
    v1::ListFrameworksResponse* response) {
  return runner_.Run(context, "ListFrameworks", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(app::PageRequest page,
                        ReadPageRequest(request->page_size(), request->page_token(), "frameworks"));
    HC_ASSIGN_OR_RETURN(app::Page<domain::Framework> found, app_.List(principal, page));
    for (const domain::Framework& f : found.items) ToProto(f, response->add_frameworks());
    response->set_next_page_token(NextPageToken(found.next, "frameworks"));
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FrameworkGrpcService::GetFramework(
    grpc::CallbackServerContext* context, const v1::GetFrameworkRequest* request,
    v1::Framework* response) {
  return runner_.Run(context, "GetFramework", [=, this](const domain::Principal& principal) {
    HC_ASSIGN_OR_RETURN(FrameworkVersionName name,
                        ParseFrameworkVersionName("name", request->name()));
    HC_ASSIGN_OR_RETURN(domain::Framework f,
                        app_.Get(principal, name.framework_id, name.version));
    ToProto(f, response);
    return absl::OkStatus();
  });
}

grpc::ServerUnaryReactor* FrameworkGrpcService::CreateFramework(
    grpc::CallbackServerContext* context, const v1::CreateFrameworkRequest* request,
    v1::Framework* response) {
  return runner_.Run(context, "CreateFramework", [=, this](const domain::Principal& principal) {
    const app::RequestKey key{request->request_id(), Fingerprint(request->framework())};
    HC_ASSIGN_OR_RETURN(domain::Framework f,
                        app_.Create(principal, FromProto(request->framework()), key));
    ToProto(f, response);
    return absl::OkStatus();
  });
}

}  // namespace hc::services
