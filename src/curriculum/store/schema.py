"""The schema, as migrations. Add a new function at the end; never edit an applied one.

Room is left for the programme around the pairs (pairs, agreements, feedback): sessions
carry an optional pair_id, and those tables come in later migrations.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("curriculum")


@MIGRATIONS()
def m001_core(db: Database) -> None:
    db["people"].create(
        {"id": int, "name": str, "role": str, "language": str, "text_size": str,
         "created_at": str},
        pk="id", not_null={"name", "role", "language", "text_size", "created_at"},
        defaults={"language": "en", "text_size": "large"},
    )
    db["sessions"].create(
        {"id": int, "mode": str, "senior_id": int, "junior_id": int, "pair_id": int,
         "started_at": str, "ended_at": str, "notes": str},
        pk="id", not_null={"mode", "senior_id", "started_at"},
        foreign_keys=[("senior_id", "people", "id"), ("junior_id", "people", "id")],
    )
    db["runs"].create(
        {"id": int, "person_id": int, "session_id": int, "mode": str, "pack_id": str,
         "lesson_id": str, "current_step": str, "started_at": str, "updated_at": str,
         "completed_at": str},
        pk="id", not_null={"person_id", "mode", "pack_id", "lesson_id", "started_at",
                           "updated_at"},
        foreign_keys=[("person_id", "people", "id"), ("session_id", "sessions", "id")],
    )
    db["step_results"].create(
        {"run_id": int, "step_id": str, "status": str, "attempts": int, "hints_used": int,
         "answer_shown": int, "autonomy": str, "autonomy_by": str, "seconds": int,
         "updated_at": str, "completed_at": str},
        pk=("run_id", "step_id"), not_null={"status", "attempts", "hints_used",
                                            "answer_shown", "seconds", "updated_at"},
        defaults={"status": "open", "attempts": 0, "hints_used": 0, "answer_shown": 0,
                  "seconds": 0},
        foreign_keys=[("run_id", "runs", "id")],
    )
    db["attempts"].create(
        {"id": int, "run_id": int, "session_id": int, "person_id": int, "pack_id": str,
         "lesson_id": str, "step_id": str, "answer": str, "outcome": str, "rule": str,
         "hints_used": int, "answer_shown": int, "autonomy": str, "duration_ms": int,
         "created_at": str},
        pk="id", not_null={"run_id", "person_id", "pack_id", "lesson_id", "step_id",
                           "outcome", "hints_used", "answer_shown", "created_at"},
        foreign_keys=[("run_id", "runs", "id"), ("session_id", "sessions", "id"),
                      ("person_id", "people", "id")],
    )
    db["runs"].create_index(["person_id", "pack_id", "lesson_id", "completed_at"])
    db["runs"].create_index(["session_id"])
    db["attempts"].create_index(["run_id", "step_id"])
    db["attempts"].create_index(["person_id", "pack_id", "lesson_id"])
    db["attempts"].create_index(["session_id"])
    db["attempts"].create_index(["created_at"])
