"""Make the sample transcripts in transcripts/examples/, and the sample rounds in
transcripts/rounds/hertfordshire-2009/ (with its agreed action plan) and
transcripts/rounds/hertfordshire-2010/ (the next year's round, which asks about that
plan), by running the real engine.

    python scripts/make_examples.py

Each sample is a conversation driven through `bot.conversation` exactly as a front
end drives it, with a fixed clock and fixed ids so that the files are reproducible.
"""

from __future__ import annotations

import random
import shutil
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot import conversation  # noqa: E402
from bot.catalogue import Catalogue  # noqa: E402
from bot.engine import Prompt  # noqa: E402
from bot.model import Person, Respondent  # noqa: E402
from scripts.sample_sayings import Sayings  # noqa: E402

OUT = ROOT / "transcripts" / "examples"
ROUND_OUT = ROOT / "transcripts" / "rounds" / "hertfordshire-2009"
NEXT_ROUND_OUT = ROOT / "transcripts" / "rounds" / "hertfordshire-2010"
Answerer = Callable[[Prompt], str]


class Clock:
    """Ticks a realistic number of seconds per call."""

    def __init__(self, start: datetime, rng: random.Random) -> None:
        self.now = start
        self.rng = rng

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=self.rng.randint(8, 70))
        return self.now


def scripted(answers: dict[str, str], replies: dict[str, str]) -> Answerer:
    """Answer each question from `answers`; reply to follow-ups from `replies`, else skip."""

    def answer(prompt: Prompt) -> str:
        question = prompt.question.id if prompt.question else ""
        if prompt.kind == "probe":
            return replies.get(question, ":skip")
        # A repeated group's questions are answered item by item: "risk_owner#2".
        return answers[f"{question}#{prompt.item}" if prompt.item else question]

    return answer


def run(
    catalogue: Catalogue,
    name: str,
    framework: str,
    dialogue: str,
    respondent: Respondent,
    answer: Answerer,
    start: datetime,
    seed: int,
    interviewer: Person | None = None,
    extra: Callable[[conversation.Conversation], None] | None = None,
) -> Path:
    """One conversation, start to end, saved as transcripts/examples/<name>.toml."""
    rng = random.Random(seed)
    talk = conversation.start(
        catalogue,
        framework,
        dialogue,
        respondent,
        OUT,
        interviewer,
        Clock(start, rng),
        transcript_id=f"example-{name}",
    )
    talk.begin()
    talk.open_call()  # a telephone interview times its call, as the app and plain mode do
    steps = 0
    while not talk.session.over:
        prompt = talk.current()
        reply = answer(prompt)
        outcome = talk.skip() if reply == ":skip" else talk.answer(reply)
        if not outcome.accepted:
            raise SystemExit(f"{name}: {prompt.text!r} refused {reply!r}: {outcome.error}")
        if extra is not None and steps == 5:
            extra(talk)
        steps += 1
    talk.close()
    target = OUT / f"{name}.toml"
    talk.path.rename(target)
    return target


