"""Start-up loads only what the first question needs: scoring, reports and the multi-line
answer box are loaded when they are first used."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

FIRST_QUESTION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from bot import conversation
    from bot.catalogue import Catalogue
    from bot.model import Respondent
    from bot.tui.app import PartnershipApp

    folder = Path(sys.argv[1])
    catalogue = Catalogue()
    talk = conversation.start(
        catalogue, "working-better-together", None, Respondent(name="A"), folder
    )

    async def auto_pilot(pilot):
        await pilot.pause()
        later = ("bot.scoring", "bot.report", "jinja2", "textual.widgets._text_area")
        print(",".join(sorted(m for m in sys.modules if m.startswith(later))))
        pilot.app.exit()

    PartnershipApp(catalogue, folder, conversation=talk, still=True).run(
        headless=True, size=(80, 24), auto_pilot=auto_pilot
    )
    talk.close()
    """
)


def test_the_first_question_needs_no_scoring_reports_or_text_area(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_QUESTION, str(tmp_path / "transcripts")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == ""
