"""The command's exit statuses, with what each means: one table, shown by `--help` and
copied in README.md (a test keeps the two the same)."""

OK = 0
PROBLEMS = 1
USAGE = 2
LOAD_ERROR = 3
IN_USE = 4
INPUT_ENDED = 5
CANNOT_WRITE = 6
INTERRUPTED = 130

MEANINGS: dict[int, str] = {
    OK: "done: finished, left with `:quit`, or nothing wrong found; for `round assess` and "
    "`round interview`, also an invitee who has already finished (nothing is started; it says "
    "where their answers are and how to start again)",
    PROBLEMS: "`validate` found problems; or `report` wrote its reports but skipped transcripts "
    "that failed to load (each is listed), or found nothing left to aggregate",
    USAGE: "the command line was wrong (an option, or an id or name that names nothing there, "
    "with the nearest that does; a round command with several rounds there and no `-r`; or "
    "`round interview` for a self-assessor, or `round assess` for someone interviewed by "
    "telephone, with the command to use; or either for someone whose refusal stands, "
    "without `--force`; `-o` naming a file it never writes over: one it reads, a "
    "transcript or a round's own file); or a file given to read in, `round import`'s CSV, "
    "is missing or has a bad row (each is listed with its line; nothing is imported)",
    LOAD_ERROR: "a framework, dialogue or transcript, or a round's own file (`round.toml`, its "
    "call log, `plan.toml`), could not be loaded (every problem is listed, with file, key and "
    "line); for `report`, none of the transcripts named could be",
    IN_USE: "the transcript is open in another process, or another officer is calling the invitee",
    INPUT_ENDED: "plain mode: input ended before the dialogue did, or a line read from a pipe "
    "was refused (said with its line; nothing after it is taken; everything answered is saved)",
    CANNOT_WRITE: "a transcript, a report or a round's file (its call log, round.toml, "
    "plan.toml) could not be written (the message names the file, why and what to do; "
    "everything saved before is kept, and a round not made leaves no folder)",
    INTERRUPTED: "interrupted with Ctrl+C (everything answered is saved)",
}
"""Each status and what it means."""
