"""Plain mode ends with the summary the app shows at the end of an assessment."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.plain import PlainMode
from bot.tui.screens.chat import ChatScreen
from tests.tui_helpers import log_text, make_app, mini_catalogue, start

SIZE = (80, 24)
ANSWERS = ["3", "n", "13", "3"]


def plain_run(folder: Path, lines: str, interviewer: str | None = None) -> str:
    """A plain-mode mini conversation given ``lines`` (a telephone interview when an
    ``interviewer`` rings Jane); what it printed."""
    talk = start(mini_catalogue(), folder, interviewer=interviewer)
    assert talk.session.telephone == (interviewer is not None)
    out = io.StringIO()
    try:
        PlainMode(talk, io.StringIO(lines), out).run()
    finally:
        talk.close()
    return out.getvalue()


def test_plain_mode_ends_with_the_score_summary(tmp_path: Path) -> None:
    text = plain_run(tmp_path, "".join(f"{a}\n" for a in ANSWERS))
    end = text.rsplit("Thank you.", 1)[1]
    lines = [line for line in end.splitlines() if line]
    assert lines[0] == "Summary by area"
    assert lines[1].startswith("  Area one: ") and "/100" in lines[1]
    assert lines[-2].startswith("Overall: ") and "answered" in lines[-2]
    assert lines[-1].startswith("Transcript saved: ")
    assert "\x1b" not in text and "[b]" not in text  # plain text, no markup


def test_an_abandoned_plain_run_says_the_result_so_far(tmp_path: Path) -> None:
    text = plain_run(tmp_path, "3\n:abandon\nyes\n")
    end = text.rsplit("Type yes to confirm: ", 1)[1]
    lines = [line for line in end.splitlines() if line]
    assert lines[0].startswith("Overall so far: ")
    assert lines[1].startswith("Abandoned. Transcript: ")


async def test_plain_mode_shows_what_the_app_shows_at_the_end(tmp_path: Path) -> None:
    plain = plain_run(tmp_path / "plain", "".join(f"{a}\n" for a in ANSWERS))
    catalogue = mini_catalogue()
    (tmp_path / "app").mkdir()
    talk = start(catalogue, tmp_path / "app")
    app = make_app(catalogue, tmp_path / "app", conversation=talk)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for answer in ANSWERS:
            await pilot.press(*answer, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ChatScreen) and talk.session.complete
        shown_log = log_text(app)
        result = str(app.screen.query_one("#result").render())
    summary = plain.rsplit("Thank you.", 1)[1].split("Transcript saved:", 1)[0]
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    assert lines[-1] == result
    for line in lines[:-1]:
        assert line in shown_log


def test_the_summary_says_the_overall_once_and_each_areas_actions(tmp_path: Path) -> None:
    # As README says: each area's score, RAG and number of suggested actions (none is
    # said too), then the overall result and the tally, once.
    text = plain_run(tmp_path, "".join(f"{a}\n" for a in ANSWERS))
    end = text.rsplit("Thank you.", 1)[1].split("Transcript saved:", 1)[0]
    lines = [line.strip() for line in end.splitlines() if line.strip()]
    areas = lines[1:-1]
    assert areas and all(
        re.search(r", (no suggested actions|1 suggested action|\d+ suggested actions)$", a)
        for a in areas
    ), areas
    overall = lines[-1].removeprefix("Overall: ").split("  ·  ")[0]
    assert lines[-1].startswith("Overall: ")
    assert end.count(overall) == 1, end


def test_an_area_with_too_few_answers_says_so_as_the_report_does(tmp_path: Path) -> None:
    text = plain_run(tmp_path, "3\n:skip\n:skip\n:skip\n")
    end = text.rsplit("Thank you.", 1)[1]
    assert "  Area two: no score, actions: too few answers" in end.splitlines()
    assert "Area two: no score, no suggested actions" not in end
