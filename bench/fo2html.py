#!/usr/bin/env python3
"""bench/fo2html.py IN.fo OUT.html      -- the same document as HTML + CSS
   bench/fo2html.py --text IN.fo OUT.txt -- its text, one paragraph a line
   bench/fo2html.py --dir IN OUT         -- every IN/*.fo to OUT/*.html

For the peer benchmark (bench/peers.sh): WeasyPrint is fed HTML that says
what folio's XSL-FO says -- the same text, fonts, sizes, indents, page
size and margins, tables with their borders and column widths, lists,
footnotes, page numbers, inline SVG -- mapped property by property to
CSS.  It is an equivalent, not a pixel copy: page counts are reported per
tool.  The --text form feeds bench/floor.c: each paragraph as
"SIZE<TAB>TEXT" (SIZE in points), nothing else."""
import re
import sys
import xml.etree.ElementTree as ET
from html import escape

FO = "{http://www.w3.org/1999/XSL/Format}"
SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)

SIDES = {"before": "top", "after": "bottom", "start": "left", "end": "right"}
ALIGN = {"start": "left", "end": "right", "left": "left", "right": "right",
         "center": "center", "justify": "justify", "inside": "left", "outside": "right"}


def local(tag):
    return tag.split("}", 1)[1] if "}" in tag else tag


def pt(v, base=12.0):
    """A length in points (for start-indent arithmetic), or None."""
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|mm|cm|in|px|em)?\s*", v or "")
    if not m:
        return None
    n, u = float(m.group(1)), m.group(2) or "pt"
    return n * {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72, "px": 0.75, "em": base}[u]


def css_of(el, parent_indent, parent_end):
    """CSS declarations for the FO properties of el; returns (css, start, end)
    where start/end are el's absolute indents in points (XSL's start-indent
    is measured from the region, CSS margins from the parent)."""
    a = el.attrib
    out = []
    start, end = parent_indent, parent_end
    for k, v in a.items():
        k = k.split(".")[0]
        if k in ("font-size", "font-weight", "font-style", "line-height", "color",
                 "background-color", "text-indent", "border-collapse", "table-layout",
                 "padding", "border", "margin-top", "margin-bottom", "width", "height"):
            if k == "width" and local(el.tag) not in ("table", "block-container"):
                continue
            out.append(f"{k}: {v}")
        elif k == "font-family":
            out.append(f"font-family: {v}, serif")
        elif k in ("text-align", "text-align-last") and k == "text-align":
            out.append(f"text-align: {ALIGN.get(v, 'left')}")
        elif k.startswith("padding-") and k[8:] in SIDES:
            out.append(f"padding-{SIDES[k[8:]]}: {v}")
        elif k.startswith("border-") and "-" in k[7:]:
            side, what = k[7:].split("-", 1)
            if side in SIDES:
                out.append(f"border-{SIDES[side]}-{what}: {v}")
            elif side in ("top", "bottom", "left", "right"):
                out.append(f"{k}: {v}")
        elif k in ("space-before", "margin-top"):
            out.append(f"margin-top: {v}")
        elif k in ("space-after", "margin-bottom"):
            out.append(f"margin-bottom: {v}")
        elif k == "start-indent" and pt(v) is not None:
            start = pt(v)
        elif k == "end-indent" and pt(v) is not None:
            end = pt(v)
        elif k == "keep-together" and v != "auto":
            out.append("break-inside: avoid")
        elif k == "keep-with-next" and v != "auto":
            out.append("break-after: avoid")
        elif k == "keep-with-previous" and v != "auto":
            out.append("break-before: avoid")
        elif k == "break-before" and v in ("page", "odd-page", "even-page"):
            out.append("break-before: page")
        elif k == "break-after" and v in ("page", "odd-page", "even-page"):
            out.append("break-after: page")
        elif k == "display-align":
            out.append("vertical-align: " + {"before": "top", "center": "middle",
                                            "after": "bottom"}.get(v, "top"))
        elif k == "baseline-shift" and v in ("super", "sub"):
            out.append(f"vertical-align: {v}; font-size: 70%")
    if start != parent_indent:
        out.append(f"margin-left: {start - parent_indent:.2f}pt")
    if end != parent_end:
        out.append(f"margin-right: {end - parent_end:.2f}pt")
    return "; ".join(out), start, end


