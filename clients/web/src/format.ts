// How the app writes dates, stages and names for people.
import type { Date as ApiDate } from "./gen/healthcheck/v1/common_pb";
import { Stage } from "./gen/healthcheck/v1/engagement_pb";

const months = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

// "6 March 2029", the GOV.UK style; "Not set" without a date.
export function formatDate(date: ApiDate | undefined): string {
  if (!date || date.year === 0) return "Not set";
  return `${date.day} ${months[date.month - 1]} ${date.year}`;
}

// "Desk research" for STAGE_DESK_RESEARCH ("DESK_RESEARCH").
export function stageLabel(stage: Stage): string {
  const name = Stage[stage] ?? "";
  const words = name.replace(/^STAGE_/, "").toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// "fieldwork_day1" -> "Fieldwork day 1".
export function keyDateLabel(keyDate: string): string {
  const words = keyDate.replace(/_/g, " ").replace(/day(\d)/, "day $1");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The id in a resource name: "engagements/abc" -> "abc".
export function idOf(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}
