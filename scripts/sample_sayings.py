"""What the generated Hertfordshire respondents say in reply to follow-ups, for the sample
transcripts that scripts/make_examples.py makes.

Each reply pairs an observation about the question's theme (drawn from the themes of the
Audit Commission's 2008/09 review of Hertfordshire's partnerships) with where the speaker
stands. A sample draws them without repeats, in an order fixed by its seed, so no two
respondents of one sample use the same words about one theme and the sample reports read
like a survey's real replies, while the files stay the same run after run.
"""

from __future__ import annotations

import random

WHERE = [
    "",
    "In our district, ",
    "From the voluntary sector's side, ",
    "Speaking for my own organisation, ",
    "Since the Core Group changed, ",
    "From where I sit on the Delivery Group, ",
    "Over the last year, ",
    "To be honest, ",
]
"""Where the speaker stands: the start of a reply ("" for none)."""

LOW = {
    "membership": [
        "the same few organisations are round the table and fire and health are missing",
        "substitutes come to meetings without a brief, so nothing can be agreed",
        "the business community has no real voice on the partnership",
        "nobody has looked at who should be a member since the partnership began",
        "the Duty to Involve is not well understood by members",
        "some members only come when their own budget is discussed",
        "the health service sends a different person every time",
        "parish councils have asked to join and heard nothing",
        "the membership list on the website is two years old",
    ],
    "clarity": [
        "people are not clear which body actually takes the decisions",
        "the terms of reference have not been looked at for years",
        "members could not tell you what the partnership is for",
        "priorities were set at the beginning and never revisited",
        "the role of the partnership and of the council's cabinet overlap",
        "the papers do not say what the partnership is being asked to decide",
        "the Board spends its time on information items rather than decisions",
        "every partner reads the vision differently",
        "the SCS priorities and the LAA targets do not line up",
    ],
    "relationships": [
        "the relationship is there on paper, but not in practice",
        "the districts do not feel they can influence the county partnership",
        "we hear about county decisions after they have been made",
        "the district LSP and Hertfordshire Forward rarely talk between meetings",
        "there is no formal link between the district and county partnerships",
        "county officers attend, but cannot commit their directorates",
        "county and district officers duplicate each other's work",
        "the two-tier arrangements are more about politics than outcomes",
        "district chairs are not invited to the county partnership's workshops",
    ],
    "representation": [
        "it is unclear who represents the district on the county partnership",
        "the chief executives group decides and the partnership is told afterwards",
        "representatives do not report back to the bodies they speak for",
        "the voluntary sector has one seat for hundreds of organisations",
        "the Core Group is not accountable to anyone we can name",
        "decisions are made by the few who turn up",
        "the same people speak for several bodies and it is unclear for which",
        "the chief executives meet privately and the Board endorses",
        "the faith communities are not represented at all",
    ],
    "engagement": [
        "if you asked local people, 95 per cent would not know about the LSP",
        "everything is sent to everyone, so the important papers get lost",
        "consultation happens after the decisions are made",
        "the website has not been updated since the spring",
        "residents' groups hear about the partnership only through the council",
        "the newsletter goes to partners, never to the public",
        "young people have never been asked what they think",
        "partners' own consultations are not shared with each other",
        "the LSP's name means nothing outside the council offices",
    ],
    "commitment": [
        "often people do not want to give up their own resources",
        "partners are better at working together with new money than with existing budgets",
        "lack of commitment comes from having no clear sense of progress from the meetings",
        "attendance falls away once the funding has been allocated",
        "it is like being given a choice between apples or oranges when what we want are pears",
        "partners protect their own budgets before the shared priorities",
        "the agenda is set by the council and partners feel like guests",
        "meetings are rearranged so often that people stop coming",
        "partners' own plans make no mention of the SCS",
    ],
    "performance": [
        "there are no formal processes for dealing with poor performance",
        "targets are not challenging: nobody sets a target they might miss",
        "performance reports arrive too late to change anything",
        "the figures are county-wide and say nothing about our district",
        "nobody is challenged when an indicator goes red",
        "we measure activity, not what changed for residents",
        "the performance framework exists on paper but is never used",
        "indicators are reported without anyone asking what lies behind them",
        "we cannot get data broken down below district level",
    ],
    "ambition": [
        "the partnership has the potential, but not the capacity",
        "timescales are too short for anything ambitious",
        "budgets and policies run one to four years, which limits what can be planned",
        "the ambitions are in the strategy, but nobody owns them",
        "we are not yet making a difference people would notice",
        "the partnership follows national targets rather than setting its own",
        "nobody is prepared to take a risk on something new",
        "we are still delivering the projects of five years ago",
        "the partnership lacks the staff to do more than keep going",
    ],
    "thematic": [
        "leadership on links between thematic groups needs to come from Hertfordshire Forward",
        "the thematic groups work in silos",
        "I have never seen a report from the thematic partnerships",
        "the thematic groups set their own priorities without reference to ours",
        "only some of the thematic partnerships have terms of reference",
        "cross-cutting issues fall between the thematic groups",
        "the thematic chairs never meet each other",
        "the Board does not know what the thematic groups are spending",
        "thematic groups duplicate each other's consultations",
    ],
}
"""What a respondent says about a weak answer, by the question's theme (area id)."""

