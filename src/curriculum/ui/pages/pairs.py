"""Compose pairs (the coordinator only): proposals with their score and reasons, accept one
or all, swap two mentors, pair by hand (with a warning where a rule is broken), who is not
paired and why, and the running pairs."""

import streamlit as st

from curriculum.errors import CurriculumError
from curriculum.programme import access
from curriculum.programme.matching import Reason
from curriculum.render import escape
from curriculum.store import pairs, people, session
from curriculum.store.pairs import Pair
from curriculum.ui import state

T = state.tr()
NOTICE = "pairs.notice"  # (level, text) of the last action, shown once
SWAP_A, SWAP_B = "pairs.swap_a", "pairs.swap_b"
HAND_SENIOR, HAND_JUNIOR = "pairs.hand_senior", "pairs.hand_junior"
USER_TEXT = ("name", "senior", "junior", "manager", "report", "partner", "site")


# --- reasons into words -------------------------------------------------------------------

def _known(key: str, fallback: str) -> str:
    text = T(key)
    return fallback if text == key else text


def _listing(items: list[str]) -> str:
    return T("pairs.list_last", rest=", ".join(items[:-1]), last=items[-1]) \
        if len(items) > 1 else "".join(items)


def _words(reason: Reason) -> str:
    "One reason in today's language; names and sites escaped for Markdown."
    p = {k: escape(str(v)) if k in USER_TEXT else v for k, v in reason.params.items()}
    if "topics" in p:
        p["topics"] = _listing([_known(f"topic.{t}", escape(t)) for t in p["topics"]])
    if "slots" in p:
        p["slots"] = _listing([T("pairs.slot", day=T(f"pairs.day.{s[:3]}"),
                                 part=T(f"pairs.part.{s[4:]}")) for s in p["slots"]])
    if "language" in p:
        p["language"] = _known(f"pairs.lang.{p['language']}", escape(str(p["language"])))
    kind = reason.kind
    if kind == "topics" and not p["covered"]:
        kind = "topics_none"
    elif kind == "topics" and p["wanted"] == 1:
        kind = "topics_one"
    return T(f"pairs.reason.{kind}", **p)


def _sentence(reasons: tuple[Reason, ...]) -> str:
    return T("pairs.separator").join(_words(r) for r in reasons)


def _title(pair: Pair, plain: bool = False) -> str:
    name = (lambda p: p.name) if plain else (lambda p: escape(p.name))
    return T("pairs.pair_title", senior=name(pair.senior), junior=name(pair.junior))


# --- actions (callbacks) ------------------------------------------------------------------

def _error(exc: CurriculumError) -> str:
    key, params = getattr(exc, "key", None), getattr(exc, "params", {})
    if key and T(key) != key:
        return T(key, **{k: escape(str(v)) for k, v in params.items()})
    return escape(str(exc))


def _act(action, done) -> None:
    "Run `action(db)`; keep what `done(result)` says, or the error, for the next run."
    try:
        with session() as db:
            result = action(db)
    except CurriculumError as exc:
        st.session_state[NOTICE] = ("error", _error(exc))
        return
    st.session_state[NOTICE] = ("success", done(result))


def _accepted(pair: Pair) -> str:
    return T("pairs.notice.accepted", senior=escape(pair.senior.name),
             junior=escape(pair.junior.name))


def _accepted_all(counts: tuple[int, int]) -> str:
    accepted, left = counts
    text = T("pairs.notice.accepted_all", n=accepted)
    return f"{text} {T('pairs.notice.left', n=left)}" if left else text


def _swap() -> None:
    first, second = st.session_state.get(SWAP_A), st.session_state.get(SWAP_B)
    _act(lambda db: pairs.swap(db, first, second),
         lambda two: T("pairs.notice.swapped", first=_title(two[0]), second=_title(two[1])))


def _pair_by_hand() -> None:
    senior, junior = st.session_state.get(HAND_SENIOR), st.session_state.get(HAND_JUNIOR)
    _act(lambda db: pairs.pair_by_hand(db, senior, junior), _accepted)
    if st.session_state[NOTICE][0] == "success":
        st.session_state[HAND_SENIOR] = st.session_state[HAND_JUNIOR] = None


# --- the page -----------------------------------------------------------------------------

