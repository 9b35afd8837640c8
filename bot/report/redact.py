"""Names taken out of people's own words in an anonymised report: a quote or a register
comment that says "As chair, I (Ann Archer, Dacorum Borough Council) ..." would otherwise
name its author whatever the report leaves out.

The rule (docs/reports.md, "`--anonymise`"), one for every report. Every word is matched
with or without its accents ("Siobhan" for Siobhán), and a title typed before a name
("Cllr Mary Smith", `untitled`) is no part of it.

- A whole name ("Ann Archer", in any case and spacing, or with a hyphen between its words)
  is always taken out, as is a whole organisation's name, and so are the other ways a
  name is written (`name_forms`): with initials ("A. Archer", "A Archer", "Ann A."),
  without its middle names, surname first ("Archer, Ann"), and as a file name spells it
  ("ann-archer").
- An organisation's name is also taken out where a run of its words is written as its
  name, with their capitals and a word that names it (`names_in_a_run`: "Red Kite",
  "RED KITE" for Red Kite Housing Association; never generic or partnership words
  alone, "Borough Council", "Community Safety" of Community Safety Partnership).
- An organisation's acronym, the first letters of its words written with a capital past
  a leading "The" (`initials`: "CSP" for Community Safety Partnership, "HPP" for The
  Hill Park Project; of a name typed in lower case, its words' first letters, "DBC" for
  Dacorum borough council), is taken out where it is written in capitals as a whole
  word ("the CSP", "CSPs", "C.S.P."; not "csp").
- Every other part of a person's name of two letters or more ("Ng", "Ann", "Archer") and
  every distinctive word of an organisation's name (`distinctive`: "Dacorum", "Herts")
  is taken out wherever it stands, in any case: "ng chairs it" names Ng. The ordinary
  and partnership words organisations' names are made of (`ORGANISATION_WORDS`:
  "police", "fire", "NHS", "advice", "red") stay wherever they are not the name.
- Except a part of a person's name that is also an everyday word, no `distinctive` one
  (`ORDINARY_WORDS`: "will", "strong", "hope", "may"; and the words organisations' names
  are made of, `GENERIC_WORDS` and `ORGANISATION_WORDS`: "voluntary", "young", "church"):
  it is taken out only where it is used as a name, that is after a title in any case
  ("cllr voluntary"), written in capitals ("WILL"), or with a capital letter and a
  possessive ("Will's"), or with a capital letter other than at the start of a sentence
  (a full stop after an initial or a title, "W. Strong", "Cllr. Strong", ends no
  sentence): "the voluntary sector" keeps its word for Pat Voluntary. "we will work" and
  "Strong leadership matters." keep their words; "I asked Will" and "as Strong said" do
  not. A capital inside a sentence is taken for a name even where it is not one ("in
  May"): the rule errs towards taking out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from bot.engine.bodies import BODY_NAME_WORDS
from bot.engine.review import QUESTION_PREFIX
from bot.report.owners import FROM_PLAN
from bot.text import slug

NAME = "[name]"
ORGANISATION = "[organisation]"

MIN_LETTERS = 2
"""The shortest name part taken out: a single letter (an initial) names no one."""

GENERIC_WORDS = frozenset(
    {
        "and",
        "authority",
        "borough",
        "city",
        "council",
        "county",
        "district",
        "for",
        "in",
        "ltd",
        "limited",
        "of",
        "parish",
        "partnership",
        "plc",
        "the",
        "town",
        "trust",
    }
)
"""Words of organisations' names that name no one by themselves (compared ignoring case),
even in a run of them written with capitals ("Borough Council"): the anonymiser's own,
since a body's words in capitals ("the Steering Group") may be an organisation's name."""

_ORDINARY = """
    able amber angel april art august autumn baker ball bank banks barber bell bells
    best bill bird birch black bloom bold bond brave bridge bright brook brooks
    brown buck burn bush butler cannon carpenter carter chance chase cherry church
    clay clear cliff close cook cooper coral cross crown dale dash dawn day dean
    dear diamond dove drake duke early east english fair faith fall fields fish
    fisher ford forest forward fox frank free french fry gay gold golden good grace
    grant gray green grey guy hall hand happy hardy harvest hay hazel head heath heart
    hill hills holly homes hood hope house hunt hunter ivy jack jay jewel joy judge
    june just keen king kite knight lake lamb lane law lawless lee light lily little long
    love lucky major march mark marsh marshall mason may meadow merry miles mill
    miller mills moon morning moss much new north oak page park parks parsons
    patience peace pearl penny pike pine piper pool porter potter power powers price
    pride prince rain ray read red reed rich rivers robin rock rose royal ruby rush sage
    salt sands savage shepherd sharp short silver sky slater small smart snow south
    spring stark steel sterling stone storm strong summer sunny swan sweet temple
    thorn tucker turner vale walker wall ward warren waters way weaver west wheeler
    white wild will wills winter wise wolf wood woods worth wren young
