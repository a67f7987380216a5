"""The output folder's life: which folders a run may replace, one run at a time, the swap.

A run writes its tables into a staging folder beside `--out` and swaps it in at the end, so a
reader never sees a half-written output and a killed run leaves the previous one complete.
The tool only ever replaces a folder that holds its manifest (the list of every file it
wrote there), and when it clears a replaced output it deletes exactly the files that manifest
lists: a file someone else put into an output survives, and a folder the tool did not write
is refused before any work. One OS lock beside `--out` covers the whole run (reading the
previous output for reuse, writing, publishing), so two runs cannot interleave; the OS drops
it when the process ends, however it ends.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import stat
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import __version__

MANIFEST = "report-extract.json"
PROGRAM = "report-extract"
# What an output of schema 1 held before outputs carried a manifest: such a folder is
# recognised by exactly these entries and the schema version in its Parquet metadata.
_UNMARKED_TABLES = ("documents.parquet", "indicators", "yearly.parquet")


class OutputError(RuntimeError):
    """The output cannot be written or replaced; the message is one sentence for the user."""


@dataclass
class ClaimedOutput:
    """An output folder this run holds the lock of, with its staging folder beside it."""

    path: Path
    staging: Path
    notes: list[str]

    def publish(self, schema_version: str, inputs: Sequence[Path]) -> None:
        """Write the manifest into the staging folder and swap it in for `path`.

        Two renames: the old output moves aside, the new one takes its place. A crash
        between them is repaired by the next run (`_recover`).
        """
        _write_manifest(self.staging, schema_version, inputs)
        replaced = _aside_name(self.path) if self.path.exists() else None
        try:
            if replaced is not None:
                os.rename(self.path, replaced)
            try:
                os.rename(self.staging, self.path)
            except OSError:
                if replaced is not None:
                    os.rename(replaced, self.path)
                raise
        except OSError as exc:
            raise OutputError(f"cannot put the new output in place at {self.path}: {_reason(exc)}; "
                              "the previous output is kept") from None
        if replaced is not None:
            self.notes.extend(_remove_output(replaced))

    def write_failed(self, exc: OSError) -> OutputError:
        """The error of a run that could not write its tables (disk full, a folder made read-only)."""
        return OutputError(f"cannot write the output in {self.path.parent}: {_reason(exc)}; "
                           "the previous output is kept")

    def discard_staging(self) -> None:
        """Remove this run's staging folder (everything in it was written by this run)."""
        shutil.rmtree(self.staging, ignore_errors=True)

    def renew_staging(self) -> None:
        """An empty staging folder again, for a run that starts over."""
        self.discard_staging()
        _make_staging(self.staging)


@contextmanager
def claimed_output(out_dir: str | Path, inputs: Sequence[str | Path]) -> Iterator[ClaimedOutput]:
    """Lock `out_dir`, repair what a killed run left, refuse a destination the tool may not
    replace, and hand out a fresh staging folder; the staging folder is gone on any exit
    that did not publish it."""
    out = Path(os.path.abspath(out_dir))
    absolute_inputs = [Path(os.path.abspath(p)) for p in inputs]
    _refuse_special_places(out)
    _refuse_foreign_destination(out, absolute_inputs)  # before anything is created beside it
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {out.parent} for the output: {_reason(exc)}") from None
    with _locked(out):
        try:
            notes = _recover(out)
        except OSError as exc:
            raise OutputError(f"cannot repair what an earlier run left beside {out}: {_reason(exc)}") from None
        _refuse_foreign_destination(out, absolute_inputs)  # again, now that no other run can change it
        staging = out.parent / f".{out.name}.staging-{os.getpid()}"
        _make_staging(staging)
        claim = ClaimedOutput(out, staging, notes)
        try:
            yield claim
        finally:
            if staging.exists():
                claim.discard_staging()


def is_output(folder: Path) -> bool:
    """Whether `folder` is an output this tool wrote (with its manifest, or an unmarked schema-1 output)."""
    return _owned_files(folder) is not None


