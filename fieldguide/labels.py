"""The words the site prints for a support level and for how a cell is known, in one place
(badges, tables, the export and the wizard's reasons all read them)."""

from __future__ import annotations

from fieldguide.evidence import Status
from fieldguide.models import Level

LEVEL_LABELS = {
    Level.builtin: "Built in",
    Level.partial: "Partial",
    Level.plugin: "Plugin",
    Level.none: "Not available",
    Level.unknown: "Unknown",
}
LEVEL_MEANINGS = {
    Level.builtin: "What pip install <framework> installs does the task; no extra install.",
    Level.partial: (
        "The framework leaves a part of the task to your own code; the note says which part."
    ),
    Level.plugin: "Another package does the task; the cell names it, and the pip line adds it.",
    Level.none: "Neither the framework nor a common extension does it; the note says what to do.",
    Level.unknown: "Not researched yet; a contribution is welcome.",
}

STATUS_LABELS = {
    Status.tested: "tested here",
    Status.documented: "documented upstream",
    Status.failed: "test failed",
    Status.unverified: "not verified",
    Status.absent: "",
}
