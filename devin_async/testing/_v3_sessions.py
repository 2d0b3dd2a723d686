"""Fake session routes, over ``FakeState.sessions``: ``/v3/organizations/{org_id}/sessions...``
and their ``/v3/enterprise/sessions...`` twins (narrowed by ``?org_id=``/``?org_ids=``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from aiohttp import web

from ._attachments import public_attachment
from ._render import v3_insights, v3_session
from ._state import FakeState, Record
from ._wire import Route, cursor_page, int_param, invalid, json_body, missing, problem, state_of

__all__ = ["ROUTES"]

_ORG = "/v3/organizations/{org_id}"
_SESSIONS = _ORG + "/sessions"
_SESSION = _SESSIONS + "/{devin_id}"
_MAX_TAGS = 50
_SESSION_FIELDS = (
    "title",
    "tags",
    "playbook_id",
    "repos",
    "knowledge_ids",
    "secret_ids",
    "max_acu_limit",
    "structured_output_schema",
    "devin_mode",
    "platform",
)


def _session_of(request: web.Request) -> Record:
    rec = state_of(request).sessions.get(request.match_info["devin_id"])
    # Organization routes name the org in the path; enterprise twins may narrow by ?org_id=.
    org = request.match_info.get("org_id") or request.query.get("org_id")
    if rec is None or (org is not None and rec["org_id"] != org):
        raise missing("Session")
    return rec


def _many(request: web.Request, name: str) -> list[str]:
    return request.query.getall(name, [])


# Session list filters: by the record field each one reads.
_ANY_OF = {
    "session_ids": "session_id",
    "user_ids": "user_id",
    "service_user_ids": "service_user_id",
    "origins": "origin",
}
_OVERLAPS = {"tags": "tags", "repo_names": "repos"}
_EQUALS = ("playbook_id", "schedule_id", "category")
_LOWER_BOUNDS = {"created_after": "created_at", "updated_after": "updated_at"}
_UPPER_BOUNDS = {"created_before": "created_at", "updated_before": "updated_at"}


def _session_filter(request: web.Request) -> Callable[[Record], bool]:
    """The request's filters as one predicate; list filters match any of their values."""
    q = request.query
    any_of = {field: set(q.getall(name)) for name, field in _ANY_OF.items() if name in q}
    overlaps = {field: set(q.getall(name)) for name, field in _OVERLAPS.items() if name in q}
    equals = {name: q[name] for name in _EQUALS if name in q}
    lower = {f: b for n, f in _LOWER_BOUNDS.items() if (b := int_param(request, n)) is not None}
    upper = {f: b for n, f in _UPPER_BOUNDS.items() if (b := int_param(request, n)) is not None}
    archived = q.get("is_archived")

    def matches(r: Record) -> bool:
        return (
            all(r.get(f) in wanted for f, wanted in any_of.items())
            and all(wanted & set(r.get(f) or ()) for f, wanted in overlaps.items())
            and all(r.get(f) == v for f, v in equals.items())
            and all(r[f] >= b for f, b in lower.items())
            and all(r[f] <= b for f, b in upper.items())
            and (archived is None or bool(r["is_archived"]) == (archived == "true"))
        )

    return matches


def _matching_sessions(request: web.Request) -> list[Record]:
    # One organization's (from the path), or the enterprise's, narrowed by ?org_ids=.
    org = request.match_info.get("org_id")
    orgs = {org} if org else set(_many(request, "org_ids"))
    matches = _session_filter(request)
    sessions = state_of(request).sessions
    wanted = _many(request, "session_ids")
    # A list by id (a fan-out's chunk) looks its ids up rather than read every session.
    candidates = (
        [sessions[i] for i in dict.fromkeys(wanted) if i in sessions]
        if wanted
        else sessions.values()
    )
    found = [r for r in candidates if (not orgs or r["org_id"] in orgs) and matches(r)]
    return sorted(found, key=lambda r: r["created_at"], reverse=True)  # newest first


async def list_sessions(request: web.Request) -> web.Response:
    return cursor_page(request, _matching_sessions(request), v3_session)


async def list_insights(request: web.Request) -> web.Response:
    return cursor_page(request, _matching_sessions(request), v3_insights)