"""
ORDINARY_WORDS = frozenset(_ORDINARY.split())
"""Ordinary English words that are also people's names (or parts of organisations'
names): taken out only where they are used as names (see the module's docstring). A
name part not listed here is taken out wherever it stands, in any case."""

_COMMON = """
    academy access action active adult adults advice age agency aid alcohol alliance
    ambulance area areas arts association board body bus business care carers centre
    central chamber charity children church citizens civic clinical college combined
    commerce commissioner commissioning committee communities community company
    constabulary cooperative co-operative council crime crown culture department
    development drug early east economic education employment england enterprise
    environment estates executive faith families family federation fire first forum
    foundation fund general government group health healthcare home homes hospital
    hospitals housing improvement integrated joint justice kite leisure lives local
    metropolitan mental national network new nhs north office partners people place
    police primary prison probation public red regional rescue research safe safer
    safety school schools secondary service services social society south sport
    standards support team together trading transport uk union united university valley
    valleys victim victims voice voluntary volunteer volunteers welfare wellbeing west
    women work yes young youth
"""
ORGANISATION_WORDS = frozenset(_COMMON.split()) | BODY_NAME_WORDS
"""Ordinary English and partnership words organisations' names are made of ("Police",
"Fire", "Service", "NHS", "Advice", "Housing", "Red"), with every word of a body's kind
and its own that the evidence rule reads (`bot.engine.bodies.BODY_NAME_WORDS`:
"Scrutiny", "Panel"): like `ORDINARY_WORDS`, taken out only where they are written as
an organisation's name (see `redactor`), never alone. The lists here stay the
anonymiser's own: they mean the words no one is named by, a wider set than the body
words that name a body as evidence ("Red", "Advice" name none)."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_OPENERS = " \t\"'“‘([*•-"
"""What may stand between a sentence's end and its first word: spaces, opening quotes and
brackets, a bullet."""

_TITLES = "mr mrs ms miss mx dr prof cllr rev revd sir dame insp sgt supt det pc"
TITLES = frozenset(_TITLES.split())
WORD_TITLES = frozenset({"miss", "sir", "dame", "det", "pc", "rev"})
"""Titles that are also everyday words ("we miss strong leadership", "the pc will check"):
a title before a name only written with a capital or a full stop ("Miss Strong", "pc.")."""
"""Titles written with a full stop before a name ("Cllr. Strong"): the stop ends no
sentence, so the word after it stands inside one (compared ignoring case)."""

_APOSTROPHE = "['’]"
_BETWEEN = r"[\s\-]+"
"""Between the words of a whole name: spaces or a hyphen ("Smith-Jones", "will-strong")."""
_AFTER_INITIAL = r"(?:[\s\-]+|(?<=\.))"
"""After an initial: as between words, or nothing after its full stop ("W.Strong")."""


def _parts(text: str) -> list[str]:
    """The words of a name of at least `MIN_LETTERS` letters ("O'Brien" is one word;
    "Smith-Jones" is "Smith" and "Jones")."""
    return [w for w in _WORD.findall(text) if sum(c.isalpha() for c in w) >= MIN_LETTERS]


