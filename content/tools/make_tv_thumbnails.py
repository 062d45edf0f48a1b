"""Generate the TV thumbnails (1280x720 JPEG) from content/tv/*.md with ffmpeg + DejaVu fonts.
Usage: python3 content/tools/make_tv_thumbnails.py [episode ...]"""
import os, re, subprocess, tempfile, textwrap, sys
HERE = os.path.dirname(os.path.abspath(__file__))
TV = os.path.join(HERE, "..", "tv"); OUT = os.path.join(HERE, "..", "images", "tv")
F = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"; FB = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PALETTES = [("0x1b5e20","0x0b6e6e"),("0x0d47a1","0x00838f"),("0x4e342e","0x8d6e63"),("0x1a237e","0x4527a0"),
            ("0x004d40","0x558b2f"),("0x33691e","0x827717"),("0x3e2723","0xbf360c")]
tmp = tempfile.mkdtemp(); os.makedirs(tmp, exist_ok=True)
only = sys.argv[1:]
for f in sorted(os.listdir(TV)):
    text = open(os.path.join(TV, f), encoding="utf-8").read()
    ep = int(re.search(r"^episode: (\d+)", text, re.M).group(1))
    if only and str(ep) not in only: continue
    title = re.search(r'^title: "(.*)"', text, re.M).group(1)
    air = re.search(r"^air_date: (\S+)", text, re.M).group(1)
    channel = re.search(r'^channel: "(.*)"', text, re.M).group(1)
    sub = title.split(": ", 1)[1] if ": " in title else title
    brand = title.split(" – ")[0].upper()
    y, m, d = air.split("-")
    files = {
        "a": f"CHUYÊN MỤC {brand}",
        "b": f"Kỳ {ep}",
        "c": "\n".join(textwrap.wrap(sub, 34)),
        "d": f"Phát sóng {int(d)}/{int(m)}/{y} · {channel}",
        "e": "Dữ liệu mẫu",
    }
    for k, v in files.items():
        open(f"{tmp}/{k}.txt", "w", encoding="utf-8").write(v)
    c0, c1 = PALETTES[ep % len(PALETTES)]
    vf = ",".join([
        "drawbox=x=0:y=0:w=iw:h=ih:color=0x000000@0.35:t=fill",
        "drawbox=x=80:y=96:w=10:h=528:color=0xf2c94c:t=fill",
        "drawbox=x=0:y=ih-90:w=iw:h=90:color=0x000000@0.45:t=fill",
        f"drawtext=fontfile={FB}:textfile={tmp}/a.txt:fontsize=34:fontcolor=0xf2c94c:x=120:y=100",
        f"drawtext=fontfile={FB}:textfile={tmp}/b.txt:fontsize=120:fontcolor=white:x=116:y=160",
        f"drawtext=fontfile={FB}:textfile={tmp}/c.txt:fontsize=50:fontcolor=white:line_spacing=16:x=120:y=330",
        f"drawtext=fontfile={F}:textfile={tmp}/d.txt:fontsize=28:fontcolor=0xe0e0e0:x=80:y=h-60",
        f"drawtext=fontfile={F}:textfile={tmp}/e.txt:fontsize=24:fontcolor=0xf2c94c:x=w-tw-60:y=60",
    ])
    out = f"{OUT}/ky-{ep:02d}.jpg"
    subprocess.run(["ffmpeg","-hide_banner","-loglevel","error","-y","-f","lavfi","-i",
        f"gradients=s=1280x720:c0={c0}:c1={c1}:x0=0:y0=0:x1=1280:y1=720:d=1:r=1",
        "-vf", vf, "-frames:v","1","-q:v","5", out], check=True)
    print(out, os.path.getsize(out))
