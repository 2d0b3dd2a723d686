"""Client settings: keyword arguments first, then the environment."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from ssl import SSLContext
from urllib.parse import urlsplit

import attrs

from ._errors import ConfigurationError

__all__ = [
    "DEFAULT_BACKOFF_INITIAL",
    "DEFAULT_BACKOFF_MAX",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RESPONSE_SIZE",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_MAX_RETRY_AFTER",
    "DEFAULT_POOL_SIZE",
    "DEFAULT_RESUME_JITTER",
    "DEFAULT_RETRY_BUDGET",
    "DEFAULT_TIMEOUT",
    "ERROR_BODY_KEPT",
    "Secret",
    "Settings",
    "check_size",
    "check_ssl",
    "conceal",
    "resolve_settings",
    "reveal",
]

# Every default of the client, in one place (seconds unless named otherwise).
DEFAULT_BASE_URL = "https://api.devin.ai"
DEFAULT_TIMEOUT = 60.0  # per attempt
DEFAULT_POOL_SIZE = 100  # connections, and the concurrency of a fan-out
DEFAULT_MAX_RETRIES = 3
DEFAULT_BACKOFF_INITIAL = 0.5
DEFAULT_BACKOFF_MAX = 8.0
DEFAULT_MAX_RETRY_AFTER = 60.0
DEFAULT_RETRY_BUDGET = 120.0
DEFAULT_RESUME_JITTER = 0.5
# Bytes. A JSON answer larger than this, as sent or once inflated, is refused while it is
# read (per call max_response_size=); attachment downloads are not bound by it.
DEFAULT_MAX_RESPONSE_SIZE = 32 * 1024 * 1024
# Bytes of an error answer's body that are read and kept in APIStatusError.body.
ERROR_BODY_KEPT = 64 * 1024


# What no header value may carry (aiohttp refuses it, with the header, key and all, in
# the traceback's locals).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class Secret:
    """Holds the API key; prints as ``***`` in reprs, logs and tracebacks."""

    __slots__ = ("_value",)

    def __init__(self, value: str):
        self._value = value

    def reveal(self) -> str:
        return self._value

    def unfit(self) -> str | None:
        """Why the key cannot go in a header, never showing it; ``None`` if it can."""
        if not isinstance(self._value, str):
            return f"must be a string, got {type(self._value).__name__}"
        if _CONTROL.search(self._value):
            return "contains a line break or another control character"
        return None

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__

    def __reduce__(self) -> str:  # refuse pickling the key into caches or logs
        raise TypeError("Secret cannot be pickled")


def conceal(key: str | Secret | None) -> Secret | None:
    """``key`` as a ``Secret``, without the whitespace around it (the newline of a key read
    from a file). Call it on the first line that sees a raw key, then ``del`` the raw
    name: error trackers and ``--showlocals`` print every local of every frame a
    traceback holds, and a frame that can raise must hold no raw key. Never raises."""
    if key is None or isinstance(key, Secret):
        return key
    return Secret(key.strip() if isinstance(key, str) else key)


def reveal(key: Secret | None) -> str | None:
    """The raw key, for handing to the one call that conceals it again at once."""
    return None if key is None else key.reveal()


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_base_url(url: str, allow_insecure_http: bool) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(f"base URL must be an http(s) URL with a host, got {url!r}")
    if parts.scheme == "http" and not (allow_insecure_http or _is_loopback(parts.hostname)):
        raise ConfigurationError(
            f"refusing plain http:// for non-loopback host {parts.hostname!r}: the API key "
            "would travel unencrypted; use https:// or pass allow_insecure_http=True"
        )
    if parts.query or parts.fragment:
        raise ConfigurationError(f"base URL must not carry a query or fragment: {url!r}")
    return url.rstrip("/")


@attrs.frozen
class Settings:
    """Resolved configuration of one client."""

    api_key: Secret | None
    org_id: str | None
    base_url: str
    timeout: float
    max_retries: int
    max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE

    def require_key(self) -> Secret:
        if self.api_key is None:
            raise ConfigurationError(
                "no API key: pass api_key=... to the client or set DEVIN_API_KEY"
            )
        return self.api_key


def _environment(environ: Mapping[str, str] | None) -> tuple[Secret | None, str | None, str | None]:
    """The key (concealed), org id and base URL the environment sets. Read here, in a frame
    that cannot raise, so that no frame which can holds ``os.environ`` (every secret of
    the process) for a traceback to print."""
    env = os.environ if environ is None else environ
    key = conceal(env.get("DEVIN_API_KEY") or None)
    return key, env.get("DEVIN_ORG_ID") or None, env.get("DEVIN_BASE_URL") or None


def resolve_settings(
    *,
    api_key: str | Secret | None,
    org_id: str | None,
    base_url: str | None,
    timeout: float | None,
    max_retries: int | None,
    allow_insecure_http: bool,
    max_response_size: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    given_key = conceal(api_key)
    del api_key  # see conceal()
    env_key, env_org_id, env_url = _environment(environ)
    key = given_key if given_key is not None else env_key
    unfit = None if key is None else key.unfit()
    if unfit:
        source = "api_key" if given_key is not None else "DEVIN_API_KEY"
        raise ConfigurationError(f"the API key ({source}) {unfit}")
    url = base_url or env_url or DEFAULT_BASE_URL
    if timeout is not None and timeout <= 0:
        raise ConfigurationError(f"timeout must be positive, got {timeout!r}")
    if max_retries is not None and max_retries < 0:
        raise ConfigurationError(f"max_retries must be >= 0, got {max_retries!r}")
    if max_response_size is not None:
        check_size("max_response_size", max_response_size)
    return Settings(
        api_key=key or None,
        org_id=org_id if org_id is not None else env_org_id,
        base_url=_check_base_url(url, allow_insecure_http),
        timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
        max_response_size=max_response_size or DEFAULT_MAX_RESPONSE_SIZE,
    )


def check_ssl(ssl: SSLContext | bool, connector_factory: object) -> SSLContext | bool:
    """``ssl=`` as the transport takes it: ``True`` (verify, the default), ``False`` (do
    not: for a test host only) or an ``ssl.SSLContext`` (a custom CA, a client certificate);
    a connector of the user's own sets its own."""
    if not (ssl is True or ssl is False or isinstance(ssl, SSLContext)):
        raise ConfigurationError(f"ssl must be True, False or an ssl.SSLContext, got {ssl!r}")
    if ssl is not True and connector_factory is not None:
        raise ConfigurationError(
            "give ssl= to the connector connector_factory makes, not to the client"
        )
    return ssl


def check_size(name: str, value: object) -> None:
    """Refuse a byte count that is not a positive int (a bool, a float, ``0``)."""
    if type(value) is not int or value <= 0:
        raise ConfigurationError(f"{name} must be a positive number of bytes, got {value!r}")