def _refuse_special_places(out: Path) -> None:
    cwd = Path(os.path.abspath(os.getcwd()))
    if out == Path(out.anchor):
        raise OutputError(f"--out {out} is the root of the file system; give a new folder or an earlier output")
    if out == cwd or out in cwd.parents:
        raise OutputError(f"--out {out} is the current folder or contains it; give a new folder "
                          "or an earlier output")


def _refuse_foreign_destination(out: Path, inputs: list[Path]) -> None:
    """Refuse, before any work, a destination whose replacement would lose files not ours."""
    real_out = Path(os.path.realpath(out))
    for given in inputs:
        real_input = Path(os.path.realpath(given))
        if real_input == real_out or real_out in real_input.parents:
            raise OutputError(f"--out {out} is an input folder or contains the input {given}; "
                              "give a new folder or an earlier output")
    if not os.path.lexists(out):
        return
    if out.is_symlink():
        raise OutputError(f"--out {out} is a symbolic link; give the folder itself")
    if not out.is_dir():
        raise OutputError(f"--out {out} is an existing file, not a folder; give a new folder or an earlier output")
    if os.path.ismount(out):
        raise OutputError(f"--out {out} is a mount point, which cannot be replaced; give a folder inside it")
    try:
        entries = list(out.iterdir())
    except OSError as exc:
        raise OutputError(f"cannot read the folder given as --out ({out}): {_reason(exc)}") from None
    if not entries:
        return  # an empty folder (made for the output beforehand) holds nothing to lose
    owned = _owned_files(out)
    if owned is None:
        raise OutputError(f"--out {out} is an existing folder that this tool did not write (it has no {MANIFEST}); "
                          "give a new folder or an earlier output")
    foreign = sorted(_all_files(out) - owned - {MANIFEST})
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise OutputError(f"--out {out} holds files this tool did not write ({shown}); "
                          "move them out of it or give another --out")


def _owned_files(folder: Path) -> set[str] | None:
    """The files (relative, '/'-separated) the tool wrote in `folder`, None when it is not an output."""
    manifest = folder / MANIFEST
    if manifest.is_file():
        try:
            record = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("program") != PROGRAM:
            return None
        return {str(name) for name in record.get("files", [])}
    return _unmarked_output_files(folder)


def _unmarked_output_files(folder: Path) -> set[str] | None:
    """The files of a schema-1 output written before outputs carried a manifest."""
    try:
        names = {entry.name for entry in folder.iterdir()}
    except OSError:
        return None
    if not names or not names <= set(_UNMARKED_TABLES) or "documents.parquet" not in names:
        return None
    import pyarrow.parquet as pq  # the writing process has Arrow loaded already

    try:
        metadata = pq.read_schema(folder / "documents.parquet").metadata or {}
    except Exception:  # noqa: BLE001 - any unreadable file means "not an output of ours"
        return None
    if b"report_extract.schema_version" not in metadata:
        return None
    files: set[str] = {name for name in ("documents.parquet", "yearly.parquet") if name in names}
    for partition in (folder / "indicators").glob("year=*"):
        files.update(f"indicators/{partition.name}/{part.name}" for part in partition.glob("part-*.parquet"))
    return files


def _all_files(folder: Path) -> set[str]:
    """Every non-folder entry under `folder`, relative and '/'-separated."""
    found: set[str] = set()
    for parent, _, names in os.walk(folder):
        relative = os.path.relpath(parent, folder)
        found.update(name if relative == "." else f"{relative}/{name}".replace(os.sep, "/") for name in names)
    return found


def _make_staging(staging: Path) -> None:
    """A staging folder says whose it is from the start, so a run killed mid-way leaves a
    folder the next run can recognise as its own and remove."""
    try:
        staging.mkdir()
    except OSError as exc:
        raise OutputError(f"cannot write in {staging.parent}: {_reason(exc)}; the previous output is kept") from None
    try:
        (staging / MANIFEST).write_text(json.dumps({"program": PROGRAM, "staging": True}), encoding="utf-8")
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write in {staging.parent}: {_reason(exc)}; the previous output is kept") from None


