"""An invitee id in round.toml that is not valid is refused with the rule that holds for
it, as the import of a CSV file says it: letters of either case, digits, - and _ (as
docs/formats.md says), not "lower case letters"."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import cli
from tests.round_helpers import new_round


def test_a_bad_invitee_id_in_round_toml_names_the_rule_that_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = new_round(tmp_path, "Ann,telephone\nBob,telephone\n")
    path = folder / "round.toml"
    path.write_text(path.read_text().replace('"i001"', '"I001"').replace('"i002"', '"i 002"'))
    capsys.readouterr()
    assert cli.main(["round", "status"]) == 3
    err = capsys.readouterr().err
    assert 'invitees[1].id: "i 002" is not a valid id: use letters, digits, - and _' in err
    assert "I001" not in err  # upper case is taken, as the rule says
