"""File bytes to text: UTF-8 (with or without BOM), UTF-16/32, the Windows code pages of Western, Cyrillic and
Arabic pages; empty and binary files refused with what they look like."""
from __future__ import annotations

import codecs
import re

from loaders.report import LoadError

MAX_BYTES = 5_000_000
_SNIFF = 4096

# The first bytes of files people save instead of an article's text, and what to call them in the report.
_SIGNATURES = (
    (b"%PDF-", "a PDF document; save the article as text or HTML"),
    (b"PK\x03\x04", "a zip container (a .docx, .odt or .epub file?); save the article as text or HTML"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word or Excel document; save the article as text or HTML"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x00", "binary data"),
)
# Legacy code pages a news page may be saved in: Western (the default), Cyrillic and Arabic Windows pages.
_CODE_PAGES = ("cp1252", "cp1251", "cp1256")
_CODE_PAGE_NAMES = {"cp1252": "Windows-1252", "cp1251": "Windows-1251", "cp1256": "Windows-1256"}
_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
                       rb"""([A-Za-z0-9_.:-]{2,40})""", re.I)
_NUL_SHARE = 0.01  # a text with a few stray NUL bytes (a bad copy) is still text; binary data has many


def _looks_utf16(data: bytes, zero_at: int) -> bool:
    """Mostly-ASCII UTF-16 without a byte-order mark: every other byte is zero (odd ones for LE, even for BE)."""
    head = data[:_SNIFF]
    half = len(head) // 2
    return len(head) >= 8 and head[zero_at::2].count(0) > 0.9 * half and head[1 - zero_at::2].count(0) == 0


def _binary_kind(data: bytes) -> str | None:
    """What a file that is not text looks like ("a PDF document"), or None for text."""
    head = data.lstrip(b"\r\n\t ")[:16]
    for magic, kind in _SIGNATURES:
        if head.startswith(magic):
            return kind
    sniff = data[:_SNIFF]
    if sniff.count(0) > _NUL_SHARE * len(sniff):
        return "binary data"
    return None


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by a page's `<meta charset>` or XML declaration, when Python knows it."""
    m = _DECLARED.search(data[:_SNIFF])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def guess_code_page(data: bytes) -> str:
    """The Windows code page (Western, Cyrillic, Arabic) that reads `data` as the most plausible text."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with trafilatura
        return "cp1252"
    matches = [m for m in from_bytes(data[:200_000], cp_isolation=list(_CODE_PAGES)) if m.encoding in _CODE_PAGES]
    if not matches:
        return "cp1252"
    # the least chaotic, then the most coherent reading; on a tie (a word or two of accents) the Western page
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _CODE_PAGES.index(m.encoding)))
    return best.encoding


def _codec_name(codec: str) -> str:
    return _CODE_PAGE_NAMES.get(codec, codec)


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Text of bytes that are not UTF-8: in the page's declared charset, else in the likeliest code page."""
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32", "ascii"):
        try:
            return data.decode(declared), f"not UTF-8: read as {_codec_name(declared)} (declared by the page)"
        except (UnicodeDecodeError, LookupError):
            pass
    codec = guess_code_page(data)
    return data.decode(codec, errors="replace"), f"not UTF-8: read as {_codec_name(codec)}"


def _decode_mixed(data: bytes) -> tuple[str, str] | None:
    """Text of a file that is UTF-8 in part: lines with a few broken bytes among valid UTF-8 get the broken bytes
    replaced; lines of a legacy code page (files pasted together) are read in it. None when nothing but ASCII
    is valid UTF-8: then the whole file is in one legacy code page."""
    lines = data.splitlines(keepends=True)
    out: list[str | None] = []
    utf8, bad = False, 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
            continue
        except UnicodeDecodeError:
            pass
        lenient = line.decode("utf-8", errors="replace")
        broken = lenient.count("\ufffd")
        if sum(1 for c in lenient if ord(c) > 127) - broken >= broken:  # UTF-8 with a few broken bytes
            out.append(lenient)
            utf8, bad = True, bad + broken
        else:
            out.append(None)
    if not utf8:
        return None
    legacy = [i for i, text in enumerate(out) if text is None]
    notes = []
    if legacy:
        codec = guess_code_page(b"".join(lines[i] for i in legacy))
        for i in legacy:
            out[i] = lines[i].decode(codec, errors="replace")
        notes.append(f"mixed encodings: {len(legacy)} line(s) read as {_codec_name(codec)}, the rest as UTF-8")
    if bad:
        notes.append(f"{bad} invalid UTF-8 byte sequence(s) replaced")
    return "".join(t or "" for t in out), "; ".join(notes)


def decode_bytes(data: bytes, limit: int = MAX_BYTES) -> tuple[str, str | None]:
    """Text of a file's bytes and a note when the encoding was not clean UTF-8; LoadError when it is not text."""
    if len(data) > limit:
        raise LoadError(f"file too large ({len(data):,} bytes; limit {limit:,})")
    if not data.strip():
        raise LoadError("empty file")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        try:
            return data.decode("utf-32"), "UTF-32 text"
        except UnicodeDecodeError as exc:
            raise LoadError(f"broken UTF-32 text ({exc.reason})") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16 text"
        except UnicodeDecodeError as exc:
            raise LoadError(f"broken UTF-16 text ({exc.reason})") from exc
    for zero_at, codec in ((1, "utf-16-le"), (0, "utf-16-be")):
        if _looks_utf16(data, zero_at):
            try:
                return data.decode(codec), "UTF-16 text without byte-order mark"
            except UnicodeDecodeError:
                pass
    kind = _binary_kind(data)
    if kind:
        raise LoadError(f"binary file, not text ({kind})")
    notes = []
    if b"\x00" in data:
        notes.append(f"{data.count(0)} NUL byte(s) removed")
        data = data.replace(b"\x00", b"")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        notes.append("UTF-8 with byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        mixed = _decode_mixed(data)
        text, note = mixed or _decode_legacy(data)
        notes.append(note)
    return text, "; ".join(notes) or None


def decode_text(data: bytes, limit: int = MAX_BYTES) -> str:
    """Text of a file's bytes (see `decode_bytes`)."""
    return decode_bytes(data, limit)[0]
