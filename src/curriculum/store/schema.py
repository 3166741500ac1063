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


@MIGRATIONS()
def m002_programme(db: Database) -> None:
    "Profiles, PINs, pairs, agreements and feedback: the programme around the pairs."
    people = db["people"]
    for column, kind in (("roles", str), ("languages", str), ("site", str), ("remote", int),
                         ("availability", str), ("manager_id", int), ("capacity", int),
                         ("pin_hash", str), ("active", int)):
        people.add_column(column, kind)
    db.execute("update people set roles = json_array(role), languages = json_array(language), "
               "availability = '[]', active = 1, capacity = case when role = 'junior' "
               "then 2 else null end")
    db["interests"].create(  # what a senior wants to learn / what a junior can teach
        {"person_id": int, "kind": str, "topic": str, "level": int},
        pk=("person_id", "kind", "topic"), foreign_keys=[("person_id", "people", "id")],
    )
    db["wanted_lessons"].create(
        {"person_id": int, "pack_id": str, "lesson_id": str},
        pk=("person_id", "pack_id", "lesson_id"), foreign_keys=[("person_id", "people", "id")],
    )
    db["pairs"].create(
        {"id": int, "senior_id": int, "junior_id": int, "status": str, "score": float,
         "explanation": str, "warnings": str, "hand_made": int, "created_at": str,
         "accepted_at": str, "ended_at": str},
        pk="id", not_null={"senior_id", "junior_id", "status", "created_at"},
        defaults={"hand_made": 0},
        foreign_keys=[("senior_id", "people", "id"), ("junior_id", "people", "id")],
    )
    db["pairs"].create_index(["senior_id", "status"])
    db["pairs"].create_index(["junior_id", "status"])
    db["agreements"].create(
        {"id": int, "pair_id": int, "goals": str, "own_goal": str, "sessions_planned": int,
         "minutes": int, "rhythm": str, "ground_rules": str, "senior_confirmed_at": str,
         "junior_confirmed_at": str, "updated_at": str},
        pk="id", not_null={"pair_id", "updated_at"},
        foreign_keys=[("pair_id", "pairs", "id")],
    )
    db["agreements"].create_index(["pair_id"], unique=True)
    db["feedback"].create(
        {"id": int, "session_id": int, "author_id": int, "role": str, "tact": int,
         "patience": int, "clarity": int, "respect": int, "comment": str, "went_well": str,
         "do_differently": str, "learnt": str, "next_plan": str, "created_at": str},
        pk="id", not_null={"session_id", "author_id", "role", "created_at"},
        foreign_keys=[("session_id", "sessions", "id"), ("author_id", "people", "id")],
    )
    db["feedback"].create_index(["session_id"])
    db["sessions"].create_index(["pair_id", "started_at"])
    db["sessions"].create_index(["senior_id"])


@MIGRATIONS()
def m003_people(db: Database) -> None:
    "Wrong PINs in a row and the time until which a person's PIN is locked."
    people = db["people"]
    people.add_column("pin_failures", int, not_null_default=0)
    people.add_column("pin_locked_until", str)


@MIGRATIONS()
def m004_solo_without_mentor(db: Database) -> None:
    """A learner alone was once recorded as a pair with no mentor (the mentor's box held a
    label instead of an id): those sessions and their runs are solo."""
    db.execute("update sessions set mode = 'solo' where mode = 'pair' and junior_id is null")
    db.execute("update runs set mode = 'solo' where mode = 'pair' and (session_id is null "
               "or session_id in (select id from sessions where mode = 'solo'))")


@MIGRATIONS()
def m005_app_states(db: Database) -> None:
    "The state of a practice app (mailbox, sheet, chat, feed) saved with the run, per step."
    db["app_states"].create(
        {"run_id": int, "step_id": str, "state": str, "updated_at": str},
        pk=("run_id", "step_id"), not_null={"state", "updated_at"},
        foreign_keys=[("run_id", "runs", "id")],
    )


@MIGRATIONS()
def m006_review_items(db: Database) -> None:
    "Steps that come back in a senior's daily practice: an fsrs card each, due in UTC."
    db["review_items"].create(
        {"id": int, "person_id": int, "pack_id": str, "lesson_id": str, "step_id": str,
         "card": str, "due": str, "reviews": int, "lapses": int, "last_grade": str,
         "created_at": str, "updated_at": str},
        pk="id", not_null={"person_id", "pack_id", "lesson_id", "step_id", "card", "due",
                           "reviews", "lapses", "created_at", "updated_at"},
        defaults={"reviews": 0, "lapses": 0},
        foreign_keys=[("person_id", "people", "id")],
    )
    db["review_items"].create_index(["person_id", "pack_id", "lesson_id", "step_id"],
                                    unique=True)
    db["review_items"].create_index(["person_id", "due"])
    db["step_results"].create_index(["autonomy", "status"])
