// The benchmark a health check is measured against: the framework its
// questionnaire asks, with its principles (sections) and statements; none
// until the questionnaire is set up.
import { Code, ConnectError } from "@connectrpc/connect";
import { frameworks, questionnaires } from "./api";
import type { Framework } from "./gen/healthcheck/v1/framework_pb";

export async function benchmarkOf(engagement: string): Promise<Framework | null> {
  const questionnaire = await questionnaires.getQuestionnaire({
    name: `${engagement}/questionnaire` }).catch((error: unknown) => {
    if (error instanceof ConnectError && error.code === Code.NotFound) return null;
    throw error;
  });
  return questionnaire ? frameworks.getFramework({ name: questionnaire.framework }) : null;
}

// The principle a tag names: the tag itself if it is a principle's code,
// else the principle whose statement it is.
export function principleOf(framework: Framework, tag: string): string | undefined {
  return framework.sections.find((s) =>
    s.code === tag || s.statements.some((statement) => statement.code === tag))?.code;
}
