"""Readers for every format in the suffix table: Markdown, HTML, feed exports, zip archives, folders, uploads."""
from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from loaders.article import Article, DateSource
from loaders.corpus import load_corpus, load_files
from loaders.duplicates import url_key
from loaders.language import guess_language
from loaders.options import ReadOptions, parse_fields
from loaders.readers import READERS, read_bytes

FIX = Path(__file__).parent / "fixtures" / "loaders"
PINNED = ReadOptions(max_date=date(2026, 1, 1))  # htmldate refuses dates after its cap (today by default)


def _articles(name: str, data: bytes, options: ReadOptions = PINNED) -> list[Article]:
    return [item for item in read_bytes(name, data, options) if isinstance(item, Article)]


def _story(subject: str, place: str = "Damascus") -> str:
    return (f"{subject} met Syrian President Bashar al-Assad in {place} on Monday, officials said after the talks.\n\n"
            "The two sides discussed energy supplies, reconstruction and the return of refugees, the statement said.\n")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_readers_table_covers_every_format() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json", ".csv", ".zip"} <= READERS.keys()
    assert all(reader.max_bytes > 0 and reader.label for reader in READERS.values())


def test_read_markdown_front_matter_honoured() -> None:
    [article] = _articles("envoy.md", (FIX / "envoy.md").read_bytes())
    assert article.title == "Lavrentiev holds talks in Damascus"
    assert article.published == date(2024, 3, 5) and article.published_source is DateSource.METADATA
    assert article.url == "https://example.org/world/envoy-damascus"
    assert article.outlet == "Example Wire" and article.byline == "Jane Doe"


def test_read_markdown_syntax_stripped_offsets_kept() -> None:
    raw = (FIX / "envoy.md").read_text(encoding="utf-8")
    [article] = _articles("envoy.md", raw.encode("utf-8"))
    for mark in ("**", "](", "![", "> ", "- The", "```", "code blocks", "---", "title:"):
        assert mark not in article.text, mark
    assert "envoy Alexander Lavrentiev met Syrian President Bashar al-Assad" in article.text
    assert "the presidency said" in article.text
    for seg in article.segments:
        assert article.text[seg.start:seg.start + seg.length] == raw[seg.raw_start:seg.raw_start + seg.length]
    at = article.text.index("Bashar al-Assad")
    assert raw[article.raw_offset(at):].startswith("Bashar al-Assad*")
    covered = sum(seg.length for seg in article.segments)
    assert covered >= len(article.text.replace("\n\n", "")) - 5


def test_read_markdown_heading_title_and_toml_front_matter() -> None:
    text = "+++\ntitle = \"From TOML\"\ndate = 2020-01-07\n+++\n\n## Heading\n\n" + _story("Vladimir Putin")
    [article] = _articles("a.markdown", text.encode())
    assert article.title == "From TOML" and article.published == date(2020, 1, 7)
    [plain] = _articles("b.md", ("# Putin in Damascus\n\n" + _story("Vladimir Putin")).encode())
    assert plain.title == "Putin in Damascus" and plain.published is None


def test_read_markdown_bad_front_matter_date_noted() -> None:
    items = list(read_bytes("c.md", ("---\ndate: someday\n---\n" + _story("Sergei Lavrov")).encode()))
    assert any("'someday' is not a date" in getattr(i, "text", "") for i in items)
    assert [i.published for i in items if isinstance(i, Article)] == [None]


def test_read_html_main_text_and_metadata() -> None:
    [article] = _articles("envoy.html", (FIX / "envoy.html").read_bytes())
    assert article.title == "Deputy minister visits Damascus"
    assert article.byline == "John Roe" and article.outlet == "Example Wire"
    assert article.published == date(2023, 11, 14) and article.published_source is DateSource.METADATA
    assert article.url == "https://example.org/2023/11/14/deputy-minister-damascus"
    assert article.text.startswith("Russian Deputy Foreign Minister Mikhail Bogdanov met")
    assert article.text.count("\n\n") == 2
    for junk in ("Most read", "Copyright", "Sign in", "Storm hits", "Home"):
        assert junk not in article.text