# --- networkfareham (seed 000, Appendix A): the Response paragraphs as answers ---------------
FAREHAM = {
    "q1_1": "3 - The SCS has an overarching vision supported by an 'ambition' for each of the seven thematic partnerships. The long-term objectives are based on information gathered from community consultation, annual residents' surveys, the LSP's partners and national trends reflected locally.",
    "q1_2": "2 - The LSP will seek to achieve LAA targets but not at the expense of over-riding local priorities.",
    "q1_3": "2 - Disaggregating data to form a 'Picture of Fareham' has proved difficult but convincing evidence was found of a pocket of deprivation in the Hill Park area of the Borough. Progress updates are presented to the Board by each of the members representing the thematic partnerships.",
    "q2_1": "3 - At least one member of Fareham Borough Council's Executive sits on the LSP Board and each of the thematic partnerships. In addition, the Leader of the Council is an LSP Board member as is an elected member representing Hampshire County Council.",
    "q2_2": "1 - There is limited or no challenge to the LSP and partners' performance.",
    "q2_3": "3 - A Chairman's agenda meeting is held before Board meetings. The LSP's minutes are reported to Fareham BC's Executive and published on the LSP's website.",
    "q2_4": "2 - The LSP has a clear and ambitious vision but a culture of performance still needs to be embedded.",
    "q2_5": "2 - The Hill Park Project is providing an excellent opportunity for developing effective joint working and trust at all levels.",
    "q2_6": "1 - The LSP has limited or no resources to coordinate LAA delivery.",
    "q3_1": "4 - Overall, the LSP has a positive style. The reconfiguration of the Board has made networking between key partners easier. Partners meet as equals. A sense of trust is developing. Discussion and debate is encouraged. Agenda items are timed and a special meeting will be called for important issues.",
    "q3_2": "The Board's AGM agreed the Leader of Fareham BC's proposal that Councillor Cartwright be appointed as Chairman.",
    "q3_3": "2 - The Board understands the Government's expectation that local authority leaders will play a leading role on LSPs and that local authority executive portfolio holders will play a key role on relevant thematic partnerships.",
    "q3_4": "3 - The LSP has a partnership agreement and there are core terms of reference for adoption by each of the thematic partnerships. Board members are expected to be able to make strategic decisions and demonstrate senior-level commitment to joint decision-making and action.",
    "q3_5": "The LSP is aware that the national failure to align planning and reporting cycles makes it difficult for local agencies to align performance and resource management systems. Hampshire County Council tends to adopt a top-down approach to district councils.",
    "q3_6": "3 - The LSP's website is available for partners and the wider community. Although meetings are held mostly at Fareham BC's offices the location and times appear to be accessible to all partners.",
    "q4_1": "Overall, the LSP relies on the trust between partners for its success in dealing with local priorities. The LSP is clear that when agreeing a joint set of priorities it has a role in influencing how partners' resources are deployed to achieve them.",
    "q4_2": "3 - There are county-wide networks for LSP chairmen and support staff to meet up and share experience and good practice.",
    "q4_3": "2 - The LSP's goals reflect local priorities and are evidence based.",
    "q4_4": "2 - It is hoped that the Hill Park Project will encourage partners to work together to achieve efficient outcomes for local communities.",
    "q5_1": "2 - The thematic partnerships are responsible for monitoring their performance and reporting high level issues to the Board.",
    "q5_2": "3 - The Annual Report to the Board sets out the budget performance for the previous year and an estimated budget for the year ahead together with details of the projects the LSP has funded.",
    "q5_3": "1 - The LSP is lacking in resources and has no real mechanism for assigning resources towards achieving the goals of the SCS and LAA. The Area Based Grant and Performance Reward Grant are allocated by Hampshire CC.",
    "q5_4": "p - The thematic partnerships are required to demonstrate their linkages to LAA targets and are the delivery mechanism for Fareham's SCS.",
    "q6_1": "n - The LSP needs a performance monitoring and reporting framework for shared objectives.",
    "q6_2": "p - Fareham BC is developing guidance based on the Hampshire LAA's Data Quality and Sharing Protocol.",
    "q6_3": "2 - Most of the grant income from Hampshire CC is likely to be committed to keeping existing services going thereby reducing any flexibility for second-tier LSPs to exert any real influence.",
    "q6_4": "2 - The evidence base is to be developed further and brought in line with national indicators.",
    "q6_5": "3 - The LSP's income and expenditure is set out in the annual report.",
    "q6_6": "1 - Partners tend to administer their own resources and contribute to the achievement of targets at their discretion.",
    "q7_1": "The LSP reports on activities, successes and failures to partner organisations, the public and auditors, inspectors and other stakeholders. The Board approved a complaints procedure in June 2009.",
    "q7_2": "1 - A shared performance system is unlikely to be justifiable for a second-tier LSP.",
    "q7_3": "3 - The Board receives performance reports as specific projects progress or issues arise that are in need of resolution by way of a change in strategic direction by one or more of the partners organisations.",
    "q7_4": "1 - The LSP has not undertaken any joint commissioning or benchmarking activity.",
    "q7_5": "1 - There is limited or no challenge to the LSP and partners' performance.",
    "q7_6": "n - The LSP has not undertaken any joint commissioning or benchmarking activity.",
    "q7_7": "2 - Partners tend to administer their own resources.",
    "q7_8": "3 - There is wide ranging support from partners to investigate the reasons for deprivation in the Hill Park area of the Borough and a multi-agency conference of service providers active in the area has been held to explore the issues and map a way forward.",
}
# Replies to follow-ups: the main points of the chairmen's discussion (paragraph 7).
FAREHAM_REPLIES = {
    "q1_2": "Ensure that the three-year refresh ties in with the refresh of other local and regional strategies and Hampshire's Local Area Agreement.",
    "q1_3": "Need to work from the bottom up and reflect community priorities.",
    "q2_2": "Difficulties around lobbying/influencing when no response is received.",
    "q2_4": "Not a Fareham Borough Council Partnership but all partners together; good links have been established with councillors.",
    "q2_5": "Importance of lobbying/influencing role of the LSP.",
    "q2_6": "Need resource for delivery.",
    "q3_3": "Fareham Environment and Transport Partnership needs more external partners. Limited county involvement and leadership.",
    "q4_3": "LSP needs to consider the risk of not collaborating. The LSP is more focused now.",
    "q4_4": "Measurable outcomes are not always possible. Need to consider the long-term benefits.",
    "q5_1": "The thematic partnerships report high level issues only; there is no joint arrangement.",
    "q5_3": "There should be a presentation to Thematic Partnership Chairs on the Hampshire County Council Grant Finder to assist with identifying funding sources.",
    "q6_1": "There is no framework yet for shared objectives; each thematic partnership monitors its own.",
    "q6_3": "Economic Development Partnership experiencing several difficulties - engaging business, establishing role in light of regional bodies such as PUSH.",
    "q6_4": "A clear 'Picture of Fareham' needs to be established, built on the national indicator dataset.",
    "q6_6": "The lack of funding available to the LSP has demonstrated the need to encourage agencies to come together and pool their resources on local projects.",
    "q7_2": "A shared performance system is unlikely to be justifiable for a second-tier LSP.",
    "q7_4": "The Fareham Park Project presents a timely opportunity for all the relevant agencies to come together locally to pool their resources.",
    "q7_5": "County involvement.",
    "q7_7": "Partners tend to administer their own resources.",
}


