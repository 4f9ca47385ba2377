"""A seeded, repeatable synthetic corpus of plain-text articles (1-8 KB) for speed benchmarks, never accuracy.

    python -m bench.generate_corpus OUT_DIR --articles 10000 --seed 1

Names, places, topic keywords and trigger words come from `events/data/`; the sentence shapes, junk lines and
date phrases are ours. Each article is drawn from its own generator seeded with (seed, index), so the same seed
gives identical bytes and a bigger corpus starts with the files of a smaller one.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import re
import sys
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.gazetteer import DATA_DIR, load_gazetteer

MIN_BYTES, MAX_BYTES = 1024, 8192
MANIFEST_SHARE = 0.6  # articles listed in manifest.csv with their publication date
FIRST_DAY, LAST_DAY = date(2012, 1, 1), date(2025, 12, 31)
OUTLETS = ("Bench Wire", "Synthetic Daily", "Example Herald", "Test Tribune")
STAMP = ".generated"  # written last: a folder with it is complete
VERSION = 2  # bump when the generated text changes, so a stale corpus is not reused

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
COUNTS = ("two", "three", "four", "five", "six", "several")

# Sentence shapes. {a}: Syrian actor, {b}: Russian actor, {when}: a past date phrase, {later}: a future one,
# {verb}/{noun}: trigger words from triggers.toml, {topic}/{topic2}: topic keywords, {place}: a place.
SHAPES = (
    "{a} {verb} {b} in {place} {when} to discuss {topic} and {topic2}.",
    "{when}, {b} and {a} {verb} in {place}, focusing on {topic}, the two sides said.",
    "According to a statement issued in {place}, {a} {verb} {b} {when}.",
    "{b} told reporters {when} that work on {topic} with {a} would continue.",
    "Officials said {a} is expected to travel to {place} {later} for a {noun} with {b}.",
    "A delegation led by {a} arrived in {place} {when} and was received by {b}.",
    "The two governments put their names to a memorandum on {topic} {when} in {place}.",
    "{a} and {b} spoke by phone {when}, going over {topic} and {topic2}.",
    "In a separate development, {b} {verb} the situation around {place}.",
    "{a}, speaking in {place}, {verb} that {topic} remained a priority for both countries.",
    "Earlier, {a} had held a {noun} with {b} in {place} {when}.",
    '"We went through {topic} point by point," {b} said after seeing {a} {when}.',
    "No date has been set for the next round, a source close to the {noun} in {place} said.",
    "The office of {b} said {a} had thanked Moscow for its help with {topic}.",
    "A {noun} on {topic} is planned {later} in {place}, diplomats said.",
)
# Background sentences, most of a news story: no contact, some dates, places and topic words.
FILLER = (
    "Analysts in {place} noted that {topic} has shaped the region's politics for years.",
    "Debate over {topic} went on in {place}, and local observers expected little change soon.",
    "The report, published {when}, listed {count} separate cases linked to {topic}.",
    "Figures released {when} showed that trade tied to {topic} fell by {count} percent.",
    "Residents of {place} said prices had climbed steadily since {when}.",
    "The ministry gave no further details, and several questions about {topic} were left open.",
    "Traffic in central {place} was slow for most of the day as roads were closed.",
    "Local papers ran long pieces on {topic}, most of them critical of the plan.",
    "The weather stayed dry across the region, with strong winds near {place}.",
    "Experts cautioned that any progress on {topic} would take many months.",
    "A spokesperson declined to comment on the figures when asked {when}.",
    "The committee will meet again {later} to review {topic} and {topic2}.",
)
CONTACT_SHARE = 0.35  # share of sentences drawn from SHAPES rather than FILLER
TITLE_SHAPES = (
    "{a} and {b} discuss {topic} in {place}",
    "{b} receives {a} as talks on {topic} resume",
    "Talks on {topic}: what the {place} {noun} means",
    "{place} hosts round on {topic} with {a}",
)
MENUS = ("Home | World | Middle East | Politics | Business | Opinion", "News  Sport  Culture  Weather",
         "Home > World > Middle East", "Menu  Search  Sign in")
SHARE_LINES = ("Share", "Tweet", "Print", "Email", "Share on Facebook", "Share this article")
MID_JUNK = ("Advertisement", "Read more: {title}", "(Photo: {outlet})", "Sponsored content", "Related stories")
TAIL_MARKERS = ("Read more:", "Related articles", "You may also like", "Leave a comment", "Post a comment")
TAIL_JUNK = (
    "We use cookies to give you a better experience. By using this site you accept our cookie policy.",
    "The views expressed in this piece are the author's own and not the editorial line of this site.",
    "Comments are moderated. Please keep them civil and on topic.",
    "Sign up for our newsletter",
    "Copyright 2026 {outlet}. All rights reserved.",
)


@dataclass(frozen=True, slots=True)
class Material:
    """Words drawn from the project's data files."""

    syrian: tuple[str, ...]
    russian: tuple[str, ...]
    places: tuple[str, ...]
    topics: tuple[str, ...]
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GeneratedArticle:
    """One synthetic article and what the manifest may say about it."""

    name: str
    text: str
    published: date
    outlet: str
    url: str
    title: str
    in_manifest: bool


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    """What `generate_corpus` wrote."""

    folder: Path
    articles: int
    total_bytes: int
    in_manifest: int


