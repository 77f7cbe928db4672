"""HTML reader: the article text in, site furniture out."""
import pytest

from pipeline.read.document import ReadError
from pipeline.normalise.text import normalize
from pipeline.read import read_document


def _read(tmp_path, html: str, name: str = "trang.html", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(html.encode(encoding))
    return read_document(path)


def test_article_text_is_kept_line_by_line(html_report):
    doc = read_document(html_report.path)

    lines = doc.text.splitlines()
    for sentence in html_report.article:
        assert sentence in lines
    assert doc.format == "html"


def test_navigation_menus_sidebar_footer_and_scripts_are_dropped(html_report):
    text = read_document(html_report.path).text

    for furniture in html_report.furniture:
        assert furniture not in text


def test_furniture_lines_are_set_aside_by_normalisation(html_report):
    doc = read_document(html_report.path)

    norm = normalize(doc.text)

    for line in html_report.boilerplate:
        assert line not in norm.text
        assert any(line in aside for _, _, aside in norm.set_aside)
    assert all(sentence in norm.text for sentence in html_report.article)


def test_table_comes_out_row_by_row(html_report):
    lines = read_document(html_report.path).text.splitlines()

    assert html_report.rows == [line for line in lines if "|" in line]


def test_title_tag_fills_in_when_the_body_has_no_headline(tmp_path):
    doc = _read(tmp_path, "<html><head><title>Cụm thi đua số 5 ký kết giao ước | Báo Kiên Giang</title></head>"
                          "<body><p>Sáng 5/3, Cụm thi đua số 5 tổ chức ký kết giao ước thi đua năm 2024.</p>"
                          "</body></html>")

    assert doc.text.splitlines()[0] == "Cụm thi đua số 5 ký kết giao ước"
    assert "Báo Kiên Giang" not in doc.text


def test_headline_is_not_repeated_with_the_site_name(tmp_path):
    doc = _read(tmp_path, "<html><head><title>Cụm thi đua số 5 ký kết giao ước - Báo Kiên Giang</title></head>"
                          "<body><h1>Cụm thi đua số 5 ký kết giao ước</h1><p>Sáng 5/3, hội nghị diễn ra.</p>"
                          "</body></html>")

    assert doc.text.count("Cụm thi đua số 5 ký kết giao ước") == 1
    assert "Báo Kiên Giang" not in doc.text


def test_furniture_class_on_body_or_wrapper_does_not_drop_the_article(tmp_path):
    article = "<h1>Cụm thi đua số 3 tổng kết</h1><p>Sáng 10/01, Cụm thi đua số 3 tổ chức hội nghị.</p>"
    wordpress = _read(tmp_path, f'<html><body class="post-template single has-sidebar">{article}'
                                f'<div class="sidebar"><p>Tin nổi bật trong tuần</p></div></body></html>', "wp.html")
    wrapped = _read(tmp_path, f'<html><body><div id="page" class="layout-with-sidebar">{article}'
                              f'<div class="sidebar"><p>Tin nổi bật trong tuần</p></div></div></body></html>',
                              "wrap.html")

    for doc in (wordpress, wrapped):
        assert "Sáng 10/01, Cụm thi đua số 3 tổ chức hội nghị." in doc.text
        assert "Tin nổi bật" not in doc.text


def test_an_articles_own_header_and_footer_are_kept(tmp_path):
    doc = _read(tmp_path, """<html><body><header><a href="/">Cổng thông tin</a></header>
        <article><header><h1>Cụm thi đua số 3 tổng kết</h1><p class="meta">Cập nhật 12/01/2024</p></header>
        <p>Sáng 10/01, Cụm thi đua số 3 tổ chức hội nghị.</p>
        <footer><p class="byline">Minh Anh</p></footer></article>
        <footer>Bản quyền Sở Nội vụ</footer></body></html>""")

    for kept in ("Cụm thi đua số 3 tổng kết", "Cập nhật 12/01/2024", "Minh Anh"):
        assert kept in doc.text
    assert "Cổng thông tin" not in doc.text
    assert "Bản quyền" not in doc.text


def test_xhtml_with_an_xml_declaration_is_read(tmp_path):
    doc = _read(tmp_path, '<?xml version="1.0" encoding="utf-8"?>\n'
                          '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                          '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
                          '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Tin</title></head>'
                          '<body><p>Cụm thi đua số 1 sơ kết 6 tháng đầu năm.</p></body></html>', "xhtml.htm")

    assert "Cụm thi đua số 1 sơ kết 6 tháng đầu năm." in doc.text


def test_windows_1258_page_is_decoded(write_txt):
    html = ("<html><head><meta charset=\"windows-1258\"></head><body>"
            "<p>Đồng chí Nguyễn Thị Thúy, Phó Chủ tịch Ủy ban nhân dân huyện phát biểu.</p></body></html>")
    path = write_txt("cp1258.html", html, "cp1258")

    doc = read_document(path)

    assert normalize(doc.text).text == "Đồng chí Nguyễn Thị Thúy, Phó Chủ tịch Ủy ban nhân dân huyện phát biểu."


def test_page_of_only_furniture_has_no_text(tmp_path):
    with pytest.raises(ReadError) as err:
        _read(tmp_path, "<html><body><nav><a href='/'>Trang chủ</a></nav><footer>Liên hệ</footer></body></html>")

    assert str(err.value).startswith("no text found")


def test_accessibility_skip_links_are_not_archived_text(tmp_path):
    page = tmp_path / "tin.html"
    page.write_text("""<html><head><title>Cụm thi đua số 3 tổng kết năm 2023</title></head><body>
<a class="skip-link" href="#content">Skip to main content</a>
<div id="content"><h1>Cụm thi đua số 3 tổng kết năm 2023</h1>
<a href="#nd">Bỏ qua nội dung chính</a> <a href="#nd2">Chuyển đến nội dung</a>
<p>Sáng ngày 10/01/2024, Cụm thi đua số 3 tổ chức hội nghị tổng kết công tác thi đua năm 2023.</p>
<p>Xem <a href="#bang">bảng xếp hạng</a> bên dưới.</p></div></body></html>""", encoding="utf-8")
    text = read_document(page).text
    for skip in ("Skip to main content", "Bỏ qua nội dung chính", "Chuyển đến nội dung"):
        assert skip not in text
    assert text.startswith("Cụm thi đua số 3 tổng kết năm 2023") and "Xem bảng xếp hạng bên dưới." in text
    assert normalize("Skip to main content\nCụm thi đua số 3").text == "Cụm thi đua số 3"  # written as text