# --- Hertfordshire survey: 24 partners, answers drawn from the published percentages -------
ROLES = [
    ("District/Borough Council officer", "public"),
    ("District/Borough councillor", "public"),
    ("County Council officer", "public"),
    ("Voluntary organisation", "voluntary"),
    ("Voluntary organisation", "voluntary"),
    ("Private sector organisation", "business"),
    ("Police", "public"),
    ("Primary Care Trust", "public"),
]
# How far each action agreed in 2009 had got by the 2010 round, as respondents saw it:
# (done, in progress, not started, dropped) chances; other actions are mostly in progress.
PROGRESS = {
    "terms-of-reference": (0.6, 0.3, 0.1, 0.0),
    "targeted-information": (0.2, 0.6, 0.2, 0.0),
    "r4-performance": (0.1, 0.4, 0.5, 0.0),
    "right-partners": (0.3, 0.5, 0.1, 0.1),
}
PROGRESS_REPLIES = {
    "low": [
        "Nobody has picked it up since the chair changed",
        "It was overtaken by the new LAA negotiations",
    ],
    "unevidenced_high": [
        "The new terms of reference were agreed at the Board on 10 March 2010",
        "The communications protocol was signed off in June 2010",
    ],
    "dont_know": ["I'm not close enough to the Board to know"],
    "vague": ["The Core Group minutes of September 2010 record it"],
}
IMPROVED = {"clarity": 15.0, "relationships": 8.0}
"""Areas whose agreed actions were done: 2010's answers lean this many points more to agree."""


DRAWS = {"low": 5, "unevidenced_high": 4, "dont_know": 2}
"""How many replies a generated respondent once chose among, by follow-up."""


def survey_answerer(
    rng: random.Random,
    catalogue: Catalogue,
    sayings: Sayings,
    lean: dict[str, float] | None = None,
) -> Answerer:
    """A generated respondent; ``sayings`` is shared by the whole sample, so that its
    replies to follow-ups never repeat one another's words."""
    framework = catalogue.framework("hertfordshire-review").framework
    lean = lean or {}

    def answer(prompt: Prompt) -> str:
        question = prompt.question.id if prompt.question else ""
        if question.startswith("review_"):  # how far last year's agreed action has got
            if prompt.kind == "probe":
                return rng.choice(PROGRESS_REPLIES.get(prompt.trigger, [":skip"]))
            chances = PROGRESS.get(question.removeprefix("review_").replace("_", "-"))
            done, going, idle, _ = chances or (0.2, 0.6, 0.2, 0.0)
            roll = rng.random()
            if roll < 0.05:
                return "d"
            if roll < done:
                return "1"
            if roll < done + going:
                return "2 - " + rng.choice(["a working group meets monthly", "partly"])
            return "3" if roll < done + going + idle else "4"
        if prompt.kind == "probe":
            # The respondent's own draw is made as before (one of 5, 4 or 2 replies), so
            # that every answer after it, and the samples' figures, stay as they were.
            if prompt.trigger in DRAWS:
                rng.choice(range(DRAWS[prompt.trigger]))
            said = sayings.say(prompt.trigger, framework.area_of(question).id, question)
            return said or "I would need to check the minutes from January 2009"
        mark = framework.question(prompt.question.id).benchmark
        roll = rng.uniform(0, 100) - lean.get(framework.area_of(question).id, 0.0)
        if roll < mark.agree:
            return "1" if rng.random() < 0.3 else "2"
        if roll < mark.agree + (mark.dont_know or 0):
            return "3"
        return "5" if rng.random() < 0.3 else "4"

    return answer