def _write_manifest(staging: Path, schema_version: str, inputs: Sequence[Path]) -> None:
    files = sorted(_all_files(staging) - {MANIFEST})
    record = {
        "program": PROGRAM,
        "program_version": __version__,
        "schema_version": schema_version,
        "inputs": [os.fsdecode(os.path.abspath(p)).encode("utf-8", "backslashreplace").decode("utf-8")
                   for p in inputs],
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "files": files,
    }
    try:
        (staging / MANIFEST).write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the output's manifest in {staging.parent}: {_reason(exc)}; "
                          "the previous output is kept") from None


def _aside_name(out: Path) -> Path:
    return out.parent / f".{out.name}.previous-{os.getpid()}"


def _recover(out: Path) -> list[str]:
    """Repair what killed runs left beside `out` (under the lock, so none of it is live):
    put a replaced output back when the new one never took its place, remove finished
    replaced outputs and unfinished staging folders. Returns notes for the user."""
    notes: list[str] = []
    for staging in out.parent.glob(f".{out.name}.staging-*"):
        if _is_marked_staging(staging) or is_output(staging):
            shutil.rmtree(staging, ignore_errors=True)  # a staging folder holds only what a run wrote
    asides = sorted(out.parent.glob(f".{out.name}.previous*"), key=lambda p: p.stat().st_mtime, reverse=True)
    for aside in asides:
        if not is_output(aside):
            continue
        if not os.path.lexists(out):
            os.rename(aside, out)  # the run died between its two renames: the old output comes back
            continue
        notes.extend(_remove_output(aside))
    return notes


def _is_marked_staging(folder: Path) -> bool:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("staging") is True
    except (OSError, ValueError, AttributeError):
        return False


def _remove_output(folder: Path) -> list[str]:
    """Delete the files the tool wrote in a replaced output, then its emptied folders.
    Anything else stays where it is, and a note says so."""
    owned = set() if not any(folder.iterdir()) else _owned_files(folder)  # an empty folder given as --out
    if owned is None:
        return [f"{folder} was left in place: it is not an output of this tool"]
    for name in sorted(owned) + [MANIFEST]:
        path = folder / name
        try:
            _make_parent_writable(path)
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            break
    for parent, _, _ in os.walk(folder, topdown=False):
        try:
            _make_parent_writable(Path(parent))
            os.rmdir(parent)
        except OSError:
            pass
    if os.path.lexists(folder):
        return [f"files of the replaced output that this tool did not write, or could not remove, are in {folder}"]
    return []


def _make_parent_writable(path: Path) -> None:
    """A folder the tool wrote but someone made read-only would block removing its files."""
    parent = path.parent
    mode = parent.stat().st_mode
    if not mode & stat.S_IWUSR:
        os.chmod(parent, mode | stat.S_IWUSR | stat.S_IXUSR)


@contextmanager
def _locked(out: Path) -> Iterator[None]:
    """Hold an exclusive OS lock on `.NAME.lock` beside `out`; refuse at once if another run holds it.

    Refusing rather than waiting: two runs on one output mean a schedule that overlaps, and
    the second would only redo the first's work; `flock(1)` serialises runs that should wait.
    The lock file is removed by its holder on the way out; a run that locked a file which was
    removed meanwhile locks the new one instead.
    """
    lock_path = out.parent / f".{out.name}.lock"
    while True:
        try:
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write in {out.parent}: {_reason(exc)}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "starting"
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise OutputError(f"cannot lock {lock_path}: {_reason(exc)}") from None
            raise OutputError(f"another report-extract run ({holder}) is writing {out}; "
                              "wait for it to finish or give another --out") from None
        try:
            if os.fstat(fd).st_ino == os.stat(lock_path).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # its holder removed that file as we opened it: lock the one at the path now
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        yield
    finally:
        try:
            os.unlink(lock_path)
        except OSError:
            pass
        os.close(fd)  # closing the descriptor drops the lock


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower() if exc.errno else str(exc)
