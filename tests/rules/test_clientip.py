"""Which address a request came from: forwarding headers believed only from our own proxies."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gongkai.rules.clientip import client_address, parse_address, parse_networks

PROXIES = parse_networks(["10.0.0.5", "172.16.0.0/12", "::1"])


def test_it_ignores_forwarding_headers_when_no_proxy_is_configured():
    assert client_address("203.0.113.7", "198.51.100.1", "198.51.100.2", ()) == "203.0.113.7"


def test_it_ignores_forwarding_headers_from_a_client_that_is_not_a_proxy():
    assert client_address("203.0.113.7", "198.51.100.1", "198.51.100.2", PROXIES) == "203.0.113.7"


def test_it_takes_the_right_most_address_that_is_not_one_of_our_proxies():
    # the client wrote "1.1.1.1" itself; our outer proxy 172.16.3.4 saw 198.51.100.9 and our inner
    # proxy 10.0.0.5 saw 172.16.3.4
    chain = "1.1.1.1, 198.51.100.9, 172.16.3.4"
    assert client_address("10.0.0.5", chain, "1.1.1.1", PROXIES) == "198.51.100.9"


def test_it_takes_x_real_ip_from_a_proxy_that_sends_no_forwarded_for():
    assert client_address("10.0.0.5", None, "198.51.100.9", PROXIES) == "198.51.100.9"
    assert client_address("::1", "", "[2001:db8::7]", PROXIES) == "2001:db8::7"


def test_it_stops_at_garbage_in_the_chain():
    assert client_address("10.0.0.5", "198.51.100.9, not-an-address", None, PROXIES) == "10.0.0.5"
    assert client_address("10.0.0.5", "not-an-address, 198.51.100.9", None, PROXIES) == "198.51.100.9"


def test_it_reads_ports_brackets_and_mapped_addresses():
    assert str(parse_address("198.51.100.9:5678")) == "198.51.100.9"
    assert str(parse_address("[2001:db8::1]:443")) == "2001:db8::1"
    assert str(parse_address("::ffff:198.51.100.9")) == "198.51.100.9"
    assert parse_address("") is None and parse_address("localhost") is None


def test_it_refuses_a_proxy_list_entry_that_is_not_an_address():
    with pytest.raises(ValueError, match="gateway"):
        parse_networks(["10.0.0.1", "gateway"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(remote=st.ip_addresses(), spoofed=st.lists(st.ip_addresses().map(str), max_size=4),
       real_ip=st.ip_addresses().map(str))
def test_it_never_lets_a_client_that_is_not_a_proxy_choose_its_address(remote, spoofed, real_ip):
    assume(not any(remote.version == network.version and remote in network for network in PROXIES))
    expected = str(parse_address(str(remote)))  # an IPv4-mapped IPv6 address counts as IPv4
    assert client_address(str(remote), ", ".join(spoofed), real_ip, PROXIES) == expected
