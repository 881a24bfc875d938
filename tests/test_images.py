"""Images: found beside articles, copied to media/, shown as figures, thumbnails and metadata;
every bad reference is a warning with its file and line, and nothing escapes or is fetched."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import struct
import sys
import zlib

import pytest
from PIL import Image

from newsarchive import imaging

from conftest import run_cli, tree

CAPTIONED = (
    "Flood waters rise in the valley\n"
    "Flood waters rise in the valley AFP / STR\n\n"
    "River flood closes roads\n\n"
    "LONDON (Reuters) - The river rose three metres overnight, closing roads and forcing "
    "hundreds of families from their homes.\n"
)


def picture(width: int, height: int, kind: str = "JPEG", colour=(30, 90, 160)) -> bytes:
    """Return the bytes of a plain image of some size and format."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, kind)
    return out.getvalue()


def markdown(front: str, body: str = "Prices rose all month, the office said on Monday.") -> str:
    """Return a Markdown article with some front matter."""
    return f"---\ntitle: Markets chart the rise\ndate: 2024-03-02\n{front}---\n\n{body}\n"


def article_page(built, source: str) -> str:
    """Return the page built from a source file."""
    return built.page(built.article_path(source))


def figure(page: str) -> str:
    """Return a page's figure element ("" when it has none)."""
    found = re.search(r"<figure.*?</figure>", page, re.S)
    return found.group() if found else ""


def jsonld(page: str) -> dict:
    """Return a page's JSON-LD."""
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page).group(1)
    )


def test_image_beside_a_raw_article_is_its_figure_with_caption_and_credit(build_site_from):
    built = build_site_from(
        {
            "articles/world/flood.txt": CAPTIONED,
            "articles/world/flood.jpg": picture(1600, 900),
        }
    )
    assert built.code == 0 and "Warnings" not in built.out
    shown = figure(article_page(built, "world/flood.txt"))
    assert '<img src="../../media/world/flood.jpg"' in shown
    assert 'width="1600" height="900"' in shown
    assert "<figcaption>Flood waters rise in the valley" in shown
    assert '<span class="credit">AFP / STR</span>' in shown
    assert (built.dist / "media/world/flood.jpg").read_bytes() == picture(1600, 900)


def test_front_matter_image_gives_figure_thumbnail_og_image_and_jsonld(build_site_from):
    built = build_site_from(
        {
            "site.yaml": "base_url: https://news.example.org/\n",
            "articles/markets/chart.md": markdown(
                "image: assets/chart.png\ncaption: Prices since January\ncredit: Staff graphic\n"
            ),
            "articles/markets/assets/chart.png": picture(1200, 800, "PNG"),
        }
    )
    page = article_page(built, "markets/chart.md")
    shown = figure(page)
    assert '<img src="../../media/markets/assets/chart.png"' in shown
    assert "Prices since January" in shown and "Staff graphic" in shown
    url = "https://news.example.org/media/markets/assets/chart.png"
    assert f'<meta property="og:image" content="{url}">' in page
    assert '<meta property="og:image:width" content="1200">' in page
    image = jsonld(page)["image"]
    assert image == {
        "@type": "ImageObject",
        "url": url,
        "contentUrl": url,
        "width": 1200,
        "height": 800,
        "caption": "Prices since January",
        "creditText": "Staff graphic",
    }
    home = built.page("index.html")
    assert 'src="media/_thumbs/markets/assets/chart.png"' in home
    assert 'width="640" height="427"' in home
    with Image.open(built.dist / "media/_thumbs/markets/assets/chart.png") as thumb:
        assert thumb.size == (640, 427)
        assert not thumb.info.get("exif") and "icc_profile" not in thumb.info


def test_markdown_images_resolve_from_the_article_folder(build_site_from):
    built = build_site_from(
        {
            "articles/world/story.md": markdown("", "Before.\n\n![A swollen river](river.png)\n"),
            "articles/world/river.png": picture(300, 200, "PNG"),
        }
    )
    page = article_page(built, "world/story.md")
    assert (
        '<img alt="A swollen river" src="../../media/world/river.png" width="300" height="200" '
        'loading="lazy">' in page
    )
    assert "newsarchive-image:" not in page
    assert 'src="media/world/river.png"' in built.page("index.html")  # small: no thumbnail
    code, out, _ = run_cli("check", str(built.dist))
    assert code == 0, out


