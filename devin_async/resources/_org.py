"""What every ``/v3/organizations/{org_id}/...`` resource shares."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .._http import Request
from .._options import RequestOptions
from .._query import query
from ._base import Resource

__all__ = ["ORG", "OrgResource", "reject_bare_strings", "split_filters", "str_list"]

ORG = "/v3/organizations/{org_id}"

_OPTION_KEYS = RequestOptions.__optional_keys__ | RequestOptions.__required_keys__


def split_filters(
    params: Mapping[str, Any], allowed: Any
) -> tuple[list[tuple[str, str]], RequestOptions]:
    """Query pairs and per-call options from ``**params`` typed by the TypedDict ``allowed``.

    A misspelt filter raises instead of being silently dropped (and listing everything).
    """
    known = allowed.__optional_keys__ | allowed.__required_keys__
    unknown = sorted(set(params) - known)
    if unknown:
        raise TypeError(f"unexpected keyword argument(s): {', '.join(unknown)}")
    options: RequestOptions = {k: v for k, v in params.items() if k in _OPTION_KEYS}  # type: ignore[assignment]
    return query(**{k: v for k, v in params.items() if k not in _OPTION_KEYS}), options


def str_list(name: str, values: Sequence[str]) -> list[str]:
    """``values`` as a list, refusing a bare string (which would become one item per letter)."""
    reject_bare_strings(**{name: values})
    return list(values)


def reject_bare_strings(**values: Any) -> None:
    """Raise for any list argument given a single string by mistake."""
    for name, value in values.items():
        if isinstance(value, (str, bytes)):
            raise TypeError(
                f"{name} must be a list of strings, not a single {type(value).__name__}"
            )


class OrgResource(Resource):
    """A resource of one organization: the client's ``org_id`` unless a call passes one."""

    def _request(
        self,
        method: str,
        template: str,
        org_id: str | None,
        options: RequestOptions,
        *,
        params: Sequence[tuple[str, str]] = (),
        json: Any = None,
        **ids: str,
    ) -> Request:
        path = {"org_id": self._core.org_id(org_id), **ids}
        return self._core.request(
            method, ORG + template, path=path, params=params, json=json, options=options
        )

    def _request_maker(
        self, method: str, template: str, org_id: str | None, options: RequestOptions, *, each: str
    ) -> Callable[[str], Request]:
        """``_request`` for many values of the path parameter ``each``."""
        path = {"org_id": self._core.org_id(org_id)}
        return self._core.request_maker(
            method, ORG + template, path=path, each=each, options=options
        )