# --- Hertfordshire telephone interview -------------------------------------------------------
INTERVIEW = {
    "t1": "4",
    "t2": "2",
    "t3": "2",
    "t4": "4",
    "t5": "1",
    "t6": "2",
    "t7": "4",
    "t8": "5",
    "t9": "4",
    "t10": "4",
    "t11": "4",
    "t12": "5",
    "t13": "2",
    "t14": "2",
    "t15": "4",
    "t16": "4",
    "t17": "2",
    "t18": "1",
    "t19": "4",
    "t20": "5",
    "t21": "4",
    "t22": "4",
    "t23": "2",
    "t24": "4",
}
INTERVIEW_REPLIES = {
    "t1": "Fire and Health should be included; there is insufficient voluntary sector representation",
    "t4": "Sending substitutes to partnership meetings is not productive as they are usually not briefed",
    "t5": "I chair the district LSP and sit on the Delivery Group",
    "t7": "The relationship is there on paper, but not in practice",
    "t8": "Too much electronic information is produced and is not targeted to the appropriate audience",
    "t9": "People are not clear who is the actual decision making body",
    "t10": "Districts do not feel their interests are represented, and the business community is not adequately represented",
    "t11": "Communication with groups who don't have direct representation is patchy",
    "t12": "If you were to ask local people around 95 per cent would not know about the local LSP",
    "t15": "Problems occur when substitutes are sent",
    "t16": "They are better at working together with new money rather than with existing funding",
    "t18": "Priorities were set at the beginning of the partnership, from the sustainable community strategy",
    "t19": "Priorities are not underpinned by SMART targets, except those expressed in the LAA",
    "t20": "There are no formal processes for dealing with poor performance; it is based on goodwill",
    "t21": "Peer pressure has been used in the past",
    "t22": "Only because I sit on two partnerships",
    "t24": "Only some of the six thematic partnerships have terms of reference that I have seen",
}


def call_break(talk: conversation.Conversation, minutes: int) -> None:
    """The call paused for a while (the respondent was called away), then resumed."""
    talk.pause_call()
    talk.clock.now += timedelta(minutes=minutes)  # type: ignore[attr-defined]
    talk.call("call_resume")


def interview_extras(talk: conversation.Conversation) -> None:
    talk.note("Respondent asked for the questions to be read slowly; line quality poor at first.")
    talk.note("Respondent was called into a meeting; the call was paused and resumed.")
    call_break(talk, 6)
    # The officer corrects a mis-keyed earlier answer: the original stays in the history.
    talk.amend("t2", "4")


# --- Hallmarks (Rochford) --------------------------------------------------------------------
def hallmarks_answerer(rng: random.Random) -> Answerer:
    comments = {
        "h1_1": "y - The Executive Board provides strategic overview, with terms of reference agreed in 2008",
        "h1_5": "y",
        "h1_5b": "The portfolio holder for community safety at Rochford District Council",
        "h2_1": "y - The Essex information sharing protocol, signed by the CSP partners in 2007",
        "h2_2": "y - The housing associations and the fire and rescue service could sign up",
        "h2_14": "n - Projects are not chosen for evaluation in any planned way",
        "h3_4": "p - Action groups exist for two of the five priorities",
        "h3_5": "p - The anti-social behaviour group is delivering; the other is new",
        "h6_3": "y - The membership is listed in the terms of reference",
        "h6_3b": "y - There is no one from the business sector",
        "h6_3c": "Every year, at the annual meeting in June",
    }
    weights = [("y", 0.45), ("p", 0.35), ("n", 0.15), ("d", 0.05)]

    def answer(prompt: Prompt) -> str:
        question = prompt.question.id
        if prompt.kind == "probe":
            return {
                "low": "There has been no capacity to take this forward since the restructure in 2008",
                "unevidenced_high": "It is recorded in the Executive Board minutes of March 2009",
                "dont_know": "The LSP officer at Rochford District Council would know",
                "inconsistent": "Challenge happens informally outside meetings rather than at the table",
                "vague": "Councillor for community safety, Rochford District Council",
            }.get(prompt.trigger, ":skip")
        if question in comments:
            return comments[question]
        roll, total = rng.random(), 0.0
        for key, weight in weights:
            total += weight
            if roll < total:
                return key
        return "y"

    return answer


