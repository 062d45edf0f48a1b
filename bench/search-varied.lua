-- wrk script: search requests that vary per request, so the app's output cache (keyed by the full URL,
-- 60 s) rarely answers them and the full-text query itself is measured.
--
--   wrk -t2 -c64 -d10s --latency -s bench/search-varied.lua http://127.0.0.1:PORT/tim-kiem
--
-- Each request picks one of ~50 realistic queries (with and without Vietnamese diacritics), then
--   * 70%: appends a random extra term (AND-ed by the app, so it narrows the result set), and
--   * always: a random result page 1–5 (page 1 has no "trang" parameter, as the site's own links).
-- About 50 x (1 + 0.7 x 90 terms) x 5 pages ≈ 16,000 distinct URLs; done() prints how many distinct URLs
-- each thread sent, a lower bound on the share of cache misses.
--
-- With the argument "warm" (wrk ... -s search-varied.lua URL -- warm) every request also filters by kind
-- ("&loai=article"): the same code runs (so the JIT has compiled it, as on a site that has been up for a while) but
-- no URL of the measured run is ever sent, so the warm-up leaves nothing in the output cache for it to hit.

local queries = {
  -- folded (typed without diacritics)
  "dao tao", "khuyen cong", "keo dua", "banh trang", "thach dua", "chi xo dua", "san xuat sach hon",
  "tiet kiem nang luong", "may say bom nhiet", "hoi cho", "trien lam", "ba tri", "giong trom", "cho lach",
  "mo cay nam", "binh dai", "thanh phu", "phu nhuan", "nuoc mam", "bot ca", "co khi", "bao bi",
  "thuong mai dien tu", "xu ly nuoc thai", "san pham tieu bieu",
  -- with diacritics
  "đào tạo", "khuyến công", "kẹo dừa", "bánh tráng", "sản xuất sạch hơn", "tiết kiệm năng lượng",
  "máy sấy", "hội chợ", "Ba Tri", "Giồng Trôm", "Chợ Lách", "Mỏ Cày Bắc", "Bình Đại", "nước mắm",
  "cơ khí", "bao bì", "thương hiệu", "công nghiệp hỗ trợ", "tập huấn", "kinh phí khuyến công",
  "hợp tác xã", "đồ mỹ nghệ", "dầu dừa", "Nghị định 45", "OCOP",
}

local extras = {
  "2021", "2022", "2023", "2024", "2025", "may", "thiet bi", "lao dong", "nong thon", "co so", "xa",
  "huyen", "san pham", "nguyen lieu", "thi truong", "doanh nghiep", "hop tac", "von", "kinh phi",
  "nghiem thu", "de an", "ho tro", "tu van", "marketing", "chat luong", "moi truong", "nang suat",
  "xuat khau", "sieu thi", "ha noi", "can tho", "nhat ban", "han quoc", "dong goi", "nhan hieu",
  "ma vach", "iso", "haccp", "phu nu", "thanh nien", "truyen thong", "lang nghe", "gao dua", "xo dua",
  "mun dua", "tom kho", "ca kho", "chieu coi", "luc binh", "may tre", "go", "gach", "phan huu co",
  "mat ong", "buoi", "chuoi", "ca cao", "tinh dau", "hu tieu", "bun", "ruou", "cnc", "laser",
  "lo hoi", "kho lanh", "dien mat troi", "bien tan", "den led", "nuoc thai", "khoi bui", "phu pham",
  "hoi nghi", "ket noi", "cung cau", "gian hang", "dat hang", "hop dong", "binh chon", "chung nhan",
  "giang vien", "hoc vien", "ke toan", "gia thanh", "tai chinh", "tin dung", "ngan hang", "mat bang",
  "nha xuong",
}

-- Percent-encode a UTF-8 string byte by byte (spaces as %20).
local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

-- Per-thread counters; globals (not locals) so that done() can read them with thread:get().
seen, distinct, sent = {}, 0, 0

warm = false

function init(args)
  -- Each thread has its own Lua state; seed it differently so the threads do not send the same sequence.
  math.randomseed(os.time() * 1000 + id)
  warm = args[1] == "warm"
  seen, distinct, sent = {}, 0, 0
end

function request()
  local q = queries[math.random(#queries)]
  if math.random() < 0.7 then
    q = q .. " " .. extras[math.random(#extras)]
  end
  local path = "/tim-kiem?q=" .. encode(q)
  if warm then
    path = path .. "&loai=article"
  end
  local page = math.random(5)
  if page > 1 then
    path = path .. "&trang=" .. page
  end
  sent = sent + 1
  if not seen[path] then
    seen[path] = true
    distinct = distinct + 1
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local total_sent, total_distinct = 0, 0
  for _, t in ipairs(threads) do
    total_sent = total_sent + (t:get("sent") or 0)
    total_distinct = total_distinct + (t:get("distinct") or 0)
  end
  if total_sent > 0 then
    io.write(string.format("varied search: %d requests built, %d distinct URLs per thread summed (%.0f%%)\n",
      total_sent, total_distinct, 100 * total_distinct / total_sent))
  end
end
