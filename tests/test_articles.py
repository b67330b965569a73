"""Reading articles: front matter, defaults with warnings, HTML pages."""
from __future__ import annotations

import datetime as dt

import pytest

from geomap import ArticleError, load_article, read_articles

from .conftest import ROOT, write


def test_seed_articles_load_with_their_front_matter_and_no_warnings():
    articles, warnings, errors = read_articles(ROOT / "articles")
    assert [a.source for a in articles] == ["TRT World", "TRT World", "The Telegraph", "Hindustan Times", "WION"]
    assert all(a.date == dt.date(2021, 9, 6) for a in articles)
    assert warnings == [] and errors == []


def test_body_is_the_text_after_the_front_matter():
    article, _ = load_article(ROOT / "articles" / "001_0ca1653ec424d7ba.txt")
    assert article.body.startswith("Afghan Taliban claims 'complete control' of Panjshir province\n")
    assert article.url.startswith("https://www.trtworld.com/")


def test_article_without_front_matter_takes_its_source_from_the_file_name_with_a_warning(tmp_path):
    article, warnings = load_article(write(tmp_path / "wire_report.txt", "Fighting near Bazarak.\n"))
    assert article.source == "wire_report"
    assert article.title == "Fighting near Bazarak."
    assert any("no source" in str(w) for w in warnings)
    assert any("no date" in str(w) for w in warnings)


def test_date_that_is_not_a_date_is_ignored_with_a_warning_naming_its_line(tmp_path):
    path = write(tmp_path / "a.md", "---\nsource: X\ntitle: T\ndate: yesterday\n---\nText.\n")
    article, warnings = load_article(path)
    assert article.date is None
    assert f"{path}:4: date 'yesterday' is not a date (YYYY-MM-DD); ignored" in [str(w) for w in warnings]


def test_empty_article_is_an_error(tmp_path):
    with pytest.raises(ArticleError, match="empty"):
        load_article(write(tmp_path / "a.txt", "---\nsource: X\n---\n\n"))


def test_saved_html_page_gives_metadata_and_readable_text(tmp_path):
    page = """<html><head><title>Ignored</title>
    <meta property="og:site_name" content="Example News"><meta property="og:title" content="Fighting in Panjshir">
    <meta property="article:published_time" content="2021-09-06T10:00:00Z">
    <script>var tracking = 1;</script></head>
    <body><nav>Home</nav><article><h1>Fighting in Panjshir</h1><p>The Taliban said they captured Rokha.</p></article></body></html>"""
    article, warnings = load_article(write(tmp_path / "page.html", page))
    assert (article.source, article.title, article.date) == ("Example News", "Fighting in Panjshir", dt.date(2021, 9, 6))
    assert "The Taliban said they captured Rokha." in article.body
    assert "tracking" not in article.body and "Home" not in article.body


def test_readme_in_the_articles_folder_is_not_an_article():
    articles, _, _ = read_articles(ROOT / "articles")
    assert "README.md" not in [a.id for a in articles]
