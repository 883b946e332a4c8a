// hcctl: the command-line client of the healthcheck.v1 API. This file only
// wires the command groups to the dispatcher and keeps exceptions in.

#include <exception>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "clients/cli/activity_commands.h"
#include "clients/cli/account_commands.h"
#include "clients/cli/admin_commands.h"
#include "clients/cli/dispatch.h"
#include "clients/cli/document_commands.h"
#include "clients/cli/engagement_commands.h"
#include "clients/cli/feedback_commands.h"
#include "clients/cli/finding_commands.h"
#include "clients/cli/framework_commands.h"
#include "clients/cli/note_commands.h"
#include "clients/cli/partnership_commands.h"
#include "clients/cli/peer_commands.h"
#include "clients/cli/programme_commands.h"
#include "clients/cli/plan_commands.h"
#include "clients/cli/questionnaire_commands.h"
#include "clients/cli/recommendation_commands.h"
#include "clients/cli/report_commands.h"
#include "clients/cli/sync_commands.h"
#include "clients/cli/token_commands.h"
#include "clients/cli/triangulation_commands.h"

int main(int argc, char** argv) {
  try {
    std::vector<hc::cli::CommandGroup> groups = {
        hc::cli::PartnershipCommands(), hc::cli::PeerCommands(),
        hc::cli::EngagementCommands(),  hc::cli::ActivityCommands(),
        hc::cli::DocumentCommands(),    hc::cli::NoteCommands(),
        hc::cli::SyncCommands(),        hc::cli::TriangulationCommands(),
        hc::cli::FindingCommands(),     hc::cli::RecommendationCommands(),
        hc::cli::FeedbackCommands(),    hc::cli::ReportCommands(),
        hc::cli::QuestionnaireCommands(),
        hc::cli::FrameworkCommands(),   hc::cli::ProgrammeCommands(),
        hc::cli::TokenCommands(),       hc::cli::AdminCommands(),
        hc::cli::LoginCommand(),        hc::cli::SetPasswordCommand(),
        hc::cli::PeopleCommands(),
    };
    for (hc::cli::CommandGroup& group : hc::cli::PlanCommands()) {
      groups.push_back(std::move(group));
    }
    return hc::cli::Run(std::vector<std::string>(argv + 1, argv + argc), groups,
                        std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "hcctl: internal error: " << e.what() << "\n";
    return 1;
  }
}
