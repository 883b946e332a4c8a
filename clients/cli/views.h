#ifndef HC_CLIENTS_CLI_VIEWS_H_
#define HC_CLIENTS_CLI_VIEWS_H_

#include <string>

#include "healthcheck/v1/access.pb.h"
#include "healthcheck/v1/engagement.pb.h"
#include "healthcheck/v1/fieldwork.pb.h"
#include "healthcheck/v1/framework.pb.h"
#include "healthcheck/v1/partnership.pb.h"
#include "healthcheck/v1/peer.pb.h"
#include "healthcheck/v1/programme.pb.h"
#include "healthcheck/v1/questionnaire.pb.h"

namespace hc::cli {

// The text form of each resource: a "key: value" block for one, a table for
// a list. Enum values print as their short labels ("fire_and_rescue"),
// unset values as "-". Each result ends in a newline.

std::string PartnershipText(const healthcheck::v1::Partnership& partnership);
std::string PartnershipsTable(
    const healthcheck::v1::ListPartnershipsResponse& response);

std::string PeerText(const healthcheck::v1::Peer& peer);
std::string PeersTable(const healthcheck::v1::ListPeersResponse& response);

// Everything about an engagement: scoping, key dates, the team with roles,
// team coverage with its warnings, overdue dates, etag.
std::string EngagementText(const healthcheck::v1::Engagement& engagement);
std::string EngagementsTable(
    const healthcheck::v1::ListEngagementsResponse& response);
std::string TransitionsTable(
    const healthcheck::v1::ListEngagementTransitionsResponse& response);

std::string OverviewText(const healthcheck::v1::ProgrammeOverview& overview);

std::string AccessTokenText(const healthcheck::v1::AccessToken& token);
std::string AccessTokensTable(
    const healthcheck::v1::ListAccessTokensResponse& response);
// A token just created: AccessTokenText plus its secret, labelled, with a
// warning that it is not shown again.
std::string NewAccessTokenText(const healthcheck::v1::AccessToken& token);

// One benchmark version in full: its header fields (scales as
// "label=value"), then each section with its statements (and their possible
// actions), bands and typical factors, then the overall statements and the
// aggregate bands. Long texts are wrapped to 79 columns, never cut.
// Descriptions and elements are left to --json.
std::string FrameworkText(const healthcheck::v1::Framework& framework);
// STATEMENTS counts the statements of the sections, not the overall ones.
std::string FrameworksTable(
    const healthcheck::v1::ListFrameworksResponse& response);

// An engagement's questionnaire: framework, state, times, k, comments,
// invitation count, etag.
std::string QuestionnaireText(
    const healthcheck::v1::Questionnaire& questionnaire);
// Invitations just created: NAME, ORGANISATION, LEVEL, SECTOR, LINK, then a
// warning that the links are shown only this once.
std::string NewInvitationsText(
    const healthcheck::v1::CreateInvitationsResponse& response);
// The links alone, one per line (nothing when there are none).
std::string InvitationLinks(
    const healthcheck::v1::CreateInvitationsResponse& response);
std::string InvitationsTable(
    const healthcheck::v1::ListInvitationsResponse& response);
// Overall, then by organisation, level and sector: GROUP, INVITATIONS,
// RESPONSES, RATE (rounded percentage). A withheld group reads "withheld"
// in each column, its reason given once under its table; a breakdown the
// server leaves out because the overall figure is withheld says so. Level
// and sector groups print as short labels ("board"). Then k.
std::string ResponseRatesText(const healthcheck::v1::ResponseRates& rates);

// A respondent's comment: its name, "quotable: yes/no", then its text
// wrapped and indented. The text's words are kept as written; line breaks
// (\r\n too) start a new line, and control characters that could drive the
// terminal show as \xNN or \u00NN (--json gives the text untouched).
std::string CommentText(const healthcheck::v1::Comment& comment);
// Each comment as a block numbered from 1, a blank line between;
// "(none)" when there are none.
std::string CommentsText(const healthcheck::v1::ListCommentsResponse& response);

// Numbered blocks: statement, action needed and by whom (wrapped).
std::string ActionEntriesText(const healthcheck::v1::ListActionEntriesResponse& response);

// One fieldwork activity: kind, title, day and times, place, state, the
// participants ("2 x Community safety manager, Anytown Council
// (local_government): names"), the peers attending, etag.
std::string ActivityText(const healthcheck::v1::Activity& activity);
// In the order given (the server's is the timetable's): DAY, TIME
// ("09:00-10:30"), KIND, TITLE, PLACE, PEERS (how many), STATE, NAME.
std::string ActivitiesTable(
    const healthcheck::v1::ListActivitiesResponse& response);

// A desk-research document, then its notes wrapped under "Notes", their
// line breaks and blank lines kept.
std::string DocumentText(const healthcheck::v1::Document& document);
// NAME, TITLE, SOURCE, DATE (the notes are left to get and --json).
std::string DocumentsTable(
    const healthcheck::v1::ListDocumentsResponse& response);

}  // namespace hc::cli

#endif  // HC_CLIENTS_CLI_VIEWS_H_
