// The steps that move an engagement from stage to stage, as the API's
// transition methods make them, in words for the pages that offer them.
import { engagements } from "./api";
import { type Engagement, Stage } from "./gen/healthcheck/v1/engagement_pb";

type TransitionRequest = { name: string; etag: string; reason: string };

export type StageStep = {
  slug: string;            // the step's part of its page's address
  action: string;          // the button that offers it
  title: string;           // the check-your-answers page's heading
  to: Stage | null;        // the stage it leads to (null: publishing, etc.)
  done: string;            // the confirmation once done
  reason?: { label: string; hint: string; required: boolean };
  run: (request: TransitionRequest) => Promise<Engagement>;
};

const steps: StageStep[] = [
  { slug: "desk-research", action: "Begin desk research", title: "Begin desk research",
    to: Stage.DESK_RESEARCH, done: "Desk research has begun",
    run: (r) => engagements.beginDeskResearch(r) },
  { slug: "questionnaire", action: "Open the questionnaire", title: "Open the questionnaire",
    to: Stage.QUESTIONNAIRE, done: "The questionnaire stage has begun",
    run: (r) => engagements.openQuestionnaire(r) },
  { slug: "fieldwork", action: "Start fieldwork", title: "Start fieldwork",
    to: Stage.FIELDWORK, done: "Fieldwork has started",
    run: (r) => engagements.startFieldwork(r) },
  { slug: "initial-feedback", action: "Record the initial feedback as given",
    title: "Record the initial feedback as given", to: Stage.INITIAL_FEEDBACK,
    done: "The initial feedback is recorded as given",
    reason: { label: "Closing remarks (optional)",
              hint: "Shown at the end of the feedback.", required: false },
    run: (r) => engagements.giveInitialFeedback(r) },
  { slug: "report", action: "Begin the written report", title: "Begin the written report",
    to: Stage.REPORT, done: "The written report stage has begun",
    run: (r) => engagements.beginReport(r) },
  { slug: "close", action: "Close the health check", title: "Close the health check",
    to: Stage.CLOSED, done: "The health check is closed",
    reason: { label: "Why it closes without an approved plan",
              hint: "Needed only when no improvement plan was approved.", required: false },
    run: (r) => engagements.closeEngagement(r) },
  { slug: "cancel", action: "Cancel the health check", title: "Cancel the health check",
    to: Stage.CANCELLED, done: "The health check is cancelled",
    reason: { label: "Why it is cancelled", hint: "The partnership and the team will see this.",
              required: true },
    run: (r) => engagements.cancelEngagement(r) },
];

// The step forward from `stage`, if one is made by hand: the report stage
// ends by publishing a report, the plan stage by approving the plan.
export function nextStepOf(stage: Stage): StageStep | undefined {
  const slug: Partial<Record<Stage, string>> = {
    [Stage.SCOPING]: "desk-research",
    [Stage.DESK_RESEARCH]: "questionnaire",
    [Stage.QUESTIONNAIRE]: "fieldwork",
    [Stage.FIELDWORK]: "initial-feedback",
    [Stage.INITIAL_FEEDBACK]: "report",
    [Stage.IMPROVEMENT_PLAN]: "close",
    [Stage.FOLLOW_UP]: "close",
  };
  return steps.find((s) => s.slug === slug[stage]);
}

export function stepBySlug(slug: string): StageStep | undefined {
  return steps.find((s) => s.slug === slug);
}

// Whether a health check has ended (closed or cancelled): nothing of it
// changes any more, and the API refuses every write.
export const hasEnded = (engagement: Engagement) =>
  engagement.stage === Stage.CLOSED || engagement.stage === Stage.CANCELLED;
