#!/usr/bin/env python3
"""Checks the showcase content files (issue 5) against the format in SHOWCASE-FORMAT.md.

Python standard library only. PyYAML is not available here, so this file carries a small
parser for the YAML subset the content uses: block mappings and sequences, "- key: value"
items, quoted and plain scalars, "[]" and simple flow lists of scalars, and "|" block scalars.
Anything outside that subset is reported as an error rather than guessed at.

Usage:  python3 content/tools/check_showcase.py [content-dir]
Exit code 0 when every check passes, 1 otherwise.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sys
import unicodedata

# ---------------------------------------------------------------------------------------------
# Minimal YAML subset parser
# ---------------------------------------------------------------------------------------------


class YamlError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(f"line {line}: {message}")
        self.line = line


def _strip_comment(text: str) -> str:
    """Removes a trailing ' # comment' outside quotes."""
    in_single = in_double = False
    escaped = False
    for i, ch in enumerate(text):
        if in_double:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_double = False
        elif in_single:
            if ch == "'":
                in_single = False
        elif ch == '"':
            in_double = True
        elif ch == "'":
            in_single = True
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _scalar(raw: str, line: int):
    s = raw.strip()
    if s == "" or s in ("~", "null", "Null", "NULL"):
        return None
    if s.startswith('"'):
        if not s.endswith('"') or len(s) < 2:
            raise YamlError(line, f"unterminated double-quoted string: {s}")
        body = s[1:-1]
        out, i = [], 0
        while i < len(body):
            ch = body[i]
            if ch == "\\":
                i += 1
                if i >= len(body):
                    raise YamlError(line, "dangling backslash")
                esc = body[i]
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}.get(esc, None) or "")
                if esc not in 'nt"\\/':
                    raise YamlError(line, f"unsupported escape \\{esc}")
            elif ch == '"':
                raise YamlError(line, "unescaped quote inside a double-quoted string")
            else:
                out.append(ch)
            i += 1
        return "".join(out)
    if s.startswith("'"):
        if not s.endswith("'") or len(s) < 2:
            raise YamlError(line, f"unterminated single-quoted string: {s}")
        return s[1:-1].replace("''", "'")
    if s.startswith("[") and s.endswith("]"):
        inner = s[1:-1].strip()
        if not inner:
            return []
        if "{" in inner or "[" in inner:
            raise YamlError(line, "nested flow collections are outside the checked subset; use block style")
        return [_scalar(part, line) for part in inner.split(",")]
    if s.startswith("{"):
        raise YamlError(line, "flow mappings are outside the checked subset; use block style")
    if s in ("true", "True", "TRUE"):
        return True
    if s in ("false", "False", "FALSE"):
        return False
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    if s.startswith(("&", "*", "!", "|", ">", "%", "@", "`")):
        raise YamlError(line, f"unsupported YAML construct: {s}")
    return s


_KEY_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?:\s+(.*)|\s*)$")


def parse_yaml(text: str, first_line: int = 1):
    lines = []  # (line number, indent, content)
    raw_lines = text.split("\n")
    for n, raw in enumerate(raw_lines):
        if "\t" in raw[: len(raw) - len(raw.lstrip())]:
            raise YamlError(first_line + n, "tab used for indentation")
        lines.append((first_line + n, raw))

    pos = 0

    def skip_blank():
        nonlocal pos
        while pos < len(lines):
            stripped = _strip_comment(lines[pos][1])
            if stripped.strip() == "":
                pos += 1
            else:
                break

    def indent_of(raw: str) -> int:
        return len(raw) - len(raw.lstrip(" "))

    def block_scalar(parent_indent: int) -> str:
        nonlocal pos
        body = []
        block_indent = None
        while pos < len(lines):
            n, raw = lines[pos]
            if raw.strip() == "":
                body.append("")
                pos += 1
                continue
            ind = indent_of(raw)
            if ind <= parent_indent:
                break
            if block_indent is None:
                block_indent = ind
            if ind < block_indent:
                raise YamlError(n, "block scalar line less indented than its first line")
            body.append(raw[block_indent:])
            pos += 1
        while body and body[-1] == "":
            body.pop()
        return "\n".join(body) + "\n"

    def parse_value_after_key(rest: str | None, key_indent: int, n: int):
        """Value of 'key:' whose remaining text is rest."""
        nonlocal pos
        if rest is not None:
            rest_c = _strip_comment(rest)
            if rest_c in ("|", "|-", "|+"):
                return block_scalar(key_indent)
            if rest_c.startswith((">",)):
                raise YamlError(n, "folded block scalars ('>') are outside the checked subset")
            if rest_c != "":
                return _scalar(rest_c, n)
        # nested block or empty
        skip_blank()
        if pos >= len(lines):
            return None
        n2, raw2 = lines[pos]
        ind2 = indent_of(raw2)
        content2 = _strip_comment(raw2).strip()
        if content2.startswith("- ") or content2 == "-":
            if ind2 < key_indent:
                return None
            if ind2 == key_indent or ind2 > key_indent:
                return parse_seq(ind2)
        if ind2 > key_indent:
            return parse_map(ind2)
        return None

    def parse_map(indent: int, first_inline: tuple[int, str] | None = None) -> dict:
        nonlocal pos
        result: dict = {}
        key_lines: dict = {}
        pending = first_inline
        while True:
            if pending is not None:
                n, content = pending
                pending = None
            else:
                skip_blank()
                if pos >= len(lines):
                    break
                n, raw = lines[pos]
                ind = indent_of(raw)
                if ind < indent:
                    break
                if ind > indent:
                    raise YamlError(n, "unexpected indentation")
                content = _strip_comment(raw).strip()
                if content.startswith("- ") or content == "-":
                    break
                pos += 1
            m = _KEY_RE.match(content)
            if not m:
                raise YamlError(n, f"expected 'key: value', got: {content}")
            key, rest = m.group(1), m.group(2)
            if key in result:
                raise YamlError(n, f"duplicate key '{key}'")
            result[key] = parse_value_after_key(rest, indent, n)
            key_lines[key] = n
        result["__lines__"] = key_lines
        return result

    def parse_seq(indent: int) -> list:
        nonlocal pos
        items = []
        while True:
            skip_blank()
            if pos >= len(lines):
                break
            n, raw = lines[pos]
            ind = indent_of(raw)
            content = _strip_comment(raw).strip()
            if ind < indent or not (content.startswith("- ") or content == "-"):
                if ind > indent:
                    raise YamlError(n, "unexpected indentation in a list")
                break
            if ind > indent:
                raise YamlError(n, "unexpected indentation in a list")
            pos += 1
            after = content[1:].strip()
            if after == "":
                skip_blank()
                n2, raw2 = lines[pos]
                items.append(parse_map(indent_of(raw2)))
            elif _KEY_RE.match(after):
                # "- key: value" starts a mapping whose keys sit at indent + 2
                rest = raw[ind + 1:]
                item_indent = ind + 1 + (len(rest) - len(rest.lstrip(" ")))
                items.append(parse_map(item_indent, first_inline=(n, after)))
            else:
                items.append(_scalar(after, n))
        return items

    skip_blank()
    if pos >= len(lines):
        return None
    n, raw = lines[pos]
    content = _strip_comment(raw).strip()
    if content.startswith("- "):
        value = parse_seq(indent_of(raw))
    else:
        value = parse_map(indent_of(raw))
    skip_blank()
    if pos < len(lines):
        raise YamlError(lines[pos][0], "content after the end of the document (indentation?)")
    return value


def split_front_matter(text: str):
    text = text.replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise YamlError(1, "file must start with a '---' line")
    end = text.find("\n---", 3)
    if end < 0:
        raise YamlError(1, "front matter not closed by '---'")
    yaml = text[4 : end + 1]
    body_start = text.find("\n", end + 1)
    body = "" if body_start < 0 else text[body_start + 1 :]
    return yaml, body


# ---------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------

TODAY = dt.date(2026, 11, 27)  # the site's "today" for the sample data (fair statuses)
MERGER = dt.date(2025, 7, 1)
ROUNDS = {2016, 2018, 2020, 2022, 2024}
GROUPS = {"handicraft", "processed-food", "machinery", "other"}
LEVELS = {"provincial", "regional", "national"}
FAIR_LEVELS = {"provincial", "regional", "national", "international"}
KINDS = {"enterprise", "cooperative", "cooperative-group", "household-business", "other"}
MAX_IMAGE = 200 * 1024

EST_KEYS = {"slug", "name", "kind", "address", "place", "representative", "phone", "email", "website",
            "description", "consented_to_publish", "sample"}
EST_REQUIRED = {"slug", "name", "kind", "address", "place", "description", "consented_to_publish"}
PRODUCT_KEYS = {"title", "slug", "date", "set", "group", "producer", "place", "summary", "certifications",
                "ocop_stars", "ocop_year", "image", "image_alt", "gallery", "where_to_buy", "support", "sample"}
PRODUCT_REQUIRED = {"title", "date", "group", "producer", "place", "summary", "certifications", "image", "image_alt"}
CERT_KEYS = {"level", "round", "decision", "date", "issuer"}
GALLERY_KEYS = {"file", "alt", "caption"}
WHERE_KEYS = {"name", "address", "phone", "url"}
SUPPORT_KEYS = {"project", "year", "kind"}
SHOWROOM_KEYS = {"title", "slug", "date", "establishment", "address", "place", "opening_hours", "year_supported",
                 "summary", "image", "image_alt", "gallery", "products", "sample"}
SHOWROOM_REQUIRED = {"title", "date", "establishment", "address", "place", "year_supported", "summary", "image",
                     "image_alt", "products"}
FAIR_KEYS = {"title", "slug", "date", "organiser", "host_province", "level", "starts", "ends", "venue", "address",
             "registration_deadline", "how_to_apply", "funding_line", "summary", "image", "image_alt", "gallery",
             "participants", "results", "sample"}
FAIR_REQUIRED = {"title", "date", "organiser", "host_province", "level", "starts", "ends", "venue", "address",
                 "summary", "image", "image_alt"}
PARTICIPANT_KEYS = {"establishment", "booth", "supported"}

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Checker:
    def __init__(self, content: str):
        self.content = content
        self.errors: list[str] = []
        self.stats: dict = {}

    def err(self, file: str, line: int | None, message: str):
        where = f"{file}:{line}" if line else file
        self.errors.append(f"{where}: {message}")

    # --- helpers -------------------------------------------------------------------------------
    def rel(self, path: str) -> str:
        return os.path.relpath(path, self.content)

    def line(self, d: dict, key: str, offset: int = 0):
        return (d.get("__lines__", {}).get(key) or 0) + offset or None

    def check_keys(self, file, d, allowed, required, what, offset=0):
        if not isinstance(d, dict):
            self.err(file, None, f"{what}: expected a mapping")
            return False
        for k in d:
            if k != "__lines__" and k not in allowed:
                self.err(file, self.line(d, k, offset), f"{what}: unknown key '{k}' (the importer rejects it)")
        for k in sorted(required):
            if d.get(k) in (None, "", []):
                self.err(file, None, f"{what}: required key '{k}' missing or empty")
        return True

    def date(self, file, d, key, offset=0, with_time=False, required=True):
        v = d.get(key)
        if v is None:
            if required:
                self.err(file, None, f"'{key}' missing")
            return None
        s = str(v)
        pattern = r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?" if with_time else r"\d{4}-\d{2}-\d{2}"
        if not re.fullmatch(pattern, s):
            self.err(file, self.line(d, key, offset), f"'{key}' must look like {'YYYY-MM-DD [HH:MM]' if with_time else 'YYYY-MM-DD'}: {s}")
            return None
        try:
            return dt.datetime.strptime(s[:10], "%Y-%m-%d").date()
        except ValueError:
            self.err(file, self.line(d, key, offset), f"'{key}' is not a real date: {s}")
            return None

    def image(self, file, path, line=None):
        if not isinstance(path, str) or not path:
            self.err(file, line, "image path missing")
            return
        if path.startswith("media:"):
            return
        if not path.startswith("images/"):
            self.err(file, line, f"image should be under images/: {path}")
        full = os.path.join(self.content, path)
        if not os.path.isfile(full):
            self.err(file, line, f"image file not found: {path}")
            return
        size = os.path.getsize(full)
        if size > MAX_IMAGE:
            self.err(file, line, f"image larger than {MAX_IMAGE // 1024} KB: {path} ({size // 1024} KB)")
        with open(full, "rb") as fh:
            head = fh.read(12)
        if not (head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG") or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")):
            self.err(file, line, f"image is not JPEG/PNG/WebP by content: {path}")
        self.images_used.add(path)

    def alt(self, file, text, line=None):
        if not isinstance(text, str) or len(text.strip()) < 15:
            self.err(file, line, "alt text missing or too short")

    def gallery(self, file, items, offset):
        if items is None:
            return 0
        if not isinstance(items, list):
            self.err(file, None, "gallery must be a list")
            return 0
        for g in items:
            if self.check_keys(file, g, GALLERY_KEYS, {"file", "alt"}, "gallery item", offset):
                self.image(file, g.get("file"), self.line(g, "file", offset))
                self.alt(file, g.get("alt"), self.line(g, "alt", offset))
        return len(items)

    def nfc(self, file, text):
        if unicodedata.normalize("NFC", text) != text:
            self.err(file, None, "text is not in Unicode NFC form")

    def load_md(self, path):
        rel = self.rel(path)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.nfc(rel, text)
        try:
            yaml, body = split_front_matter(text)
            meta = parse_yaml(yaml, first_line=2)
        except YamlError as ex:
            self.err(rel, ex.line, str(ex).split(": ", 1)[1])
            return rel, None, None
        if not isinstance(meta, dict):
            self.err(rel, 2, "front matter must be a mapping")
            return rel, None, None
        return rel, meta, body

    # --- places ---------------------------------------------------------------------------------
    def load_places(self):
        path = os.path.join(self.content, "places.yml")
        with open(path, encoding="utf-8") as fh:
            data = parse_yaml(fh.read())
        self.places = {p["code"]: p for p in data}
        self.districts = {c for c, p in self.places.items() if p.get("level") == "district"}

    def place(self, file, d, key="place", offset=0):
        v = d.get(key)
        if v not in self.places:
            self.err(file, self.line(d, key, offset), f"unknown place code '{v}' (see places.yml)")
        return v

    # --- establishments -------------------------------------------------------------------------
    def check_establishments(self):
        path = os.path.join(self.content, "establishments.yml")
        rel = "establishments.yml"
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.nfc(rel, text)
        try:
            data = parse_yaml(text)
        except YamlError as ex:
            self.err(rel, ex.line, str(ex).split(": ", 1)[1])
            data = []
        if not isinstance(data, list):
            self.err(rel, 1, "must be a YAML list")
            data = []
        self.establishments = {}
        for e in data:
            if not self.check_keys(rel, e, EST_KEYS, EST_REQUIRED, f"establishment {e.get('slug') if isinstance(e, dict) else ''}"):
                continue
            slug = e.get("slug")
            ln = self.line(e, "slug")
            if not isinstance(slug, str) or not SLUG_RE.match(slug):
                self.err(rel, ln, f"bad slug '{slug}'")
            if slug in self.establishments:
                self.err(rel, ln, f"duplicate establishment slug '{slug}'")
            self.establishments[slug] = e
            if e.get("kind") not in KINDS:
                self.err(rel, self.line(e, "kind"), f"kind must be one of {sorted(KINDS)}")
            self.place(rel, e)
            if not isinstance(e.get("consented_to_publish"), bool):
                self.err(rel, self.line(e, "consented_to_publish"), "consented_to_publish must be true or false")
            phone = e.get("phone")
            if phone is not None:
                if not re.fullmatch(r"[0-9 .]{9,16}", str(phone)):
                    self.err(rel, self.line(e, "phone"), f"phone looks wrong: {phone}")
                if e.get("sample") is True and "000" not in str(phone):
                    self.err(rel, self.line(e, "phone"), "a sample establishment's phone must be an obviously fake number (contain 000)")
            site = e.get("website")
            if site and not str(site).startswith("https://"):
                self.err(rel, self.line(e, "website"), "website must start with https://")
            if e.get("sample") is not True:
                self.err(rel, ln, "establishment is invented sample data but lacks 'sample: true'")
        self.stats["establishments"] = len(self.establishments)

    # --- products -------------------------------------------------------------------------------
    def check_products(self):
        folder = os.path.join(self.content, "products")
        self.products = {}
        files = sorted(f for f in os.listdir(folder) if f.endswith(".md")) if os.path.isdir(folder) else []
        by_group, by_place, by_round, by_level = {}, {}, {}, {}
        sets = ocop = with_where = with_support = with_gallery = 0
        for name in files:
            rel, p, body = self.load_md(os.path.join(folder, name))
            if p is None:
                continue
            off = 0
            self.check_keys(rel, p, PRODUCT_KEYS, PRODUCT_REQUIRED, "product")
            slug = p.get("slug") or name[:-3]
            if slug != name[:-3]:
                self.err(rel, self.line(p, "slug"), f"slug '{slug}' differs from the file name")
            if not SLUG_RE.match(slug):
                self.err(rel, self.line(p, "slug"), f"bad slug '{slug}'")
            if slug in self.products:
                self.err(rel, None, f"duplicate product slug '{slug}'")
            self.products[slug] = p
            published = self.date(rel, p, "date", with_time=True)
            if p.get("set") is not None and not isinstance(p.get("set"), bool):
                self.err(rel, self.line(p, "set"), "set must be true or false")
            sets += p.get("set") is True
            group = p.get("group")
            if group not in GROUPS:
                self.err(rel, self.line(p, "group"), f"group must be one of {sorted(GROUPS)}")
            by_group[group] = by_group.get(group, 0) + 1
            producer = p.get("producer")
            if producer not in self.establishments:
                self.err(rel, self.line(p, "producer"), f"producer '{producer}' is not in establishments.yml")
            place = self.place(rel, p)
            by_place[place] = by_place.get(place, 0) + 1
            certs = p.get("certifications") or []
            if not isinstance(certs, list) or not certs:
                self.err(rel, self.line(p, "certifications"), "certifications must be a non-empty list")
                certs = []
            seen = set()
            for c in certs:
                if not self.check_keys(rel, c, CERT_KEYS, CERT_KEYS, "certification"):
                    continue
                level, rnd = c.get("level"), c.get("round")
                if level not in LEVELS:
                    self.err(rel, self.line(c, "level"), f"certification level must be one of {sorted(LEVELS)}")
                if rnd not in ROUNDS:
                    self.err(rel, self.line(c, "round"), f"round must be one of {sorted(ROUNDS)}")
                if (level, rnd) in seen:
                    self.err(rel, self.line(c, "level"), f"duplicate certification {level} {rnd}")
                seen.add((level, rnd))
                d = self.date(rel, c, "date")
                if d and isinstance(rnd, int) and not (rnd <= d.year <= rnd + 1):
                    self.err(rel, self.line(c, "date"), f"decision date {d} is not in the round year {rnd} or the year after")
                if d and d >= MERGER and c.get("issuer") == "UBND tỉnh Bến Tre":
                    self.err(rel, self.line(c, "date"), "UBND tỉnh Bến Tre issued nothing after 30/6/2025")
                if d and published and d > published:
                    self.err(rel, self.line(c, "date"), "certification dated after the product's publish date")
                if not re.fullmatch(r"\d+/QĐ-[A-ZĐ]+", str(c.get("decision"))):
                    self.err(rel, self.line(c, "decision"), f"decision number looks wrong: {c.get('decision')}")
                by_round[rnd] = by_round.get(rnd, 0) + 1
                by_level[level] = by_level.get(level, 0) + 1
            levels_by_round = {}
            for level, rnd in seen:
                levels_by_round.setdefault(rnd, set()).add(level)
            for rnd, lv in levels_by_round.items():
                if "national" in lv and "regional" not in lv or "regional" in lv and "provincial" not in lv:
                    self.err(rel, None, f"round {rnd}: a higher level needs the level below in the same round")
            if p.get("ocop_stars") is not None:
                ocop += 1
                if p.get("ocop_stars") not in (3, 4, 5):
                    self.err(rel, self.line(p, "ocop_stars"), "ocop_stars must be 3, 4 or 5")
                if not isinstance(p.get("ocop_year"), int) or not 2019 <= p["ocop_year"] <= TODAY.year:
                    self.err(rel, self.line(p, "ocop_year"), "ocop_year missing or implausible")
            self.image(rel, p.get("image"), self.line(p, "image"))
            self.alt(rel, p.get("image_alt"), self.line(p, "image_alt"))
            with_gallery += self.gallery(rel, p.get("gallery"), off) > 0
            where = p.get("where_to_buy")
            if where is not None:
                with_where += 1
                for w in where if isinstance(where, list) else []:
                    self.check_keys(rel, w, WHERE_KEYS, {"name"}, "where_to_buy item")
                    if isinstance(w, dict) and w.get("url") and not str(w["url"]).startswith("https://"):
                        self.err(rel, self.line(w, "url"), "where_to_buy url must start with https://")
            support = p.get("support")
            if support is not None:
                with_support += 1
                for s in support if isinstance(support, list) else []:
                    if self.check_keys(rel, s, SUPPORT_KEYS, SUPPORT_KEYS, "support item"):
                        if not isinstance(s.get("year"), int) or not 2016 <= s["year"] <= 2025:
                            self.err(rel, self.line(s, "year"), "support year must be 2016–2025")
            if p.get("sample") is not True:
                self.err(rel, None, "invented product lacks 'sample: true'")
            words = len(re.findall(r"\w+", body or ""))
            if not 150 <= words <= 400:
                self.err(rel, None, f"story has {words} words; expected 150–400")
        self.stats.update(products=len(self.products), sets=sets, ocop=ocop, with_where_to_buy=with_where,
                          with_support=with_support, with_gallery=with_gallery, by_group=by_group,
                          by_place=by_place, certifications_by_round=by_round, certifications_by_level=by_level)
        for g in GROUPS:
            if g not in by_group:
                self.err("products/", None, f"no product in group '{g}'")
        for d in self.districts:
            if d not in by_place:
                self.err("products/", None, f"no product from district-level unit '{d}'")
        for r in ROUNDS:
            if r not in by_round:
                self.err("products/", None, f"no certification in round {r}")

    # --- showrooms ------------------------------------------------------------------------------
    def check_showrooms(self):
        folder = os.path.join(self.content, "showrooms")
        files = sorted(f for f in os.listdir(folder) if f.endswith(".md")) if os.path.isdir(folder) else []
        self.stats["showrooms"] = len(files)
        for name in files:
            rel, s, body = self.load_md(os.path.join(folder, name))
            if s is None:
                continue
            self.check_keys(rel, s, SHOWROOM_KEYS, SHOWROOM_REQUIRED, "showroom")
            self.date(rel, s, "date", with_time=True)
            if s.get("establishment") not in self.establishments:
                self.err(rel, self.line(s, "establishment"), f"establishment '{s.get('establishment')}' is not in establishments.yml")
            self.place(rel, s)
            if not isinstance(s.get("year_supported"), int) or not 2021 <= s["year_supported"] <= 2025:
                self.err(rel, self.line(s, "year_supported"), "year_supported must be 2021–2025 (the programme's years)")
            prods = s.get("products") or []
            if not isinstance(prods, list) or not 1 <= len(prods) <= 12:
                self.err(rel, self.line(s, "products"), "products must be a list of product slugs")
                prods = []
            for slug in prods:
                if slug not in self.products:
                    self.err(rel, self.line(s, "products"), f"product '{slug}' not found in products/")
            if len(set(prods)) != len(prods):
                self.err(rel, self.line(s, "products"), "a product is listed twice")
            self.image(rel, s.get("image"), self.line(s, "image"))
            self.alt(rel, s.get("image_alt"), self.line(s, "image_alt"))
            self.gallery(rel, s.get("gallery"), 0)
            if s.get("sample") is not True:
                self.err(rel, None, "invented showroom lacks 'sample: true'")
            if not (body or "").strip():
                self.err(rel, None, "empty description")

    # --- fairs ----------------------------------------------------------------------------------
    def check_fairs(self):
        folder = os.path.join(self.content, "fairs")
        files = sorted(f for f in os.listdir(folder) if f.endswith(".md")) if os.path.isdir(folder) else []
        past = upcoming = participations = supported = 0
        for name in files:
            rel, f, body = self.load_md(os.path.join(folder, name))
            if f is None:
                continue
            self.check_keys(rel, f, FAIR_KEYS, FAIR_REQUIRED, "fair")
            self.date(rel, f, "date", with_time=True)
            if f.get("level") not in FAIR_LEVELS:
                self.err(rel, self.line(f, "level"), f"level must be one of {sorted(FAIR_LEVELS)}")
            starts, ends = self.date(rel, f, "starts"), self.date(rel, f, "ends")
            deadline = self.date(rel, f, "registration_deadline", required=False)
            if starts and ends and ends < starts:
                self.err(rel, self.line(f, "ends"), "ends before it starts")
            if deadline and starts and deadline > starts:
                self.err(rel, self.line(f, "registration_deadline"), "registration deadline after the start")
            if starts and starts >= MERGER and "Bến Tre" == str(f.get("host_province")).strip():
                self.err(rel, self.line(f, "host_province"), "tỉnh Bến Tre no longer exists after 30/6/2025; the host is tỉnh Vĩnh Long")
            self.image(rel, f.get("image"), self.line(f, "image"))
            self.alt(rel, f.get("image_alt"), self.line(f, "image_alt"))
            n_gallery = self.gallery(rel, f.get("gallery"), 0)
            parts = f.get("participants") or []
            if not isinstance(parts, list):
                self.err(rel, self.line(f, "participants"), "participants must be a list")
                parts = []
            seen = set()
            for pt in parts:
                if not self.check_keys(rel, pt, PARTICIPANT_KEYS, {"establishment"}, "participant"):
                    continue
                e = pt.get("establishment")
                if e not in self.establishments:
                    self.err(rel, self.line(pt, "establishment"), f"participant '{e}' is not in establishments.yml")
                if e in seen:
                    self.err(rel, self.line(pt, "establishment"), f"participant '{e}' listed twice")
                seen.add(e)
                if pt.get("supported") is not None and not isinstance(pt.get("supported"), bool):
                    self.err(rel, self.line(pt, "supported"), "supported must be true or false")
                participations += 1
                supported += pt.get("supported") is True
            if ends and ends < TODAY:
                past += 1
                if not parts:
                    self.err(rel, None, "a past fair should list its participants")
                if not (f.get("results") or "").strip():
                    self.err(rel, None, "a past fair needs a results report")
                if n_gallery == 0:
                    self.err(rel, None, "a past fair needs a gallery image")
            elif ends:
                upcoming += 1
                if f.get("results"):
                    self.err(rel, self.line(f, "results"), "an upcoming fair cannot have results yet")
            if f.get("sample") is not True:
                self.err(rel, None, "invented fair lacks 'sample: true'")
        self.stats.update(fairs=len(files), fairs_past=past, fairs_upcoming=upcoming,
                          participations=participations, participations_supported=supported)

    def check_orphans(self):
        for sub in ("products", "showrooms", "fairs"):
            folder = os.path.join(self.content, "images", sub)
            if not os.path.isdir(folder):
                continue
            for name in sorted(os.listdir(folder)):
                rel = f"images/{sub}/{name}"
                if rel not in self.images_used:
                    self.err(rel, None, "image not referenced by any content file")
        total = 0
        for sub in ("products", "showrooms", "fairs"):
            folder = os.path.join(self.content, "images", sub)
            if os.path.isdir(folder):
                total += sum(os.path.getsize(os.path.join(folder, n)) for n in os.listdir(folder))
        self.stats["images"] = len(self.images_used)
        self.stats["images_total_kb"] = total // 1024

    def run(self):
        self.images_used: set = set()
        self.load_places()
        self.check_establishments()
        self.check_products()
        self.check_showrooms()
        self.check_fairs()
        self.check_orphans()
        return self.errors


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    content = argv[1] if len(argv) > 1 else os.path.dirname(here)
    checker = Checker(content)
    errors = checker.run()
    for k, v in checker.stats.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a}: {b}" for a, b in sorted(v.items(), key=lambda kv: str(kv[0])))
        print(f"{k}: {v}")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        return 1
    print("\nshowcase content OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
