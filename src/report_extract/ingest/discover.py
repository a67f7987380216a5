"""Expand the files and folders a user names into the documents to read, in a stable order.

Every entry under an input that could hold a document is listed: one that cannot be read (a
dangling link, a named pipe, a folder that cannot be listed, a link leading out of the inputs)
comes with the reason, so it gets a documents row instead of vanishing from the tables.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")

_NOT_FOLLOWED = ("symbolic link not followed: it leads outside the input folders, to {}; "
                 "run with --follow-links (follow_links=True) to read it")
_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a folder"))


@dataclass(frozen=True)
class Found:
    """One entry to report on: a file to read (status "ok", its size at discovery), or one that
    cannot be read, with status "error" or "skipped" (a link not followed) and the reason."""

    path: Path
    source: str
    size: int | None = None
    status: str = "ok"
    error: str | None = None

    def __iter__(self) -> Iterator[Path | str]:
        """Unpacks as (path, source), the pairs discover gave before it reported problems."""
        return iter((self.path, self.source))


@dataclass(frozen=True)
class _Entry:
    parts: tuple[str, ...]  # path under its input folder, name by name
    path: Path
    key: tuple[int, int] | None = None  # (device, inode) of a file to read: reached twice, it counts once
    size: int | None = None
    status: str = "ok"
    error: str | None = None
    folder: bool = False  # a folder's row: its source ends with "/"


class NotARegularFile(OSError):
    """Raised instead of reading a named pipe or a device, which could block or have side effects."""


def discover(inputs: Sequence[Path], follow_links: bool = False) -> list[Found]:
    """Every document under `inputs`, each file once, and every entry that cannot be read.

    A file named directly is always taken (its source is its file name). Under a folder, every
    file with a supported suffix is taken, recursively, sorted by relative path
    (case-insensitively); source is that path relative to the folder, with "/" separators, a
    folder's own row ending in "/". Hidden files and folders (".name") and Word lock files
    ("~$name") are skipped. Links within the input folders are read where they lead; links out
    of them only with `follow_links`. A missing input raises FileNotFoundError.
    """
    found: list[Found] = []
    seen: set[Hashable] = set()
    for given in map(Path, inputs):
        for entry in _input_entries(given, follow_links):
            # the same bad entry reached from two inputs gets one row
            key = entry.key if entry.status == "ok" else _problem_key(entry.path)
            if key not in seen:
                seen.add(key)
                source = "/".join(map(printable, entry.parts)) + ("/" if entry.folder else "")
                found.append(Found(entry.path, source, entry.size, entry.status, entry.error))
    return found


def printable(name: str) -> str:
    """`name` as valid UTF-8 text for the tables: a byte that is not UTF-8 (which Python keeps as
    a surrogate escape, e.g. from a Windows zip unpacked on Linux) is written "\\xe1", the same
    way on every run, so the source and its doc_id are stable."""
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte (a broken UTF-16 name)
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, if it is a regular file; else NotARegularFile.

    The type is checked before opening (opening a device can have side effects) and again on
    the opened descriptor, which is opened without blocking: a file swapped for a named pipe
    in between cannot hang the read."""
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise NotARegularFile(errno.EINVAL, not_regular(mode), str(path))
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise NotARegularFile(errno.EINVAL, not_regular(mode), str(path))
        return open(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def not_regular(mode: int) -> str:
    """Why a file of this mode is not read, in plain words."""
    kind = next((name for test, name in _KINDS if test(mode)), "a special file")
    return f"not a regular file ({kind})"


def read_error(path: Path, exc: OSError) -> str:
    """Why `path` could not be opened or read, in plain words."""
    if isinstance(exc, NotARegularFile):
        return exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied: cannot read this file"
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return f"dangling symbolic link to {printable(os.readlink(path))}"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop: it never reaches a file"
    return f"cannot read file: {exc.strerror or exc}"


def _input_entries(given: Path, follow_links: bool) -> list[_Entry]:
    """The entries of one input, sorted; a named file or a problem with the input is one entry."""
    try:
        info = os.stat(given)
    except OSError as exc:
        if exc.errno == errno.ENOENT and not os.path.lexists(given):
            raise FileNotFoundError(errno.ENOENT, "input path not found", str(given)) from None
        return [_Entry((given.name,), given, status="error", error=read_error(given, exc))]
    key = (info.st_dev, info.st_ino)
    if stat.S_ISDIR(info.st_mode):
        return _folder_entries(given, key, follow_links)
    return [_file_entry((given.name,), given, info)]


def _folder_entries(root: Path, root_key: tuple[int, int], follow_links: bool) -> list[_Entry]:
    """Walk `root` (one stat per document, none per folder), sorted folder by folder, ignoring case."""
    real_root = os.path.realpath(root)
    entries: list[_Entry] = []
    followed = {root_key}  # folders entered through links: a loop of links is walked once
    pending: list[tuple[tuple[str, ...], Path]] = [((), root)]
    while pending:
        prefix, folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                children = list(listing)
        except OSError as exc:
            entries.append(_folder_problem(prefix, root, folder, exc))
            continue
        for child in children:
            if child.name.startswith("."):
                continue
            parts = (*prefix, child.name)
            try:
                if child.is_symlink():
                    entries.extend(_link_entry(child, parts, real_root, follow_links, followed, pending))
                elif child.is_dir(follow_symlinks=False):
                    pending.append((parts, Path(child.path)))
                elif _is_document(child.name):
                    entries.append(_file_entry(parts, Path(child.path), child.stat(follow_symlinks=False)))
            except FileNotFoundError:
                continue  # deleted while the folder was read: it is gone, as a deleted file is
            except OSError as exc:  # e.g. a folder that may be listed but not entered
                entries.append(_Entry(parts, Path(child.path), status="error", error=read_error(Path(child.path), exc)))
    return sorted(entries, key=lambda entry: _sort_key(entry.parts))


def _folder_problem(prefix: tuple[str, ...], root: Path, folder: Path, exc: OSError) -> _Entry:
    """The row of a folder that cannot be listed (an input folder is named by its own name)."""
    parts = prefix or (os.path.basename(os.path.abspath(root)),)
    if exc.errno in (errno.EACCES, errno.EPERM):
        error = "permission denied: cannot list this folder"
    else:
        error = f"cannot list this folder: {exc.strerror or exc}"
    return _Entry(parts, folder, status="error", error=error, folder=True)


def _problem_key(path: Path) -> str:
    """Where an entry that cannot be read is, the same from any input (its own link not resolved)."""
    return os.path.join(os.path.realpath(path.parent), path.name)


def _link_entry(child: os.DirEntry[str], parts: tuple[str, ...], real_root: str, follow_links: bool,
                followed: set[tuple[int, int]], pending: list[tuple[tuple[str, ...], Path]]) -> list[_Entry]:
    """A symbolic link's entry: the file it leads to, a row saying why it is not read, or none
    (a folder within the inputs, read where it is; a file name that is no document)."""
    path = Path(child.path)
    try:
        info = child.stat()
    except OSError as exc:
        # a dangling link gets a row if it could be a document, or a folder (no suffix)
        if _is_document(child.name) or not (child.name.startswith("~$") or os.path.splitext(child.name)[1]):
            return [_Entry(parts, path, status="error", error=read_error(path, exc))]
        return []
    real = os.path.realpath(path)
    inside = real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)
    if stat.S_ISDIR(info.st_mode):
        if inside:
            return []
        if not follow_links:
            return [_Entry(parts, path, status="skipped", error=_NOT_FOLLOWED.format(printable(real)), folder=True)]
        if (info.st_dev, info.st_ino) not in followed:
            followed.add((info.st_dev, info.st_ino))
            pending.append((parts, path))
        return []
    if not _is_document(child.name):
        return []
    if stat.S_ISREG(info.st_mode) and not inside and not follow_links:
        return [_Entry(parts, path, status="skipped", error=_NOT_FOLLOWED.format(printable(real)))]
    return [_file_entry(parts, path, info)]


def _file_entry(parts: tuple[str, ...], path: Path, info: os.stat_result) -> _Entry:
    """A file to read, or, when it is a named pipe, a socket or a device, a row saying so."""
    if stat.S_ISREG(info.st_mode):
        return _Entry(parts, path, (info.st_dev, info.st_ino), info.st_size)
    return _Entry(parts, path, status="error", error=not_regular(info.st_mode))


def _sort_key(parts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Folder by folder, ignoring case (ties broken by the exact name, so the order is total)."""
    return tuple((part.casefold(), part) for part in parts)


def _is_document(name: str) -> bool:
    return not name.startswith((".", "~$")) and name.lower().endswith(SUPPORTED_SUFFIXES)
