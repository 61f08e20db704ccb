"""Which receiver addresses a webhook may be sent to.

An admin (or a compromised admin account) must not turn the server into a probe of the
network it runs in (SSRF): addresses on loopback, private, link-local, shared, multicast
or reserved ranges are refused when the endpoint is saved and again before each send
(the name may resolve elsewhere by then), unless WEBHOOK_ALLOW_PRIVATE_ADDRESSES is on.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings


def _blocked(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
    )


def why_not_url(url: str, *, resolve: bool = True) -> str | None:
    """None when webhooks may be posted to `url`, else the reason (shown to the admin)."""
    parts = urlsplit(url or "")
    if parts.scheme not in ("https", "http"):
        return "Use an https:// address."
    if parts.scheme == "http" and not settings.WEBHOOK_ALLOW_HTTP:
        return "Use an https:// address (plain http is off: WEBHOOK_ALLOW_HTTP)."
    if not parts.hostname:
        return "The address has no host name."
    if parts.username or parts.password:
        return "Put no credentials in the address; the signature authenticates us."
    if settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES:
        return None
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return "The port is not a number."
    try:
        ips = {ipaddress.ip_address(parts.hostname)}
    except ValueError:
        if not resolve:
            return None
        try:
            infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
        except OSError:
            return f"The host name {parts.hostname} does not resolve."
        ips = {ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos}
    if any(_blocked(ip) for ip in ips):
        return (
            "The address is on a private, loopback or reserved network; webhooks go to "
            "receivers on the internet only."
        )
    return None
