"""Zip archives of articles, opened with limits: size unpacked, member count, compression ratio, safe paths."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from loaders.report import LoadError, Note, Skipped


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What an archive may hold before it is refused (whole) or a member skipped."""

    max_members: int = 20_000
    max_total_bytes: int = 500_000_000
    max_member_bytes: int = 50_000_000
    max_ratio: float = 100.0  # unpacked size / packed size of one member


ZIP_LIMITS = ZipLimits()
ARCHIVE_SUFFIXES = (".zip",)


def unsafe_member_path(name: str) -> str | None:
    """Why a member's path may not be used (absolute, or climbing out with `..`), or None when it is safe."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path refused"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return "path leaving the archive (..) refused"
    return None


def _is_noise(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return any((p.startswith(".") and p not in (".", "..")) or p == "__MACOSX" for p in parts)


Member = tuple[str, bytes]


def zip_members(data: bytes, name: str, limits: ZipLimits = ZIP_LIMITS,
                readable: Callable[[str], bool] = lambda _: True) -> Iterator[Member | Skipped | Note]:
    """The members of a zip archive as (archive/member name, bytes), and the ones refused with why."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(f"not a readable zip archive ({exc})") from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and not _is_noise(i.filename)]
        if len(infos) > limits.max_members:
            raise LoadError(f"archive refused: {len(infos):,} files (limit {limits.max_members:,})")
        total = sum(i.file_size for i in infos)
        if total > limits.max_total_bytes:
            raise LoadError(f"archive refused: {total:,} bytes unpacked (limit {limits.max_total_bytes:,}); "
                            "possibly a zip bomb")
        unpacked = 0
        for info in infos:
            member = f"{name}/{info.filename}"
            why = unsafe_member_path(info.filename)
            if why:
                yield Skipped(member, why)
                continue
            if info.filename.lower().endswith(ARCHIVE_SUFFIXES):
                yield Skipped(member, "archive inside an archive not read")
                continue
            if not readable(info.filename):
                yield Skipped(member, f"unsupported file type {PurePosixPath(info.filename).suffix or '(none)'}")
                continue
            if info.file_size > limits.max_member_bytes:
                yield Skipped(member, f"too large unpacked ({info.file_size:,} bytes; "
                                      f"limit {limits.max_member_bytes:,})")
                continue
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                yield Skipped(member, f"compression ratio {ratio:,.0f}:1 over the limit {limits.max_ratio:,.0f}:1; "
                                      "possibly a zip bomb")
                continue
            try:
                with archive.open(info) as fh:
                    content = fh.read(limits.max_member_bytes + 1)
            except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, RuntimeError) as exc:
                yield Skipped(member, f"cannot be unpacked ({exc})")
                continue
            unpacked += len(content)
            if len(content) > limits.max_member_bytes or unpacked > limits.max_total_bytes:
                yield Skipped(member, "unpacks to more than the archive's limits; rest of the archive not read")
                return
            yield member, content
