"""synth_corpus.py SOURCE_DIR OUT_DIR ARTICLES - a synthetic corpus of at
least ARTICLES articles: the day files of SOURCE_DIR written again and again,
replicate r under OUT_DIR/rNNN/ with every day moved r x 1,500 days later
(file name and heading), so that ids (paths) and dates are distinct. Prints
the number of files and articles written. Nothing is kept in the repository:
the bench writes it to a temporary folder and removes it."""
import datetime
import os
import re
import sys

source, out, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
SHIFT = 1500  # days: more than the source corpus spans
HEADING = re.compile(r"^# 《新闻联播》 \((\d{8})\)", re.M)

days = []
for name in sorted(os.listdir(source)):
    m = re.fullmatch(r"(\d{8})\.md", name)
    if not m:
        continue
    with open(os.path.join(source, name), encoding="utf-8") as f:
        text = f.read()
    detail = text.find("## 详细新闻")
    articles = text.count("\n### ", detail if detail >= 0 else 0)
    if articles:
        days.append((datetime.datetime.strptime(m.group(1), "%Y%m%d").date(), text, articles))
if not days:
    sys.exit(f"synth_corpus: no day files in {source}")

files = articles = 0
r = 0
while articles < wanted:
    folder = os.path.join(out, f"r{r:03d}")
    os.makedirs(folder, exist_ok=True)
    for day, text, n in days:
        if articles >= wanted:
            break
        moved = (day + datetime.timedelta(days=r * SHIFT)).strftime("%Y%m%d")
        body = HEADING.sub(f"# 《新闻联播》 ({moved})", text, count=1)
        with open(os.path.join(folder, moved + ".md"), "w", encoding="utf-8") as f:
            f.write(body)
        files += 1
        articles += n
    r += 1
print(files, articles)
