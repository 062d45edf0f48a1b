#!/usr/bin/env python3
"""Validate the TV segment files in content/tv/ (Python standard library only).

Checks, for every content/tv/*.md file:
  * YAML front matter between '---' lines with the required keys (flat 'key: value' lines);
  * episode numbers are integers 1..20, unique, and all 20 are present;
  * air_date / date / duration are well-formed; topic exists in content/topics.yml;
  * exactly one of `video` / `external_url`; referenced image and video files exist under content/;
  * thumbnails are JPEG files of at most 120 KB;
  * the body has the heading '## Bản ghi lời'; every transcript line starts with a cue
    [mm:ss] or [h:mm:ss]; cues strictly increase and lie within the duration;
  * transcript word count >= 350 (>= 150 for a segment with an uploaded `video`);
  * text is NFC-normalised;
  * air dates increase with the episode number;
  * an uploaded video is an MP4 ('ftyp' box) with 'moov' before 'mdat' (faststart).
Usage: python3 content/tools/check_tv.py [content-dir]
Exit code 0 when every check passes, 1 otherwise.
"""
import os
import re
import sys
import unicodedata

REQUIRED = ["title", "episode", "air_date", "channel", "duration", "topic", "summary",
            "image", "image_alt", "date", "sample"]
CUE = re.compile(r"^\[(?:(\d+):)?(\d{1,2}):(\d{2})\]\s+\S")
DURATION = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
HEADING = "## Bản ghi lời"
EPISODES = 20


def seconds(h, m, s):
    return int(h or 0) * 3600 + int(m) * 60 + int(s)