def _card(pair: Pair) -> None:
    with st.container(border=True):
        st.subheader(_title(pair))
        st.markdown(T("pairs.score", score=round((pair.score or 0) * 100)))
        st.markdown(T("pairs.why", reasons=_sentence(pair.reasons)))
        if pair.warnings:
            st.warning(T("pairs.warnings", reasons=_sentence(pair.warnings)), icon="⚠️")
        if pair.hand_made:
            st.caption(T("pairs.hand_made"))
        if pair.status == "proposed":
            st.button(T("pairs.accept"), key=f"pairs.accept.{pair.id}", icon="✅",
                      on_click=_act, args=(lambda db: pairs.accept(db, pair.id), _accepted))
            return
        st.markdown(T("pairs.since", date=(pair.accepted_at or "")[:10]))
        with st.expander(T("pairs.end")):
            st.button(T("pairs.end_confirm"), key=f"pairs.end.{pair.id}", on_click=_act,
                      args=(lambda db: pairs.end(db, pair.id), lambda p: T(
                          "pairs.notice.ended", senior=escape(p.senior.name),
                          junior=escape(p.junior.name))))


st.title(T("nav.pairs"))
state.require(access.is_coordinator(state.viewers()))
notice = st.session_state.pop(NOTICE, None)
if notice:
    (st.success if notice[0] == "success" else st.error)(
        notice[1], icon="✅" if notice[0] == "success" else "⚠️")
st.markdown(T("pairs.intro"))

with session() as db:
    proposed, running = pairs.list_pairs(db, "proposed"), pairs.list_pairs(db, "active")
    waiting = pairs.unpaired(db)
    everyone = {p.id: p for p in people.list_people(db) if p.active}

st.button(T("pairs.propose_again" if proposed else "pairs.propose"), key="pairs.propose",
          type="primary", icon="🧩", help=T("pairs.propose_help"),
          on_click=_act, args=(pairs.propose, lambda r: T("pairs.notice.proposed",
                                                          n=len(r.pairs))))

st.header(T("pairs.proposed_header", n=len(proposed)))
if not proposed:
    st.info(T("pairs.proposed_none"), icon="ℹ️")
else:
    st.button(T("pairs.accept_all"), key="pairs.accept_all", icon="✅", on_click=_act,
              args=(pairs.accept_all, _accepted_all))
    for pair in proposed:
        _card(pair)

if len(proposed) >= 2:
    st.subheader(T("pairs.swap_header"))
    st.markdown(T("pairs.swap_help"))
    labels = {p.id: _title(p, plain=True) for p in proposed}
    for key, label in ((SWAP_A, "pairs.swap_first"), (SWAP_B, "pairs.swap_second")):
        if st.session_state.get(key) not in labels:
            st.session_state[key] = None
        st.selectbox(T(label), list(labels), key=key, format_func=labels.__getitem__,
                     placeholder=T("pairs.swap_choose"))
    st.button(T("pairs.swap"), key="pairs.swap", icon="🔁", on_click=_swap,
              disabled=None in (st.session_state.get(SWAP_A), st.session_state.get(SWAP_B)))

st.header(T("pairs.unpaired_header"))
if not waiting:
    st.success(T("pairs.unpaired_none"), icon="✅")
for u in waiting:
    person = everyone.get(u.person_id)
    if person is not None:
        st.markdown("- " + T("pairs.unpaired_item", name=escape(person.name),
                             role=T(f"role.{u.role}"), reason=_words(u.reason)))

st.header(T("pairs.hand_header"))
st.markdown(T("pairs.hand_help"))
for key, role, label in ((HAND_SENIOR, "senior", "pairs.hand_senior"),
                         (HAND_JUNIOR, "junior", "pairs.hand_junior")):
    names = {p.id: p.name for p in everyone.values() if p.has_role(role)}
    if st.session_state.get(key) not in names:
        st.session_state[key] = None
    st.selectbox(T(label), list(names), key=key, format_func=names.__getitem__,
                 placeholder=T("pairs.hand_choose"))
chosen = st.session_state.get(HAND_SENIOR), st.session_state.get(HAND_JUNIOR)
preview = None
if None not in chosen:
    with session() as db:
        preview = pairs.check(db, *chosen)
if preview is not None:
    st.markdown(T("pairs.score", score=round(preview.score * 100)))
    st.markdown(T("pairs.why", reasons=_sentence(preview.reasons)))
    if preview.problems:
        st.warning(T("pairs.warnings", reasons=_sentence(preview.problems)), icon="⚠️")
    else:
        st.success(T("pairs.hand_ok"), icon="✅")
st.button(T("pairs.hand_make_anyway" if preview and preview.problems else "pairs.hand_make"),
          key="pairs.hand_make", icon="🤝", on_click=_pair_by_hand, disabled=preview is None)

st.header(T("pairs.active_header", n=len(running)))
if not running:
    st.info(T("pairs.active_none"), icon="ℹ️")
for pair in running:
    _card(pair)
