"""`curriculum`: validate, test and scaffold lesson packs; export progress; seed a demo.

Exit codes: 0 fine, 1 problems found (or a CurriculumError), 2 bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from string import Template

from . import model, typography
from .errors import CurriculumError
from .packs import PACK_FILE, find_pack_dirs, lesson_folders, load_catalogue

TEMPLATES = Path(__file__).parent / "templates"
SCHEMA_DIR = Path("docs/schema")


def _paths(values: list[str]) -> list[Path]:
    return [Path(v) for v in values] if values else lesson_folders()


def cmd_validate(args: argparse.Namespace) -> int:
    cat = load_catalogue(_paths(args.paths))
    shown = cat.errors if args.errors_only else list(cat.problems)
    for p in shown:
        print(p)
    lessons = sum(len(lp.lessons) for lp in cat.packs.values())
    print(f"{len(cat.packs)} pack(s), {lessons} lesson(s) ready: "
          f"{len(cat.errors)} error(s), {len(cat.warnings)} warning(s)", file=sys.stderr)
    return 1 if cat.errors else 0


def cmd_fix(args: argparse.Namespace) -> int:
    "Rewrite the places French typography flags, in French packs only."

    changed = files = 0
    unreadable = False
    for path in [Path(p) for p in args.paths]:
        folders = [path.parent] if path.is_file() else find_pack_dirs([path])
        for folder in folders:
            try:
                language = typography.pack_language(folder / PACK_FILE)
            except CurriculumError as exc:
                print(f"error: {exc}", file=sys.stderr)
                unreadable = True
                continue
            if not typography.is_french(language):
                print(f"{folder}: left as it is (language '{language}' is not French)")
                continue
            targets = [path] if path.is_file() else sorted(
                p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
            for target in targets:
                try:
                    found = typography.fix_file(target)
                except CurriculumError as exc:
                    print(f"error: {exc}", file=sys.stderr)
                    unreadable = True
                    continue
                for place in found:
                    print(f"{target}:{place.line}:{place.column}: {_change(place)}")
                changed += len(found)
                files += bool(found)
    print(f"{changed} change(s) in {files} file(s)", file=sys.stderr)
    return 1 if unreadable else 0


_CHANGES = {typography.ELLIPSIS: "... -> … (the ellipsis character)",
            typography.NNBSP: "space -> narrow no-break space (U+202F)",
            typography.NBSP: "space -> no-break space (U+00A0)"}


def _change(place: typography.Place) -> str:
    return _CHANGES[place.new]


def cmd_schema(args: argparse.Namespace) -> int:
    schemas = model.json_schemas()
    if args.write:
        out = Path(args.write)
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas.items():
            (out / f"{name}.schema.json").write_text(schema_text(schema), encoding="utf-8")
            print(out / f"{name}.schema.json")
        return 0
    print(schema_text(schemas[args.which]), end="")
    return 0


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _template(kind: str, lang: str, target: Path, **values: str) -> str:
    text = Template((TEMPLATES / f"{kind}.{lang}.yaml").read_text(encoding="utf-8"))
    # a title may hold ': ', '#' or quotes: write it as a quoted YAML (JSON) string
    body = text.substitute(values, title=json.dumps(values["title"], ensure_ascii=False))
    schema = (SCHEMA_DIR / f"{kind}.schema.json").resolve()
    if schema.is_file():
        rel = os.path.relpath(schema, target.parent.resolve())
        body = f"# yaml-language-server: $schema={rel}\n" + body
    return body


def cmd_new(args: argparse.Namespace) -> int:
    if not re.fullmatch(model.SLUG_PATTERN, args.id):
        raise CurriculumError(f"'{args.id}' is not a valid id: use lower-case letters, digits "
                              "and dashes, like 'first-email'")
    title = args.title or args.id.replace("-", " ").capitalize()
    if args.what == "pack":
        folder = Path(args.dir) / args.id
        if folder.exists():
            raise CurriculumError(f"{folder} already exists: choose another id")
        folder.mkdir(parents=True)
        (folder / "media").mkdir()
        lesson = "first-lesson" if args.lang == "en" else "premiere-lecon"
        pack_file = folder / PACK_FILE
        pack_file.write_text(_template("pack", args.lang, pack_file, id=args.id, title=title,
                                       lesson=lesson), encoding="utf-8")
        lesson_file = folder / f"{lesson}.yaml"
        lesson_file.write_text(_template("lesson", args.lang, lesson_file, id=lesson,
                                         title=lesson.replace("-", " ").capitalize()),
                               encoding="utf-8")
        print(f"created {pack_file} and {lesson_file}")
        return 0
    folder = Path(args.dir)
    pack_file = folder / PACK_FILE
    if not pack_file.is_file():
        raise CurriculumError(f"{folder} is not a pack folder (no {PACK_FILE}): give the pack "
                              "folder with --dir, e.g. --dir lessons/email-basics")
    lesson_file = folder / f"{args.id}.yaml"
    if lesson_file.exists():
        raise CurriculumError(f"{lesson_file} already exists: choose another id")
    lesson_file.write_text(_template("lesson", args.lang, lesson_file, id=args.id, title=title),
                           encoding="utf-8")
    listed = _add_to_lessons(pack_file, args.id)
    print(f"created {lesson_file}" + ("" if listed else
          f"; now add '{args.id}' to 'lessons' in {pack_file}"))
    return 0


def _add_to_lessons(pack_file: Path, lesson_id: str) -> bool:
    "Append the lesson to `lessons: [...]` or to a block list; False if it could not."
    text = pack_file.read_text(encoding="utf-8")
    flow = re.compile(r"^(lessons:\s*\[)([^\]\n]*)(\])", re.M)
    if flow.search(text):
        text = flow.sub(lambda m: f"{m[1]}{m[2].rstrip()}{', ' if m[2].strip() else ''}"
                        f"{lesson_id}{m[3]}", text, count=1)
    else:
        block = re.compile(r"^lessons:[ \t]*(#.*)?\n((?:[ \t]+-[^\n]*\n?)+)", re.M)
        m = block.search(text)
        if not m:
            return False
        indent = re.match(r"[ \t]+", m[2])[0]  # type: ignore[index]
        items = m[2] if m[2].endswith("\n") else m[2] + "\n"
        text = text[: m.start(2)] + items + f"{indent}- {lesson_id}\n" + text[m.end(2):]
    pack_file.write_text(text, encoding="utf-8")
    return True


def cmd_selftest(args: argparse.Namespace) -> int:
    from . import selftest

    paths = [Path(p) for p in args.packs if Path(p).exists()]
    ids = [p for p in args.packs if not Path(p).exists()]
    cat = load_catalogue(paths or lesson_folders())
    unknown = [i for i in ids if i not in cat.packs]
    if unknown:
        raise CurriculumError(f"no pack {', '.join(unknown)} (known: {', '.join(cat.packs)})")
    packs = [cat.packs[i] for i in ids] if ids else list(cat.packs.values())
    report = selftest.run(packs)
    for failure in report.failures:
        print(f"FAIL {failure}")
    folders = [lp.folder.resolve() for lp in packs] if ids else None
    broken = [p for p in cat.errors
              if folders is None or any(p.path.resolve().is_relative_to(f) for f in folders)]
    for problem in broken:
        print(f"NOT TESTED {problem}")
    print(f"{len(packs)} pack(s), {report.steps} checked step(s), {report.checks} check(s): "
          f"{len(report.failures)} failure(s)"
          + (f"; {len(broken)} error(s) kept lessons out of the test "
             "(see curriculum validate)" if broken else ""))
    return 1 if report.failures or broken else 0


def cmd_export(args: argparse.Namespace) -> int:
    "Attempts (default), pairs, sessions or feedback as CSV: one writer for every export."
    from .store import db_path, session
    from .store.feedback import csv_text, export
    from .store.progress import EXPORT_COLUMNS, export_rows

    what = getattr(args, "what", "attempts")
    with session(args.db or db_path()) as db:
        columns, rows = (EXPORT_COLUMNS, export_rows(db)) if what == "attempts" \
            else export(db, what)
    text = csv_text(columns, rows)  # text a spreadsheet would run as a formula is quoted
    if args.out:
        with open(args.out, "w", newline="", encoding="utf-8") as f:
            f.write(text)
        noun = "attempt(s)" if what == "attempts" else f"row(s) of {what}"
        print(f"wrote {len(rows)} {noun} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    "Write the large-print memo card of one lesson as PDF."
    from .memo import memo_pdf

    pack_id, _, lesson_id = args.lesson.partition("/")
    cat = load_catalogue(_paths(args.paths or []))
    lesson = cat.lesson(pack_id, lesson_id)
    if lesson is None:
        print(f"{args.lesson}: no such lesson (give PACK/LESSON, as in "
              "`curriculum memo tableur-bases/first-sum`)", file=sys.stderr)
        return 2
    lp = cat.packs[pack_id]
    data = memo_pdf(lesson, lp.folder, args.lang or lp.pack.base_language)
    Path(args.out).write_bytes(data)
    print(f"wrote the memo card of {args.lesson} to {args.out}", file=sys.stderr)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import seed
    from .store import db_path, session

    with session(args.db or db_path()) as db:
        made = seed(db, load_catalogue(lesson_folders()), reset=args.reset)
    print(made)
    return 0


def cmd_pin(args: argparse.Namespace) -> int:
    "Set a person's PIN from the server (e.g. a coordinator who forgot theirs)."
    import getpass

    from .store import db_path, session
    from .store.people import list_people, set_pin

    with session(args.db or db_path()) as db:
        found = [p for p in list_people(db) if p.name.casefold() == args.name.casefold()]
        if not found:
            names = ", ".join(p.name for p in list_people(db)) or "nobody yet"
            raise CurriculumError(f"no person is called '{args.name}' (people: {names})")
        if len(found) > 1:
            raise CurriculumError(f"{len(found)} people are called '{args.name}': set the PIN "
                                  "from the People page instead")
        pin = args.pin if args.pin is not None else getpass.getpass("New PIN (4-8 digits): ")
        again = args.pin if args.pin is not None else getpass.getpass("The same PIN again: ")
        set_pin(db, found[0].id, pin, again)
    print(f"the PIN of {found[0].name} is set")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="curriculum", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    v = sub.add_parser("validate", help="check lesson packs; print path:line:col problems",
                       description="Check lesson packs and print every problem as "
                                   "path:line:col: error|warning: message. Exit 1 on errors.")
    v.add_argument("paths", nargs="*", metavar="PATH",
                   help="pack folders, folders of packs, or pack files "
                        "(default: CURRICULUM_LESSONS or lessons/)")
    v.add_argument("--errors-only", action="store_true", help="hide warnings")
    v.set_defaults(func=cmd_validate)

    f = sub.add_parser("fix", help="rewrite French typography in packs (no-break spaces, …)",
                       description="In French packs, replace the plain spaces before ; ! ? : "
                                   "and inside « » with no-break spaces, and ... with …, in "
                                   "prose only; every other byte of the files is kept. "
                                   "Prints each change. Exit 1 if a file cannot be read.")
    f.add_argument("what", choices=("typography",), help="what to fix")
    f.add_argument("paths", nargs="+", metavar="PATH",
                   help="pack folders, folders of packs, or lesson files")
    f.set_defaults(func=cmd_fix)

    s = sub.add_parser("schema", help="print or write the JSON Schema of the pack format",
                       description="Print the JSON Schema of pack.yaml or of a lesson file "
                                   "(for editors' autocompletion), or write both to a folder.")
    s.add_argument("which", nargs="?", choices=("pack", "lesson"), default="lesson")
    s.add_argument("--write", metavar="DIR", help="write pack.schema.json and "
                                                  "lesson.schema.json into DIR")
    s.set_defaults(func=cmd_schema)

    n = sub.add_parser("new", help="write a commented template pack or lesson",
                       description="Write a valid, commented template: a new pack folder "
                                   "(with a first lesson), or a new lesson in a pack.")
    n.add_argument("what", choices=("pack", "lesson"))
    n.add_argument("id", help="the new id (lower-case letters, digits, dashes)")
    n.add_argument("--lang", choices=("en", "fr"), default="en", help="template language")
    n.add_argument("--title", help="the title (default: from the id)")
    n.add_argument("--dir", default="lessons",
                   help="where: the folder of packs (pack), or the pack folder (lesson)")
    n.set_defaults(func=cmd_new)

    t = sub.add_parser("selftest", help="check that every checked step behaves as meant",
                       description="For every checked step: the correct answer passes, each "
                                   "wrong option fails with feedback, a blank is invalid.")
    t.add_argument("packs", nargs="*", metavar="PACK", help="pack ids or folders (default: all)")
    t.set_defaults(func=cmd_selftest)

    e = sub.add_parser("export", help="export progress (every attempt) as CSV",
                       description="Write every recorded attempt as CSV (stdout by default).")
    e.add_argument("--db", help="the database (default: CURRICULUM_DB or data/curriculum.db)")
    e.add_argument("--out", help="a CSV file to write instead of stdout")
    e.add_argument("--what", choices=("attempts", "pairs", "sessions", "feedback"),
                   default="attempts", help="what to export: every attempt (default), the "
                   "pairs with their agreements, the pair sessions, or the feedback both ways")
    e.set_defaults(func=cmd_export)

    m = sub.add_parser("memo", help="write a lesson's large-print memo card (A4 PDF)",
                       description="Write the memo card of PACK/LESSON: title, goal, the "
                       "steps as 'how to' with their pictures, in large print.")
    m.add_argument("lesson", metavar="PACK/LESSON",
                   help="the lesson, e.g. tableur-bases/first-sum")
    m.add_argument("--lang", help="language of the card's headings (default: the pack's)")
    m.add_argument("--out", default="memo.pdf", help="the PDF file to write (default memo.pdf)")
    m.add_argument("--paths", nargs="*", help="folders of packs (default: CURRICULUM_LESSONS "
                   "or ./lessons)")
    m.set_defaults(func=cmd_memo)

    d = sub.add_parser("demo", help="fill the database with demo people and progress",
                       description="Create demo seniors and juniors with some progress, "
                                   "unless the database already has people.")
    d.add_argument("--db", help="the database (default: CURRICULUM_DB or data/curriculum.db)")
    d.add_argument("--reset", action="store_true", help="add the demo even if people exist")
    d.set_defaults(func=cmd_demo)

    pn = sub.add_parser("pin", help="set a person's PIN (e.g. a coordinator who forgot it)",
                       description="Set a new PIN for a person, found by name. Without --pin "
                                   "it is asked for twice, without showing it.")
    pn.add_argument("name", help="the person's name, as shown in the app")
    pn.add_argument("--pin", help="the new PIN (4-8 digits); better typed at the prompt")
    pn.add_argument("--db", help="the database (default: CURRICULUM_DB or data/curriculum.db)")
    pn.set_defaults(func=cmd_pin)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except CurriculumError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
