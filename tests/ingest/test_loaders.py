"""Loaders: each format and each way a file can fail, on small real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InputError
from graph.model import normalise_text, sha256_text
from ingest.load import load_account, supported_suffixes

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_pdf(pages: list[list[str]], title: str = "", author: str = "") -> bytes:
    """A minimal valid PDF with a text layer (Helvetica, one line per string), pure Python."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def escape(text: str) -> bytes:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # the Pages object comes after each page's two objects
    page_ids = []
    for lines in pages:
        stream = b"\n".join([b"BT /F1 12 Tf 72 720 Td 14 TL", *(b"(" + escape(l) + b") Tj T*" for l in lines), b"ET"])
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_id, font, content)
            )
        )
    kids = b" ".join(b"%d 0 R" % p for p in page_ids)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(page_ids))) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    info = add(b"<< /Title (" + escape(title) + b") /Author (" + escape(author) + b") /CreationDate (D:20200102030405Z) >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref
    )
    return bytes(out)


# -- plain text ----------------------------------------------------------------------


def test_seed_with_header_block() -> None:
    path = SEEDS / "002_6d01d947b411f3c5.txt"
    account = load_account(path)
    raw = path.read_text(encoding="utf-8")
    assert account.id == "002_6d01d947b411f3c5"
    assert account.text == normalise_text(raw)  # the whole file, header lines included
    assert account.length == len(account.text) and account.sha256 == sha256_text(account.text)
    assert account.title == "Why I Left Fightback"
    props = account.properties
    assert props["author"] == "Jamie Graham"
    assert props["published"] == "2022-06-23" and props["published_text"] == "June 23, 2022"
    assert props["source"].startswith("Retrieved on February 26")
    assert props["subtitle"].startswith("or, now, the Revolutionary Communist Party")
    assert "International Marxist Tendency" in props["notes"]
    assert props["words"] == len(account.text.split())


def test_seed_without_header_takes_first_line_as_title() -> None:
    account = load_account(SEEDS / "004_0e606b57a70b77e0.txt")
    assert account.id == "004_0e606b57a70b77e0"
    assert account.title == "Letter of resignation from the ISO: Ben S (Atlanta)"
    assert "author" not in account.properties and "published" not in account.properties


def test_crlf_and_nfc_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "Odd Name (1).txt"
    path.write_bytes("Title: Cafe\u0301\r\n\r\nWe met at the cafe\u0301.\r\n".encode("utf-8"))
    account = load_account(path)
    assert account.id == "odd-name-1"
    assert account.text == "Title: Café\n\nWe met at the café.\n"
    assert account.title == "Café"


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello there.\n")
    assert load_account(path).text == "Hello there.\n"


def test_markdown_header_and_heading_title() -> None:
    account = load_account(FIXTURES / "account.md")
    assert account.id == "account"
    assert account.title == "Leaving the Party"
    assert account.properties["author"] == "A. Former Member"
    assert account.properties["published"] == "2020-03-12"
    assert account.text == (FIXTURES / "account.md").read_text(encoding="utf-8")  # markdown kept as written


def test_prose_that_looks_like_a_header_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "prose.txt"
    path.write_text("Note: this is how it began.\nI joined in 2015.\n", encoding="utf-8")
    account = load_account(path)
    assert account.title == "Note: this is how it began."
    assert "notes" not in account.properties


# -- HTML ------------------------------------------------------------------------------


def test_html_keeps_the_article_only() -> None:
    account = load_account(FIXTURES / "article.html")
    text = account.text
    assert account.title == "Why I left the Example League"
    assert account.properties["author"] == "Sam Rivera"
    assert account.properties["published"] == "2021-03-14"
    assert account.properties["source"] == "https://blog.example.org/why-i-left"
    assert "I joined the Example League in 2016" in text
    assert "about a branch organiser.\nNothing happened" in text  # source line breaks folded, <br> kept
    assert '"We will look into it," they wrote.' in text
    assert "First, they delayed.\n\nThen, they denied it." in text
    for furniture in ("Home page banner", "About", "tracking", "font-family", "Related posts", "comments",
                      "cheap watches", "Copyright", "Share on social"):
        assert furniture not in text
    paragraphs = text.strip().split("\n\n")
    assert paragraphs[0] == "Why I left the Example League"
    assert paragraphs[-1] == "I resigned in March 2021."


def test_html_without_article_element_finds_the_densest_block() -> None:
    account = load_account(FIXTURES / "no_article.html")
    assert account.title == "Index"
    assert account.text.startswith("The first paragraph of a page with no article element")
    assert "Footer text" not in account.text and "Home" not in account.text


# -- PDF -------------------------------------------------------------------------------


def test_pdf_text_layer_pages_joined(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_bytes(make_pdf([["I joined the Example Party in 2015.", "I left (after the vote)."], ["Page two."]],
                              title="A PDF account", author="Pat Doe"))
    account = load_account(path)
    assert account.id == "letter"
    assert account.title == "A PDF account"
    assert account.properties["author"] == "Pat Doe"
    assert account.properties["pages"] == 2
    assert account.text == "I joined the Example Party in 2015.\nI left (after the vote).\n\nPage two.\n"


def test_committed_pdf_fixture_loads() -> None:
    account = load_account(FIXTURES / "letter.pdf")
    assert account.title == "Leaving the Example Party"
    assert "National Committee" in account.text


# -- errors: one line, naming the file ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.txt", "binary content"),
        ("latin1.txt", "not UTF-8"),
        ("utf16.txt", "UTF-16"),
        ("broken.pdf", "unreadable PDF"),
        ("empty_page.html", "no article text"),
        ("notes.docx", "unsupported file type '.docx'"),
    ],
)
def test_bad_files_raise_one_line_naming_the_file(name: str, expected: str) -> None:
    path = FIXTURES / name
    with pytest.raises(InputError) as caught:
        load_account(path)
    assert caught.value.where == str(path)
    assert expected in caught.value.message
    assert "\n" not in str(caught.value)


def test_undecodable_text_names_the_encoding_to_convert_from() -> None:
    with pytest.raises(InputError, match="ISO-8859-1.*iconv"):
        load_account(FIXTURES / "latin1.txt")


def test_windows_1252_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "smart.txt"
    path.write_bytes("He said \u201cno\u201d.\n".encode("cp1252"))
    with pytest.raises(InputError, match="Windows-1252"):
        load_account(path)


def test_unsupported_suffix_lists_the_supported_ones() -> None:
    with pytest.raises(InputError) as caught:
        load_account(FIXTURES / "notes.docx")
    assert all(suffix in caught.value.message for suffix in supported_suffixes())


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text layer"):
        load_account(path)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        load_account(FIXTURES / "does-not-exist.txt")
