"""Write a UTF-8 string in each form reports arrive in, the way real tools produce them.

Each function takes the text (one paragraph per line) and a target path,
writes the file and returns the path.
"""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from report_extract.ingest.encodings import encode_tcvn3, encode_vni

def _dejavu_sans() -> Path:
    """DejaVu Sans covers every Vietnamese letter: the system's copy, else matplotlib's."""
    system = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian: fonts-dejavu-core
    if system.exists():
        return system
    import matplotlib  # a test dependency that ships the font, so pip alone sets tests up

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


DEJAVU_SANS = _dejavu_sans()

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_ABC_CAPITALS = "ĂÂÊÔƠƯĐ"  # the only non-ASCII capitals the .VnTime fonts have


def to_docx(text: str, path: Path, font: str | None = None) -> Path:
    """A .docx with one paragraph per line.

    With a legacy font the runs hold what Word shows for such old files: the
    encoded bytes as Windows-1252 characters. For ABC fonts (".VnTime") the
    capitals with tone marks, which those fonts lack, go in a run of the
    capitals font (".VnTimeH") as the lower-case code, as typists did.
    """
    document = docx.Document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        for run_text, run_font in _runs(line, font):
            run = paragraph.add_run(run_text)
            if run_font:
                run.font.name = run_font
    document.save(path)
    return path


def _runs(line: str, font: str | None) -> list[tuple[str, str | None]]:
    if font is None:
        return [(line, None)]
    if font.lower().startswith("vni"):
        return [(encode_vni(legacy_typed(line, encode_vni)).decode("cp1252"), font)]
    runs: list[tuple[str, str | None]] = []
    for ch in legacy_typed(unicodedata.normalize("NFC", line), encode_tcvn3):
        capital = ch.isupper() and not ch.isascii() and ch not in _ABC_CAPITALS
        run_font = font + "H" if capital else font
        chars = encode_tcvn3(ch.lower() if capital else ch).decode("latin-1")
        if runs and runs[-1][1] == run_font:
            runs[-1] = (runs[-1][0] + chars, run_font)
        else:
            runs.append((chars, run_font))
    return runs


def to_pdf(text: str, path: Path, font_size: float = 11, page_numbers: str | None = "footer") -> Path:
    """An A4 PDF in DejaVu Sans, lines wrapped to the page width, a blank line between paragraphs.

    page_numbers: "header" (drawn before the page's text), "footer" (after it) or None.
    """
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU_SANS)))
    width, height = A4
    margin, leading = 56, font_size * 1.4
    pdf = canvas.Canvas(str(path), pagesize=A4)
    page = 1
    pdf.setFont("DejaVuSans", font_size)
    if page_numbers == "header":
        pdf.drawCentredString(width / 2, height - margin / 2, str(page))
    y = height - margin
    for paragraph in text.split("\n"):
        for line in simpleSplit(paragraph, "DejaVuSans", font_size, width - 2 * margin) or [""]:
            if y < margin:
                if page_numbers == "footer":
                    pdf.drawCentredString(width / 2, margin / 2, str(page))
                pdf.showPage()
                page += 1
                pdf.setFont("DejaVuSans", font_size)
                if page_numbers == "header":
                    pdf.drawCentredString(width / 2, height - margin / 2, f"- {page} -")
                y = height - margin
            pdf.drawString(margin, y, line)
            y -= leading
        y -= leading
    if page_numbers == "footer":
        pdf.drawCentredString(width / 2, margin / 2, f"Trang {page}")
    pdf.save()
    return path


