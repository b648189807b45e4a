"""Which address a request came from, trusting forwarding headers only from our own proxies.

``X-Forwarded-For`` and ``X-Real-IP`` are ordinary request headers: anyone can send them. A
deployment behind a reverse proxy configures the proxies' addresses (``GONGKAI_TRUSTED_PROXIES``);
only when the connection itself (``REMOTE_ADDR``) comes from one of them are the headers read, and
then ``X-Forwarded-For`` is walked from the right — each proxy appends the address it saw — past
our own proxies to the first address that is not one: the left part of the list was written by the
client and proves nothing. Without ``X-Forwarded-For`` the proxy's ``X-Real-IP`` is taken.

With no proxies configured (the default) the headers are ignored: an address sent in a header can
neither escape the rate limits, nor block someone else's logins, nor be written into the audit log.

This module is pure Python and must not import Django.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(items: Iterable[str]) -> tuple[Network, ...]:
    """ "10.0.0.1", "172.16.0.0/12", "::1" → networks; ValueError names a bad item."""
    networks = []
    for item in items:
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            raise ValueError(f"“{item}”不是 IP 地址或网段（如 10.0.0.1 或 10.0.0.0/8）") from None
    return tuple(networks)


def parse_address(value: str | None) -> Address | None:
    """An address as a header or the server writes it ("1.2.3.4", "[::1]", "1.2.3.4:5678");
    None for anything else."""
    text = (value or "").strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "1.2.3.4:5678"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # "::ffff:1.2.3.4" is 1.2.3.4
    return mapped if mapped is not None else address


def _trusted(address: Address, proxies: tuple[Network, ...]) -> bool:
    return any(address.version == network.version and address in network for network in proxies)


def client_address(
    remote_addr: str | None,
    forwarded_for: str | None,
    real_ip: str | None,
    proxies: tuple[Network, ...],
) -> str | None:
    """The client's address: ``remote_addr`` unless that is a trusted proxy, then the right-most
    address of ``forwarded_for`` (or ``real_ip``) that is not a trusted proxy."""
    remote = parse_address(remote_addr)
    if remote is None or not _trusted(remote, proxies):
        return str(remote) if remote is not None else None
    hops = [hop for hop in (forwarded_for or "").split(",") if hop.strip()]
    if not hops and real_ip:
        hops = [real_ip]
    closest = remote
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:
            break  # garbage in the chain: the last address a proxy of ours vouched for stands
        closest = address
        if not _trusted(address, proxies):
            break
    return str(closest)