def unquote(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError("missing front matter start '---'")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise ValueError("missing front matter end '---'")
    meta = {}
    for n, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([a-z_]+):\s*(.*)$", line)
        if not m:
            raise ValueError(f"line {n}: not a flat 'key: value' line")
        if m.group(1) in meta:
            raise ValueError(f"line {n}: duplicate key {m.group(1)}")
        meta[m.group(1)] = unquote(m.group(2))
    return text, meta, lines[end + 1:], end + 2


def topics(content):
    path = os.path.join(content, "topics.yml")
    with open(path, encoding="utf-8") as f:
        return set(re.findall(r"^- slug:\s*(\S+)", f.read(), re.M))


def mp4_faststart(path):
    """Return (is_mp4, moov_before_mdat) from the top-level MP4 boxes."""
    order = []
    with open(path, "rb") as f:
        size = os.path.getsize(path)
        pos = 0
        while pos + 8 <= size:
            f.seek(pos)
            head = f.read(16)
            box_size = int.from_bytes(head[:4], "big")
            kind = head[4:8].decode("latin-1")
            if box_size == 1:
                box_size = int.from_bytes(head[8:16], "big")
            elif box_size == 0:
                box_size = size - pos
            if box_size < 8:
                break
            order.append(kind)
            pos += box_size
    is_mp4 = bool(order) and order[0] == "ftyp"
    fast = "moov" in order and "mdat" in order and order.index("moov") < order.index("mdat")
    return is_mp4, fast


def check_file(content, path, known_topics, errors):
    name = os.path.relpath(path, content)

    def err(msg):
        errors.append(f"{name}: {msg}")

    try:
        text, meta, body, first_body_line = parse(path)
    except ValueError as e:
        err(str(e))
        return None, ""
    if unicodedata.normalize("NFC", text) != text:
        err("text is not NFC-normalised")
    for key in REQUIRED:
        if not meta.get(key):
            err(f"missing or empty key '{key}'")
    episode = None
    if not re.fullmatch(r"\d+", meta.get("episode", "")):
        err("episode is not an integer")
    else:
        episode = int(meta["episode"])
        if not 1 <= episode <= EPISODES:
            err(f"episode {episode} outside 1..{EPISODES}")
    if not DATE.match(meta.get("air_date", "")):
        err("air_date is not YYYY-MM-DD")
    if not DATETIME.match(meta.get("date", "")):
        err("date is not 'YYYY-MM-DD HH:MM'")
    if meta.get("air_date", "") > meta.get("date", "")[:10]:
        err("publish date is before the air date")
    if meta.get("sample") != "true":
        err("sample must be true (all segments are invented)")
    if meta.get("topic") and meta["topic"] not in known_topics:
        err(f"topic '{meta['topic']}' not in topics.yml")
    dm = DURATION.match(meta.get("duration", ""))
    duration = seconds(*dm.groups()) if dm else None
    if duration is None:
        err("duration is not mm:ss or h:mm:ss")
    has_video = bool(meta.get("video"))
    has_url = bool(meta.get("external_url"))
    if has_video == has_url:
        err("exactly one of 'video' or 'external_url' is required")
    if has_url and not meta["external_url"].startswith("https://"):
        err("external_url must be https://")
    if has_video:
        if not meta["video"].lower().endswith(".mp4"):
            err("video must be an .mp4 file")
        vpath = os.path.join(content, meta["video"])
        if not os.path.isfile(vpath):
            err(f"video file {meta['video']} not found")
        else:
            is_mp4, fast = mp4_faststart(vpath)
            if not is_mp4:
                err(f"video {meta['video']} is not an MP4 file")
            elif not fast:
                err(f"video {meta['video']} is not faststart (moov after mdat)")
    elif duration is not None and not 8 * 60 <= duration <= 15 * 60:
        err("duration outside 8–15 minutes")
    image = meta.get("image", "")
    ipath = os.path.join(content, image)
    if image and not os.path.isfile(ipath):
        err(f"image file {image} not found")
    elif image:
        with open(ipath, "rb") as f:
            if f.read(3) != b"\xff\xd8\xff":
                err(f"image {image} is not a JPEG")
        if os.path.getsize(ipath) > 120 * 1024:
            err(f"image {image} larger than 120 KB")

    try:
        h = body.index(HEADING)
    except ValueError:
        err(f"heading '{HEADING}' missing")
        return episode, meta.get("air_date", "")
    last = -1
    words = 0
    cues = 0
    for i, line in enumerate(body[h + 1:], start=first_body_line + h + 1):
        if not line.strip():
            continue
        m = CUE.match(line)
        if not m:
            err(f"line {i}: transcript line without a well-formed cue time")
            continue
        t = seconds(*m.groups())
        if t <= last:
            err(f"line {i}: cue time does not increase")
        if duration is not None and t >= duration:
            err(f"line {i}: cue time beyond the duration")
        last = t
        cues += 1
        words += len(line[m.end() - 1:].split())
    minimum = 150 if has_video else 350
    if cues == 0:
        err("transcript has no cues")
    if words < minimum:
        err(f"transcript has {words} words, fewer than {minimum}")
    print(f"  ep {episode if episode is not None else '?':>2}  {meta.get('air_date', ''):10}  "
          f"{meta.get('duration', ''):>6}  {words:4} words  {cues:3} cues  {name}")
    return episode, meta.get("air_date", "")


def main():
    content = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    content = os.path.abspath(content)
    tvdir = os.path.join(content, "tv")
    files = sorted(f for f in os.listdir(tvdir) if f.endswith(".md"))
    errors = []
    known = topics(content)
    seen = {}
    airs = {}
    for f in files:
        ep, air = check_file(content, os.path.join(tvdir, f), known, errors)
        if ep is not None:
            airs[ep] = air
            if ep in seen:
                errors.append(f"tv/{f}: episode {ep} also in {seen[ep]}")
            seen[ep] = f
    ordered = [airs[e] for e in sorted(airs)]
    if ordered != sorted(ordered):
        errors.append("air dates do not increase with the episode number")
    missing = sorted(set(range(1, EPISODES + 1)) - set(seen))
    if missing:
        errors.append(f"missing episodes: {missing}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(files)} files, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
