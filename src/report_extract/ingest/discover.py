"""Expand the files and folders a user names into the documents to read, in a stable order."""

from __future__ import annotations

import errno
import os
from collections.abc import Sequence
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")


def discover(inputs: Sequence[Path]) -> list[tuple[Path, str]]:
    """(path, source) for every document under `inputs`, each file once.

    A file named directly is always taken (its source is its file name).
    Under a folder, every file with a supported suffix is taken, recursively,
    sorted by relative path (case-insensitively); source is that path relative to the folder, with
    "/" separators. Hidden files and folders (".name") and Word lock files
    ("~$name") are skipped. A missing input raises FileNotFoundError.
    """
    found: list[tuple[Path, str]] = []
    seen: set[tuple[int, int]] = set()  # (device, inode): a file reached twice, or through a link, counts once
    for given in map(Path, inputs):
        if given.is_dir():
            entries = _folder_documents(given)
        elif given.exists():
            entries = [(given, given.name)]
        else:
            raise FileNotFoundError(errno.ENOENT, "input path not found", str(given))
        for path, source in entries:
            stat = os.stat(path)
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                found.append((path, source))
    return found


def _folder_documents(root: Path) -> list[tuple[Path, str]]:
    documents = []
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(folder, root)
        prefix = () if relative == "." else tuple(Path(relative).parts)
        for name in files:
            if _is_document(name) and os.path.isfile(os.path.join(folder, name)):
                documents.append((*prefix, name))
    return [(root.joinpath(*parts), "/".join(parts)) for parts in sorted(documents, key=_sort_key)]


def _sort_key(parts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Folder by folder, ignoring case (ties broken by the exact name, so the order is total)."""
    return tuple((part.casefold(), part) for part in parts)


def _is_document(name: str) -> bool:
    return not name.startswith((".", "~$")) and name.lower().endswith(SUPPORTED_SUFFIXES)
