// The API, in the Connect protocol on the page's own origin: the browser's
// session cookie goes with every call, and nothing goes to another origin.
import { createClient, type Client, ConnectError, Code } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import type { DescService } from "@bufbuild/protobuf";
import { AccessService } from "./gen/healthcheck/v1/access_pb";
import { EngagementService } from "./gen/healthcheck/v1/engagement_pb";
import { EvidenceService } from "./gen/healthcheck/v1/evidence_pb";
import { FieldworkService } from "./gen/healthcheck/v1/fieldwork_pb";
import { FindingService } from "./gen/healthcheck/v1/finding_pb";
import { FrameworkService } from "./gen/healthcheck/v1/framework_pb";
import { ImprovementPlanService } from "./gen/healthcheck/v1/improvement_plan_pb";
import { PartnershipService } from "./gen/healthcheck/v1/partnership_pb";
import { PeerService } from "./gen/healthcheck/v1/peer_pb";
import { ProgrammeService } from "./gen/healthcheck/v1/programme_pb";
import { QuestionnaireService } from "./gen/healthcheck/v1/questionnaire_pb";
import { ReportService } from "./gen/healthcheck/v1/report_pb";
import { UserService } from "./gen/healthcheck/v1/user_pb";

const transport = createConnectTransport({
  baseUrl: window.location.origin,
  useBinaryFormat: false,
  fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
});

function client<T extends DescService>(service: T): Client<T> {
  return createClient(service, transport);
}

export const accessTokens = client(AccessService);
export const engagements = client(EngagementService);
export const evidence = client(EvidenceService);
export const feedback = client(FindingService);
export const fieldwork = client(FieldworkService);
export const frameworks = client(FrameworkService);
export const partnerships = client(PartnershipService);
export const peers = client(PeerService);
export const plans = client(ImprovementPlanService);
export const programme = client(ProgrammeService);
export const questionnaires = client(QuestionnaireService);
export const reports = client(ReportService);
export const users = client(UserService);

// Sends a browser whose session has ended to sign in, and back here after.
export function signInAgainIfNeeded(error: unknown): void {
  if (error instanceof ConnectError && error.code === Code.Unauthenticated) {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/signin?next=${encodeURIComponent(next)}`);
  }
}

// Whether a call failed for want of a network (fetch itself failed).
export function isOffline(error: unknown): boolean {
  return error instanceof ConnectError && error.code === Code.Unknown &&
    error.cause instanceof TypeError;
}

// What to tell a person when a call fails, in words.
export function problemOf(error: unknown): string {
  if (isOffline(error)) {
    return "There is no connection, and this needs one. Try again when you are back online " +
           "(evidence notes are the exception: they are kept in this browser until then).";
  }
  if (error instanceof ConnectError) {
    switch (error.code) {
      case Code.PermissionDenied:
        return "You do not have access to this.";
      case Code.NotFound:
        return "This could not be found. It may have been removed.";
      case Code.Unavailable:
      case Code.ResourceExhausted:
        return "The service is busy. Try again in a few minutes.";
      default:
        return error.rawMessage;
    }
  }
  return "Something went wrong. Try again in a few minutes.";
}

// Every item of a list the API pages, fetched page by page: for choices and
// short lists that a page shows whole. `page` fetches one page from its
// token and gives its items and the next token.
export async function listAll<T>(
    page: (pageToken: string) => Promise<[T[], string]>): Promise<T[]> {
  const all: T[] = [];
  let token = "";
  do {
    const [items, next] = await page(token);
    all.push(...items);
    token = next;
  } while (token);
  return all;
}
