"""Assessment rounds: who is invited, who has answered, who to call next, and the round's report.

A round is a folder: ``round.toml`` (the invitees), ``calls.jsonl`` (the call log, only
ever appended), ``reminders.jsonl`` (the reminders sent, likewise) and the invitees'
transcripts beside them. Everything here is pure of
any user interface.
"""
