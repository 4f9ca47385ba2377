"""Bad input: each case gives a clear line in the report while every other file is still read."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import loaders.readers
from events.__main__ import main
from loaders.archives import ZipLimits, unsafe_member_path, zip_members
from loaders.corpus import load_corpus, load_files
from loaders.decoding import decode_bytes
from loaders.report import LoadError

FIX = Path(__file__).parent / "fixtures" / "loaders"
GOOD = ("Lavrov meets Mekdad\n\nRussian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Faisal Mekdad "
        "in Moscow on 13 December 2021, the ministry said after the talks.\n")
FRENCH = ("Visite à Moscou\n\nLe ministre syrien des affaires étrangères a rencontré son homologue russe à Moscou "
          "lundi, selon un communiqué publié par le ministère après la réunion des deux délégations. Les deux "
          "ministres ont parlé de la reconstruction et de la situation dans le nord du pays.\n")


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def _variant(n: int) -> str:
    return GOOD.replace("13 December", f"{n} December")


# (file name, bytes, expected: "skipped" or "note" or "read", text the report line must hold)
CASES = [
    ("empty.txt", b"", "skipped", "empty file"),
    ("blank.md", b"  \n\n \t", "skipped", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "skipped", "binary file, not text"),
    ("utf16.txt", _variant(1).encode("utf-16"), "read", "UTF-16 text"),
    ("bom.txt", b"\xef\xbb\xbf" + _variant(2).encode("utf-8"), "read", "UTF-8 with byte-order mark"),
    ("windows.txt", _variant(3).replace("ministry", "ministry’s café").encode("cp1252"), "read",
     "not UTF-8: read as Windows-1252"),
    ("broken.txt", _variant(4).replace("Moscow", "Moscow ’ \xff").encode("utf-8").replace(b"\xc3\xbf", b"\xff"),
     "read", "1 invalid UTF-8 byte sequence(s) replaced"),
    ("page.html", (FIX / "empty_page.html").read_bytes(), "skipped", "no article found in the page"),
    ("feed.csv", (FIX / "feed_no_text.csv").read_bytes(), "skipped", "no text column"),
    ("french.txt", FRENCH.encode(), "skipped", "not English (looks like fr)"),
    ("notes.docx", b"PK\x03\x04", "skipped", "unsupported file type .docx"),
]


@pytest.mark.parametrize("name,data,outcome,says", CASES, ids=[c[0] for c in CASES])
def test_bad_input_reported_and_good_file_still_read(name: str, data: bytes, outcome: str, says: str) -> None:
    loaded = load_files([("good.txt", GOOD.encode()), (name, data)])
    ids = [a.article_id for a in loaded.articles]
    assert ids[0] == "good.txt"
    reasons = {s.name: s.reason for s in loaded.skipped}
    if outcome == "skipped":
        assert ids == ["good.txt"]
        assert says in reasons[name]
    else:
        assert ids == ["good.txt", name] and not reasons
        assert f"{name}: {says}" in loaded.notes


def test_decoded_text_is_right() -> None:
    assert "café" in decode_bytes("a café".encode("cp1252"))[0]
    assert decode_bytes(b"\xef\xbb\xbfplain")[0] == "plain"
    assert decode_bytes("Москва".encode("utf-16"))[0] == "Москва"
    assert decode_bytes("Moscow text".encode("utf-16-le"))[0] == "Moscow text"
    text, note = decode_bytes("Damascus – Moscow \xff ok".encode().replace(b"\xc3\xbf", b"\xff"))
    assert text == "Damascus – Moscow \ufffd ok" and "invalid UTF-8" in note


def test_file_over_the_size_limit_not_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "huge.txt").write_bytes(b"word " * 1_000_001)
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["good.txt"]
    assert "file too large (5,000,005 bytes; limit 5,000,000)" in {s.name: s.reason for s in corpus.skipped}["huge.txt"]
    with pytest.raises(LoadError, match="too large"):
        decode_bytes(b"a" * 11, limit=10)


def test_manifest_missing_file_and_impossible_date_noted(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "manifest.csv").write_text("file,published,outlet,url\ngood.txt,2021-02-30,Wire,\n"
                                           "gone.txt,2021-01-01,Wire,\n,2021-01-01,,\n")
    corpus = load_corpus(tmp_path)
    assert [a.article_id for a in corpus.articles] == ["good.txt"]
    assert "manifest.csv line 2: impossible date '2021-02-30' for good.txt; ignored" in corpus.notes
    assert "manifest.csv: gone.txt is listed but no such article was read" in corpus.notes
    assert "manifest.csv line 4: no file name; row ignored" in corpus.notes


def test_zip_bomb_member_with_high_ratio_skipped() -> None:
    data = _zip({"bomb.txt": b"\0" * 3_000_000, "good.txt": GOOD.encode()})
    loaded = load_files([("pack.zip", data)])
    assert [a.article_id for a in loaded.articles] == ["pack.zip/good.txt"]
    assert "compression ratio" in {s.name: s.reason for s in loaded.skipped}["pack.zip/bomb.txt"]


def test_zip_too_large_or_too_many_members_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _zip({f"a{i}.txt": _variant(i + 1).encode() for i in range(5)}, zipfile.ZIP_STORED)
    monkeypatch.setattr(loaders.readers, "ZIP_LIMITS", ZipLimits(max_total_bytes=300))
    loaded = load_files([("good.txt", GOOD.encode()), ("pack.zip", data)])
    assert [a.article_id for a in loaded.articles] == ["good.txt"]
    assert "zip bomb" in {s.name: s.reason for s in loaded.skipped}["pack.zip"]
    with pytest.raises(LoadError, match="5 files"):
        list(zip_members(data, "pack.zip", ZipLimits(max_members=4)))


def test_zip_member_over_the_member_limit_skipped() -> None:
    data = _zip({"a.txt": GOOD.encode(), "b.txt": b"short text"}, zipfile.ZIP_STORED)
    items = list(zip_members(data, "pack.zip", ZipLimits(max_member_bytes=len(GOOD) - 1)))
    assert "too large unpacked" in items[0].reason
    assert items[1] == ("pack.zip/b.txt", b"short text")


def test_zip_path_traversal_nested_and_absolute_refused() -> None:
    data = _zip({"../escape.txt": _variant(5).encode(), "/etc/abs.txt": _variant(6).encode(),
                 "inner.zip": _zip({"x.txt": _variant(7).encode()}), "ok/fine.txt": _variant(8).encode(),
                 "__MACOSX/._fine.txt": b"\0\1"})
    loaded = load_files([("pack.zip", data)])
    assert [a.article_id for a in loaded.articles] == ["pack.zip/ok/fine.txt"]
    reasons = {s.name: s.reason for s in loaded.skipped}
    assert "leaving the archive" in reasons["pack.zip/../escape.txt"]
    assert "absolute path" in reasons["pack.zip//etc/abs.txt"]
    assert "archive inside an archive" in reasons["pack.zip/inner.zip"]


@pytest.mark.parametrize("name,why", [("a/../../b.txt", "leaving"), ("C:/x.txt", "absolute"), ("\\x.txt", "absolute"),
                                      ("a/b.txt", None), ("a..b.txt", None)])
def test_unsafe_member_path(name: str, why: str | None) -> None:
    reason = unsafe_member_path(name)
    assert (reason is None) if why is None else (why in reason)


def test_not_a_zip_reported() -> None:
    loaded = load_files([("fake.zip", b"this is not an archive")])
    assert "not a readable zip archive" in loaded.skipped[0].reason


def test_cli_report_lists_every_bad_file_and_keeps_the_rest(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    for name, data, _, _ in CASES:
        (corpus / name).write_bytes(data)
    (corpus / "pack.zip").write_bytes(_zip({"../up.txt": b"x", "bomb.txt": b"\0" * 3_000_000}))
    (corpus / "manifest.csv").write_text("file,published\ngood.txt,2021-13-01\nmissing.txt,2021-01-01\n")
    out = tmp_path / "events.jsonl"
    assert main(["build", str(corpus), "--out", str(out), "--store", str(tmp_path / "s.sqlite"), "--jobs", "1"]) == 0
    printed = capsys.readouterr().out.splitlines()
    for name, _, outcome, says in CASES:
        prefix = f"skipped {name}: " if outcome == "skipped" else f"note: {name}: "
        assert any(line.startswith(prefix) and says in line for line in printed), name
    assert any(line.startswith("skipped pack.zip/../up.txt: path leaving the archive") for line in printed)
    assert any(line.startswith("skipped pack.zip/bomb.txt: compression ratio") for line in printed)
    assert any("impossible date '2021-13-01'" in line for line in printed)
    assert any("missing.txt is listed but no such article was read" in line for line in printed)
    assert "articles read: 5" in printed  # good, utf16, bom, windows, broken
    assert "Faisal Mekdad" in out.read_text(encoding="utf-8")


# Hostile lines: a long row of repeated share buttons, a page full of "class=". Each used to take seconds or
# more at these sizes (the share rows twice as long again for each further word or two); the answer must be the
# same as for a short one.
@pytest.mark.parametrize("line, junk", [
    ("Share " * 26 + "now.", False),
    ("Share on Facebook " * 26 + "now.", False),
    ("Facebook " * 26 + "now.", False),
    ("Share on Facebook | " * 26 + "Share on X", True),
    ("Share this article, " * 26 + "Share", True),
    ("Facebook Twitter | WhatsApp / " * 26 + "Telegram", True),
    ("Share on Facebook Share on X " * 2000 + "and then a sentence.", False),  # 58 KB
])
def test_long_rows_of_share_buttons_are_read_at_once(line: str, junk: bool) -> None:
    from loaders.clean import is_junk_line
    assert is_junk_line(line) is junk


def test_pasted_row_of_share_buttons_with_a_word_after_it_is_kept() -> None:
    line = "Share on Facebook " * 26 + "Now"
    [article] = list(loaders.readers.read_bytes("a.txt", line.encode()))
    assert article.text == line


def test_page_full_of_class_attributes_is_read_at_once() -> None:
    story = ("Russian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Faisal Mekdad in Moscow on Monday, "
             "the ministry said.")
    page = "<html><body><h1>Talks in Moscow</h1><div class=" + "x class=" * 8000 + f"><p>{story}</p></div></body></html>"
    [article] = list(loaders.readers.read_bytes("a.html", page.encode()))
    assert article.text == story
