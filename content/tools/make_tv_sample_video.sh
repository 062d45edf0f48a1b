#!/bin/sh
# Regenerate content/files/tv/ky-01.mp4: the 40-second sample clip of TV episode 1
# (640x360 title cards over a slow gradient, a progress bar, a quiet 220 Hz tone;
# H.264 + AAC, faststart). The card text matches the episode's transcript.
# Needs ffmpeg (with libfreetype) and the DejaVu fonts. Usage: sh content/tools/make_tv_sample_video.sh
set -eu
OUT="$(cd "$(dirname "$0")/.." && pwd)/files/tv/ky-01.mp4"
T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
cd "$T"
F=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
printf 'CHUYÊN MỤC KHUYẾN CÔNG' > c1a.txt
printf 'Kỳ 1' > c1b.txt
printf 'Chương trình khuyến công\ntỉnh Bến Tre giai đoạn 2021–2025' > c1c.txt
printf 'Quyết định số 1625/QĐ-UBND\nngày 12/7/2021 của UBND tỉnh Bến Tre' > c2a.txt
printf 'Tổng kinh phí: 175.155 triệu đồng\n• Ngân sách hỗ trợ: 41.860 triệu đồng\n   – Khuyến công quốc gia: 19.525 triệu đồng\n   – Khuyến công địa phương: 22.335 triệu đồng\n• Cơ sở thụ hưởng đóng góp: 133.295 triệu đồng' > c2b.txt
printf 'Mục tiêu chính' > c3a.txt
printf '• 90–100 cơ sở ứng dụng máy móc tiên tiến\n• 05 mô hình trình diễn kỹ thuật\n• 04 mô hình thí điểm sản xuất sạch hơn\n• 20 phòng trưng bày sản phẩm\n• 02 kỳ bình chọn sản phẩm CNNT tiêu biểu cấp tỉnh\n• 02 hội chợ, 90 lượt cơ sở tham gia' > c3b.txt
printf 'Hẹn gặp lại quý vị\nở các kỳ sau' > c4a.txt
printf 'Dữ liệu mẫu – đoạn phim minh họa' > c4b.txt
VF="drawbox=x=0:y=0:w=iw:h=ih:color=0x0d3b2e@0.55:t=fill,\
drawtext=fontfile=$FB:textfile=c1a.txt:fontsize=24:fontcolor=0xf2c94c:x=(w-tw)/2:y=70:enable='lt(t,5)',\
drawtext=fontfile=$FB:textfile=c1b.txt:fontsize=72:fontcolor=white:x=(w-tw)/2:y=115:enable='lt(t,5)',\
drawtext=fontfile=$F:textfile=c1c.txt:fontsize=26:fontcolor=white:line_spacing=8:x=(w-tw)/2:y=220:enable='lt(t,5)',\
drawtext=fontfile=$FB:textfile=c2a.txt:fontsize=24:fontcolor=0xf2c94c:line_spacing=6:x=40:y=40:enable='between(t,5,25)',\
drawtext=fontfile=$F:textfile=c2b.txt:fontsize=22:fontcolor=white:line_spacing=12:x=40:y=130:enable='between(t,5,25)',\
drawtext=fontfile=$FB:textfile=c3a.txt:fontsize=30:fontcolor=0xf2c94c:x=40:y=36:enable='between(t,25,36)',\
drawtext=fontfile=$F:textfile=c3b.txt:fontsize=21:fontcolor=white:line_spacing=12:x=40:y=100:enable='between(t,25,36)',\
drawtext=fontfile=$FB:textfile=c4a.txt:fontsize=36:fontcolor=white:line_spacing=10:x=(w-tw)/2:y=120:enable='gte(t,36)',\
drawtext=fontfile=$F:textfile=c4b.txt:fontsize=18:fontcolor=0xf2c94c:x=(w-tw)/2:y=280:enable='gte(t,36)'"
ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "gradients=s=640x360:c0=0x1b5e20:c1=0x0b6e6e:c2=0x2e7d32:nb_colors=3:speed=0.003:d=40:r=25" \
  -f lavfi -i "color=c=0xf2c94c:s=640x8:d=40:r=25" \
  -f lavfi -i "sine=frequency=220:sample_rate=44100:duration=40" \
  -filter_complex "[0:v]$VF[bg];[bg][1:v]overlay=x='-w+W*t/40':y=H-8:shortest=1,format=yuv420p[v]" \
  -map "[v]" -map 2:a -af "volume=0.04,afade=t=in:d=2,afade=t=out:st=37:d=3" \
  -c:v libx264 -profile:v main -preset slow -crf 30 -g 75 -tune stillimage \
  -c:a aac -b:a 40k -ac 1 -movflags +faststart -t 40 "$OUT"
echo "$OUT"
