"""Invitee states, `next` ordering and response rates, checked against rounds built to have
known states (the expected counts come from how each invitee was built, not from the code
under test)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rounds.calls import LEASE, CallEntry
from bot.rounds.labels import FAULT_STATES, STATES
from bot.rounds.model import Invitee, Round
from bot.rounds.state import Linked, next_calls, progress, states, whole_percent

NOW = datetime(2009, 11, 20, 12, 0, tzinfo=UTC)
ROLES = ["Councillor", "Police", "Voluntary organisation", ""]
SECTORS = ["public", "voluntary", "business", ""]


def call(who: str, outcome: str, minutes_ago: int, **extra: object) -> CallEntry:
    return CallEntry(
        at=NOW - timedelta(minutes=minutes_ago), invitee=who, caller="Sam", outcome=outcome, **extra
    )


@st.composite
def built_invitee(draw: st.DrawFn, index: int, max_attempts: int) -> tuple:
    """One invitee made to be in a chosen state, with the calls and transcripts that put
    them there."""
    who = f"i{index:03d}"
    target = draw(st.sampled_from([s for s in STATES if s not in FAULT_STATES]))
    # Only a telephone invitee is put in a state by calls: of a self-assessor's calls
    # (logged before calls were refused for them) only a refusal counts.
    by_calls = target in ("appointment", "refused", "unreachable")
    mode = "telephone" if by_calls else draw(st.sampled_from(["self", "telephone"]))
    invitee = Invitee(
        id=who,
        name=f"Person {index}",
        role=draw(st.sampled_from(ROLES)),
        sector=draw(st.sampled_from(SECTORS)),
        mode=mode,
    )
    clock = iter(range(10_000, 0, -7))  # minutes ago, strictly newer each time
    misses = [
        call(who, draw(st.sampled_from(["no_answer", "busy"])), next(clock))
        for _ in range(draw(st.integers(0, max_attempts - 1)))
    ]
    calls: list[CallEntry] = []
    files: list[Linked] = []

    def transcript(status: str) -> Linked:
        return Linked(who, status, NOW - timedelta(minutes=next(clock)), Path(f"{who}-{status}"))

    if target == "not_started":
        calls = misses
    elif target == "appointment":
        extra = draw(st.integers(0, max_attempts + 2))
        calls = [call(who, "no_answer", next(clock)) for _ in range(extra)]
        when = NOW + timedelta(minutes=draw(st.integers(-600, 600)))
        calls.append(call(who, "call_back", next(clock), appointment=when))
    elif target == "in_progress":
        if mode == "self" or draw(st.booleans()):
            files = [transcript("in_progress")]
            calls = misses
        else:
            calls = [*misses, call(who, "interview_started", next(clock))]
    elif target == "complete":
        files = [transcript("abandoned")] if draw(st.booleans()) else []
        calls = (
            [*misses, call(who, "interview_started", next(clock))] if draw(st.booleans()) else []
        )
        files.append(transcript("complete"))
    elif target == "refused":
        if draw(st.booleans()):
            files = [transcript("abandoned")]  # given up, then refused on the telephone
        calls = list(misses)
        if draw(st.booleans()):
            # Asked to be rung back, then refused on that call; a call back booked after
            # a refusal would end it (`standing_refusal`).
            calls.append(call(who, "call_back", next(clock), appointment=NOW))
        calls.append(call(who, "refused", next(clock)))
    elif target == "abandoned":
        # Given up part way: not a refusal (no call ended "refused").
        files = [transcript("abandoned")]
        calls = misses
    elif target == "unreachable":
        if draw(st.booleans()):
            calls = [call(who, "no_answer", next(clock)) for _ in range(max_attempts)]
        else:
            calls = [*misses, call(who, "wrong_number", next(clock))]
    if mode == "self" and draw(st.booleans()):
        calls += [call(who, "busy", next(clock)) for _ in range(max_attempts)]
        calls.append(call(who, "call_back", next(clock), appointment=NOW))
        calls.append(call(who, "wrong_number", next(clock)))
    # A lease by another officer on some: it changes who can be called, never the state.
    if draw(st.integers(0, 4)) == 0:
        calls.append(call(who, "calling", next(clock), until=NOW + LEASE))
    return invitee, target, calls, files


@st.composite
def built_round(draw: st.DrawFn) -> tuple:
    max_attempts = draw(st.integers(1, 4))
    count = draw(st.integers(0, 30))
    people = [draw(built_invitee(i + 1, max_attempts)) for i in range(count)]
    round_ = Round(
        title="Synthetic",
        framework="hertfordshire-review",
        max_attempts=max_attempts,
        invitees=tuple(p[0] for p in people),
    )
    # The log may interleave officers in any order, each invitee's calls in the order
    # they were logged (the order states follow, whatever their times).
    queues = {p[0].id: list(p[2]) for p in people}
    turns = [who for who, theirs in queues.items() for _ in theirs]
    draw(st.randoms()).shuffle(turns)
    calls = [queues[who].pop(0) for who in turns]
    files = [f for p in people for f in p[3]]
    return round_, {p[0].id: p[1] for p in people}, calls, files


@settings(max_examples=80, deadline=None)
@given(built_round())
def test_states_and_counts_match_how_the_round_was_built(built: tuple) -> None:
    round_, targets, calls, files = built
    found = states(round_, calls, files, NOW)
    assert {s.invitee.id: s.state for s in found} == targets
    counted = progress(found)
    expected = Counter(targets.values())
    assert counted.overall.invited == len(targets)
    for state in STATES:
        assert counted.overall.counts[state] == expected[state]
    complete = expected["complete"]
    if targets:
        assert counted.headline() == (
            f"{complete} of {len(targets)} invited ({int(complete * 100 / len(targets) + 0.5)}%)"
        )
    by_invitee = {i.id: i for i in round_.invitees}
    for role, group in counted.by_role.items():
        mine = [w for w, t in targets.items() if (by_invitee[w].role or "(not given)") == role]
        done = sum(targets[w] == "complete" for w in mine)
        assert (group.invited, group.complete, group.outstanding) == (
            len(mine),
            done,
            len(mine) - done,
        )
    for sector, group in counted.by_sector.items():
        mine = [w for w, t in targets.items() if (by_invitee[w].sector or "(not given)") == sector]
        assert group.invited == len(mine)
        assert group.complete == sum(targets[w] == "complete" for w in mine)
    assert sum(g.invited for g in counted.by_role.values()) == len(targets)


@settings(max_examples=80, deadline=None)
@given(built_round())
def test_next_offers_only_whom_it_should_in_order(built: tuple) -> None:
    round_, targets, calls, files = built
    found = states(round_, calls, files, NOW, caller="Alex")
    queue = next_calls(found, NOW)
    offered = {s.invitee.id for s in queue}
    leased = {c.invitee for c in calls if c.outcome == "calling"}
    for s in found:
        should = (
            s.invitee.mode == "telephone"
            and targets[s.invitee.id] in ("not_started", "appointment", "in_progress")
            and s.invitee.id not in leased
            and not (s.state == "appointment" and s.appointment > NOW)
        )
        assert (s.invitee.id in offered) == should, s
    # Due appointments first (earliest first), then fewest attempts, then oldest last call.
    keys = [
        (0, s.appointment, 0, NOW)
        if s.state == "appointment"
        else (1, NOW, s.attempts, s.last_attempt or NOW - timedelta(days=9999))
        for s in queue
    ]
    assert keys == sorted(keys)
    # Nobody is offered after max_attempts calls unless they asked to be called back.
    assert all(s.attempts < round_.max_attempts or s.state != "not_started" for s in queue)


def test_own_lease_does_not_hide_an_invitee_but_anothers_does() -> None:
    person = Invitee(id="a", name="A", mode="telephone")
    round_ = Round(title="R", framework="hertfordshire-review", invitees=(person,))
    lease = [call("a", "calling", 1, until=NOW + LEASE)]
    assert next_calls(states(round_, lease, [], NOW, caller="Sam"), NOW)
    assert not next_calls(states(round_, lease, [], NOW, caller="Alex"), NOW)
    [shown] = states(round_, lease, [], NOW, caller="Alex")
    assert shown.being_called_by == "Sam"
    # The lease runs out, or any later entry ends it.
    assert next_calls(states(round_, lease, [], NOW + LEASE + timedelta(seconds=1)), NOW)
    ended = [*lease, call("a", "no_answer", 0)]
    assert next_calls(states(round_, ended, [], NOW, caller="Alex"), NOW)


def test_open_transcript_shows_as_busy() -> None:
    person = Invitee(id="a", name="A", mode="telephone")
    round_ = Round(title="R", framework="hertfordshire-review", invitees=(person,))
    linked = [Linked("a", "in_progress", NOW, Path("a.toml"))]
    [s] = states(round_, [], linked, NOW, open_transcripts=[Path("a.toml")])
    assert s.being_called_by and not next_calls([s], NOW)


def test_whole_percent_rounds_half_up() -> None:
    assert whole_percent(74, 120) == 62
    assert whole_percent(1, 8) == 13  # 12.5
    assert whole_percent(5, 8) == 63  # 62.5
    assert whole_percent(0, 0) is None


def _before(who: str, how: str) -> tuple[list[CallEntry], list[Linked]]:
    """Calls and transcripts that put one invitee in a state before a call-back is booked."""
    started = NOW - timedelta(minutes=300)
    if how == "not started":
        return [], []
    if how == "rung before":
        return [call(who, "no_answer", 300)], []
    if how == "part-way (transcript)":
        return [call(who, "interview_started", 300)], [
            Linked(who, "in_progress", started, Path(f"{who}.toml"))
        ]
    if how == "part-way (call only)":
        return [call(who, "interview_started", 300)], []
    if how == "refused":
        return [call(who, "refused", 300)], []
    raise AssertionError(how)


STARTS = ["not started", "rung before", "part-way (transcript)", "part-way (call only)", "refused"]


@settings(max_examples=120, deadline=None)
@given(
    st.sampled_from(STARTS),
    st.integers(1, 600),
    st.lists(st.sampled_from(["busy", "no_answer"]), max_size=3),
)
def test_a_booked_call_back_holds_whatever_the_state(
    start: str, ahead: int, unanswered: list[str]
) -> None:
    """Booked for 'ahead' minutes from now, with busy lines or no answer since: until its
    time nobody offers them, and status carries the time; once due they come first."""
    person = Invitee(id="a", name="A", mode="telephone")
    other = Invitee(id="b", name="B", mode="telephone")
    round_ = Round(title="R", framework="hertfordshire-review", invitees=(person, other))
    calls, files = _before("a", start)
    appointment = NOW + timedelta(minutes=ahead)
    calls.append(call("a", "call_back", 200, appointment=appointment))
    calls += [call("a", outcome, 100 - i) for i, outcome in enumerate(unanswered)]
    found = states(round_, calls, files, NOW)
    mine = found[0]
    assert mine.appointment == appointment, mine
    assert mine.state != "not_started"
    assert [s.invitee.id for s in next_calls(found, NOW)] == ["b"]
    # A call-back booked after a refusal ends it: they asked to be rung, and are offered
    # when the time comes (never "refused" with a call-back due that no one is given).
    assert mine.state != "refused"
    # Once the time has come, they come first.
    later = appointment + timedelta(minutes=1)
    queue = [s.invitee.id for s in next_calls(states(round_, calls, files, later), later)]
    assert queue == ["a", "b"]


def test_a_call_that_reaches_them_or_a_due_unanswered_call_ends_an_appointment() -> None:
    person = Invitee(id="a", name="A", mode="telephone")
    round_ = Round(title="R", framework="hertfordshire-review", invitees=(person,))
    booked = call("a", "call_back", 200, appointment=NOW - timedelta(minutes=100))
    # Rung once the time had come and no answer: the appointment was kept, and is spent.
    [s] = states(round_, [booked, call("a", "busy", 50)], [], NOW)
    assert (s.state, s.appointment) == ("not_started", None)
    # An interview resumed after the booking (its transcript gained a turn) ends it too.
    resumed = Linked("a", "in_progress", NOW - timedelta(minutes=10), Path("a.toml"))
    [s] = states(round_, [call("a", "interview_started", 300), booked], [resumed], NOW)
    assert (s.state, s.appointment) == ("in_progress", None)
    # A second call-back replaces the first.
    again = call("a", "call_back", 10, appointment=NOW + timedelta(hours=3))
    [s] = states(round_, [booked, again], [], NOW)
    assert (s.state, s.appointment) == ("appointment", NOW + timedelta(hours=3))