def test_read_jsonl_feed_items() -> None:
    items = list(read_bytes("feed.jsonl", (FIX / "feed.jsonl").read_bytes()))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.article_id for a in articles] == ["feed.jsonl#1", "feed.jsonl#4"]
    first, second = articles
    assert first.outlet == "Example Wire" and first.byline == "Staff" and first.published == date(2017, 9, 12)
    assert first.url == "https://example.org/shoigu-assad"
    assert second.published == date(2020, 3, 5)  # RFC 822 date, as RSS writes it
    assert "<p>" not in second.text and second.text.count("\n\n") == 1
    reasons = {i.name: i.reason for i in items if not isinstance(i, Article) and hasattr(i, "reason")}
    assert reasons["feed.jsonl#2"].startswith("not JSON")
    assert "no text" in reasons["feed.jsonl#3"]


def test_read_jsonl_items_that_name_their_fields_differently() -> None:
    story = _story("Sergei Lavrov").replace("\n", " ")
    rows = [{"headline": "One", "content": story, "publishedAt": "2021-05-17T10:00:00Z", "link": "https://a.example"},
            {"title": "Two", "body": story + " [+1234 chars]", "date": "2021-05-18"}]
    data = "\n".join(json.dumps(r) for r in rows).encode()
    first, second = _articles("mixed.jsonl", data)
    assert (first.title, first.published, first.url) == ("One", date(2021, 5, 17), "https://a.example")
    assert (second.title, second.published) == ("Two", date(2021, 5, 18)) and "chars]" not in second.text
    # a column the user names is final: an item without it is skipped, not read from another column
    only_body = ReadOptions(fields=parse_fields("text=body"))
    assert [a.title for a in _articles("mixed.jsonl", data, only_body)] == ["Two"]


def test_read_json_object_holding_articles() -> None:
    articles = _articles("feed.json", (FIX / "feed.json").read_bytes())
    assert [a.title for a in articles] == ["Mekdad in Moscow", "No date here"]
    assert articles[0].outlet == "Example Wire" and articles[0].published == date(2021, 12, 13)
    as_array = b'[{"text": "' + _story("Sergei Lavrov").replace("\n", " ").encode() + b'"}]'
    assert len(_articles("array.json", as_array)) == 1


def test_read_csv_fields_mapping() -> None:
    data = (FIX / "feed_custom.csv").read_bytes()
    with pytest.raises(Exception, match="no text column"):
        list(read_bytes("feed_custom.csv", data))
    options = ReadOptions(fields=parse_fields("text=copy, date=pub_time"))
    [article] = _articles("feed_custom.csv", data, options)
    assert article.article_id == "feed_custom.csv#2"
    assert article.title == "Borisov in Damascus" and article.published == date(2021, 6, 21)
    assert article.outlet == "Example Wire" and article.url == "https://example.org/borisov"


@pytest.mark.parametrize("spec,error", [("text", "FIELD=COLUMN"), ("body=story", "not a field"), ("text=", "FIELD")])
def test_parse_fields_rejects_bad_specs(spec: str, error: str) -> None:
    with pytest.raises(ValueError, match=error):
        parse_fields(spec)


def test_read_zip_members_through_the_table() -> None:
    data = _zip({
        "pages/envoy.html": (FIX / "envoy.html").read_bytes(),
        "notes/envoy.md": (FIX / "envoy.md").read_bytes(),
        "feed.jsonl": (FIX / "feed.jsonl").read_bytes(),
        "plain.txt": ("Title line\n\n" + _story("Sergei Shoigu")).encode(),
        "picture.png": b"\x89PNG",
    })
    items = list(read_bytes("bundle.zip", data, PINNED))
    ids = [i.article_id for i in items if isinstance(i, Article)]
    assert ids == ["bundle.zip/pages/envoy.html", "bundle.zip/notes/envoy.md", "bundle.zip/feed.jsonl#1",
                   "bundle.zip/feed.jsonl#4", "bundle.zip/plain.txt"]
    assert any(getattr(i, "name", "") == "bundle.zip/picture.png" and "unsupported" in i.reason for i in items
               if hasattr(i, "reason"))


