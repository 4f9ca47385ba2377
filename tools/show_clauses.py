"""Print how the extractor reads an article: each sentence's parties, type, modality and date.

Usage: python tools/show_clauses.py ARTICLE_FILE [--published YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
import dataclasses
from datetime import date
from pathlib import Path

from events.clauses import find_clauses
from events.extract import group_clauses
from events.gazetteer import load_gazetteer
from events.published import publication_anchor
from loaders.article import DateSource
from loaders.readers import read_article


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("--published")
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    article = read_article(args.path)
    if args.published:
        article = dataclasses.replace(article, published=date.fromisoformat(args.published),
                                      published_source=DateSource.MANIFEST)
    anchor, why = publication_anchor(article, gazetteer)
    print(f"anchor: {anchor} ({why})")
    clauses, _ = find_clauses(article.text, anchor, gazetteer)
    for c in clauses:
        print(f"[{c.index}] {c.event_type and c.event_type.value} {c.modality.value} date={c.date} "
              f"SY={sorted(c.persons['SY'])} RU={sorted(c.persons['RU'])} C={sorted(c.countries)} "
              f"ana={c.anaphoric} :: {c.sentence.text[:110]}")
    for d in group_clauses(clauses):
        print("DRAFT", d.event_type.value, d.date, dict(d.persons), [c.index for c in d.clauses])


if __name__ == "__main__":
    main()