async def create_session(request: web.Request) -> web.Response:
    data = await json_body(request)
    prompt = data.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise invalid("prompt is required")
    tags = data.get("tags") or []
    if not isinstance(tags, list) or len(tags) > _MAX_TAGS:
        raise invalid(f"tags must be a list of at most {_MAX_TAGS} strings")
    state = state_of(request)
    fields = {name: data[name] for name in _SESSION_FIELDS if data.get(name) is not None}
    fields["tags"] = tags
    rec = state.create_session(
        prompt,
        org_id=request.match_info["org_id"],
        attachments=_attachments_named(state, data.get("attachment_urls") or ()),
        **fields,
    )
    return web.json_response(v3_session(rec))


def _attachments_named(state: FakeState, urls: Iterable[str]) -> list[str]:
    uploaded = state.of_kind("attachments")
    wanted = set(urls)
    return [a_id for a_id, a in uploaded.items() if a["url"] in wanted]


async def get_session(request: web.Request) -> web.Response:
    return web.json_response(v3_session(_session_of(request)))


async def terminate_session(request: web.Request) -> web.Response:
    rec = _session_of(request)
    state_of(request).stop(rec, "exit")
    if request.query.get("archive") == "true":
        rec["is_archived"] = True
    return web.json_response(v3_session(rec))


async def archive_session(request: web.Request) -> web.Response:
    rec = _session_of(request)
    rec.update(is_archived=True, updated_at=state_of(request).clock())
    if rec["status"] == "running":
        state_of(request).stop(rec, "suspended", "user_request")
    return web.json_response(v3_session(rec))


async def send_message(request: web.Request) -> web.Response:
    rec = _session_of(request)
    data = await json_body(request)
    message = data.get("message")
    if not isinstance(message, str) or not message:
        raise invalid("message is required")
    if rec["status"] in ("exit", "error"):
        return problem(400, "Bad Request", f"session {rec['session_id']} has ended")
    state_of(request).hear(rec, message)
    return web.json_response(v3_session(rec))


def _event_id(rec: Record, index: int) -> str:
    return f"event-{rec['session_id'].removeprefix('devin-')}-{index:04d}"


def _events(rec: Record) -> list[Record]:
    """The session's timeline: each message is a ``message`` event."""
    out = []
    for i, msg in enumerate(rec["messages"]):
        from_devin = msg["type"] == "devin_message"
        out.append(
            {
                "event_id": _event_id(rec, i),
                "event_type": msg["type"],
                "category": "message",
                "direction": "outgoing" if from_devin else "incoming",
                "created_at": int(msg["at"]),
                "summary": msg["message"][:80],
                "contents": {"message": msg["message"]},
            }
        )
    return out


async def list_messages(request: web.Request) -> web.Response:
    rec = _session_of(request)

    def render(event: Record) -> Record:
        return {
            "event_id": event["event_id"],
            "message": event["contents"]["message"],
            "source": "devin" if event["direction"] == "outgoing" else "user",
            "created_at": event["created_at"],
        }

    return cursor_page(request, _events(rec), render)


def _filtered_events(request: web.Request) -> list[Record]:
    categories, types = set(_many(request, "categories")), set(_many(request, "event_types"))
    if categories and types:
        raise invalid("categories and event_types are mutually exclusive")
    direction = request.query.get("direction")
    after, before = int_param(request, "created_after"), int_param(request, "created_before")
    return [
        e
        for e in _events(_session_of(request))
        if (not categories or e["category"] in categories)
        and (not types or e["event_type"] in types)
        and (direction is None or e["direction"] == direction)
        and (after is None or e["created_at"] >= after)
        and (before is None or e["created_at"] <= before)
    ]


def _summary(event: Record) -> Record:
    return {k: v for k, v in event.items() if k != "contents"}


async def list_events(request: web.Request) -> web.Response:
    return cursor_page(request, _filtered_events(request), _summary)


async def search_events(request: web.Request) -> web.Response:
    text = request.query.get("query", "")
    if not text:
        raise invalid("query is required")
    needle = text.lower()
    hits = []
    for event in _filtered_events(request):
        message = event["contents"]["message"]
        at = message.lower().find(needle)
        if at >= 0:
            hits.append({**_summary(event), "match_context": message[max(0, at - 40) : at + 80]})
    return cursor_page(request, hits, lambda e: e)