def test_missing_image_is_a_warning_naming_file_and_line(build_site_from):
    built = build_site_from(
        {
            "articles/story.md": markdown(
                "image: gone.jpg\n", "Text here.\n\n![chart](nothere.png)\n"
            ),
        }
    )
    assert built.code == 0
    assert "story.md:4: image 'gone.jpg' is not in the articles folder" in built.out
    assert "story.md:9: image 'nothere.png' is not in the articles folder" in built.out
    page = article_page(built, "story.md")
    assert "<figure" not in page and "<img" not in page
    code, out, _ = run_cli("check", str(built.dist))
    assert code == 0, out


@pytest.mark.parametrize(
    "name",
    [
        "../../outside.png",
        "/etc/passwd.png",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd.png",
        "C:\\Windows\\evil.png",
        "notes.txt",
    ],
)
def test_an_image_name_that_cannot_be_in_the_archive_is_refused(build_site_from, tmp_path, name):
    (tmp_path / "outside.png").write_bytes(picture(10, 10, "PNG"))
    built = build_site_from({"articles/world/a.md": markdown(f"image: '{name}'\n")})
    assert built.code == 0
    assert f"world/a.md:4: image '{name}'" in built.out and "it was left out" in built.out
    assert "<figure" not in article_page(built, "world/a.md")
    assert not (built.dist / "media").exists()


def test_an_image_linked_out_of_the_archive_is_not_copied(build_site_from, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(picture(10, 10, "PNG"))
    (tmp_path / "articles").mkdir()
    os.symlink(secret, tmp_path / "articles" / "a.png")
    built = build_site_from({"articles/a.md": markdown("image: a.png\n")})
    assert "a.png: is a symbolic link to somewhere outside the articles folder" in built.out
    assert "a.md:4: image 'a.png' is not in the articles folder" in built.out
    assert not (built.dist / "media").exists()


def test_caption_credit_and_alt_text_are_escaped(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": markdown(
                "image: a.png\ncaption: '<script>alert(1)</script>'\ncredit: '\"><b>x</b>'\n",
                'The office said so. ![" onerror="alert(2)](a.png)',
            ),
            "articles/a.png": picture(20, 20, "PNG"),
        }
    )
    page = article_page(built, "a.md")
    assert "<script>alert" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in figure(page)
    assert 'onerror="' not in page


def test_remote_image_is_linked_as_given_and_never_fetched(build_site_from, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the build opened a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    url = "https://images.example.org/flood.jpg?size=large&x=1"
    built = build_site_from(
        {"articles/a.md": markdown(f"image: '{url}'\n", f"![wide]({url})")}, "--no-pagefind"
    )  # (Pagefind talks to its binary through a socket)
    assert built.code == 0 and "Warnings" not in built.out
    page = article_page(built, "a.md")
    escaped = url.replace("&", "&amp;")
    assert f'<img src="{escaped}"' in figure(page)
    assert f'<meta property="og:image" content="{escaped}">' in page
    assert f'src="{escaped}"' in built.page("index.html")


def test_corrupt_image_is_a_warning_naming_the_file(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": markdown("image: a.jpg\n"),
            "articles/a.jpg": b"\xff\xd8\xff\xe0" + b"not really a jpeg" * 10,
            "articles/b.md": markdown("image: b.png\n").replace("Markets", "Bonds"),
            "articles/b.png": b"<html><script>alert(1)</script></html>",
        }
    )
    assert built.code == 0
    assert "a.jpg: is not an image Pillow can read" in built.out
    assert "b.png: is not a PNG image" in built.out
    assert "<figure" not in article_page(built, "a.md")


def _png_header(width: int, height: int) -> bytes:
    """Return a PNG file that claims a size and holds no pixels."""
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + head
    end = struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    crc = struct.pack(">I", zlib.crc32(chunk))
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + crc + end


def test_decompression_bomb_is_a_warning_not_a_crash(build_site_from):
    built = build_site_from(
        {
            "articles/a.md": markdown("image: bomb.png\n"),
            "articles/bomb.png": _png_header(60000, 60000),
        }
    )
    assert built.code == 0
    assert "bomb.png: has more pixels than Pillow opens safely" in built.out
    assert "<figure" not in article_page(built, "a.md")