# --- Governance structure (Horsham) ----------------------------------------------------------
GOVERNANCE = {
    "board_size": "22 members, following the merger of two theme groups",
    "executive_size": "10",
    "thematic_size": "14",
    "board_meetings": "4",
    "executive_meetings": "6",
    "thematic_meetings": "4",
    "conferences": "1",
    "conference_appeal": "n - the 2008 conference drew mostly council officers",
    "thematic_role": "n",
    "deputies": "n",
    "county_voice": "y - the county council cabinet member sits on the Board",
    "portfolio_holders": "y",
    "umbrella_body": "n",
    "other_mechanisms": "y - workshops twice a year",
    "task_groups": "y",
    "joint_meetings": "n",
    "roles_distinguished": "n",
    "scrutiny": "y - the council's scrutiny committee reviewed the partnership in March 2009",
    "council_reports": "n",
    "action_orientated": "n",
    "county_plans": "y",
    "comms_strategy": "n",
    "website_current": "n",
    "rural_voice": "d",
    "rag_risk": "y - at a workshop of partnership members in July 2009",
    # The top risks named at that workshop, one per item of the risk register.
    "risk_objective#1": "Affordable housing: 150 new affordable homes a year",
    "risk_rag#1": "r",
    "risk_owner#1": "The Housing and Well-being theme group",
    "top_risks#1": "y",
    "risk_objective#2": "Economy: the town centre regeneration scheme",
    "risk_rag#2": "a - the developer's funding is agreed but not signed",
    "risk_owner#2": "The Opportunities theme group chair",
    "top_risks#2": "y",
    "risk_objective#3": "Safety: reducing alcohol-related harm in the town centre",
    "risk_rag#3": "g",
    "risk_owner#3": "The Community Safety Partnership",
    "top_risks#3": "n",
}
GOVERNANCE_REPLIES = {
    "board_size": "Every organisation that was on the old theme groups wanted a seat",
    "thematic_size": "The theme groups were merged from ten to four, so the memberships were combined",
    "board_meetings": "Quarterly meetings are a habit from the old structure",
    "deputies": "Several organisations send whoever is free, usually not briefed",
    "umbrella_body": "Business is represented by the Chamber of Commerce alone",
    "joint_meetings": "Alcohol-related harm would be a good first topic with the county",
    "roles_distinguished": "The Board and the Executive both discuss the same performance reports",
    "thematic_role": "The theme groups were not asked to contribute to the 2008 SCS refresh",
    "council_reports": "Only the Cabinet sees the minutes",
    "action_orientated": "Two of the theme groups have not had an action on their agenda since 2008",
    "comms_strategy": "Each partner publishes its own news; there is no shared plan",
    "website_current": "The home page still advertises the 2008 conference",
    "rural_voice": "The Association of Local Councils would know",
    "rag_risk": "Affordable housing and the economy objectives are most at risk, coded red and amber",
}


# --- PtP success criteria --------------------------------------------------------------------
PTP = {
    "c1": "3 - The SCS 2009-2021 vision was consulted on with residents and partners",
    "c2": "2",
    "c3": "3 - The voluntary sector partners say the LAA process is a maze",
    "c4": "3 - The annual residents' survey and area forums",
    "c5": "2",
    "c6": "1",
    "c7": "3 - The council chairs the Board but all partners lead theme groups",
    "c8": "2",
    "c9": "2",
    "c10": "3 - Partners meet as equals and the Hill Park work built trust",
    "c11": "1",
    "c12": "2",
}
PTP_REPLIES = {
    "c3": "The CVS and the Chamber of Commerce stopped coming to the theme groups in 2008",
    "c6": "Partners see the LAA targets as the council's targets rather than their own",
    "c11": "Everything the LSP has done has been a project funded by the performance reward grant",
    "c2": "Roles for managing risk are not written down anywhere",
    "c12": "We report activity, not outcomes",
}


