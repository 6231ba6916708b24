"""The webhook address guard (SSRF): the one place that decides where webhooks may go.

Used twice: when an endpoint is registered (``check_url``) and again at every send
(``resolve_for_send``), after DNS resolution, because a name can change its address
between the two (DNS rebinding). The sender then connects to the checked IP itself, never
to a re-resolved name, and keeps the original name for the Host header and TLS SNI.

Refused: loopback, private, link-local (169.254.169.254, the cloud metadata service),
multicast, reserved, unspecified, shared (100.64/10), IPv4-mapped and other non-global
addresses. ``EVENTWIRE_WEBHOOK_ALLOW_HOSTS`` names hosts (exactly as written in the URL:
a name, or an IP literal) that are allowed anyway; plain http is accepted only for them.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

Resolver = Callable[[str, int], Sequence[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(ValueError):
    """The URL may not receive webhooks; the message says why, in one line."""


@dataclass(frozen=True)
class Target:
    """Where to connect: ``ip`` (checked) for ``host`` (for Host and SNI)."""

    scheme: str
    host: str
    port: int
    ip: str


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (A and AAAA), in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[str] = []
    for *_, sockaddr in infos:
        ip = str(sockaddr[0]).split("%", 1)[0]
        if ip not in out:
            out.append(ip)
    return out


def refusal(ip: IPAddress) -> str | None:
    """Why ``ip`` may not receive webhooks, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return f"{ip} is an IPv4-mapped IPv6 address (of {ip.ipv4_mapped})"
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and refusal(embedded):
            return f"{ip} embeds the refused IPv4 address {embedded}"
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return f"{ip} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def _parse(url: str) -> tuple[str, str, int]:
    if not url.isprintable() or any(ch.isspace() for ch in url):
        raise AddressRefused("the URL must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        raise AddressRefused(f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise AddressRefused("the URL must start with https://")
    if not host:
        raise AddressRefused("the URL has no host")
    if parts.username or parts.password:
        raise AddressRefused("the URL must not contain credentials")
    return parts.scheme, host.rstrip(".").lower(), port or (443 if parts.scheme == "https" else 80)


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _allowed(host: str, allow_hosts: Sequence[str]) -> bool:
    return host in {h.strip().strip("[]").rstrip(".").lower() for h in allow_hosts}


def check_url(url: str, allow_hosts: Sequence[str], resolver: Resolver = system_resolver) -> None:
    """Check a URL at registration.

    A name that does not resolve now is accepted (DNS may be down, the receiver not yet
    deployed); ``resolve_for_send`` checks it again at every send.

    Raises:
        AddressRefused: the URL points at a refused address, or is not https.
    """
    scheme, host, port = _parse(url)
    if _allowed(host, allow_hosts):
        return
    ip = _literal(host)
    if ip is not None:
        reason = refusal(ip)
        if reason:
            raise AddressRefused(f"{reason}; webhooks may only go to public addresses")
    else:
        try:
            addresses = resolver(host, port)
        except (OSError, UnicodeError):
            addresses = []
        _check_all(host, addresses)
    if scheme != "https":
        raise AddressRefused(
            "the URL must use https (plain http only for EVENTWIRE_WEBHOOK_ALLOW_HOSTS)"
        )


def resolve_for_send(
    url: str, allow_hosts: Sequence[str], resolver: Resolver = system_resolver
) -> Target:
    """Resolve the URL's host and check every address it has, just before a send.

    Raises:
        AddressRefused: a refused address, http to a host not allowed, or no address.
    """
    scheme, host, port = _parse(url)
    allowed = _allowed(host, allow_hosts)
    if scheme != "https" and not allowed:
        raise AddressRefused(
            "the URL must use https (plain http only for EVENTWIRE_WEBHOOK_ALLOW_HOSTS)"
        )
    ip = _literal(host)
    if ip is not None:
        if not allowed and (reason := refusal(ip)):
            raise AddressRefused(f"{reason}; webhooks may only go to public addresses")
        return Target(scheme, host, port, str(ip))
    try:
        addresses = list(resolver(host, port))
    except (OSError, UnicodeError) as exc:
        raise AddressRefused(f"{host} does not resolve: {exc}") from None
    if not addresses:
        raise AddressRefused(f"{host} does not resolve")
    if not allowed:
        _check_all(host, addresses)
    return Target(scheme, host, port, addresses[0])


def _check_all(host: str, addresses: Sequence[str]) -> None:
    # One bad address refuses the name: a mix of public and private answers is how a
    # rebinding attack looks.
    for raw in addresses:
        ip = _literal(raw)
        reason = refusal(ip) if ip is not None else f"{raw} is not an IP address"
        if reason:
            raise AddressRefused(
                f"{host} resolves to {reason}; webhooks may only go to public addresses"
            )
