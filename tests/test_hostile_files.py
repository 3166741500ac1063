"""Pack files that are not what they claim: pipes, devices, links out of the pack, huge files.

They are made here, at test time (never committed). Each ends with one problem at
path:line:col, and a good pack beside it still loads whole.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from curriculum.packs import Catalogue, load_catalogue

BAD = Path(__file__).resolve().parent / "packs" / "bad"
GOOD = Path(__file__).resolve().parent / "packs" / "good"
HANG_GUARD = 120  # seconds; only to stop a hung run, never a speed budget


def load(folder: Path) -> Catalogue:
    "load_catalogue in a thread, so a read that blocks fails the test instead of hanging it."
    result: list[Catalogue] = []
    worker = threading.Thread(target=lambda: result.append(load_catalogue([folder])),
                              daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert result, "loading the packs never finished (a read blocked)"
    return result[0]


def packs_with(tmp_path: Path, case: str = "image-missing") -> Path:
    "A copy of one small pack (its lesson 'first') beside the good pack 'tour'."
    shutil.copytree(BAD / case, tmp_path / case)
    (tmp_path / case).rename(tmp_path / "p")
    pack = tmp_path / "p" / "pack.yaml"
    pack.write_text(pack.read_text().replace(f"id: {case}", "id: p"))
    shutil.copytree(GOOD / "tour", tmp_path / "tour")
    return tmp_path


def problems(catalogue: Catalogue, base: Path) -> list[str]:
    return [f"{p.path.relative_to(base)}:{p.line}:{p.column}: {p.message}"
            for p in catalogue.problems]


def assert_good_pack_loads(catalogue: Catalogue) -> None:
    assert list(catalogue.packs["tour"].lessons) == ["basics", "practice"]


def test_a_lesson_that_is_a_pipe_gives_a_problem(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    lesson = base / "p" / "first.yaml"
    lesson.unlink()
    os.mkfifo(lesson)
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:1:1: this is not a regular file (a device, a pipe or a folder): "
        "replace it with a plain file"]
    assert_good_pack_loads(catalogue)


def test_a_pack_file_that_is_a_pipe_gives_a_problem(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    (base / "p" / "pack.yaml").unlink()
    os.mkfifo(base / "p" / "pack.yaml")
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/pack.yaml:1:1: this is not a regular file (a device, a pipe or a folder): "
        "replace it with a plain file"]
    assert_good_pack_loads(catalogue)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_lesson_linked_to_a_device_gives_a_problem(tmp_path: Path, device: str) -> None:
    base = packs_with(tmp_path)
    lesson = base / "p" / "first.yaml"
    lesson.unlink()
    lesson.symlink_to(device)
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:1:1: the file is a link to a file outside the pack: copy the file "
        "into the pack folder instead"]
    assert_good_pack_loads(catalogue)


def test_a_lesson_linked_to_a_file_outside_its_pack_is_refused(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    lesson = base / "p" / "first.yaml"
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_bytes(lesson.read_bytes())
    lesson.unlink()
    lesson.symlink_to(elsewhere)
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:1:1: the file is a link to a file outside the pack: copy the file "
        "into the pack folder instead"]
    assert catalogue.lesson("p", "first") is None
    assert_good_pack_loads(catalogue)


def test_a_lesson_linked_inside_its_pack_still_loads(tmp_path: Path) -> None:
    shutil.copytree(GOOD / "tour", tmp_path / "tour")
    practice = tmp_path / "tour" / "practice.yaml"
    (tmp_path / "tour" / "drafts").mkdir()
    practice.rename(tmp_path / "tour" / "drafts" / "practice.yaml")
    practice.symlink_to(Path("drafts") / "practice.yaml")
    catalogue = load(tmp_path)
    assert problems(catalogue, tmp_path) == []
    assert_good_pack_loads(catalogue)


def test_a_huge_lesson_is_not_read(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    with open(base / "p" / "first.yaml", "r+b") as f:
        f.truncate(200_000_000)  # sparse: takes no room on disk
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:1:1: the file is too large (200000 kB; a pack file may have at most "
        "1000 kB): split it into several lessons"]
    assert_good_pack_loads(catalogue)


def test_a_huge_attachment_gives_a_problem(tmp_path: Path) -> None:
    base = packs_with(tmp_path, "email-attachment-not-decodable")
    (base / "p" / "media" / "report.pdf").touch()
    os.truncate(base / "p" / "media" / "report.pdf", 200_000_000)
    lesson = base / "p" / "first.yaml"
    lesson.write_text(lesson.read_text().replace("media/beach.jpg", "media/report.pdf"))
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:13:23: attachment 'media/report.pdf' is larger than 5 MB: make it "
        "smaller"]
    assert_good_pack_loads(catalogue)


def test_a_large_chat_photo_says_it_is_too_large(tmp_path: Path) -> None:
    base = packs_with(tmp_path, "chat-photo-not-decodable")
    big = base / "p" / "media" / "cake.jpg"
    big.unlink()
    big.touch()
    os.truncate(big, 6_000_000)
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:8:15: photo 'cake.jpg' is larger than 5 MB: make it smaller"]
    assert_good_pack_loads(catalogue)


def test_an_image_linked_to_a_device_is_refused(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    lesson = base / "p" / "first.yaml"
    lesson.write_text(lesson.read_text().replace("media/compse.png", "media/zero.png"))
    (base / "p" / "media").mkdir(exist_ok=True)
    (base / "p" / "media" / "zero.png").symlink_to("/dev/zero")
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:16:18: image 'media/zero.png' is outside the pack folder: put it in "
        "the pack's media/ folder"]
    assert_good_pack_loads(catalogue)


def test_validate_ends_on_a_pipe_with_a_message(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    lesson = base / "p" / "first.yaml"
    lesson.unlink()
    os.mkfifo(lesson)
    done = subprocess.run([sys.executable, "-m", "curriculum.cli", "validate", str(base)],
                          capture_output=True, text=True, timeout=HANG_GUARD, check=False)
    assert done.returncode == 1
    assert "first.yaml:1:1: error: this is not a regular file" in done.stdout
    assert "Traceback" not in done.stderr


def test_an_image_that_is_a_pipe_gives_a_problem(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    (base / "p" / "media").mkdir(exist_ok=True)
    os.mkfifo(base / "p" / "media" / "compse.png")
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:16:18: image 'media/compse.png' is not a regular file (a device, a "
        "pipe or a folder): replace it with a picture file"]
    assert_good_pack_loads(catalogue)


@pytest.mark.parametrize("case", ["yaml-nul-character", "yaml-utf16-no-bom",
                                  "yaml-bell-character"])
def test_validate_prints_a_bad_character_as_one_problem(case: str) -> None:
    done = subprocess.run([sys.executable, "-m", "curriculum.cli", "validate",
                           str(BAD / case), str(GOOD)],
                          capture_output=True, text=True, timeout=HANG_GUARD, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (expected,) = (BAD / f"{case}.expected").read_text(encoding="utf-8").splitlines()
    assert done.stdout.splitlines() == [f"{BAD}/{expected}"]
    assert "3 pack(s), 3 lesson(s) ready: 1 error(s)" in done.stderr


def _png_header(width: int, height: int) -> bytes:
    "A PNG that only says how large it is (no pixels): enough for a decoder to refuse it."
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"")


def test_a_picture_bomb_is_refused_as_too_large(tmp_path: Path) -> None:
    base = packs_with(tmp_path)
    (base / "p" / "media").mkdir(exist_ok=True)
    (base / "p" / "media" / "compse.png").write_bytes(_png_header(30_000, 30_000))
    catalogue = load(base)
    assert problems(catalogue, base) == [
        "p/first.yaml:16:18: image 'media/compse.png' is too large (at most 25 million "
        "pixels): make it smaller"]
    assert_good_pack_loads(catalogue)