# --- A Hertfordshire-style round: 40 invitees, half self-assessing, half by telephone -------
FIRST = ["Ann", "Bob", "Carol", "David", "Eleanor", "Farid", "Grace", "Harry", "Imran", "Joan"]
LAST = ["Archer", "Bennett", "Chaudhry", "Doyle", "Evans", "Fraser", "Gill", "Hughes"]
ORGANISATIONS = {
    "District/Borough Council officer": "Dacorum Borough Council",
    "District/Borough councillor": "Stevenage Borough Council",
    "County Council officer": "Hertfordshire County Council",
    "Voluntary organisation": "Community Development Agency for Hertfordshire",
    "Private sector organisation": "Hertfordshire Chamber of Commerce",
    "Police": "Hertfordshire Constabulary",
    "Primary Care Trust": "NHS Hertfordshire",
}
# What happens to each invitee, by position: self-assessors first, then telephone.
SELF_FATES = ["complete"] * 13 + ["in_progress"] * 2 + ["abandoned"] + ["not_started"] * 4
PHONE_FATES = (
    ["complete"] * 9
    + ["refused"] * 2
    + ["appointment"] * 3
    + ["wrong_number", "no_answer_5", "in_progress"]
    + ["not_started_0", "not_started_1", "not_started_2"]
)