def test_an_image_over_the_size_limit_is_not_copied(build_site_from, monkeypatch):
    monkeypatch.setattr(imaging, "MAX_BYTES", 1000)
    built = build_site_from(
        {"articles/a.md": markdown("image: a.jpg\n"), "articles/a.jpg": picture(800, 600)}
    )
    assert "a.jpg: is 0 MB, over the 0 MB limit for an image; it was not copied" in built.out
    assert not built.exists("media/a.jpg")


def test_without_pillow_the_original_is_used_and_no_thumbnail_is_made(build_site_from, monkeypatch):
    files = {"articles/a.md": markdown("image: a.jpg\n"), "articles/a.jpg": picture(1600, 900)}
    monkeypatch.setitem(sys.modules, "PIL", None)  # `import PIL` now fails
    built = build_site_from(files)
    assert built.code == 0 and "Warnings" not in built.out
    assert '<img src="../../media/a.jpg" alt="Markets chart the rise">' in figure(
        article_page(built, "a.md")
    )
    assert 'src="media/a.jpg" alt="" loading="lazy">' in built.page("index.html")
    assert not (built.dist / "media/_thumbs").exists()


SITE = {
    "articles/world/flood.txt": CAPTIONED,
    "articles/world/flood.jpg": picture(1600, 900),
    "articles/world/chart.md": markdown("", "![chart](chart.png)"),
    "articles/world/chart.png": picture(900, 700, "PNG"),
}


def test_same_input_gives_byte_identical_images(build_site_from):
    first = build_site_from(SITE)
    second = build_site_from({}, output="again")
    assert tree(first.dist) == tree(second.dist)
    assert (first.dist / "media/_thumbs/world/flood.jpg").is_file()


def test_an_edited_image_refreshes_the_pages_that_show_it(build_site_from, tmp_path):
    build_site_from(SITE)
    edited = build_site_from({"articles/world/flood.jpg": picture(800, 1200, colour=(200, 0, 0))})
    assert 'width="800" height="1200"' in article_page(edited, "world/flood.txt")
    cold = build_site_from({}, output="cold")
    assert tree(edited.dist) == tree(cold.dist)


def test_a_deleted_image_leaves_the_site_and_its_pages(build_site_from, tmp_path):
    build_site_from(SITE)
    (tmp_path / "articles/world/chart.png").unlink()
    again = build_site_from({})
    assert "world/chart.md:6: image 'world/chart.png' is not in the articles folder" in again.out
    assert not again.exists("media/world/chart.png")
    assert "chart.png" not in article_page(again, "world/chart.md")
    cold = build_site_from({}, output="cold")
    assert tree(again.dist) == tree(cold.dist)


def test_an_unchanged_build_copies_nothing_again(build_site_from, tmp_path):
    first = build_site_from(SITE)
    stamps = {p: p.stat().st_mtime_ns for p in (first.dist / "media").rglob("*")}
    (tmp_path / "articles/world/other.md").write_text(markdown("", "Another story."))
    again = build_site_from({})
    assert {p: p.stat().st_mtime_ns for p in (again.dist / "media").rglob("*")} == stamps
    assert "Nothing changed" in build_site_from({}).out


def test_image_addresses_follow_the_file_and_are_quoted(build_site_from):
    built = build_site_from(
        {
            "articles/world/a.md": markdown("image: 'my photo #1.jpg'\n"),
            "articles/world/my photo #1.jpg": picture(40, 30),
        }
    )
    assert built.exists("media/world/my photo #1.jpg")
    assert 'src="../../media/world/my%20photo%20%231.jpg"' in article_page(built, "world/a.md")


def test_pictures_are_the_same_when_worker_processes_read_and_render(build_site_from, monkeypatch):
    from newsarchive import executor

    monkeypatch.setattr(executor, "POOL_FROM", 1)  # as an archive of 1,000 files is read
    first = build_site_from(SITE, "--jobs", "2")
    assert 'src="../../media/world/flood.jpg"' in figure(article_page(first, "world/flood.txt"))
    assert 'src="media/_thumbs/world/flood.jpg"' in first.page("index.html")
    edited = build_site_from({"articles/world/flood.jpg": picture(700, 1000)}, "--jobs", "2")
    assert 'width="700" height="1000"' in article_page(edited, "world/flood.txt")
    monkeypatch.setattr(executor, "POOL_FROM", 10**9)
    cold = build_site_from({}, output="cold")
    assert tree(edited.dist) == tree(cold.dist)
