"""The embedded store: reuse of unchanged work, invalidation, removal, transactions, parallel extraction."""
from __future__ import annotations

import multiprocessing
import shutil
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import events.pipeline as pipeline
from events.__main__ import main
from events.codec import article_from_dict, article_to_dict, event_from_dict, event_to_dict
from events.pipeline import build, extract_corpus, extract_stream
from events.store import default_store_path, load_records, open_store
from loaders.article import Article
from loaders.corpus import load_corpus
from loaders.options import ReadOptions


@pytest.fixture
def corpus(sample_corpus_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(sample_corpus_dir, folder)
    return folder


def _counts(report: tuple[str, ...]) -> str:
    return next(line for line in report if line.startswith("extraction:"))


def _no_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(article: Article) -> None:
        raise AssertionError(f"{article.article_id} extracted again")
    monkeypatch.setattr(pipeline, "extract_article", refuse)


def test_store_second_build_reuses_everything(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s.sqlite"
    first = build(corpus, store=store)
    assert _counts(first.report).startswith("extraction: 18 articles extracted, 0 reused")
    assert build(corpus).records == first.records  # the same as a build without a kept store
    _no_extraction(monkeypatch)
    second = build(corpus, store=store)
    assert _counts(second.report).startswith("extraction: 0 articles extracted, 18 reused from the store; "
                                             "0 of 18 files read again")
    assert second.records == first.records and second.events == first.events
    assert load_records(store) == first.records


def test_store_changed_file_extracted_again(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    build(corpus, store=store)
    path = corpus / "2019-10-23_putin-assad-call.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe Kremlin gave no further details.\n", encoding="utf-8")
    again = build(corpus, store=store)
    assert again.records == build(corpus).records  # merged again, as a build from scratch would
    assert _counts(again.report).startswith("extraction: 1 articles extracted, 17 reused from the store; "
                                            "1 of 18 files read again")


def test_store_removed_file_events_disappear(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    name = "2017-12-11_putin-hmeimim.txt"
    first = build(corpus, store=store)
    assert any(s["article"] == name for r in first.records for s in r["sources"])
    (corpus / name).unlink()
    second = build(corpus, store=store)
    assert not any(s["article"] == name for r in load_records(store) for s in r["sources"])
    assert "1 removed files forgotten" in _counts(second.report)
    assert len(second.records) < len(first.records)
    with open_store(store) as db:
        assert db.file(name) is None


def test_store_extractor_version_invalidates(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s.sqlite"
    build(corpus, store=store)
    monkeypatch.setattr(pipeline, "extractor_version", lambda: "a-new-extractor")
    assert _counts(build(corpus, store=store).report).startswith("extraction: 18 articles extracted")


def test_store_manifest_and_options_in_the_key(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    build(corpus, store=store)
    manifest = corpus / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    cells = lines[1].split(",")
    name, cells[1] = cells[0], "2001-01-01"
    lines[1] = ",".join(cells)
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = build(corpus, store=store)
    assert _counts(changed.report).startswith("extraction: 1 articles extracted, 17 reused from the store; "
                                              "18 of 18 files read again")
    assert any(s["article"] == name and s["published"] == "2001-01-01" for r in changed.records for s in r["sources"])
    assert "18 of 18 files read again" in _counts(build(corpus, store=store, use_manifest=False).report)
    options = ReadOptions(fields=(("text", "story"),))
    assert "18 of 18 files read again" in _counts(build(corpus, store=store, options=options).report)


def test_store_build_interrupted_keeps_previous_state(corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "s.sqlite"
    first = build(corpus, store=store)
    (corpus / "2015-10-21_assad-moscow.txt").unlink()
    for path in sorted(corpus.glob("2017-*.txt")):
        path.write_text(path.read_text(encoding="utf-8") + "\nA line added later.\n", encoding="utf-8")
    calls = []

    def killed_halfway(article: Article) -> None:
        calls.append(article.article_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(article)

    original = pipeline.extract_article
    monkeypatch.setattr(pipeline, "extract_article", killed_halfway)
    with pytest.raises(KeyboardInterrupt):
        build(corpus, store=store)
    assert load_records(store) == first.records
    with open_store(store) as db:
        assert db.file("2015-10-21_assad-moscow.txt") is not None
        assert db.report() == first.report


def test_load_records_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_records(tmp_path / "none.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(ValueError, match="not a timeline store"):
        load_records(bad)


def test_codec_round_trip(dev_dir: Path) -> None:
    corpus = load_corpus(dev_dir)
    for article in corpus.articles:
        assert article_from_dict(article_to_dict(article)) == article
    events = extract_corpus(corpus).events
    assert events
    for event in events:
        assert event_from_dict(event_to_dict(event)) == event


def test_jobs_give_the_same_result(dev_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = build(dev_dir, jobs=1)
    monkeypatch.setattr(pipeline, "MIN_PARALLEL", 2)  # the pool is really used, even for a small corpus
    pools = []
    context = multiprocessing.get_context()

    class Counting:
        def Pool(self, *args, **kwargs):  # stands in for the context's Pool
            pools.append(args)
            return context.Pool(*args, **kwargs)

    monkeypatch.setattr(pipeline.multiprocessing, "get_context", lambda *_: Counting())
    two = build(dev_dir, jobs=2, store=tmp_path / "s.sqlite")
    assert pools
    assert two.records == one.records and two.report == one.report
    assert extract_corpus(load_corpus(dev_dir), jobs=2).records == one.records


def test_extract_stream_holds_a_bounded_window(dev_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = load_corpus(dev_dir).articles
    pulled = []

    def many():
        for i in range(300):
            article = articles[i % len(articles)]
            pulled.append(i)
            yield replace(article, article_id=f"{i}-{article.article_id}")

    monkeypatch.setattr(pipeline, "MIN_PARALLEL", 2)
    stream = extract_stream(many(), jobs=2)
    first = next(stream)
    assert first.article_id.startswith("0-")
    assert len(pulled) <= 2 * pipeline.WINDOW_PER_JOB
    assert [done.article_id.split("-")[0] for done in stream] == [str(i) for i in range(1, 300)]


def test_read_stream_reads_in_workers_in_order_within_a_window(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(corpus.glob("*.txt"))
    pulled = []

    def pending():
        for i in range(200):
            path = files[i % len(files)]
            pulled.append(i)
            yield pipeline._Pending(f"{i}-{path.name}", "key", None, path.read_bytes())

    manifest = pipeline.load_manifest(corpus, True)
    stream = pipeline.read_stream(pending(), manifest, ReadOptions(), jobs=2)
    item, first = next(stream)
    assert item.rel == first.name == "0-" + files[0].name and first.articles
    assert len(pulled) <= 2 * 2 * pipeline.WINDOW_PER_JOB  # the window being read and the next one
    assert [load.name.split("-")[0] for _, load in stream] == [str(i) for i in range(1, 200)]


def test_build_without_load_returns_no_events(corpus: Path, tmp_path: Path) -> None:
    """With `load` false the events stay in the store, whether files were read again or not."""
    for _ in range(2):
        result = build(corpus, store=tmp_path / "s.sqlite", load=False)
        assert result.events == () and result.records == ()
    assert load_records(tmp_path / "s.sqlite")


def test_cli_default_store_and_out_from_store(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["build", str(corpus), "--out", str(out), "--jobs", "1"]) == 0
    store = default_store_path(corpus)
    assert store == corpus / ".timeline" / "store.sqlite" and store.is_file()
    assert out.read_text(encoding="utf-8").count("\n") == len(load_records(store))
    capsys.readouterr()
    assert main(["build", str(corpus), "--jobs", "1"]) == 0
    printed = capsys.readouterr().out
    assert "extraction: 0 articles extracted, 18 reused from the store" in printed
    assert "articles read: 18" in printed and "store kept at" in printed


def test_cli_fields_and_bad_options(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "feeds"
    corpus.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures" / "loaders" / "feed_custom.csv", corpus)
    out = tmp_path / "events.jsonl"
    assert main(["build", str(corpus), "--no-store", "--out", str(out), "--fields", "text=copy,date=pub_time"]) == 0
    printed = capsys.readouterr().out
    assert "articles read: 1" in printed and "Yury Borisov" in out.read_text(encoding="utf-8")
    assert not (corpus / ".timeline").exists()
    for bad in (["--fields", "story"], ["--jobs", "0"]):
        with pytest.raises(SystemExit):
            main(["build", str(corpus), "--no-store", *bad])


def test_cli_unwritable_store_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SystemExit):
        main(["build", str(tmp_path), "--store", str(blocker / "store.sqlite")])
    assert "cannot keep the store" in capsys.readouterr().err


def test_store_tables_hold_articles_and_events(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    build(corpus, store=store)
    db = sqlite3.connect(store)
    rows = db.execute("SELECT path, content_hash, title, events FROM articles").fetchall()
    assert len(rows) == 18 and all(r[1] and r[2] and r[3] is not None for r in rows)
    assert db.execute("SELECT count(*) FROM records").fetchone()[0] == len(load_records(store))


def test_store_build_killed_by_sigkill_keeps_previous_state(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    first = build(corpus, store=store)
    for path in sorted(corpus.glob("20*.txt")):
        path.write_text(path.read_text(encoding="utf-8") + "\nA sentence added later.\n", encoding="utf-8")
    script = (
        "import os, signal, sys\n"
        "import events.pipeline as p\n"
        "real = p.extract_article\n"
        "done = []\n"
        "def dying(article):\n"
        "    done.append(article)\n"
        "    if len(done) == 3:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "    return real(article)\n"
        "p.extract_article = dying\n"
        "p.build(sys.argv[1], store=sys.argv[2], jobs=1)\n"
    )
    run = subprocess.run([sys.executable, "-c", script, str(corpus), str(store)], capture_output=True, timeout=120)
    assert run.returncode == -signal.SIGKILL
    assert Path(f"{store}-journal").exists()  # a hot journal: the next reader rolls the half-done build back
    assert load_records(store) == first.records
    assert _counts(build(corpus, store=store).report).startswith("extraction: 18 articles extracted")


def test_loader_version_follows_the_places_file_the_sign_off_lines_are_read_against(monkeypatch, tmp_path) -> None:
    from events import pipeline
    from loaders import plain
    places = tmp_path / "places.csv"
    places.write_bytes(plain.PLACES_PATH.read_bytes())
    monkeypatch.setattr(plain, "PLACES_PATH", places)
    pipeline.loader_version.cache_clear()
    before = pipeline.loader_version()
    places.write_bytes(places.read_bytes() + b"\n")
    pipeline.loader_version.cache_clear()
    assert pipeline.loader_version() != before
    pipeline.loader_version.cache_clear()