def make_round(
    catalogue: Catalogue,
    out: Path = ROUND_OUT,
    year: int = 2009,
    previous: str = "",
    lean: dict[str, float] | None = None,
) -> list[Path]:
    """A sample round: round.toml, a call log over two weeks, and the transcripts. A
    round naming a ``previous`` one asks about its agreed actions; ``lean`` moves answers
    in some areas towards agree."""
    from bot.rounds import folder as round_folder
    from bot.rounds.model import Invitee, Round
    from bot.rounds.plan_review import review_items
    from bot.rounds.work import log_call

    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(year)
    sayings = Sayings(year)
    seeds = 0 if year == 2009 else 1000 * (year - 2009)
    id_prefix = "example-round" if year == 2009 else f"example-round-{year}"
    period = f"{year}/{(year + 1) % 100:02d}"
    invitees = []
    for index in range(40):
        role, sector = ROLES[index % len(ROLES)]
        invitees.append(
            Invitee(
                id=f"h{index + 1:02d}",
                name=f"{FIRST[index % len(FIRST)]} {LAST[(index * 3) % len(LAST)]}",
                organisation=ORGANISATIONS[role],
                role=role,
                sector=sector,
                mode="self" if index < 20 else "telephone",
                # Ofcom's numbers set aside for drama: never a real line.
                contact=f"01632 960{index + 100:03d}"
                if index >= 20
                else f"h{index + 1:02d}@example.org",
            )
        )
    made = round_folder.create(
        out,
        Round(
            title=f"Hertfordshire partnerships review {period}",
            partnership="Hertfordshire Forward",
            period=period,
            previous=previous,
            framework="hertfordshire-review",
            self_dialogue="hertfordshire-survey",
            telephone_dialogue="hertfordshire-interview",
            max_attempts=5,
            invitees=tuple(invitees),
        ),
    )
    start = datetime(year, 11, 9, 9, 0, tzinfo=UTC)
    review = review_items(made)
    paths: list[Path] = [made.path]
    callers = ["Sam Okafor", "Ruth Lane"]
    planned: list[tuple[datetime, str, str, str, datetime | None, str]] = []

    def converse(
        invitee: Invitee, when: datetime, seed: int, stop: int | None, abandon: bool
    ) -> None:
        telephone = invitee.mode == "telephone"
        talk = conversation.start(
            catalogue,
            "hertfordshire-review",
            "hertfordshire-interview" if telephone else "hertfordshire-survey",
            Respondent(
                name=invitee.name,
                organisation=invitee.organisation,
                role=invitee.role,
                sector=invitee.sector,
                partnership="Hertfordshire Forward",
            ),
            out,
            Person(name=callers[seed % 2]) if telephone else None,
            Clock(when, random.Random(seed)),
            transcript_id=f"{id_prefix}-{invitee.id}",
            invitee=invitee.id,
            review=review,
        )
        answer = survey_answerer(random.Random(seed), catalogue, sayings, lean)
        talk.begin()
        talk.open_call()
        answered = 0
        while not talk.session.over and (stop is None or answered < stop):
            prompt = talk.current()
            reply = answer(prompt)
            outcome = talk.skip() if reply == ":skip" else talk.answer(reply)
            if not outcome.accepted:
                raise SystemExit(f"{invitee.id}: {prompt.text!r} refused {reply!r}")
            answered += prompt.kind != "probe"
            if telephone and answered == 5 and talk.current().kind == "ask":
                call_break(talk, 2 + seed % 5)  # a pause in every call, of its own length
        if abandon:
            talk.abandon()
        talk.pause_call()  # an interview left unfinished: the officer leaves the call
        talk.close()
        target = out / f"{invitee.id}-{slug_of(invitee.name)}.toml"
        talk.path.rename(target)
        paths.append(target)

    for index, invitee in enumerate(invitees):
        day = start + timedelta(days=index % 10, hours=index % 7)
        if invitee.mode == "self":
            fate = SELF_FATES[index]
            if fate != "not_started":
                converse(
                    invitee,
                    day,
                    seeds + 300 + index,
                    {"complete": None, "in_progress": 7, "abandoned": 4}[fate],
                    fate == "abandoned",
                )
            continue
        fate = PHONE_FATES[index - 20]
        caller = callers[index % 2]
        moment = day

        def log(
            outcome: str,
            note: str = "",
            appointment: datetime | None = None,
            invitee: Invitee = invitee,
            caller: str = caller,
        ) -> None:
            nonlocal moment
            moment += timedelta(hours=rng.randint(3, 30), minutes=rng.randint(0, 59))
            if not 9 <= moment.hour < 17:  # officers ring in office hours
                next_day = moment.hour >= 17
                moment = moment.replace(hour=9 + moment.minute % 4) + timedelta(days=next_day)
            planned.append((moment, invitee.id, outcome, caller, appointment, note))

        if fate in ("complete", "in_progress", "refused", "appointment"):
            for _ in range(rng.randint(0, 2)):
                log(rng.choice(["no_answer", "busy"]))
        if fate in ("complete", "in_progress"):
            if rng.random() < 0.5:
                log(
                    "call_back",
                    "Asked to be rung after the Board meeting",
                    moment + timedelta(days=1),
                )
            log("interview_started")
            converse(invitee, moment, seeds + 400 + index, None if fate == "complete" else 9, False)
        elif fate == "refused":
            log("refused", "Does not have time this year")
        elif fate == "appointment":
            log("call_back", "Free on Thursday afternoon", moment + timedelta(days=2, hours=5))
        elif fate == "wrong_number":
            log("no_answer")
            log("wrong_number", "Number is the old office; ask the LSP manager for a new one")
        elif fate == "no_answer_5":
            for _ in range(5):
                log("no_answer")
        else:  # not started, with 0, 1 or 2 calls so far
            for _ in range(int(fate[-1])):
                log(rng.choice(["no_answer", "busy"]))
    # The log is written as the calls were made: in time order, officers interleaved.
    by_id = {invitee.id: invitee for invitee in invitees}
    for moment, who, outcome, caller, appointment, note in sorted(planned, key=lambda p: p[0]):
        log_call(out, by_id[who], outcome, moment, caller, appointment, note)
    paths.append(out / "calls.jsonl")
    return paths


def make_plan(catalogue: Catalogue, folder: Path, compiled: datetime) -> Path:
    """Compile a round's plan, as ``round plan`` does, at a fixed time."""
    from bot.rounds.plan_compile import compile_plan
    from bot.rounds.work import snapshot

    compile_plan(snapshot(folder, compiled), catalogue, compiled)
    return folder / "plan.toml"


def agree_2009_plan(folder: Path) -> None:
    """The board's decisions on the 2009 plan (its meeting of 20 January 2010), and an
    officer's update in June, as ``round plan --agree`` and ``--set`` record them."""
    from datetime import date

    from bot.rounds.plan import agree, edit_action, update_plan

    def board(plan):  # type: ignore[no-untyped-def]
        plan = agree(
            plan, ["right-partners", "terms-of-reference", "targeted-information", "r4-performance"]
        )
        plan = edit_action(
            plan,
            "r4-performance",
            date(2010, 1, 20),
            owner="LSP Executive",
            due=date(2010, 12, 2),
        )
        plan = edit_action(
            plan,
            "targeted-information",
            date(2010, 1, 20),
            owner="Hertfordshire Forward communications group",
        )
        return edit_action(
            plan,
            "terms-of-reference",
            date(2010, 6, 14),
            round_name=folder.name,
            status="in_progress",
            note="Draft terms of reference out to the thematic partnerships for comment",
        )

    update_plan(folder, board)


