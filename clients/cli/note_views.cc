#include "clients/cli/note_views.h"

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "clients/cli/output.h"
#include "clients/cli/values.h"

namespace hc::cli {
namespace {

namespace v1 = ::healthcheck::v1;

std::string Tags(const v1::Note& note) {
  return absl::StrJoin(note.tags(), ",");
}

std::string Flags(const v1::PrincipleEvidence& principle) {
  std::vector<std::string> flags;
  if (principle.thin()) flags.push_back("thin");
  if (principle.one_sided()) flags.push_back("one-sided");
  if (principle.single_sector()) flags.push_back("single-sector");
  if (principle.questionnaire_only()) flags.push_back("questionnaire-only");
  return flags.empty() ? "none" : absl::StrJoin(flags, ", ");
}

std::string PrincipleText(const v1::PrincipleEvidence& principle) {
  std::string text = absl::StrCat(
      principle.section_code(), " ", principle.title(),
      "\n  notes: ", principle.notes(), "   flags: ", Flags(principle), "\n");
  Table sources({"SOURCE", "POSITIVE", "NEGATIVE"});
  for (const v1::SourceCount& count : principle.by_source()) {
    sources.AddRow({count.source(), absl::StrCat(count.positive()),
                    absl::StrCat(count.negative())});
  }
  Table sectors({"SECTOR", "POSITIVE", "NEGATIVE"});
  for (const v1::SectorCount& count : principle.by_sector()) {
    sectors.AddRow({EnumLabel(count.sector()), absl::StrCat(count.positive()),
                    absl::StrCat(count.negative())});
  }
  absl::StrAppend(&text, sources.Render(2));
  if (!principle.by_sector().empty()) absl::StrAppend(&text, sectors.Render(2));
  return text;
}

const v1::Note& WrittenNote(const NoteWrite& write) {
  if (const auto* create = std::get_if<v1::CreateNoteRequest>(&write)) {
    return create->note();
  }
  return std::get<v1::UpdateNoteRequest>(write).note();
}

bool IsCreate(const NoteWrite& write) {
  return std::holds_alternative<v1::CreateNoteRequest>(write);
}

// "add" with its engagement, or "edit" with its note and the fields edited.
std::pair<std::string, std::string> WhatAndFor(const NoteWrite& write) {
  if (const auto* create = std::get_if<v1::CreateNoteRequest>(&write)) {
    return {"add", create->parent()};
  }
  const auto& edit = std::get<v1::UpdateNoteRequest>(write);
  return {absl::StrCat("edit ", absl::StrJoin(edit.update_mask().paths(), ",")),
          edit.note().name()};
}

// The text a write carries: all of a create's, an edit's only if it edits it.
std::string CarriedText(const NoteWrite& write) {
  const v1::Note& note = WrittenNote(write);
  if (IsCreate(write) || !note.text().empty()) return note.text();
  return "";
}

}  // namespace

std::string NoteText(const v1::Note& note) {
  Fields fields;
  fields.Add("name", note.name());
  fields.Add(note.document().empty() ? "activity" : "document",
             note.document().empty() ? note.activity() : note.document());
  fields.Add("polarity", EnumLabel(note.polarity()));
  fields.Add("tags", Tags(note));
  fields.Add("author", note.author());
  fields.Add("created", FormatTime(note.create_time()));
  fields.Add("updated", FormatTime(note.update_time()));
  fields.Add("etag", note.etag());
  return fields.Render() + Section("Text", Indented(note.text(), 2));
}

std::string NotesTable(const v1::ListNotesResponse& response) {
  Table table({"NAME", "POLARITY", "TAGS", "AUTHOR", "TEXT"});
  for (const v1::Note& note : response.notes()) {
    table.AddRow({note.name(), EnumLabel(note.polarity()), Tags(note),
                  note.author(), Excerpt(note.text())});
  }
  return table.Render();
}

std::string TriangulationText(const v1::Triangulation& triangulation) {
  std::string text;
  for (const v1::PrincipleEvidence& principle : triangulation.principles()) {
    if (!text.empty()) text.push_back('\n');
    absl::StrAppend(&text, PrincipleText(principle));
  }
  if (text.empty()) text = "(none)\n";
  absl::StrAppend(&text, "\nthin: fewer than ", triangulation.thin_threshold(),
                  " notes. Look further where a principle is flagged.\n");
  return text;
}

std::string QueuedNoteLine(const QueuedNote& entry) {
  const auto [what, target] = WhatAndFor(entry.write);
  std::string line =
      absl::StrCat(QueuedNoteName(entry.sequence), "  ", what, "  ", target);
  const std::string carried = CarriedText(entry.write);
  if (!carried.empty()) absl::StrAppend(&line, "  ", Excerpt(carried));
  return line;
}

std::string QueueText(const std::vector<QueuedNote>& pending,
                      const std::vector<QueuedNote>& conflicts) {
  Table table({"QUEUED", "WRITE", "FOR", "SENT", "TEXT"});
  for (const QueuedNote& entry : pending) {
    const auto [what, target] = WhatAndFor(entry.write);
    table.AddRow({QueuedNoteName(entry.sequence), what, target,
                  entry.sent ? "yes" : "no",
                  Excerpt(CarriedText(entry.write))});
  }
  std::string text = table.Render();
  if (conflicts.empty()) return text;
  Table set_aside({"QUEUED", "WRITE", "FOR", "PROBLEM"});
  for (const QueuedNote& entry : conflicts) {
    const auto [what, target] = WhatAndFor(entry.write);
    set_aside.AddRow(
        {QueuedNoteName(entry.sequence), what, target, entry.problem});
  }
  return absl::StrCat(text,
                      Section("Set aside (in conflicts/, for you to redo)",
                              set_aside.Render(2)));
}

std::string ConflictText(const QueuedNote& entry) {
  std::string text =
      absl::StrCat(QueuedNoteLine(entry), "\n  problem: ", entry.problem, "\n");
  const std::string carried = CarriedText(entry.write);
  if (!carried.empty()) {
    absl::StrAppend(&text, "  your text:\n", Indented(carried, 4));
  }
  return text;
}

std::string SyncReportText(const SyncReport& report) {
  std::string text;
  for (const auto& [sequence, note] : report.uploaded) {
    absl::StrAppend(&text, "uploaded ", QueuedNoteName(sequence), " as ",
                    note.name(), "\n");
  }
  for (const QueuedNote& entry : report.set_aside) {
    absl::StrAppend(&text, "set aside ", ConflictText(entry));
  }
  absl::StrAppend(&text, report.uploaded.size(), " uploaded, ",
                  report.set_aside.size(), " set aside, ", report.remaining,
                  " still queued\n");
  return text;
}

}  // namespace hc::cli