async def event_details(request: web.Request) -> web.Response:
    events = _events(_session_of(request))
    ids = _many(request, "event_ids")
    offset, limit = int_param(request, "offset"), int_param(request, "limit", 20)
    max_len = int_param(request, "max_content_length", 10000)
    if ids and offset is not None:
        raise invalid("event_ids and offset/limit are mutually exclusive")
    if len(ids) > 20 or not 1 <= limit <= 50:
        raise invalid("at most 20 event_ids, and limit 1..50")
    if ids:
        chosen = [e for e in events if e["event_id"] in set(ids)]
    else:
        chosen = events[offset or 0 : (offset or 0) + limit]
    items = []
    for event in chosen:
        message = event["contents"]["message"]
        cut = len(message) > max_len
        items.append(
            {
                **{k: v for k, v in event.items() if k != "summary"},
                "contents": {"message": message[:max_len]},
                "truncated_fields": ["message"] if cut else [],
            }
        )
    return web.json_response({"items": items})


async def session_attachments(request: web.Request) -> web.Response:
    rec = _session_of(request)
    uploaded = state_of(request).of_kind("attachments")
    listed = [uploaded[a] for a in rec.get("attachments", ()) if a in uploaded]
    return web.json_response(
        [
            {**public_attachment(a), "content_type": a["content_type"], "source": "user"}
            for a in listed
        ]
    )


async def get_insights(request: web.Request) -> web.Response:
    return web.json_response(v3_insights(_session_of(request)))


async def generate_insights(request: web.Request) -> web.Response:
    rec = _session_of(request)
    # The documented answers (release notes, Mar 11 2026): started, or already_exists.
    status = state_of(request).request_insights(rec)
    return web.json_response({"session_id": rec["session_id"], "status": status})


async def get_tags(request: web.Request) -> web.Response:
    return web.json_response({"tags": _session_of(request)["tags"]})


async def _tags_in(request: web.Request) -> list[str]:
    tags = (await json_body(request)).get("tags")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise invalid("tags must be a list of strings")
    return tags


async def append_tags(request: web.Request) -> web.Response:
    rec = _session_of(request)
    merged = list(dict.fromkeys([*rec["tags"], *await _tags_in(request)]))
    if len(merged) > _MAX_TAGS:
        raise invalid(f"a session has at most {_MAX_TAGS} tags")
    rec["tags"] = merged
    return web.json_response({"tags": merged})


async def replace_tags(request: web.Request) -> web.Response:
    rec = _session_of(request)
    tags = list(dict.fromkeys(await _tags_in(request)))
    if len(tags) > _MAX_TAGS:
        raise invalid(f"a session has at most {_MAX_TAGS} tags")
    rec["tags"] = tags
    return web.json_response({"tags": tags})


def _scope_routes(sessions: str) -> list[Route]:
    """The routes an organization and the enterprise both serve below ``sessions``."""
    session = sessions + "/{devin_id}"
    return [
        ("GET", sessions, list_sessions),
        ("GET", sessions + "/insights", list_insights),  # before the {devin_id} it would match
        ("GET", session, get_session),
        ("GET", session + "/insights", get_insights),
        ("POST", session + "/insights/generate", generate_insights),
        ("GET", session + "/messages", list_messages),
        ("POST", session + "/messages", send_message),
        ("GET", session + "/attachments", session_attachments),
        ("GET", session + "/tags", get_tags),
        ("POST", session + "/tags", append_tags),
        ("PUT", session + "/tags", replace_tags),
    ]


ROUTES: tuple[Route, ...] = (
    *_scope_routes(_SESSIONS),
    # Only an organization's sessions are created, ended, archived and read as events.
    ("POST", _SESSIONS, create_session),
    ("DELETE", _SESSION, terminate_session),
    ("POST", _SESSION + "/archive", archive_session),
    ("GET", _SESSION + "/events", list_events),
    ("GET", _SESSION + "/events/search", search_events),
    ("GET", _SESSION + "/events/details", event_details),
    # The enterprise's twins, over the same records (no org in the path spans them all).
    *_scope_routes("/v3/enterprise/sessions"),
)