def slug_of(name: str) -> str:
    from bot.text import slug

    return slug(name)


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    catalogue = Catalogue()
    made = [
        run(
            catalogue,
            "fareham-working-better-together",
            "working-better-together",
            "working-better-together-self",
            Respondent(
                name="Chairmen of the thematic partnerships (workshop)",
                organisation="networkfareham",
                role="LSP Board",
                sector="public",
                partnership="networkfareham",
            ),
            scripted(FAREHAM, FAREHAM_REPLIES),
            datetime(2009, 9, 2, 14, 0, tzinfo=UTC),
            1,
        ),
        run(
            catalogue,
            "rochford-hallmarks",
            "hallmarks",
            "hallmarks-self",
            Respondent(
                name="Community Safety Partnership manager",
                organisation="Rochford District Council",
                role="Partnership manager",
                sector="public",
                partnership="Rochford Community Safety Partnership",
            ),
            hallmarks_answerer(random.Random(3)),
            datetime(2009, 6, 22, 10, 0, tzinfo=UTC),
            3,
        ),
        run(
            catalogue,
            "horsham-governance-structure",
            "governance-structure",
            "governance-structure-review",
            Respondent(
                name="Partnership manager",
                organisation="Horsham District Council",
                role="LSP manager",
                sector="public",
                partnership="Horsham District Community Partnership",
            ),
            scripted(GOVERNANCE, GOVERNANCE_REPLIES),
            datetime(2009, 6, 15, 9, 30, tzinfo=UTC),
            4,
        ),
        run(
            catalogue,
            "ptp-success-criteria",
            "ptp-success-criteria",
            "ptp-self-assessment",
            Respondent(
                name="LSP manager",
                organisation="District Council",
                role="LSP manager",
                sector="public",
                partnership="A South East district LSP",
            ),
            scripted(PTP, PTP_REPLIES),
            datetime(2009, 4, 20, 11, 0, tzinfo=UTC),
            5,
        ),
        run(
            catalogue,
            "hertfordshire-interview",
            "hertfordshire-review",
            "hertfordshire-interview",
            Respondent(
                name="District LSP chair",
                organisation="A Hertfordshire district council",
                role="LSP member",
                sector="public",
                partnership="Hertfordshire Forward",
            ),
            scripted(INTERVIEW, INTERVIEW_REPLIES),
            datetime(2009, 1, 14, 15, 0, tzinfo=UTC),
            6,
            interviewer=Person(name="Audit Commission interviewer"),
            extra=interview_extras,
        ),
    ]
    survey_folder = OUT / "hertfordshire-survey"
    rng = random.Random(2008)
    survey_sayings = Sayings(2008)
    for index in range(24):
        role, sector = ROLES[index % len(ROLES)]
        respondent = Respondent(
            name=f"Survey respondent {index + 1:02d}",
            organisation="",
            role=role,
            sector=sector,
            partnership="Hertfordshire Forward",
        )
        start = datetime(2008, 11, 10, 9, 0, tzinfo=UTC) + timedelta(days=index, hours=index % 7)
        path = run(
            catalogue,
            f"hertfordshire-survey-{index + 1:02d}",
            "hertfordshire-review",
            "hertfordshire-survey",
            respondent,
            survey_answerer(random.Random(rng.random()), catalogue, survey_sayings),
            start,
            100 + index,
        )
        survey_folder.mkdir(exist_ok=True)
        made.append(path.rename(survey_folder / path.name))
    made.extend(make_round(catalogue))
    made.append(make_plan(catalogue, ROUND_OUT, datetime(2010, 1, 18, 10, 0, tzinfo=UTC)))
    agree_2009_plan(ROUND_OUT)
    made.extend(
        make_round(catalogue, NEXT_ROUND_OUT, 2010, previous="../hertfordshire-2009", lean=IMPROVED)
    )
    made.append(make_plan(catalogue, NEXT_ROUND_OUT, datetime(2011, 1, 17, 10, 0, tzinfo=UTC)))
    for path in made:
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
