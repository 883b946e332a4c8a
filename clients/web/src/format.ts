// How the app writes dates, times, stages and names for people.
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { Sector, type Date as ApiDate, type TimeOfDay } from "./gen/healthcheck/v1/common_pb";
import { type OverdueDate, Purpose, Stage, TeamRole } from "./gen/healthcheck/v1/engagement_pb";
import { ActivityKind } from "./gen/healthcheck/v1/fieldwork_pb";
import { FindingKind, Priority } from "./gen/healthcheck/v1/finding_pb";
import { Polarity } from "./gen/healthcheck/v1/framework_pb";
import { RespondentLevel } from "./gen/healthcheck/v1/questionnaire_pb";
import { PartnershipKind } from "./gen/healthcheck/v1/partnership_pb";

const months = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

// "6 March 2029", the GOV.UK style; "Not set" without a date.
export function formatDate(date: ApiDate | undefined): string {
  if (!date || date.year === 0) return "Not set";
  return `${date.day} ${months[date.month - 1]} ${date.year}`;
}

// "Desk research" for STAGE_DESK_RESEARCH ("DESK_RESEARCH").
export function stageLabel(stage: Stage): string {
  return enumWords(Stage[stage], /^STAGE_/);
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

// "Voluntary and community" for SECTOR_VOLUNTARY_AND_COMMUNITY: an enum's
// value in words, its prefix dropped.
function enumWords(name: string | undefined, prefix: RegExp): string {
  const words = (name ?? "").replace(prefix, "").toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const sectorLabel = (sector: Sector) => enumWords(Sector[sector], /^SECTOR_/);
export const sectors: Sector[] = Object.values(Sector)
  .filter((v): v is Sector => typeof v === "number" && v !== Sector.UNSPECIFIED);

export const purposeLabel = (purpose: Purpose) => enumWords(Purpose[purpose], /^PURPOSE_/);

export const kindLabels: Record<number, string> = {
  [PartnershipKind.LSP]: "Local strategic partnership",
  [PartnershipKind.CSP]: "Community safety partnership",
  [PartnershipKind.SSP]: "Strategic service-delivery partnership",
  [PartnershipKind.HEALTH_AND_WELLBEING]: "Health and wellbeing board",
  [PartnershipKind.OTHER]: "Other",
};

export const teamRoleLabels: Record<number, string> = {
  [TeamRole.LEAD_PEER]: "Lead peer",
  [TeamRole.PEER]: "Peer",
  [TeamRole.SHADOW]: "Shadow",
};

// "6 March 2029 at 14:05" in the browser's time zone.
export function formatTime(time: Timestamp | undefined): string {
  if (!time || time.seconds === 0n) return "Not yet";
  return formatMoment(Number(time.seconds) * 1000);
}

// The same for a moment in milliseconds since the epoch, as browsers keep it.
export function formatMoment(ms: number): string {
  const at = new Date(ms);
  const hh = String(at.getHours()).padStart(2, "0");
  const mm = String(at.getMinutes()).padStart(2, "0");
  return `${at.getDate()} ${months[at.getMonth()]} ${at.getFullYear()} at ${hh}:${mm}`;
}

// "6 March 2029": the day of a moment, in the browser's time zone.
export function formatDay(time: Timestamp | undefined): string {
  if (!time || time.seconds === 0n) return "Not yet";
  const at = new Date(Number(time.seconds) * 1000);
  return `${at.getDate()} ${months[at.getMonth()]} ${at.getFullYear()}`;
}

// Whether a date is before today (an accreditation that has ended, a
// milestone gone by), and whether it has come (today or before).
const dayKey = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;
const todayKey = () => {
  const today = new Date();
  return dayKey(today.getFullYear(), today.getMonth() + 1, today.getDate());
};

export function isPast(date: ApiDate | undefined): boolean {
  if (!date || date.year === 0) return false;
  return dayKey(date.year, date.month, date.day) < todayKey();
}

export function hasCome(date: ApiDate | undefined): boolean {
  if (!date || date.year === 0) return false;
  return dayKey(date.year, date.month, date.day) <= todayKey();
}

// The person in an actor as the API records one, "Ann Smith (users/u1,
// sessions/s1)": their name, which is what people know them by.
export function personOf(actor: string): string {
  const at = actor.lastIndexOf(" (");
  return at > 0 ? actor.slice(0, at) : actor;
}

export const roleLabels: Record<number, string> = {
  [Role.PROGRAMME_LEAD]: "Programme lead",
  [Role.PEER]: "Peer",
  [Role.PARTNERSHIP_CONTACT]: "Partnership contact",
};

export const activityKindLabels: Record<number, string> = {
  [ActivityKind.INTERVIEW]: "Interview",
  [ActivityKind.FOCUS_GROUP]: "Focus group",
  [ActivityKind.MEETING_OBSERVATION]: "Meeting observed",
  [ActivityKind.SITE_VISIT]: "Site visit",
  [ActivityKind.DOCUMENT_REVIEW]: "Document review",
};

// "09:30" for a time of day.
export const clock = (t: TimeOfDay | undefined) =>
  t ? `${String(t.hours).padStart(2, "0")}:${String(t.minutes).padStart(2, "0")}` : "";

export const findingKindLabels: Record<number, string> = {
  [FindingKind.STRENGTH]: "Strength",
  [FindingKind.AREA_FOR_DEVELOPMENT]: "Area for development",
};

export const priorityLabels: Record<number, string> = {
  [Priority.HIGH]: "High",
  [Priority.MEDIUM]: "Medium",
  [Priority.LOW]: "Low",
};

// The sources a note can come from, as the API's filters name them.
export const sourceKinds: [string, string][] = [
  ["INTERVIEW", "Interviews"], ["FOCUS_GROUP", "Focus groups"],
  ["MEETING_OBSERVATION", "Meetings observed"], ["SITE_VISIT", "Site visits"],
  ["DOCUMENT_REVIEW", "Document reviews"], ["DOCUMENT", "Documents"],
];

export const levelLabels: Record<number, string> = {
  [RespondentLevel.BOARD]: "Board or elected member",
  [RespondentLevel.MANAGEMENT]: "Management",
  [RespondentLevel.FRONT_LINE]: "Front line",
};

// The API names a level or sector group by its enum value ("FRONT_LINE",
// "LOCAL_GOVERNMENT"); people read its words.
export const levelGroup = (group: string) =>
  levelLabels[RespondentLevel[group as keyof typeof RespondentLevel]] ?? group;
export const sectorGroup = (group: string) => {
  const sector = Sector[group as keyof typeof Sector];
  return sector === undefined ? group : sectorLabel(sector);
};

export const polarityLabels: Record<number, string> = {
  [Polarity.POSITIVE]: "For",
  [Polarity.NEGATIVE]: "Against",
};

// "initial feedback was due by 6 December 2026; ...": an engagement's
// overdue dates in words.
export const overdueWords = (dates: OverdueDate[]) => dates.map((d) =>
  `${stageLabel(d.expectedStage).toLowerCase()} was due by ${formatDate(d.date)}`).join("; ");