_UNMARKED = {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t"}
"""Letters with a mark Unicode does not decompose, and the letter they are written for."""


def _base(letter: str) -> str:
    """A letter without its accent ("á" -> "a", "Ø" -> "O"); itself where it has none."""
    lower = letter.lower()
    if lower in _UNMARKED:
        base = _UNMARKED[lower]
        return base.upper() if letter != lower else base
    bare = "".join(c for c in unicodedata.normalize("NFD", letter) if not unicodedata.combining(c))
    return bare if len(bare) == 1 else letter


@cache
def _accented() -> dict[str, str]:
    """Each letter A-Z and a-z with the Latin letters written for it with an accent."""
    found: dict[str, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        base = _base(letter)
        if letter.isalpha() and base != letter and base.isascii():
            found[base] = found.get(base, "") + letter
    return found


def _letters(text: str) -> str:
    """Text as a pattern in which a letter matches it with or without an accent
    ("Siobhán" matches "Siobhan", and "Siobhan" "Siobhán")."""
    out = []
    for char in text:
        base = _base(char)
        if char.isalpha() and base.isascii() and base.isalpha():
            out.append(f"[{base}{_accented().get(base, '')}]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def _literal(word: str) -> str:
    """A word as a pattern: either apostrophe ("O'Brien", "O’Brien"), each letter with or
    without an accent (`_letters`)."""
    return _APOSTROPHE.join(_letters(p) for p in re.split(_APOSTROPHE, word))


def _token(token: str) -> str:
    """A word of a name as a pattern: its hyphenated parts apart by a hyphen or spaces."""
    return _BETWEEN.join(_literal(p) for p in token.split("-") if p)


def _initial(token: str) -> str | None:
    """A word of a name as an initial, a pattern ("W", "W.", and for "Mary-Jane" "M.",
    "M.-J.", "MJ"): capital letters only; None without one."""
    letters = [p[:1] for p in token.split("-") if p[:1].isalpha()]
    if not letters or any(c.upper() == c.lower() for c in letters):
        return None
    first, *rest = (f"(?-i:{_letters(c.upper())})\\.?" for c in letters)
    return first + "".join(f"(?:-?{r})?" for r in rest)


def name_forms(name: str) -> list[str]:
    """The ways a person's name of two words or more is written, as patterns: every word
    but the last also as an initial ("W. Strong", "W Strong", "W.Strong", "M.-J. Smith"),
    the middle ones left out ("Mary Smith" for Mary Jane Smith); the first whole and the
    last as an initial ("Will S."); and surname first ("Strong, Will"). An initial is a
    capital letter. The name whole, in any case and spacing, is taken out besides; a name
    of one word has only its words (`_parts`)."""
    tokens = name.split()
    if len(tokens) < 2:
        return []
    given = []
    for token in tokens[:-1]:
        initial = _initial(token)
        given.append(f"(?:{_token(token)}|{initial})" if initial else _token(token))
    last = _token(tokens[-1])
    forms = ["".join(f"{g}{_AFTER_INITIAL}" for g in given) + last]
    if len(tokens) > 2:
        forms.append(f"{given[0]}{_AFTER_INITIAL}{last}")
    last_initial = _initial(tokens[-1])
    if last_initial:
        forms.append(f"{_token(tokens[0])}{_BETWEEN}{last_initial}")
    forms.append(f"{last},\\s*{_token(tokens[0])}")
    return forms


def redactor(names: Iterable[str], organisations: Iterable[str]) -> Callable[[str], str]:
    """A function taking each of these names (whole, in each form `name_forms` gives, and
    every part of two letters or more) and organisations (whole, and each distinctive
    word) out of a text, in any case, as "[name]" and "[organisation]"; everything else
    is left as it is."""
    # Each pattern: its label, and whether it is a single word (which, if an ordinary
    # word, goes only where it is used as a name).
    found: dict[str, tuple[str, str, bool, int]] = {}

    def add(pattern: str, label: str, single: bool, rank: int) -> None:
        # Matched ignoring case (an initial's capital aside: it is upper case in each).
        key = pattern.casefold()
        if label == NAME or key not in found:
            found[key] = (pattern, label, single, rank)

    for organisation in organisations:
        whole = organisation.strip()
        if not whole:
            continue
        add(_BETWEEN.join(_token(w) for w in whole.split()), ORGANISATION, False, len(whole))
        _add_slug(add, whole, ORGANISATION)
        for run in _runs(whole.split()):
            add(
                _BETWEEN.join(_capitalised(w) for w in run), ORGANISATION, False, len(" ".join(run))
            )
        for word in _parts(organisation):
            if distinctive(word):
                add(_literal(word), ORGANISATION, True, len(word))
        if acronym := initials(whole):
            add(acronym_pattern(acronym), ORGANISATION, False, len(acronym))
    for name in names:
        whole = name.strip()
        if not whole:
            continue
        # A person's name wins over an organisation's word spelt the same.
        add(_BETWEEN.join(_token(w) for w in whole.split()), NAME, False, len(whole))
        _add_slug(add, whole, NAME)
        bare = untitled(whole)
        if bare != whole:
            add(_BETWEEN.join(_token(w) for w in bare.split()), NAME, False, len(bare))
            _add_slug(add, bare, NAME)
        for form in name_forms(bare):
            add(form, NAME, False, len(bare))
        for word in _parts(bare):
            add(_literal(word), NAME, True, len(word))
    if not found:
        return lambda text: text
    # Whole names and their forms before single words, the longest first, so "Dacorum
    # Borough Council" is taken whole before "Dacorum"; whole words only ("Annex" keeps
    # its "Ann"); of two as long, a person's name before an organisation's words ("Ann
    # Archer" of "Ann Archer Trust" is a person's name).
    kinds = sorted(found.values(), key=lambda k: (k[2], -k[3], k[1] != NAME, k[0].casefold()))
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(f"({k[0]})" for k in kinds) + r")(?!\w)",
        re.IGNORECASE,
    )

    def take_out(match: re.Match[str]) -> str:
        _, label, single, _ = kinds[(match.lastindex or 1) - 1]
        word = match.group()
        if single and not distinctive(_key(word)) and not _as_name(match):
            return word
        return label

    def redact(text: str) -> str:
        return pattern.sub(take_out, text)

    return redact


_WORD_INITIALS = """
    am an as at be by do go he if in is it me my no of ok on or so to up us we
    dk na yes tbc tba gp
    act add age ago aid aim air all and any are art ask bad bid big bit box bus but buy
    can car cut day did due end eye far few fit fix for fun gap get got had has her him
    his hit hot how job key law led let lot low man may new nor not now odd off old one
    our out own pay per put red run sat saw say see set she six sum tax ten the too top
    try two use via war was way web who why win won yet you
    also area away back base been best body both call came care case cost data deal does
    done down each easy even ever fact fair fall fast feel felt find fine firm five form
    four free from full fund gave give goal good grow half hand hard have head hear help
    here high hold home hope idea into just keep kind know land last late lead left less
    life like line list live long look lose lost made main make many mind miss more most
    move much must name near need next none note only open over paid part pass past plan
    play poor push read real rest risk role rule safe said same save seen sent show side
    sign site some soon stay step stop such sure take talk team tell term than that them
    then they this time told took true turn upon used very view vote wait want week well
    went were what when will wish with work year your
"""
NOT_INITIALS = frozenset(_WORD_INITIALS.split())
"""Initials that spell a common word of their own or an answer ("NO", "OK", "CAN", "AND",
"YES" for Youth Engagement Service): never taken out as an organisation's acronym, since
an answer typed in capitals ("WE CAN DO BETTER") keeps its words."""


LEADING_ARTICLES = frozenset(["the", "a", "an"])
"""Words an organisation's name may start with that are no part of its acronym ("The
Hill Park Project" is the HPP)."""

JOINING_WORDS = frozenset(["and", "of", "for", "the", "in", "on", "at", "to", "&"])
"""Words of a name typed in lower case that are no part of its acronym ("council for
voluntary service" is the CVS)."""

MIN_LOWER_CASE_INITIALS = 3
"""The fewest initials taken from a name typed in lower case: two letters of ordinary
words are too often something else."""


def initials(organisation: str) -> str:
    """An organisation's acronym: the first letters of its words written with a capital,
    past a leading "The", "A" or "An" (`LEADING_ARTICLES`: "The Hill Park Project" ->
    "HPP", "Community Safety Partnership" -> "CSP"), two or more; where fewer of its words
    have a capital ("Dacorum borough council"), the first letters of all its words but
    joining ones (`JOINING_WORDS`), three or more ("DBC"); "" for fewer, or for one
    spelling a word of its own (`NOT_INITIALS`). Taken out only in capitals, as a whole
    word ("CSP", "CSPs", "C.S.P.")."""
    words = [w for w in organisation.split() if w[:1].isalpha()]
    if len(words) > 1 and words[0].casefold() in LEADING_ARTICLES:
        words = words[1:]
    letters = "".join(w[0] for w in words if w[:1].isupper())
    if len(letters) < MIN_LETTERS:
        letters = "".join(w[0] for w in words if w.casefold() not in JOINING_WORDS).upper()
        if len(letters) < MIN_LOWER_CASE_INITIALS:
            return ""
    if letters.casefold() in NOT_INITIALS:
        return ""
    return letters


def acronym_pattern(acronym: str) -> str:
    """How an acronym is written, in capitals only: whole ("CSP", "CSPs") or with a
    full stop after each initial ("C.S.P.", "C.S.P")."""
    dotted = r"\.".join(re.escape(c) for c in acronym)
    return f"(?-i:{re.escape(acronym)}s?|{dotted}\\.?)"


def distinctive(word: str) -> bool:
    """Whether a word of an organisation's name names it by itself ("Dacorum", "Herts"):
    one that is no generic, ordinary or partnership word (`GENERIC_WORDS`,
    `ORDINARY_WORDS`, `ORGANISATION_WORDS`, compared ignoring case)."""
    key = word.casefold()
    return not any(key in words for words in (GENERIC_WORDS, ORDINARY_WORDS, ORGANISATION_WORDS))


def names_in_a_run(word: str) -> bool:
    """Whether a word of an organisation's name makes a run of its words its name: a
    `distinctive` word ("Dacorum") or an ordinary English one (`ORDINARY_WORDS`: "Red",
    "Kite", "Hill"). The generic and partnership words alone (`GENERIC_WORDS`,
    `ORGANISATION_WORDS`: "Borough Council", "Community Safety", "Citizens Advice") name
    a kind of body, no one body."""
    return distinctive(word) or word.casefold() in ORDINARY_WORDS


def _runs(tokens: list[str]) -> list[list[str]]:
    """The runs of an organisation's name that are written as its name: two words or
    more in a row, short of the whole, beginning and ending with a word written with a
    capital ("Red Kite", "Kite Housing Association"), with a word that names it
    (`names_in_a_run`): never generic or partnership words alone ("Borough Council" or
    "Community Safety" names no one)."""
    runs = []
    for start in range(len(tokens)):
        for end in range(start + 2, len(tokens) + 1):
            run = tokens[start:end]
            if len(run) == len(tokens) or not (run[0][:1].isupper() and run[-1][:1].isupper()):
                continue
            if any(names_in_a_run(w) for w in run):
                runs.append(run)
    return runs


def _capitalised(token: str) -> str:
    """A word of an organisation's name as a pattern, its capital a capital ("Kite",
    "KITE", not "kite"); a word without one ("and") in any case."""
    if not token[:1].isupper():
        return _token(token)
    return f"(?-i:{_letters(token[0])})" + (_token(token[1:]) if token[1:] else "")


def _add_slug(add: Callable[[str, str, bool, int], None], whole: str, label: str) -> None:
    """The name as a transcript's file name spells it ("will-strong"), where that is not
    the name as written."""
    spelt = slug(whole, fallback="")
    if "-" in spelt:
        add(re.escape(spelt), label, False, len(spelt))


def _as_name(match: re.Match[str]) -> bool:
    """Whether an ordinary word that is also a name part, found by ``match``, is used as a
    name there: written in capitals ("WILL"), or with a capital and a possessive
    ("Will's"), or with a capital and not as the first word of a sentence (the start of
    the text or of a line, or after a full stop, question or exclamation mark and a space,
    with any opening quote or bracket between; a full stop after an initial or a title,
    "W. Strong", "Cllr. Strong", ends no sentence)."""
    word, text, start = match.group(), match.string, match.start()
    if _after_title(text[:start]):
        return True
    if not word[:1].isupper():
        return False
    if word.isupper() or re.match(_APOSTROPHE + "s(?!\\w)", text[match.end() :], re.I):
        return True
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return False
    if not (text[i - 1] in ".!?" and i < start and text[i].isspace()):
        return True
    return text[i - 1] == "." and _initial_or_title(text[: i - 1])


def _after_title(before: str) -> bool:
    """Whether the text before a word ends in a title and a space ("cllr ", "Mr. "),
    which makes the word after it a name, in any case; a title that is also an everyday
    word (`WORD_TITLES`) only with a capital or a full stop."""
    found = re.search(r"(?<!\w)(\w+)(\.?)[ \t]+$", before)
    if found is None or (title := found.group(1)).casefold() not in TITLES:
        return False
    return title.casefold() not in WORD_TITLES or title[0].isupper() or bool(found.group(2))


def _initial_or_title(before: str) -> bool:
    """Whether the text before a full stop ends in an initial (a capital letter alone) or
    a title ("Cllr"), which the stop abbreviates."""
    found = re.search(r"(?<!\w)(\w+)$", before)
    if found is None:
        return False
    word = found.group(1)
    return (len(word) == 1 and word.isupper()) or word.casefold() in TITLES


def _key(matched: str) -> str:
    return "".join(_base(c) for c in " ".join(matched.split())).casefold()


def untitled(name: str) -> str:
    """A person's name without the titles it begins with ("Cllr Mary Smith", "Dr. Sam
    Head" -> "Mary Smith", "Sam Head"): a title (`TITLES`) is no part of the name, and is
    not taken out alone. A name that is only a title is kept as it is."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].rstrip(".").casefold() in TITLES:
        tokens = tokens[1:]
    return " ".join(tokens)


_STAMPED = re.compile(r"(?P<stamp>\d{8}-\d{6})-(?P<middle>.+)-(?P<id>[0-9a-f]{8})")
"""A transcript's file name as the bot makes it (`bot.store.new_path`): date and time,
framework, respondent, and a short unique part."""


def anonymised_file(
    file: str, redact: Callable[[str], str], framework_ids: Iterable[str] = ()
) -> str:
    """A transcript's file (as a report names it) as an anonymised report shows it: its
    folder through ``redact``, and the respondent's part of its name as "[name]" whoever
    they are, for a file that failed to load gave no name to take out. Of a name the bot
    made (date, time, framework, respondent, unique part) the part between the framework
    and the unique part; of a round's "h22-bob-hughes.toml" all after the invitee's id;
    of any other, the whole name."""
    folder, slash, base = file.replace("\\", "/").rpartition("/")
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stamped = _STAMPED.fullmatch(stem)
    if stamped:
        middle = stamped["middle"]
        framework = next((f for f in framework_ids if f and middle.startswith(f"{f}-")), "")
        shown = f"{stamped['stamp']}-" + (f"{framework}-" if framework else "")
        shown += f"{NAME}-{stamped['id']}"
    elif "-" in stem:
        shown = f"{stem.split('-', 1)[0]}-{NAME}"
    else:
        shown = NAME
    return (redact(folder) + slash if slash else "") + shown + (f".{extension}" if dot else "")


PEOPLES_WORDS = frozenset(
    {
        "comment",
        "file",
        "note",
        "notes",
        "quotes",
        "reason",
        "reply",
        "same_as",
        "warnings",
        "words",
    }
)
"""The keys of a report's data whose strings may hold people's words (quotes, notes,
replies, a register entry's comments) or a transcript's file name (a file left out, a note on one): an anonymised report takes names out of
them."""

OWN_ANSWER = frozenset({"answer", "value"})
"""The keys of an answer's data (a question's, a register item's) that hold the answer
itself: people's words only in an answer to a free-text question (``"kind": "text"``);
else an option's label and value, a number or a date, never changed (an option's label
such as "Red" or "Yes" is no one's name, whatever an organisation is called)."""


def _own_words(data: dict[str, Any]) -> frozenset[str]:
    """The keys of one part of a report's data that hold people's words there only: a
    free-text answer's answer and value (`OWN_ANSWER`)."""
    return OWN_ANSWER if data.get("kind") == "text" else frozenset()


def _board_words(data: dict[str, Any]) -> frozenset[str]:
    """The keys of one part of a report's data that hold the board's words, which may
    name a person: a plan review question's text (the action and owner the board agreed,
    "owner: ...") and an action's owner the board agreed (`bot.report.owners.FROM_PLAN`).
    A framework's suggested owner and its questions' wording stay as they are."""
    keys: set[str] = set()
    if str(data.get("id", "")).startswith(QUESTION_PREFIX):
        keys.add("text")
    if data.get("owner_from") == FROM_PLAN:
        keys.add("owner")
    return frozenset(keys)


def redacted(
    data: Any,
    redact: Callable[[str], str],
    key: str = "",
    board: Callable[[str], str] | None = None,
) -> Any:
    """A report's data (or part of it) with ``redact`` applied to every string under a
    key of `PEOPLES_WORDS` (a list's strings by the key the list is under) and of
    `_own_words`, and ``board`` (people's names alone: the bodies a board names are the
    partnership's, no respondent's; ``redact`` where not given) to the board's words
    (`_board_words`); the rest as it is. The one walk every anonymised report takes names
    out by."""
    board = board or redact
    if isinstance(data, dict):
        own, boards = _own_words(data), _board_words(data)
        out: dict[str, Any] = {}
        for k, v in data.items():
            if isinstance(v, str) and k in own:
                out[k] = redact(v)
            elif isinstance(v, str) and k in boards:
                out[k] = board(v)
            else:
                out[k] = redacted(v, redact, k, board)
        return out
    if isinstance(data, list):
        return [redacted(v, redact, key, board) for v in data]
    if isinstance(data, str) and key in PEOPLES_WORDS:
        return redact(data)
    return data
