"""Which proxy a request goes through: the client's ``proxy=``, else the environment's.

The environment is read here rather than by aiohttp's ``trust_env``, which, besides the
proxy variables, reads ``~/.netrc`` for every request (in a worker thread, each time) and
sends a matching entry, or a ``default`` one, as Basic credentials: to a presigned
download host that never asked for them, and to the API, where it collides with the
bearer token and fails every call.
"""

from __future__ import annotations

import ipaddress
import logging
import urllib.request
from collections.abc import Callable
from urllib.parse import urlsplit

from ._errors import ConfigurationError

__all__ = ["ProxyRoute", "check_proxy", "no_proxy", "proxy_route"]

logger = logging.getLogger("devin_async")

ProxyRoute = Callable[[str], "str | None"]  # absolute URL -> the proxy to send it through


def check_proxy(url: str) -> str:
    """``url`` as a proxy URL (``http://`` assumed when it names no scheme), or a
    ``ConfigurationError``. Messages never show it: it may hold credentials."""
    full = url if "://" in url else f"http://{url}"
    parts = urlsplit(full)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"a proxy must be an http:// or https:// URL with a host (scheme {parts.scheme!r})"
        )
    return full


def proxy_route(proxy: str | None, trust_env: bool) -> ProxyRoute:
    """Where each URL goes: through ``proxy`` if given; else, with ``trust_env``, through
    the environment's ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY`` (either case) unless
    ``NO_PROXY`` names its host; else directly. The environment is read once, here."""
    if proxy is not None:
        fixed = check_proxy(proxy)
        return lambda url: fixed
    found = urllib.request.getproxies_environment() if trust_env else {}
    usable = {k: p for k, v in found.items() if k != "no" and (p := _usable(k, v))}
    if not usable:
        return lambda url: None
    bypass = no_proxy(found.get("no", ""))

    def route(url: str) -> str | None:
        parts = urlsplit(url)
        chosen = usable.get(parts.scheme) or usable.get("all")
        if chosen is None or bypass(parts.hostname or "", parts.port):
            return None
        return chosen

    return route


def no_proxy(spec: str) -> Callable[[str, int | None], bool]:
    """Whether ``NO_PROXY`` (``spec``) exempts a host and port, as curl reads it: ``*``,
    names matching themselves and their subdomains (``example.com``, ``.example.com``),
    IP addresses and networks (``10.0.0.0/8``), each optionally with ``:port``."""
    entries: list[tuple[str | ipaddress.IPv4Network | ipaddress.IPv6Network, int | None]] = []
    for raw in spec.split(","):
        entry = raw.strip().lower()
        if entry == "*":
            return lambda host, port: True
        name, port = _split_port(entry)
        if not name:
            continue
        try:
            entries.append((ipaddress.ip_network(name, strict=False), port))
        except ValueError:
            entries.append((name.lstrip("."), port))

    def bypassed(host: str, port: int | None) -> bool:
        host = host.lower().rstrip(".")
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(
                host
            )
        except ValueError:
            address = None
        for name, wanted in entries:
            if wanted is not None and wanted != port:
                continue
            if isinstance(name, str):
                if host == name or host.endswith("." + name):
                    return True
            elif address is not None and address in name:
                return True
        return False

    return bypassed


def _split_port(entry: str) -> tuple[str, int | None]:
    """``host:port``, ``[v6]:port``, or a bare host (a bare IPv6 address has colons)."""
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else ""
    elif entry.count(":") == 1:
        host, _, port = entry.partition(":")
    else:
        host, port = entry, ""
    return host, int(port) if port.isdigit() else None


def _usable(scheme: str, url: str) -> str | None:
    try:
        return check_proxy(url)
    except ConfigurationError as exc:
        logger.warning("ignoring the %s_proxy environment variable: %s", scheme.upper(), exc)
        return None