def _trigger_words(triggers: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Plain-word trigger patterns split into past-tense verb phrases and nouns."""
    verbs, nouns = [], []
    for name in ("call", "meeting", "agreement", "aid", "military", "statement"):
        for pattern in triggers["type"][name]["patterns"]:
            if not re.fullmatch(r"[a-z][a-z ]*", pattern):
                continue  # a regular expression, not words we can print
            head = pattern.split()[0]
            if head.endswith("ed") or head in {"said", "told", "held", "had"}:
                verbs.append(pattern if " " not in pattern else pattern + " with")
            elif not head.endswith(("ing", "s")) and head not in {"hold"}:
                nouns.append(pattern)
    return tuple(dict.fromkeys(verbs)), tuple(dict.fromkeys(nouns))


@cache
def load_material() -> Material:
    """Names, places, topic keywords and trigger words from `events/data/`."""
    gazetteer = load_gazetteer()
    people = [a for a in gazetteer.actors if a.kind == "person"]
    syrian = tuple(n for a in people if a.country == "SY" for n in (a.name, *a.aliases[:2]))
    russian = tuple(n for a in people if a.country == "RU" for n in (a.name, *a.aliases[:2]))
    places = tuple(n for p in gazetteer.places for n in (p.name, *p.aliases[:1]))
    with open(DATA_DIR / "topics.toml", "rb") as fh:
        topics = tuple(k.rstrip("*") + ("s" if k.endswith("*") else "")
                       for spec in tomllib.load(fh)["topic"].values() for k in spec["keywords"])
    with open(DATA_DIR / "triggers.toml", "rb") as fh:
        verbs, nouns = _trigger_words(tomllib.load(fh))
    return Material(syrian, russian, places, topics, verbs, nouns)


def _day_phrase(day: date, rng: random.Random) -> str:
    """An absolute date in one of the printed forms the resolver reads."""
    month = MONTHS[day.month - 1]
    return rng.choice((f"on {day.day} {month} {day.year}", f"on {month} {day.day}, {day.year}",
                       f"on {day.isoformat()}", f"on {day:%d.%m.%Y}", f"on {month[:3]} {day.day}",
                       f"on {day.day} {month}", f"on {WEEKDAYS[day.weekday()]}, {month} {day.day}, {day.year}"))


def _when(published: date, rng: random.Random) -> str:
    """A past date phrase: absolute, or relative to `published` in one of the forms the resolver reads."""
    if rng.random() < 0.3:
        return _day_phrase(published - timedelta(days=rng.randrange(0, 400)), rng)
    month = MONTHS[rng.randrange(12)]
    weekday = WEEKDAYS[(published - timedelta(days=rng.randrange(1, 7))).weekday()]
    return rng.choice((
        f"on {weekday}", "last month", f"{rng.choice(COUNTS[:4])} weeks ago", f"{rng.choice(COUNTS[:4])} days ago",
        "earlier this year", "earlier this week", "last year", "recently", "yesterday", "last week",
        "the previous day", f"in {month}", f"in {month} last year", f"in {month} {published.year - rng.randrange(4)}",
        f"in {published.year - rng.randrange(1, 6)}",
    ))


def _later(rng: random.Random) -> str:
    return rng.choice(("next week", "next month", f"on {rng.choice(WEEKDAYS)}", "later this year"))


def _fill(shape: str, rng: random.Random, cast: dict[str, str], material: Material, published: date) -> str:
    return shape.format(
        when=_when(published, rng), later=_later(rng), verb=rng.choice(material.verbs),
        noun=rng.choice(material.nouns), topic=rng.choice(material.topics), topic2=rng.choice(material.topics),
        place=rng.choice(material.places), count=rng.choice(COUNTS), **cast,
    )


def _header(rng: random.Random, art: GeneratedArticle) -> list[str]:
    """Page furniture before the story: menu, title, date or URL line, byline, share buttons."""
    day = art.published
    lines = [rng.choice(MENUS)] if rng.random() < 0.5 else []
    lines.append(art.title)
    if not art.in_manifest or rng.random() < 0.5:
        form = rng.randrange(4)
        if form == 0:
            stamp = f"{WEEKDAYS[day.weekday()][:3]} {day.day} {MONTHS[day.month - 1][:3]} {day.year}"
            lines.append(f"{stamp} | 10:{rng.randrange(10, 60)} AM")
        elif form == 1:
            lines.append(f"Published: {MONTHS[day.month - 1]} {day.day}, {day.year}")
        elif form == 2:
            lines.append(art.url)
        # form 3: no date printed at all
    if rng.random() < 0.4:
        lines.append(f"By {rng.choice(('Staff Reporter', 'Our Correspondent', 'Desk Editor'))}")
    lines += rng.sample(SHARE_LINES, rng.randrange(0, 4))
    return lines


def make_article(seed: int, index: int) -> GeneratedArticle:
    """The article number `index` of the corpus with `seed`; depends on nothing else."""
    rng = random.Random(f"timeline-bench:{seed}:{index}")
    material = load_material()
    published = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    cast = {"a": rng.choice(material.syrian), "b": rng.choice(material.russian)}
    title = _fill(rng.choice(TITLE_SHAPES), rng, cast, material, published)
    outlet = rng.choice(OUTLETS)
    slug = "-".join(re.findall(r"[a-z0-9]+", title.lower()))[:60]
    url = f"https://news.example.org/{published:%Y/%m/%d}/{slug}-{index}"
    name = f"a{index:06d}.txt"
    art = GeneratedArticle(name, "", published, outlet, url, title, rng.random() < MANIFEST_SHARE)
    # The page after the story: a "read more" list of other headlines, then cookie and disclaimer lines.
    tail = [rng.choice(TAIL_MARKERS)]
    tail += [_fill(rng.choice(TITLE_SHAPES), rng, cast, material, published) for _ in range(rng.randrange(0, 4))]
    tail += [line.format(outlet=outlet) for line in rng.sample(TAIL_JUNK, rng.randrange(0, 4))]
    lines = _header(rng, art)
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    first = True
    while True:
        sentences = (_fill(rng.choice(SHAPES if rng.random() < CONTACT_SHARE else FILLER), rng, cast, material,
                           published) for _ in range(rng.randint(1, 4)))
        paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
        if first and rng.random() < 0.3:  # a wire dateline opens the story
            place = rng.choice(material.places).upper()
            paragraph = f"{place}, {MONTHS[published.month - 1][:3]} {published.day} ({outlet}) - {paragraph}"
        candidate = [*lines, paragraph]
        if rng.random() < 0.08:
            candidate.append(rng.choice(MID_JUNK).format(title=title, outlet=outlet))
        size = len("\n\n".join([*candidate, *tail]).encode())
        if size > MAX_BYTES - 4:
            break
        lines, first = candidate, False
        if size >= target:
            break
    text = "\n\n".join(lines) + "\n\n" + "\n".join(tail) + "\n"
    while len(text.encode()) < MIN_BYTES:  # a short draw: pad with one more plain sentence
        lines.append(_fill(FILLER[0], rng, cast, material, published))
        text = "\n\n".join(lines) + "\n\n" + "\n".join(tail) + "\n"
    return GeneratedArticle(name, text, published, outlet, url, title, art.in_manifest)


def manifest_text(articles: list[GeneratedArticle]) -> str:
    """manifest.csv for the articles listed in it."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("file", "published", "outlet", "url", "title"))
    for art in articles:
        if art.in_manifest:
            writer.writerow((art.name, art.published.isoformat(), art.outlet, art.url, art.title))
    return buffer.getvalue()


def _stamp(articles: int, seed: int) -> str:
    return f"articles={articles} seed={seed} version={VERSION}\n"


def generate_corpus(folder: Path, articles: int, seed: int) -> CorpusSummary:
    """Write `articles` synthetic articles and a manifest.csv into `folder` (created if needed)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / STAMP).unlink(missing_ok=True)
    for old in folder.glob("a[0-9]*.txt"):  # files of an earlier, bigger corpus
        old.unlink()
    made, total = [], 0
    for index in range(articles):
        art = make_article(seed, index)
        data = art.text.encode("utf-8")
        (folder / art.name).write_bytes(data)
        total += len(data)
        made.append(art)
    (folder / "manifest.csv").write_text(manifest_text(made), encoding="utf-8", newline="")
    (folder / STAMP).write_text(_stamp(articles, seed), encoding="utf-8")
    return CorpusSummary(folder, articles, total, sum(a.in_manifest for a in made))


def ensure_corpus(folder: Path, articles: int, seed: int) -> CorpusSummary | None:
    """Generate the corpus unless `folder` already holds exactly it; returns None when it was reused."""
    stamp = Path(folder) / STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8") == _stamp(articles, seed):
        return None
    return generate_corpus(folder, articles, seed)


def add_corpus_arguments(parser: argparse.ArgumentParser, articles: int) -> None:
    """`--articles`, `--seed` and `--corpus` for a script that measures a corpus (`corpus_folder` reads them)."""
    parser.add_argument("--articles", type=int, default=articles, help=f"corpus size (default {articles})")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--corpus", type=Path, default=None,
                        help="folder of articles, measured as it is (default: the generated corpus-nN-sS)")


def corpus_folder(args: argparse.Namespace, out_dir: Path) -> Path:
    """The folder given with `--corpus`, measured as it is and never written to, or else the generated corpus of
    `--articles` and `--seed` under `out_dir`, generated unless it is there already."""
    if args.corpus is not None:
        return args.corpus
    folder = out_dir / f"corpus-n{args.articles}-s{args.seed}"
    ensure_corpus(folder, args.articles, args.seed)
    return folder


def main(argv: list[str] | None = None) -> int:
    """Command line: write the corpus and print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (created if needed)")
    parser.add_argument("--articles", type=int, default=1000, help="how many articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    summary = generate_corpus(args.out_dir, args.articles, args.seed)
    print(f"wrote {summary.articles} articles ({summary.total_bytes / 1e6:.1f} MB, "
          f"{summary.in_manifest} in manifest.csv) to {summary.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
