"""Every question and statement in the seeds appears in the frameworks in the seed's own words."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from bot.catalogue import Catalogue
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="the seed documents (../shared/seeds) are not beside this checkout"
)


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\*\*|<[^>]+>", "", text)
    return re.sub(r"\s+", " ", text).strip().rstrip("?.").strip().casefold()


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def working_better_together() -> list[str]:
    appendix = seed("000").split("APPENDIX A", 1)[1].split("APPENDIX B", 1)[0]
    found = []
    for block in re.split(r"Summary questions", appendix)[1:]:
        block = block.split("Response", 1)[0]
        found += re.findall(r"^\s*\d+\. (.+)$", block, re.M)
    return found


def hallmarks() -> list[str]:
    text = seed("003").split("Partnership Self Assessment Questionnaire", 1)[1]
    return [q for _, q in re.findall(r"^-?\s*(\d\.\d+)\*{0,2}\s+(.+)$", text, re.M)]


def hertfordshire() -> tuple[list[str], list[str]]:
    text = seed("002")
    survey_part, interview_part = text.split("Appendix 2", 1)
    survey = re.findall(r"^([A-Z][^\t\n]+)\t[\d.]+%\t[\d.]+%\t[\d.]+%$", survey_part, re.M)
    interview = re.findall(r"^([A-Z][^\t\n]+)\t[\d.]+%\t[\d.]+%$", interview_part, re.M)
    return survey, interview


def ptp() -> list[str]:
    return [f"{t} - {d}" for t, d in re.findall(r"✓ \*\*(.+?)\*\* [–-] (.+)$", seed("004"), re.M)]


def framework_texts(framework_id: str) -> set[str]:
    framework = Catalogue().framework(framework_id).framework
    by_number: dict[str, list[str]] = defaultdict(list)
    texts = set()
    for question in framework.questions():
        texts.add(normalise(question.text))
        if question.number:
            # "1.5 (part 2)" is the second part of the seed's 1.5.
            by_number[re.sub(r" \(part \d+\)$", "", question.number)].append(question.text)
    # A seed question asked in parts (such as Hallmarks 1.5) is the parts together.
    texts |= {normalise(" ".join(parts)) for parts in by_number.values() if len(parts) > 1}
    return texts


@pytest.mark.parametrize(
    ("framework_id", "questions", "count"),
    [
        ("working-better-together", working_better_together, 37),
        ("hallmarks", hallmarks, 67),
        ("hertfordshire-review", lambda: hertfordshire()[0], 18),
        ("hertfordshire-review", lambda: hertfordshire()[1], 24),
        ("ptp-success-criteria", ptp, 12),
    ],
)
def test_every_seed_question_is_in_the_framework(framework_id: str, questions, count: int) -> None:
    seed_questions = questions()
    assert len(seed_questions) == count, "the seed parser found a different number of questions"
    texts = framework_texts(framework_id)
    missing = [q for q in seed_questions if not any(normalise(q) in t for t in texts)]
    assert missing == []


def test_hertfordshire_benchmarks_match_the_published_tables() -> None:
    framework = Catalogue().framework("hertfordshire-review").framework
    text = seed("002")
    survey_part, interview_part = text.split("Appendix 2", 1)
    published = {
        normalise(s): (float(a), float(d), float(x))
        for s, a, d, x in re.findall(
            r"^([A-Z][^\t\n]+)\t([\d.]+)%\t([\d.]+)%\t([\d.]+)%$", survey_part, re.M
        )
    }
    published_interview = {
        normalise(s): (float(a), float(x))
        for s, a, x in re.findall(r"^([A-Z][^\t\n]+)\t([\d.]+)%\t([\d.]+)%$", interview_part, re.M)
    }
    checked = 0
    for question in framework.questions():
        mark = question.benchmark
        assert mark is not None
        key = normalise(question.text)
        if key in published:
            assert (mark.agree, mark.dont_know, mark.disagree) == published[key]
            assert mark.n == 106
        else:
            assert (mark.agree, mark.disagree) == published_interview[key]
            assert mark.n == 52
        checked += 1
    assert checked == 42


def fareham_appendix_a() -> dict[str, str]:
    """The seed's Appendix A suggested actions, keyed "section letter" (such as "2 c")."""
    appendix = seed("000").split("APPENDIX A**", 1)[1].split("APPENDIX B**", 1)[0]
    actions = {}
    for section, body in re.findall(r"\*\*(\d)\. [^*]+\*\*(.*?)(?=\*\*\d\. |\Z)", appendix, re.S):
        for letter, text in re.findall(r"^- ([a-z])\) (.+)$", body, re.M):
            actions[f"{section} {letter}"] = text
    return actions


def test_fareham_actions_and_questions_keep_the_seeds_exact_words() -> None:
    framework = Catalogue().framework("working-better-together").framework
    seed_actions = fareham_appendix_a()
    assert len(seed_actions) == 15, "the seed parser found a different number of actions"
    checked = 0
    for area in framework.areas:
        for action in area.actions:
            found = re.search(r"Appendix A, (\d [a-z])\)", action.source or "")
            if found:
                # Word for word, not a generalised paraphrase of the seed's action.
                assert action.text == seed_actions[found.group(1)], action.id
                checked += 1
    assert checked == len(seed_actions)
    appendix = seed("000").split("APPENDIX A**", 1)[1].split("APPENDIX B**", 1)[0]
    assert [q.text for q in framework.questions() if q.text not in appendix] == []


def test_readme_and_app_give_the_same_hallmarks_counts() -> None:
    framework = Catalogue().framework("hallmarks").framework
    prompts = len(list(framework.questions()))
    # The seed's 67 questions; some are asked in parts, each part its own prompt, and the
    # app counts prompts ("Question 5 of 70").
    said = "67 questions, some asked in parts (1.5 in two, 6.3 in three)"
    row = next(
        line
        for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `hallmarks` |")
    )
    assert len(hallmarks()) == 67
    assert f"{said}: {prompts} prompts" in row
    assert f"{said}, so {prompts} prompts" in framework.description