class Html:
    def __init__(self):
        self.parts = []

    def emit(self, s):
        self.parts.append(s)

    def text(self, s):
        if s:
            self.emit(escape(s, quote=False))

    def children(self, el, ind, end):
        self.text(el.text)
        for c in el:
            self.node(c, ind, end)
            self.text(c.tail)

    def node(self, el, ind, end):
        name = local(el.tag)
        if not el.tag.startswith(FO):
            return
        css, ci, ce = css_of(el, ind, end)
        st = f' style="{escape(css)}"' if css else ""
        if name in ("block", "block-container", "list-block", "table-and-caption"):
            self.emit(f"<div{st}>")
            self.children(el, ci, ce)
            self.emit("</div>")
        elif name == "inline" or name == "basic-link" or name == "wrapper":
            self.emit(f"<span{st}>")
            self.children(el, ind, end)
            self.emit("</span>")
        elif name == "list-item":
            self.emit(f'<div style="display: flex; {escape(css)}">')
            for c in el:
                self.node(c, ci, ce)
            self.emit("</div>")
        elif name == "list-item-label":
            parent_list = self.list_dist
            self.emit(f'<div style="flex: none; width: {parent_list}">')
            self.children(el, 0, 0)
            self.emit("</div>")
        elif name == "list-item-body":
            self.emit('<div style="flex: 1">')
            self.children(el, 0, 0)
            self.emit("</div>")
        elif name == "table":
            self.table(el, st)
        elif name in ("table-header", "table-body", "table-footer"):
            tag = {"table-header": "thead", "table-body": "tbody", "table-footer": "tfoot"}[name]
            self.emit(f"<{tag}>")
            for c in el:
                self.node(c, 0, 0)
            self.emit(f"</{tag}>")
        elif name == "table-row":
            self.emit(f"<tr{st}>")
            for c in el:
                self.node(c, 0, 0)
            self.emit("</tr>")
        elif name == "table-cell":
            span = el.get("number-columns-spanned")
            rows = el.get("number-rows-spanned")
            attrs = (f' colspan="{span}"' if span else "") + (f' rowspan="{rows}"' if rows else "")
            self.emit(f"<td{attrs}{st}>")
            self.children(el, 0, 0)
            self.emit("</td>")
        elif name == "footnote":
            kids = list(el)
            if kids:
                self.node(kids[0], ind, end)
            for body in kids[1:]:
                self.emit('<span style="float: footnote">')
                self.children(body, 0, 0)
                self.emit("</span>")
        elif name == "page-number":
            self.emit('<span class="folio-page"></span>')
        elif name == "leader":
            self.emit('<span style="display: inline-block; width: 2em"></span>')
        elif name == "instream-foreign-object":
            for c in el:
                self.emit(ET.tostring(c, encoding="unicode"))
        elif name == "external-graphic":
            src = re.sub(r"^url\(['\"]?(.*?)['\"]?\)$", r"\1", el.get("src", ""))
            self.emit(f'<img src="{escape(src)}"{st}>')
        else:
            self.children(el, ind, end)

    def table(self, el, st):
        cols = [c for c in el if local(c.tag) == "table-column"]
        widths = [c.get("column-width", "") for c in cols]
        props = [float(m.group(1)) for w in widths
                 for m in [re.match(r"proportional-column-width\(([\d.]+)\)", w)] if m]
        total = sum(props) or 1
        self.emit(f'<table style="border-collapse: collapse; width: 100%; {escape(st[8:-1]) if st else ""}">')
        self.emit("<colgroup>")
        for c, w in zip(cols, widths):
            m = re.match(r"proportional-column-width\(([\d.]+)\)", w)
            width = f"{100 * float(m.group(1)) / total:.2f}%" if m else w
            n = int(c.get("number-columns-repeated", "1"))
            self.emit(f'<col style="width: {width}">' * n)
        self.emit("</colgroup>")
        for c in el:
            if local(c.tag) != "table-column":
                self.node(c, 0, 0)
        self.emit("</table>")


def page_css(root):
    spm = root.find(f".//{FO}simple-page-master")
    if spm is None:
        return "@page { size: A4; margin: 20mm }"
    body = spm.find(f"{FO}region-body")
    mt = pt(spm.get("margin-top", "0")) + (pt(body.get("margin-top", "0")) if body is not None else 0)
    mb = pt(spm.get("margin-bottom", "0")) + (pt(body.get("margin-bottom", "0")) if body is not None else 0)
    ml, mr = pt(spm.get("margin-left", "0")), pt(spm.get("margin-right", "0"))
    return (f"@page {{ size: {spm.get('page-width', '210mm')} {spm.get('page-height', '297mm')};"
            f" margin: {mt:.2f}pt {mr:.2f}pt {mb:.2f}pt {ml:.2f}pt;"
            " @top-center { content: counter(page); font: 12pt 'PT Serif' } }\n"
            "@page :first { @top-center { content: none } }\n")


def to_html(root):
    h = Html()
    lists = root.findall(f".//{FO}list-block")
    h.list_dist = (lists[0].get("provisional-distance-between-starts", "1.5em") if lists else "1.5em")
    for flow in root.iter(f"{FO}flow"):
        h.children(flow, 0, 0)
    style = (page_css(root) +
             "body { margin: 0; font-family: 'PT Serif', serif; font-size: 12pt; hyphens: auto }\n"
             "div, td { orphans: 2; widows: 2 }\n"
             ".folio-page::before { content: counter(page) }\n")
    return (f'<!DOCTYPE html>\n<html lang="{root.get("language", "ru")}"><head>'
            f'<meta charset="utf-8"><style>{style}</style></head><body>'
            + "".join(h.parts) + "</body></html>\n")


def to_text(root):
    lines = []

    def walk(el, size):
        s = el.get("font-size")
        if s and pt(s, size) is not None:
            size = pt(s, size)
        name = local(el.tag)
        if name in ("static-content", "layout-master-set", "instream-foreign-object"):
            return
        leaf = name == "block" and not any(local(c.tag) in ("block", "table", "list-block",
                                                            "block-container") for c in el)
        if leaf:
            t = " ".join("".join(el.itertext()).split())
            if t:
                lines.append(f"{size:g}\t{t}")
            return
        for c in el:
            walk(c, size)

    walk(root, 12.0)
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    if args and args[0] == "--dir":
        # --dir IN OUT: every IN/*.fo to OUT/*.html (one process for many)
        from pathlib import Path
        out = Path(args[2])
        out.mkdir(parents=True, exist_ok=True)
        for fo in sorted(Path(args[1]).glob("*.fo")):
            (out / (fo.stem + ".html")).write_text(to_html(ET.parse(fo).getroot()),
                                                   encoding="utf-8")
        return
    text = args and args[0] == "--text"
    if text:
        args = args[1:]
    root = ET.parse(args[0]).getroot()
    with open(args[1], "w", encoding="utf-8") as f:
        f.write(to_text(root) if text else to_html(root))


if __name__ == "__main__":
    main()
