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


def _run(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_importing_the_models_builds_no_validator() -> None:
    # A model's validator is built when it first validates something: a constant built
    # with validation at import would cost every start the schema of its models.
    built = _run(
        """
        import pydantic
        from bot.model import base, dialogue, framework, transcript

        models = [
            value
            for module in (base, dialogue, framework, transcript)
            for value in vars(module).values()
            if isinstance(value, type) and issubclass(value, pydantic.BaseModel)
        ]
        print(",".join(sorted({m.__name__ for m in models if m.__pydantic_complete__})))
        """
    )
    assert built == ""


def test_the_more_scale_is_checked_like_any_other(mini) -> None:  # type: ignore[no-untyped-def]
    # Built without validation at import, the repeated group's "another?" scale must still
    # be one that validation accepts, with the scores the engine relies on.
    from bot.model.framework import MORE_SCALE, Scale

    assert Scale.model_validate(MORE_SCALE.model_dump()) == MORE_SCALE
    assert [(o.key, o.score) for o in MORE_SCALE.options] == [("y", 1), ("n", 0)]


def test_the_first_question_reads_only_the_stylesheets_its_screen_uses(tmp_path: Path) -> None:
    # Each other screen's rules load when that screen is first shown; once shown, they
    # style it (a dialog is its 70-cell box, the home menu its 23-cell column).
    shown = _run(
        """
        import sys
        from pathlib import Path
        from bot import conversation
        from bot.catalogue import Catalogue
        from bot.model import Respondent
        from bot.tui.app import PartnershipApp
        from bot.tui.screens.dialogs import MessageScreen

        folder = Path(sys.argv[1])
        catalogue = Catalogue()
        talk = conversation.start(
            catalogue, "working-better-together", None, Respondent(name="A"), folder
        )

        def sheets(app):
            return sorted(Path(p).name for p, _ in app.stylesheet.source if p.endswith(".tcss"))

        async def auto_pilot(pilot):
            app = pilot.app
            await pilot.pause()
            print(sheets(app))
            app.push_screen(MessageScreen("Title", "Words"))
            await pilot.pause()
            print(sheets(app), app.screen.query_one(".dialog").outer_size.width)
            app.pop_screen()
            app.screen.dismiss()
            await pilot.pause()
            await pilot.pause()
            print(type(app.screen).__name__, app.screen.query_one("#menu").outer_size.width)
            app.exit()

        PartnershipApp(catalogue, folder, still=True, conversation=talk).run(
            headless=True, size=(100, 30), auto_pilot=auto_pilot
        )
        talk.close()
        """,
        str(tmp_path / "transcripts"),
    )
    assert shown.splitlines() == [
        "['app.tcss']",
        "['app.tcss', 'dialogs.tcss'] 70",
        "HomeScreen 23",
    ]


def test_the_collector_held_at_start_runs_again_once_the_first_screen_is_up(
    tmp_path: Path,
) -> None:
    state = _run(
        """
        from bot import start_gc
        start_gc.hold()
        import gc, sys
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
        print(gc.isenabled())

        async def auto_pilot(pilot):
            await pilot.pause()
            print(gc.isenabled(), gc.get_freeze_count() > 0)
            pilot.app.exit()

        PartnershipApp(catalogue, folder, still=True, conversation=talk).run(
            headless=True, size=(80, 24), auto_pilot=auto_pilot
        )
        talk.close()
        """,
        str(tmp_path / "transcripts"),
    )
    assert state.splitlines() == ["False", "True True"]


def test_a_command_that_draws_nothing_runs_with_the_collector_on() -> None:
    # `report` over thousands of transcripts must not run with the collector held off.
    state = _run(
        """
        import gc, sys
        import bot.cli
        from bot import launch

        def frameworks(catalogue):
            print(gc.isenabled())
            return 0

        bot.cli._frameworks = frameworks
        sys.argv = ["partnership-bot", "frameworks"]
        print(launch.main(), gc.isenabled())
        """
    )
    assert state.splitlines() == ["True", "0 True"]


def test_the_collector_is_left_alone_when_it_was_not_held() -> None:
    import gc

    from bot import start_gc

    frozen = gc.get_freeze_count()
    start_gc.release()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_the_command_line_app_and_chat_screen_load_before_pydantic() -> None:
    # Their modules load without the engine's models, which are imported where a
    # conversation is first used: what the first screen draws can be set up before them.
    loaded = _run(
        """
        import sys
        import bot.cli
        import bot.tui.app
        import bot.tui.screens.chat
        import bot.tui.screens.conversation_base
        from bot.transcript_folder import default_folder

        bot.cli.build_parser()  # every command's options, the round's too
        default_folder()
        print(sorted(m for m in ("pydantic", "bot.model", "bot.engine", "bot.loading")
                     if m in sys.modules))
        """
    )
    assert loaded == "[]"