def to_html(text: str, path: Path, charset: str | None = "utf-8") -> Path:
    """A news-portal page: menu, sidebar with visit counters, the text as <p>s in <article>, footer, script.

    Figures are bolded, as portals do, so inline markup sits inside sentences.
    With charset=None no encoding is declared; "windows-1258" writes Windows-1258 bytes.
    """
    paragraphs = "\n".join(f"      <p>{_bold_figures(html.escape(line))}</p>" for line in text.split("\n"))
    meta = f'<meta charset="{charset}">' if charset else ""
    page = f"""<!DOCTYPE html>
<html lang="vi">
<head>
  {meta}
  <title>Cổng thông tin điện tử huyện</title>
  <style>.menu {{ color: red }}</style>
  <script>var luotTruyCap = "Đang truy cập: 99";</script>
</head>
<body>
  <div id="top-header"><a href="/">Cổng thông tin điện tử huyện</a></div>
  <nav class="main-nav"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu</a></li>
    <li><a href="/tt">Tin tức - Sự kiện</a></li><li><a href="/vb">Văn bản</a></li></ul></nav>
  <div class="container">
    <div class="breadcrumb">Trang chủ &raquo; Tin tức</div>
    <article class="news-detail">
{paragraphs}
    </article>
    <div class="sidebar">
      <div class="widget">Liên kết website</div>
      <div class="thong-ke">
        <div>Đang truy cập: 123</div>
        <div>Hôm nay: 1.024</div>
        <div>Tổng lượt truy cập: 4.567.890</div>
      </div>
    </div>
  </div>
  <footer>Bản quyền thuộc UBND huyện. Điện thoại: 0299 3 123 456</footer>
  <script>document.write("Lượt truy cập");</script>
</body>
</html>
"""
    path.write_bytes(cp1258_bytes(page) if charset == "windows-1258" else page.encode("utf-8"))
    return path


def _bold_figures(escaped: str) -> str:
    words = escaped.split(" ")
    return " ".join(f"<b>{word}</b>" if word[:1].isdigit() else word for word in words)


def to_utf16(text: str, path: Path, byte_order: str = "little", bom: bool = True) -> Path:
    """UTF-16 text, as Notepad's "Unicode" option writes it (with BOM) or some exporters do (without)."""
    codec = "utf-16-le" if byte_order == "little" else "utf-16-be"
    prefix = ("\ufeff" if bom else "").encode(codec)
    path.write_bytes(prefix + text.encode(codec))
    return path


def to_cp1258(text: str, path: Path) -> Path:
    """Windows-1258 bytes."""
    path.write_bytes(cp1258_bytes(text))
    return path


def cp1258_bytes(text: str) -> bytes:
    """Encode to Windows-1258 the way Windows does: a letter it has precomposed as one byte,
    otherwise the letter without its tone (ă, ê, ơ... exist) followed by the combining tone byte."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
            tones = "".join(c for c in decomposed if c in _TONE_MARKS)
            try:
                out += base.encode("cp1258") + tones.encode("cp1258")
            except UnicodeEncodeError:  # not Vietnamese at all ("Č"): typed as its bare letter
                out += legacy_typed(ch, lambda c: c.encode("cp1258")).encode("cp1258")
    return bytes(out)


def to_tcvn3(text: str, path: Path) -> Path:
    """TCVN3 (ABC) bytes; what TCVN3 cannot hold is typed the way its users did (see legacy_typed)."""
    path.write_bytes(_encode_typed(text, encode_tcvn3))
    return path


def to_vni(text: str, path: Path) -> Path:
    """VNI-Windows bytes; what VNI cannot hold is typed the way its users did (see legacy_typed)."""
    path.write_bytes(_encode_typed(text, encode_vni))
    return path


# Typographic characters that legacy 8-bit fonts lack, as typists wrote them instead.
_TYPED = {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "…": "...", "–": "-", "—": "-",
          "•": "-", "\u00a0": " ", "²": "2", "³": "3", "°": "o"}


def legacy_typed(text: str, encode) -> str:
    """`text` with every character `encode` cannot hold replaced by what a typist used:
    ASCII for typographic marks, the bare letter for foreign diacritics ("Č" → "C")."""
    out = []
    for ch in text:
        try:
            encode(ch)
            out.append(ch)
        except UnicodeEncodeError:
            replacement = _TYPED.get(ch) or "".join(
                c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) or "?"
            out.append(replacement if all(_encodable(c, encode) for c in replacement) else "?")
    return "".join(out)


def _encodable(ch: str, encode) -> bool:
    try:
        encode(ch)
    except UnicodeEncodeError:
        return False
    return True


def _encode_typed(text: str, encode) -> bytes:
    return encode(legacy_typed(unicodedata.normalize("NFC", text), encode))
