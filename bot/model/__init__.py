"""The three file formats as frozen pydantic models: framework, dialogue, transcript."""

from bot.model.dialogue import Branch, Dialogue, Node, Probe
from bot.model.framework import (
    Action,
    Area,
    Band,
    Benchmark,
    ChoiceOption,
    Framework,
    Group,
    Option,
    Question,
    Scale,
)
from bot.model.transcript import Person, Respondent, Transcript, TranscriptHeader, Turn

__all__ = [
    "Action",
    "Area",
    "Band",
    "Benchmark",
    "Branch",
    "ChoiceOption",
    "Dialogue",
    "Framework",
    "Group",
    "Node",
    "Option",
    "Person",
    "Probe",
    "Question",
    "Respondent",
    "Scale",
    "Transcript",
    "TranscriptHeader",
    "Turn",
]
