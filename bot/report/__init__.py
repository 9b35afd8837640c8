"""Reports: an assessment or an aggregate as Markdown, HTML, JSON or CSV. Pure, no UI."""

from bot.report.render import FORMATS, render_aggregate, render_assessment

__all__ = ["FORMATS", "render_aggregate", "render_assessment"]
