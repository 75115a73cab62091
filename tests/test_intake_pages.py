"""Intake by link (bot/ingest/intake/pages.py) against pages served over real HTTP on
127.0.0.1: an article read with its metadata, and every page that must be refused in words."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import date

import pytest

from bot.errors import PageError
from bot.ingest.intake.pages import MAX_REDIRECTS, fetch_report
from bot.settings import Settings
from tests.pagerig import ARTICLE, EMPTY_PAGE, PageServer, local_settings


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


def refused(url: str, settings: Settings) -> str:
    with pytest.raises(PageError) as caught:
        fetch_report(url, settings)
    assert caught.value.chat_text() == str(caught.value)  # shown to the admin as it is
    return str(caught.value)


def test_an_article_is_read_with_its_metadata(site: PageServer) -> None:
    report = fetch_report(site.add("/politics/forty"), local_settings())
    assert report.kind == "link"
    assert report.url == site.url("/politics/forty")
    assert report.outlet == "Kampuchea Daily Wire"
    assert report.title == "Forty councillors move to the ruling party"
    assert report.author == "Sok Dara"
    assert report.published == date(2026, 11, 30)
    assert "\nMore than forty commune councillors of the Candlelight Party in Takeo" in report.text
    assert "further announcements were expected" in report.text
    assert "Copyright" not in report.text and "Home" not in report.text  # the page's furniture


def test_redirects_are_followed_and_the_final_address_kept(site: PageServer) -> None:
    site.add("/story", ARTICLE)
    site.redirect("/short", "/moved")
    site.redirect("/moved", site.url("/story"), status=301)
    report = fetch_report(site.url("/short"), local_settings())
    assert report.url == site.url("/story")
    assert report.outlet == "Kampuchea Daily Wire"


def test_a_page_without_a_charset_or_site_name_is_still_read(site: PageServer) -> None:
    page = ARTICLE.replace('<meta charset="utf-8">', "").replace(
        '<meta property="og:site_name" content="Kampuchea Daily Wire">', ""
    )
    url = site.add("/plain", page.encode("utf-8"), content_type="text/html")
    report = fetch_report(url, local_settings())
    assert report.text.count("More than forty") == 1
    assert report.outlet  # the title's site part or the host: never None for a page


def test_a_gzipped_page_is_read(site: PageServer) -> None:
    url = site.add("/gz", gzip.compress(ARTICLE.encode()), headers={"Content-Encoding": "gzip"})
    assert fetch_report(url, local_settings()).text.count("More than forty") == 1


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/report.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:desk@example.org",
        "example.org/report",
    ],
)
def test_only_http_and_https_links_are_fetched(url: str) -> None:
    assert "is not a web page link (http:// or https://)" in refused(url, local_settings())


def test_a_private_address_is_refused_when_not_allowed(site: PageServer) -> None:
    url = site.add("/a")
    said = refused(url, Settings())  # the default: no private address allowed
    assert said.startswith("127.0.0.1 is an address inside a private network")
    assert site.hits["/a"] == 0  # refused before any connection


@pytest.mark.parametrize(
    "host",
    ["localhost", "10.1.2.3", "169.254.169.254", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0"],
)
def test_names_and_addresses_inside_a_network_are_refused(host: str) -> None:
    said = refused(f"http://{host}:9/x", Settings())
    assert "is an address inside a private network" in said


def test_a_redirect_to_a_private_address_is_refused(site: PageServer) -> None:
    # 127.0.0.1 is allowed; 127.0.0.2 (loopback too) is not, and is never contacted.
    with PageServer("127.0.0.2") as inside:
        target = inside.add("/secret", ARTICLE)
        site.redirect("/go", target)
        said = refused(site.url("/go"), local_settings())
        assert said.startswith("127.0.0.2 is an address inside a private network (127.0.0.2)")
        assert site.hits["/go"] == 1 and inside.hits["/secret"] == 0
        # The same page is read when its network is allowed: the refusal was the address's.
        allowed = local_settings(DESK_INTAKE_ALLOW_PRIVATE="127.0.0.0/30")
        assert fetch_report(site.url("/go"), allowed).url == target


def test_a_redirect_to_another_scheme_is_refused(site: PageServer) -> None:
    site.redirect("/go", "file:///etc/passwd")
    assert "is not a web page link" in refused(site.url("/go"), local_settings())


def test_redirects_are_capped(site: PageServer) -> None:
    for i in range(MAX_REDIRECTS + 1):
        site.redirect(f"/r{i}", f"/r{i + 1}")
    site.add(f"/r{MAX_REDIRECTS + 1}", ARTICLE)
    said = refused(site.url("/r0"), local_settings())
    assert (
        said == f"the link redirects more than {MAX_REDIRECTS} times: send the article's own link."
    )
    assert fetch_report(site.url("/r1"), local_settings()).outlet == "Kampuchea Daily Wire"


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/pdf", b"%PDF-1.7 a report"),
        ("image/jpeg", b"\xff\xd8\xff\xe0"),
        ("application/json", b'{"claims": []}'),
        (None, b"%PDF-1.7 a report without a content type"),
    ],
)
def test_a_page_that_is_not_html_is_refused(
    site: PageServer, content_type: str | None, body: bytes
) -> None:
    url = site.add("/file", body, content_type=content_type)
    said = refused(url, local_settings())
    assert said.startswith("the link is not a web page")
    if content_type:
        assert content_type in said


def test_a_page_with_no_article_text_is_refused(site: PageServer) -> None:
    said = refused(site.add("/empty", EMPTY_PAGE), local_settings())
    assert said == "no article text was found at 127.0.0.1: paste the report's text instead."


def test_an_error_status_is_refused(site: PageServer) -> None:
    assert refused(site.url("/missing"), local_settings()) == (
        "127.0.0.1 answered 404 Not Found for this link."
    )
    site.add("/broken", ARTICLE, status=500)
    assert "answered 500" in refused(site.url("/broken"), local_settings())


@pytest.mark.parametrize("behaviour", ["page", "unsized"])
def test_an_oversized_page_is_refused(site: PageServer, behaviour: str) -> None:
    big = ARTICLE.replace("</article>", "<p>" + "word " * 5000 + "</p></article>")
    url = site.add("/big", big, behaviour="page" if behaviour == "page" else "unsized")
    said = refused(url, local_settings(DESK_INTAKE_MAX_BYTES="10000"))
    assert (
        said
        == "the page at 127.0.0.1 is larger than 10,000 bytes: paste the report's text instead."
    )
    assert fetch_report(url, local_settings()).text.count("More than forty") == 1


def test_the_size_limit_counts_the_decompressed_page(site: PageServer) -> None:
    big = ARTICLE.replace("</article>", "<p>" + "word " * 20000 + "</p></article>")
    packed = gzip.compress(big.encode())
    assert len(packed) < 10_000 < len(big)
    url = site.add("/bomb", packed, headers={"Content-Encoding": "gzip"})
    said = refused(url, local_settings(DESK_INTAKE_MAX_BYTES="10000"))
    assert "is larger than 10,000 bytes" in said


@pytest.mark.parametrize("behaviour", ["stall", "trickle"])
def test_a_slow_page_is_refused(site: PageServer, behaviour: str) -> None:
    url = site.add("/slow", ARTICLE, behaviour="stall" if behaviour == "stall" else "trickle")
    said = refused(url, local_settings(DESK_INTAKE_TIMEOUT="0.5"))
    assert said == (
        "127.0.0.1 did not send the page within 0.5 seconds: try again later, or paste the"
        " report's text."
    )


def test_an_unreachable_site_is_said_in_words() -> None:
    with PageServer() as gone:
        url = gone.add("/a")
    said = refused(url, local_settings())  # the server has stopped: nothing listens there
    assert said.startswith("cannot reach 127.0.0.1")


def test_an_unknown_host_is_said_in_words() -> None:
    said = refused("http://no-such-host.invalid/a", Settings())
    assert said == "no-such-host.invalid cannot be found: check the link."
