"""A link an admin sends, fetched and read into a :class:`Report`: the article's text and
its title, site, author and publication date (trafilatura does the reading).

>>> from bot.settings import Network, Settings
>>> fetch_report("file:///etc/passwd", Settings())
Traceback (most recent call last):
bot.errors.PageError: file:///etc/passwd is not a web page link (http:// or https://).
>>> fetch_report("http://127.0.0.1:8080/admin", Settings())  # doctest: +ELLIPSIS
Traceback (most recent call last):
bot.errors.PageError: 127.0.0.1 is an address inside a private network (127.0.0.1): ...

Anyone who can send the bot a link makes it open that address, so a link may reach only
public addresses: the host is looked up and every address it has must be public, on the
connection itself (a name that answers differently the second time is checked again) and on
every redirect (at most :data:`MAX_REDIRECTS`). ``DESK_INTAKE_ALLOW_PRIVATE`` names addresses
or networks that may be reached all the same (tests serve their pages on 127.0.0.1). The
whole fetch, redirects included, has ``DESK_INTAKE_TIMEOUT`` seconds and reads at most
``DESK_INTAKE_MAX_BYTES`` (after decompression). Proxies from the environment are not used:
the addresses checked must be the ones connected to. Whatever goes wrong is a
:class:`bot.errors.PageError` in words for the admin who sent the link, in the language of
the answer being written (the bot's chat's; English for ``desk intake``).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable
from datetime import date

import httpcore
import httpx

from bot.core.formats import number
from bot.core.i18n import _
from bot.errors import PageError
from bot.ingest.intake.report import Report
from bot.settings import Network, Settings

MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
HEADERS = {
    "User-Agent": "Mozilla/5.0 (compatible; DefectionDesk/0.1; newsroom intake)",
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
}
# NAT64's well-known prefix carries an IPv4 address in its last 32 bits.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def public(address: str) -> bool:
    """Whether ``address`` is on the public internet: not private, loopback, link-local,
    shared, reserved, multicast or unspecified, nor an IPv6 form of such an IPv4 address.

    >>> [public(a) for a in ("93.184.216.34", "10.0.0.7", "169.254.169.254", "::ffff:127.0.0.1")]
    [True, False, False, False]
    """
    ip: Address = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return public(str(embedded))
    return ip.is_global and not ip.is_multicast


class _PublicOnly(httpcore.SyncBackend):
    """Connects only to public addresses (and those ``allowed``), and only to the addresses
    it checked."""

    def __init__(self, allowed: tuple[Network, ...]) -> None:
        self.allowed = allowed

    def may_reach(self, address: str) -> bool:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        return public(address) or any(ip in network for network in self.allowed)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise PageError(
                _("{host} cannot be found: check the link.").format(host=host)
            ) from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        inside = [a for a in addresses if not self.may_reach(a)]
        if inside:
            raise PageError(
                _(
                    "{host} is an address inside a private network ({address}): the desk"
                    " fetches only public web pages."
                ).format(host=host, address=inside[0])
            )
        failure: httpcore.ConnectError | None = None
        for address in addresses:  # the checked addresses themselves, never a new look-up
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or httpcore.ConnectError(f"no address for {host}")


class _CheckedTransport(httpx.HTTPTransport):
    def __init__(self, allowed: tuple[Network, ...]) -> None:
        super().__init__(trust_env=False)
        # httpx takes no network backend of its own; its connection pool does.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=4,
            network_backend=_PublicOnly(allowed),
        )


def fetch_report(url: str, settings: Settings) -> Report:
    """The article at ``url`` as a Report (kind ``link``, its URL the page's after redirects);
    raises :class:`PageError` when it cannot be read."""
    final, content_type, body = fetch_page(url, settings)
    return read_article(final, content_type, body)


def fetch_page(url: str, settings: Settings) -> tuple[str, str, bytes | str]:
    """(the URL after redirects, its content type, the page: text when the server named its
    charset, otherwise bytes for trafilatura to decode as the page declares)."""
    deadline = time.monotonic() + settings.intake_timeout
    with httpx.Client(
        transport=_CheckedTransport(settings.intake_allow_private),
        headers=HEADERS,
        follow_redirects=False,
        trust_env=False,
    ) as client:
        current = _web_url(url)
        for _attempt in range(MAX_REDIRECTS + 1):
            host = current.host
            left = deadline - time.monotonic()
            try:
                with client.stream("GET", current, timeout=max(left, 0.001)) as response:
                    if response.is_redirect and "location" in response.headers:
                        current = _web_url(str(current.join(response.headers["location"])))
                        continue
                    return str(current), *_body(response, host, settings, deadline)
            except httpx.TimeoutException:
                raise _too_slow(host, settings) from None
            except httpx.TransportError as exc:
                raise PageError(
                    _("cannot reach {host} ({why}).").format(host=host, why=_reason(exc))
                ) from None
        raise PageError(
            _("the link redirects more than {n} times: send the article's own link.").format(
                n=number(MAX_REDIRECTS)
            )
        )


def _web_url(text: str) -> httpx.URL:
    shown = text if len(text) <= 80 else text[:79] + "…"
    try:
        url = httpx.URL(text.strip())
    except httpx.InvalidURL:
        raise PageError(_("{link} is not a link to a web page.").format(link=shown)) from None
    if url.scheme not in ("http", "https"):
        raise PageError(
            _("{link} is not a web page link (http:// or https://).").format(link=shown)
        )
    if not url.host:
        raise PageError(_("{link} names no web site.").format(link=shown))
    return url


def _body(
    response: httpx.Response, host: str, settings: Settings, deadline: float
) -> tuple[str, bytes | str]:
    if not response.is_success:
        raise PageError(
            _("{host} answered {status} for this link.").format(
                host=host, status=f"{response.status_code} {response.reason_phrase}"
            )
        )
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and content_type not in HTML_TYPES:
        raise PageError(
            _(
                "the link is not a web page but {type}: send a link to the article,"
                " or paste its text."
            ).format(type=content_type)
        )
    limit = settings.intake_max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big(host, limit)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise _too_big(host, limit)
        if time.monotonic() > deadline:  # a page that trickles in never times a read out
            raise _too_slow(host, settings)
        chunks.append(chunk)
    body = b"".join(chunks)
    if not content_type and not _looks_like_html(body):
        raise PageError(
            _("the link is not a web page: send a link to the article, or paste its text.")
        )
    if response.charset_encoding:
        try:
            return content_type, body.decode(response.charset_encoding, errors="replace")
        except LookupError:  # a charset Python does not know: trafilatura guesses
            pass
    return content_type, body


def _looks_like_html(body: bytes) -> bool:
    """For a page sent with no content type.

    >>> _looks_like_html(b"  <!DOCTYPE html><html>"), _looks_like_html(b"%PDF-1.7")
    (True, False)
    """
    return body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))


def read_article(url: str, content_type: str, page: bytes | str) -> Report:
    """The article's text and metadata in ``page``, as a Report.

    >>> page = ("<html><head><title>Nine join | Example News</title>"
    ...         '<meta property="og:site_name" content="Example News">'
    ...         '<meta property="article:published_time" content="2023-07-03"></head><body>'
    ...         "<article><p>Nine members of a small party joined the ruling party on Monday,"
    ...         " the provincial governor said at a ceremony in the town hall.</p></article>"
    ...         "</body></html>")
    >>> r = read_article("https://example.org/a", "text/html", page)
    >>> r.outlet, r.published, r.kind, r.text[:12]
    ('Example News', datetime.date(2023, 7, 3), 'link', 'Nine members')
    """
    # Imported here: trafilatura and its lxml stack would add to every `desk run`'s memory,
    # and only a link sent for intake needs them.
    import trafilatura

    host = httpx.URL(url).host
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"original_date": True, "extensive_search": False},
    )
    text = (getattr(document, "text", None) or "").strip()
    if not text:
        raise PageError(
            _("no article text was found at {host}: paste the report's text instead.").format(
                host=host
            )
        )
    return Report(
        text=text,
        outlet=_field(document, "sitename") or _site(host),
        url=url,
        published=_day(_field(document, "date")),
        kind="link",
        title=_field(document, "title"),
        author=_field(document, "author"),
    )


def _field(document: object, name: str) -> str | None:
    value = getattr(document, name, None)
    return value.strip() or None if isinstance(value, str) else None


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _site(host: str) -> str:
    """
    >>> _site("www.freshnewsasia.com")
    'freshnewsasia.com'
    """
    return host.removeprefix("www.")


def _too_big(host: str, limit: int) -> PageError:
    return PageError(
        _(
            "the page at {host} is larger than {limit} bytes: paste the report's text instead."
        ).format(host=host, limit=number(limit))
    )


def _too_slow(host: str, settings: Settings) -> PageError:
    return PageError(
        _(
            "{host} did not send the page within {seconds} seconds: try again later, or paste"
            " the report's text."
        ).format(host=host, seconds=f"{settings.intake_timeout:g}")
    )


def _reason(exc: httpx.TransportError) -> str:
    return str(exc).strip() or type(exc).__name__
