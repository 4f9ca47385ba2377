"""File bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1252; empty and binary files refused."""
from __future__ import annotations

from loaders.report import LoadError

MAX_BYTES = 5_000_000
_SNIFF = 4096


def _looks_utf16le(data: bytes) -> bool:
    head = data[:_SNIFF]
    return len(head) >= 8 and head[1::2].count(0) > 0.9 * (len(head) // 2) and head[0::2].count(0) == 0


def decode_bytes(data: bytes, limit: int = MAX_BYTES) -> tuple[str, str | None]:
    """Text of a file's bytes and a note when the encoding was not clean UTF-8; LoadError when it is not text."""
    if len(data) > limit:
        raise LoadError(f"file too large ({len(data):,} bytes; limit {limit:,})")
    if not data.strip():
        raise LoadError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16 text"
        except UnicodeDecodeError as exc:
            raise LoadError(f"broken UTF-16 text ({exc.reason})") from exc
    if _looks_utf16le(data):
        try:
            return data.decode("utf-16-le"), "UTF-16 text without byte-order mark"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:_SNIFF]:
        raise LoadError("binary file, not text")
    note = None
    if data.startswith(b"\xef\xbb\xbf"):
        data, note = data[3:], "UTF-8 with byte-order mark"
    try:
        return data.decode("utf-8"), note
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for c in lenient if ord(c) > 127) - bad
    if multibyte and multibyte >= bad:  # UTF-8 with a few broken bytes; Windows-1252 text has no valid sequences
        return lenient, f"{bad} invalid UTF-8 byte sequence(s) replaced"
    return data.decode("cp1252", errors="replace"), "not UTF-8: read as Windows-1252"


def decode_text(data: bytes, limit: int = MAX_BYTES) -> str:
    """Text of a file's bytes (see `decode_bytes`)."""
    return decode_bytes(data, limit)[0]
