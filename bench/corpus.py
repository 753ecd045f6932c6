"""A deterministic synthetic corpus in the import formats, with gazetteer regions, sources and figures.

`generate(folder, articles, seed)` writes workflow exports (20 articles a file), Markdown
files with front matter, and plain-text files, about 800 characters an article, and
returns what it wrote: for each article its title and the regions it deliberately names.
`shape="single"` writes one article a file (Markdown and plain text, half each), the shape
of most real folders, where the cost per file counts most.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from metroviewer import RESOURCES
from metroviewer.regions.gazetteer import Gazetteer, default_gazetteer

ZH_CLAUSES = [
    "推动交通基础设施互联互通", "加快轨道交通同城化建设", "深化产业链供应链协同", "共建高能级产业平台",
    "推进公共服务共建共享", "优化营商环境", "强化科技创新协同", "共同打造绿色生态屏障", "完善跨区域协调机制",
    "推进户籍制度改革", "促进人才跨区域流动", "加快市域铁路建设", "推进医保异地结算", "共建共享优质教育资源",
    "推动先进制造业集群发展", "建设现代化产业体系", "培育新质生产力", "实施城市更新行动", "加强生态环境联防联治",
    "推进政务服务跨省通办", "发展枢纽经济", "建设国际消费中心城市", "打造一小时通勤圈", "推动要素市场化配置改革",
]
ZH_OPENERS = ["记者从{a}获悉", "近日，{a}与{b}签署合作协议", "{a}召开推进会", "据{a}发改委消息", "在{a}举行的发布会上",
              "{a}、{b}两地联合发布方案", "{a}市委常委会会议强调"]
ZH_FIGURES = ["地区生产总值达{n}亿元", "同比增长{p}%", "总投资{n}亿元", "新增产能{g}GWh", "常住人口{m}万人",
              "实现{c}分钟通勤", "预计{y}年建成", "面积{k}平方公里", "GDP突破{t}万亿"]
EN_SENTENCES = [
    "{A} and {B} signed an agreement to deepen integration of transport and industry.",
    "Officials in {A} said the metropolitan plan would cut commuting times to {c} minutes.",
    "Investment in {A} reached {n} billion yuan, up {p}% year on year.",
    "The {A} metropolitan area aims to build a one-hour commuting circle by {y}.",
    "Analysts expect {A} to attract more advanced manufacturing from {B}.",
    "A new intercity railway will connect {A} with {B}, cutting travel to {c} minutes.",
]
ZH_TITLES = ["{a}{b}同城化提速：{x}", "{a}发布{x}行动方案", "{a}都市圈建设新进展", "{a}与{b}携手{x}",
             "聚焦{a}：{x}", "{a}上半年经济运行情况发布"]
EN_TITLES = ["{A} and {B} step up integration", "{A} unveils plan to {x}", "Inside {A}'s metropolitan push"]
EN_X = ["boost innovation", "link railways", "share public services", "attract investment", "upgrade industry"]


@dataclass
class GeneratedArticle:
    title: str
    regions: set[str] = field(default_factory=set)


@dataclass
class Corpus:
    folder: Path
    articles: list[GeneratedArticle] = field(default_factory=list)
    files: int = 0
    characters: int = 0


class _Writer:
    def __init__(self, rng: random.Random, gazetteer: Gazetteer):
        self.rng = rng
        self.cities = [r for r in gazetteer.regions.values() if r.kind == "city" and r.english]
        self.areas = [r for r in gazetteer.regions.values() if r.kind in ("metro", "agglomeration")]
        sources = json.loads((RESOURCES / "sources.json").read_text(encoding="utf-8"))
        self.sources = [k for k in sources if not k.startswith("_")] + ["21世纪经济报道", "第一财经", "新华社"]

    def figure(self) -> str:
        r = self.rng
        return r.choice(ZH_FIGURES).format(n=r.randint(10, 9000), p=round(r.uniform(0.5, 12), 1), g=r.randint(1, 40),
                                           m=r.randint(50, 2500), c=r.choice([30, 45, 60]), y=r.randint(2025, 2035),
                                           k=r.randint(500, 30000), t=round(r.uniform(1, 12), 1))

    def zh_article(self) -> tuple[str, str, set[str]]:
        r = self.rng
        a, b = r.sample(self.cities, 2)
        names = {a.id, b.id}
        title = r.choice(ZH_TITLES).format(a=a.name, b=b.name, x=r.choice(ZH_CLAUSES))
        if "都市圈" in title:
            title = title.replace(f"{a.name}都市圈", f"{a.name}")
        paragraphs = []
        while sum(len(p) for p in paragraphs) < 700:
            sentence = r.choice(ZH_OPENERS).format(a=a.name, b=b.name) + "，" + "，".join(
                r.sample(ZH_CLAUSES, 3)) + "，" + self.figure() + "。"
            if r.random() < 0.3:
                area = r.choice(self.areas)
                names.add(area.id)
                sentence = f"作为{area.name}的重要组成部分，" + sentence
            paragraphs.append(sentence)
        text = "\n".join(paragraphs)
        if b.name not in title + text:
            names.discard(b.id)
        return title, text, names

    def en_article(self) -> tuple[str, str, set[str]]:
        r = self.rng
        a, b = r.sample(self.cities, 2)
        title = r.choice(EN_TITLES).format(A=a.english[0], B=b.english[0], x=r.choice(EN_X))
        body = []
        while sum(len(s) for s in body) < 800:
            body.append(r.choice(EN_SENTENCES).format(A=a.english[0], B=b.english[0], c=r.choice([30, 45, 60]),
                                                      n=r.randint(5, 900), p=round(r.uniform(1, 15), 1),
                                                      y=r.randint(2025, 2035)))
        text = " ".join(body)
        return title, text, {a.id} | ({b.id} if b.english[0] in title + text else set())

    def article(self) -> tuple[str, str, set[str]]:
        return self.en_article() if self.rng.random() < 0.2 else self.zh_article()

    def when(self) -> str:
        r = self.rng
        return f"{r.randint(2019, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"


SHAPES = ("mix", "single")


def generate(folder: Path, articles: int, seed: int = 7, gazetteer: Gazetteer | None = None,
             shape: str = "mix") -> Corpus:
    if shape not in SHAPES:
        raise ValueError(f"unknown corpus shape {shape!r}; one of {SHAPES}")
    rng = random.Random(seed)
    writer = _Writer(rng, gazetteer or default_gazetteer())
    corpus = Corpus(folder)
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    file_no = 0
    while n < articles:
        file_no += 1
        sub = folder / f"batch{file_no // 500:04d}"
        sub.mkdir(exist_ok=True)
        kind = rng.random()
        if shape == "single":
            kind = 0.7 + 0.3 * kind  # Markdown or plain text, never a multi-article export
        if kind < 0.7:
            count = min(20, articles - n)
            lines = ["Workflow", f"专题{file_no % 40}", "icon", "Search documents"]
            for _ in range(count):
                title, body, names = writer.article()
                lines += [f"{title}（{n}）", f"{rng.choice(writer.sources)}· {writer.when()}", body]
                corpus.articles.append(GeneratedArticle(f"{title}（{n}）", names))
                corpus.characters += len(body)
                n += 1
            (sub / f"export{file_no}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif kind < 0.85:
            title, body, names = writer.article()
            title = f"{title}（{n}）"
            text = f"---\ntitle: \"{title}\"\ndate: {writer.when()}\nsource: {rng.choice(writer.sources)}\n---\n\n{body}\n"
            (sub / f"note{file_no}.md").write_text(text, encoding="utf-8")
            corpus.articles.append(GeneratedArticle(title, names))
            corpus.characters += len(body)
            n += 1
        else:
            title, body, names = writer.article()
            title = f"{title}（{n}）"
            (sub / f"article{file_no}.txt").write_text(f"{title}\n{writer.when()}\n{body}\n", encoding="utf-8")
            corpus.articles.append(GeneratedArticle(title, names))
            corpus.characters += len(body)
            n += 1
        corpus.files += 1
    return corpus
