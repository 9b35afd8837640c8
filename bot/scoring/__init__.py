"""Scoring: a transcript compiled into an assessment; many into an aggregate. Pure, no UI."""

from bot.scoring.compile import compile_transcript
from bot.scoring.results import AreaResult, Assessment, QuestionResult, SuggestedAction

__all__ = ["AreaResult", "Assessment", "QuestionResult", "SuggestedAction", "compile_transcript"]