def test_load_corpus_reads_folders_recursively_and_uses_url_dates(tmp_path: Path) -> None:
    (tmp_path / "2020" / "jan").mkdir(parents=True)
    (tmp_path / "2020" / "jan" / "visit.txt").write_text("Putin in Damascus\n\n" + _story("Vladimir Putin"))
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "feed.json").write_bytes((FIX / "feed.json").read_bytes())
    (tmp_path / ".timeline").mkdir()
    (tmp_path / ".timeline" / "notes.txt").write_text("hidden folders are not read")
    corpus = load_corpus(tmp_path)
    by_id = {a.article_id: a for a in corpus.articles}
    assert set(by_id) == {"2020/jan/visit.txt", "feeds/feed.json#1", "feeds/feed.json#2"}
    undated = by_id["feeds/feed.json#2"]
    assert undated.published == date(2022, 2, 21) and undated.published_source is DateSource.URL


def test_load_files_reads_every_format_including_zip() -> None:
    files = [("envoy.md", (FIX / "envoy.md").read_bytes()),
             ("pack.zip", _zip({"feed.json": (FIX / "feed.json").read_bytes()})),
             ("page.htm", (FIX / "envoy.html").read_bytes())]
    loaded = load_files(files)
    assert [a.article_id for a in loaded.articles] == ["envoy.md", "pack.zip/feed.json#1", "pack.zip/feed.json#2",
                                                       "page.htm"]


def test_duplicates_loaded_once_with_a_note() -> None:
    story = "Lavrov and Mekdad\n\n" + _story("Sergei Lavrov", "Moscow")
    files = [("a.txt", story.encode()), ("copy/a-again.txt", story.replace("\n\n", "\n\n\n").encode("utf-16")),
             ("b.json", b'[{"text": "Sergei Lavrov met Faisal Mekdad in Moscow on Monday, officials said in a '
                        b'statement after the talks.", "url": "https://www.example.org/x/?utm_source=feed"},'
                        b'{"text": "Sergei Lavrov and Faisal Mekdad met in Moscow on Monday; a second report of '
                        b'the same talks.", "url": "http://example.org/x"}]')]
    loaded = load_files(files)
    assert [a.article_id for a in loaded.articles] == ["a.txt", "b.json#1"]
    assert any("copy/a-again.txt: same text as a.txt" in n for n in loaded.notes)
    assert any("b.json#2: same URL as b.json#1" in n for n in loaded.notes)


@pytest.mark.parametrize("url,key", [
    ("https://www.example.org/a/b/?utm_medium=x#top", "example.org/a/b"),
    ("http://example.org/a/b?id=3", "example.org/a/b?id=3"),
    ("not a url", None),
])
def test_url_key(url: str, key: str | None) -> None:
    assert url_key(url) == key


@pytest.mark.parametrize("text,code", [
    ("Le ministre russe des affaires étrangères a rencontré son homologue syrien à Moscou lundi, selon un "
     "communiqué publié par le ministère après la réunion des deux délégations dans la capitale.", "fr"),
    ("Der russische Außenminister hat sich am Montag mit seinem syrischen Amtskollegen in Moskau getroffen, "
     "wie das Ministerium nach dem Treffen der beiden Delegationen in der Hauptstadt mitteilte.", "de"),
    ("El ministro ruso de Asuntos Exteriores se reunió el lunes en Moscú con su homólogo sirio, según un "
     "comunicado publicado por el ministerio tras la reunión de las dos delegaciones en la capital.", "es"),
    ("وزير الخارجية الروسي التقى نظيره السوري في موسكو يوم الاثنين بحسب بيان صادر عن الوزارة بعد الاجتماع", "ar"),
    ("The Russian foreign minister met his Syrian counterpart in Moscow on Monday, the ministry said in a "
     "statement, describing the talks as a « dialogue constructif » between old partners on the future.", "en"),
    ("Too short to tell.", None),
])
def test_guess_language(text: str, code: str | None) -> None:
    assert guess_language(text) == code


def test_shared_articles_all_read_as_english(seeds_dir: Path, dev_dir: Path) -> None:
    for folder in (seeds_dir, dev_dir):
        corpus = load_corpus(folder)
        assert not corpus.skipped and not any("English" in n for n in corpus.notes)


def test_read_html_date_search_capped_by_max_date() -> None:
    data = (FIX / "envoy.html").read_bytes()
    [capped] = _articles("envoy.html", data, ReadOptions(max_date=date(2023, 1, 1)))
    assert capped.published is None or capped.published <= date(2023, 1, 1)