HIGH = {
    "membership": [
        "the membership review in 2008 brought in the fire service and the PCT",
        "the partnership agreement lists every member organisation and its deputy",
        "we co-opted two business representatives in the spring",
        "the Board's induction pack sets out each member's role",
    ],
    "clarity": [
        "the terms of reference were agreed at the Board in March 2009",
        "the SCS sets out five priorities that members can name",
        "each agenda item says what decision is sought",
        "the annual report sets out what the partnership is for",
    ],
    "relationships": [
        "the joint response after the Buncefield explosion in December 2005 showed it",
        "the district chairs meet the county chair every quarter",
        "the county's LAA officer attends our Board",
        "the joint protocol on the LAA was signed in 2008",
    ],
    "representation": [
        "the district's representative reports back at every Board meeting",
        "the voluntary sector elects its two members through the CVS forum",
        "the Core Group's minutes are published on the website",
        "every member organisation names a deputy in writing",
    ],
    "engagement": [
        "the residents' survey in 2008 shaped the refresh of the SCS",
        "the bus partnership in St Albans came out of the consultation",
        "we hold a conference every year, open to any resident",
        "the Skills Centre in Stevenage was planned with local employers",
    ],
    "commitment": [
        "the LAA reward grant was split 50 per cent to district LSPs and 50 per cent to the thematic partnerships",
        "the PCT allocated 10,000 pounds to each LSP for health related projects",
        "partners pooled staff for the Hill End project",
        "the council and the police fund a shared community safety post",
    ],
    "performance": [
        "the performance report goes to every Board meeting",
        "each LAA target has a named lead officer",
        "the Board reviews red indicators at each meeting",
        "the annual review in July 2009 compared us with our neighbours",
    ],
    "ambition": [
        "the SCS runs to 2021 with milestones every three years",
        "the partnership bid for and won the Local Enterprise Growth Initiative",
        "the affordable housing target was raised after the 2008 review",
        "the Board set stretch targets beyond the LAA",
    ],
    "thematic": [
        "each thematic partnership reports to the Board twice a year",
        "the thematic chairs meet together every quarter",
        "the children's trust and the LSP share a work plan",
        "the thematic leads sit on the Delivery Group",
    ],
}
"""The evidence a respondent names for a top answer, by the question's theme."""

DONT_KNOW = [
    "I'm not involved enough to know",
    "it is unclear who decides",
    "I only see the papers for my own group",
    "nobody has reported on it that I have seen",
    "that would be for the Board to say",
    "I am new to the partnership",
    "the answer may be in minutes I have not read",
    "I have not been to a meeting where it came up",
    "I would have to ask our chief executive",
    "it has never been discussed while I have been there",
]
"""Why a respondent does not know, whatever the theme."""


def capitalised(text: str) -> str:
    """The text with its first letter a capital."""
    return text[:1].upper() + text[1:]


class Sayings:
    """Replies drawn without repeats for one sample (one survey or one round)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used: dict[tuple[str, str], dict[str, list[str]]] = {}
        self.asked: dict[tuple[str, str], dict[str, int]] = {}

    def say(self, trigger: str, area: str, question: str) -> str | None:
        """A reply to a follow-up fired by ``trigger`` about ``question`` (of ``area``), or
        None where there is nothing to draw on (the caller falls back)."""
        if trigger == "low":
            said = LOW.get(area)
        elif trigger == "unevidenced_high":
            said = HIGH.get(area)
        elif trigger == "dont_know":
            said = DONT_KNOW
        else:
            return None
        if not said:
            return None
        used = self.used.setdefault((trigger, area), {what: [] for what in said})
        # The observation said least about this question, then least in this theme (one
        # of them, by chance), so that replies in a row, and the few quoted under one
        # action, differ; from a place it has not yet been said from, so no reply
        # repeats until every pairing has been used.
        asked = self.asked.setdefault((trigger, question), {what: 0 for what in said})
        least = min((asked[w], len(places)) for w, places in used.items())
        what = self.rng.choice(
            [w for w, places in used.items() if (asked[w], len(places)) == least]
        )
        asked[what] += 1
        fresh = [where for where in WHERE if where not in used[what]] or list(WHERE)
        if len(fresh) == len(WHERE):
            used[what].clear()
        where = self.rng.choice(fresh)
        used[what].append(where)
        return capitalised(where + what)
