"""Synthetic plan repositories of any size, for measuring how the site scales.

``plansite synth --tasks N --departments M --indicators K --out DIR`` writes a repository in the
data format the site reads: several plans with nested chapters, tasks and sub-tasks in the
shape of real task breakdowns (chapter titles, task sentences, ``——由市住建委会同有关部门和各乡镇办
场区园组织落实。`` responsibility lines), a registry of ``市X局`` / ``省X厅`` / ``X委`` departments,
and indicators with baselines, targets written as the plans write them (达到55%, 五年下降13%,
年均增长12%以上) and reported actuals. The output validates cleanly and is the same for the same
seed, so figures measured on it can be compared between runs.
"""

from __future__ import annotations

import logging
import math
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plansite.language.numerals import chinese_numeral
from plansite.model.walk import written_chapters, written_tasks

log = logging.getLogger(__name__)

REPORTED_UP_TO = 2025
"""The last year with reported actuals; fixed, so the output does not depend on today's date."""

# -- departments ------------------------------------------------------------------------------
# (stem as written, pinyin slug, suffix at province level, suffix at city and county level);
# the order is how often real breakdowns name them, most often first.
DEPARTMENT_STEMS: tuple[tuple[str, str, str, str], ...] = (
    ("发展改革", "fagai", "委", "委"), ("财政", "caizheng", "厅", "局"),
    ("住建", "zhujian", "厅", "委"), ("教育", "jiaoyu", "厅", "局"),
    ("人社", "renshe", "厅", "局"), ("经信", "jingxin", "厅", "委"),
    ("农业", "nongye", "厅", "局"), ("水利", "shuili", "厅", "局"),
    ("环保", "huanbao", "厅", "局"), ("国土资源", "guotu", "厅", "局"),
    ("交通运输", "jiaotong", "厅", "局"), ("民政", "minzheng", "厅", "局"),
    ("卫生", "weisheng", "厅", "局"), ("商务", "shangwu", "厅", "局"),
    ("科技", "keji", "厅", "局"), ("林业", "linye", "厅", "局"),
    ("公安", "gongan", "厅", "局"), ("城乡规划", "guihua", "厅", "局"),
    ("文广新", "wenguangxin", "局", "局"), ("人口计生", "jisheng", "委", "委"),
    ("统计", "tongji", "局", "局"), ("审计", "shenji", "厅", "局"),
    ("司法", "sifa", "厅", "局"), ("安监", "anjian", "局", "局"),
    ("物价", "wujia", "局", "局"), ("体育", "tiyu", "局", "局"),
    ("外侨旅游", "waiqiao", "局", "局"), ("粮食", "liangshi", "局", "局"),
    ("房管", "fangguan", "局", "局"), ("招商", "zhaoshang", "局", "局"),
    ("城管", "chengguan", "局", "局"), ("档案", "dangan", "局", "局"),
    ("气象", "qixiang", "局", "局"), ("地震", "dizhen", "局", "局"),
    ("监察", "jiancha", "厅", "局"), ("新农", "xinnong", "办", "办"),
    ("农", "nong", "办", "办"), ("综治", "zongzhi", "办", "办"),
    ("编", "bian", "办", "办"), ("文明", "wenming", "委", "委"),
    ("民族宗教", "minzong", "委", "委"), ("人防", "renfang", "办", "办"),
    ("扶贫", "fupin", "办", "办"), ("政府金融", "jinrong", "办", "办"),
    ("政府法制", "fazhi", "办", "办"), ("政府", "zhengfu", "办", "办"),
    ("老干部", "laoganbu", "局", "局"), ("信访", "xinfang", "局", "局"),
    ("质监", "zhijian", "局", "局"), ("工商", "gongshang", "局", "局"),
    ("食品药品监管", "shiyao", "局", "局"), ("国资", "guozi", "委", "委"),
    ("知识产权", "zhichan", "局", "局"), ("能源", "nengyuan", "局", "局"),
    ("机关事务", "jiguan", "局", "局"), ("港航", "ganghang", "局", "局"),
    ("邮政", "youzheng", "局", "局"), ("住房公积金", "gongjijin", "中心", "中心"),
)

# party organs, people's organisations and companies, as the plans name them (stem, slug, kind)
OTHER_BODIES: tuple[tuple[str, str, str], ...] = (
    ("委组织部", "zuzhibu", "party"), ("委宣传部", "xuanchuanbu", "party"),
    ("人武部", "renwubu", "party"), ("委政法委", "zhengfawei", "party"),
    ("妇联", "fulian", "organization"), ("总工会", "zonggonghui", "organization"),
    ("科协", "kexie", "organization"), ("残联", "canlian", "organization"),
    ("供电公司", "gongdian", "company"), ("人行", "renhang", "company"),
)

LEVELS: tuple[tuple[str, str, int], ...] = (("省", "sheng", 2), ("市", "shi", 3), ("县", "xian", 3))
"""Name prefix, slug and which suffix column (2 province, 3 city/county) the level uses."""

PLACES: tuple[tuple[str, str], ...] = (
    ("武汉市", "wuhan"), ("黄石市", "huangshi"), ("十堰市", "shiyan"), ("宜昌市", "yichang"),
    ("襄阳市", "xiangyang"), ("鄂州市", "ezhou"), ("荆门市", "jingmen"), ("孝感市", "xiaogan"),
    ("荆州市", "jingzhou"), ("黄冈市", "huanggang"), ("咸宁市", "xianning"), ("随州市", "suizhou"),
    ("恩施州", "enshi"), ("仙桃市", "xiantao"), ("潜江市", "qianjiang"), ("天门市", "tianmen"),
)

COUNTIES: tuple[tuple[str, str], ...] = (
    ("大冶市", "daye"), ("阳新县", "yangxin"), ("丹江口市", "danjiangkou"), ("郧西县", "yunxi"),
    ("枝江市", "zhijiang"), ("当阳市", "dangyang"), ("宜都市", "yidu"), ("远安县", "yuanan"),
    ("老河口市", "laohekou"), ("枣阳市", "zaoyang"), ("宜城市", "yicheng"), ("南漳县", "nanzhang"),
    ("钟祥市", "zhongxiang"), ("京山市", "jingshan"), ("沙洋县", "shayang"), ("应城市", "yingcheng"),
    ("安陆市", "anlu"), ("汉川市", "hanchuan"), ("云梦县", "yunmeng"), ("石首市", "shishou"),
    ("洪湖市", "honghu"), ("松滋市", "songzi"), ("监利市", "jianli"), ("公安县", "gongan-xian"),
)
"""Counties and county-level cities, for registries larger than the province and its cities."""

GROUPS: tuple[tuple[str, str], ...] = (
    ("各乡镇办场区园", "xiangzhen"), ("各市州人民政府", "shizhou"), ("各县市区人民政府", "xianshiqu"),
)
IMPLEMENTER_WORDS = ("有关部门", "各乡镇办场区园")

# -- plan text --------------------------------------------------------------------------------
CHAPTER_THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("加快产业发展", ("新型工业化", "现代农业", "现代服务业", "战略性新兴产业", "骨干企业", "产业集群",
                "农产品加工业", "旅游产业", "物流业", "金融服务业")),
    ("统筹城乡发展", ("城镇空间布局", "城区建设", "小城镇建设", "新农村建设", "城乡一体化机制",
                "中心镇建设", "农村人居环境", "城乡公共服务")),
    ("加强基础设施建设", ("综合交通运输体系", "水利保障体系", "能源保障能力", "信息网络", "农村公路",
                  "城市供水工程", "防洪减灾工程", "电网改造")),
    ("建设“两型社会”", ("节能减排", "环境保护", "循环经济", "资源节约利用", "生态家园", "重点流域治理",
                   "城乡清洁工程", "清洁能源")),
    ("推进人才建设与科技创新", ("人才队伍建设", "科技创新体系", "自主创新", "产学研合作", "科技成果转化",
                      "创新型企业")),
    ("保障和改善民生", ("教育事业", "就业和再就业", "社会保障体系", "住房保障", "医疗卫生服务", "养老服务",
                 "社会救助", "公共文化服务", "全民健身")),
    ("加强社会建设", ("社会治安综合治理", "安全生产", "人口和计划生育", "民主法制建设", "双拥共建",
                "国防动员", "应急管理")),
    ("深化改革开放", ("行政管理体制改革", "财税金融体制改革", "国有企业改革", "招商引资", "对外开放",
                "民营经济", "农村综合改革")),
    ("繁荣发展文化事业", ("文化惠民工程", "广播电视村村通", "文化遗产保护", "文化产业", "新闻出版",
                  "群众文化活动")),
)
VERBS = ("加快推进", "大力发展", "着力提升", "加强", "完善", "深化", "积极推进", "全面实施", "构建",
         "健全", "强力推进", "统筹推进", "扎实推进", "优化", "适度超前发展", "切实抓好")
SUB_VERBS = ("加强", "完善", "推进", "抓好", "落实", "建立", "提高", "扩大", "规范", "创新")
CLAUSES = (
    "坚持{a}与{b}并重，{v}{o}，{v2}{o2}",
    "以{o}为重点，{v}{o2}，不断提高{o3}水平",
    "按照“{a}、{b}”的要求，{v}{o}，推动{o2}健康快速发展",
    "实施{o}工程，{v}{o2}，形成比较完善的{o3}体系",
    "统筹{o}与{o2}，{v}{o3}，为经济社会发展提供有力支撑",
    "建立健全{o}工作机制，{v}{o2}，确保各项工作落到实处",
    "加大{o}投入力度，{v}{o2}，增强{o3}能力",
    "全面落实{o}各项政策，{v}{o2}，促进{o3}协调发展",
)
PAIRS = ("扩容", "提质", "建设", "管理", "规划", "实施", "改革", "发展", "保护", "开发", "城市", "农村",
         "政府引导", "市场运作", "整体推进", "重点突破")
ACTIONS = ("建设{n}个{x}", "新增{x}{n}个", "完成{n}个{x}的改造", "创建{n}个{x}示范点")
THINGS = ("区域中心镇", "特色镇", "中心村", "社区服务中心", "标准化学校", "乡镇卫生院", "农家书屋",
          "便民服务站", "养老服务设施", "农贸市场", "污水处理厂", "村级活动场所")
DEADLINES = ("{end}年", "{end}年底前", "{mid}年6月底前", "{mid}年底前", "持续推进", "长期坚持",
             "{mid}年第二季度")

# -- indicators -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """An indicator shape: its name, slug, unit, how its target is written, and its range."""

    name: str
    slug: str
    unit: str
    style: str
    low: float
    high: float
    category: str


METRICS: tuple[Metric, ...] = (
    Metric("高中教育毛入学率", "gaozhong-maoruxuelv", "%", "up", 75, 92, "社会事业"),
    Metric("九年义务教育巩固率", "yiwu-gongulv", "%", "above", 88, 96, "社会事业"),
    Metric("城镇化率", "chengzhenhualv", "%", "up", 38, 52, "统筹城乡发展"),
    Metric("森林覆盖率", "senlin-fugailv", "%", "up", 20, 40, "资源环境"),
    Metric("城乡三项医疗保险参保率", "yibao-canbaolv", "%", "up", 80, 92, "人民生活"),
    Metric("污水处理率", "wushui-chulilv", "%", "above", 40, 75, "资源环境"),
    Metric("生活垃圾无害化处理率", "laji-chulilv", "%", "above", 50, 80, "资源环境"),
    Metric("农村自来水普及率", "zilaishui-pujilv", "%", "up", 55, 85, "统筹城乡发展"),
    Metric("研究与试验发展经费支出占生产总值比重", "yanfa-bizhong", "%", "up", 0.8, 1.8, "科技创新"),
    Metric("服务业增加值比重", "fuwuye-bizhong", "%", "up", 30, 40, "经济发展"),
    Metric("城镇登记失业率", "shiyelv", "%", "cap", 3.8, 4.5, "人民生活"),
    Metric("居民消费价格涨幅", "cpi-zhangfu", "%", "range", 2, 3, "经济发展"),
    Metric("人口自然增长率", "ziran-zengzhanglv", "‰", "cap", 5, 8.5, "人口"),
    Metric("单位生产总值能源消耗", "danwei-nenghao", "吨标准煤/万元", "fall", 0.8, 1.6, "资源环境"),
    Metric("单位生产总值二氧化碳排放", "tanpaifang", "吨/万元", "fall", 1.5, 2.8, "资源环境"),
    Metric("化学需氧量排放总量", "cod-paifang", "吨", "fall", 20000, 60000, "资源环境"),
    Metric("二氧化硫排放总量", "so2-paifang", "吨", "fall", 15000, 50000, "资源环境"),
    Metric("单位工业增加值用水量", "gongye-yongshui", "立方米/万元", "fall", 60, 140, "资源环境"),
    Metric("地区生产总值", "shengchan-zongzhi", "元", "growth", 3e10, 2e11, "经济发展"),
    Metric("地方一般预算收入", "yusuan-shouru", "元", "growth", 2e9, 2e10, "经济发展"),
    Metric("社会消费品零售总额", "lingshou-zonge", "元", "growth", 1e10, 8e10, "经济发展"),
    Metric("农民人均纯收入", "nongmin-shouru", "元", "growth", 5000, 9000, "人民生活"),
    Metric("城镇居民人均可支配收入", "chengzhen-shouru", "元", "growth", 12000, 20000, "人民生活"),
    Metric("工业总产值", "gongye-chanzhi", "元", "amount", 3e10, 8e10, "经济发展"),
    Metric("城镇参加基本养老保险人数", "yanglao-renshu", "人", "amount", 80000, 150000, "人民生活"),
    Metric("城镇人口", "chengzhen-renkou", "人", "exceed", 600000, 850000, "统筹城乡发展"),
    Metric("总人口", "zong-renkou", "人", "within", 1500000, 1650000, "人口"),
    Metric("城镇新增就业人数", "xinzeng-jiuye", "人", "amount", 20000, 60000, "人民生活"),
    Metric("耕地保有量", "gengdi-baoyouliang", "公顷", "keep", 150000, 160000, "资源环境"),
    Metric("基本农田保护面积", "jiben-nongtian", "公顷", "keep", 120000, 130000, "资源环境"),
    Metric("森林蓄积量", "senlin-xujiliang", "立方米", "amount", 2000000, 2700000, "资源环境"),
    Metric("城区建成区面积", "jianchengqu-mianji", "平方公里", "amount", 30, 45, "统筹城乡发展"),
    Metric("污水处理能力", "wushui-nengli", "吨/日", "above_amount", 80000, 160000, "资源环境"),
    Metric("规模以上企业数", "guishang-qiye", "家", "above_amount", 250, 400, "经济发展"),
    Metric("每千人口医疗卫生机构床位数", "qianren-chuangwei", "张", "up_plain", 2.5, 4.5, "社会事业"),
    Metric("高速公路通车里程", "gaosu-licheng", "公里", "amount", 100, 300, "基础设施"),
    Metric("人民群众安全感", "anquangan", "%", "up", 85, 93, "社会建设"),
    Metric("公共文化服务体系", "gonggong-wenhua", "", "narrative", 0, 0, "社会事业"),
    Metric("城乡居民生活质量", "shenghuo-zhiliang", "", "narrative", 0, 0, "人民生活"),
    Metric("出生人口性别比", "xingbiebi", "", "monitoring", 108, 118, "人口"),
    Metric("粮食总产量", "liangshi-chanliang", "吨", "monitoring", 800000, 1200000, "经济发展"),
    Metric("接待游客人次", "youke-renci", "人次", "monitoring", 2e6, 8e6, "经济发展"),
)
SCOPES: tuple[tuple[str, str], ...] = (
    ("", ""), ("城区", "chengqu"), ("农村", "nongcun"), ("县域", "xianyu"), ("全省", "quansheng"),
    ("重点区域", "zhongdian"), ("开发区", "kaifaqu"), ("山区", "shanqu"),
)
NARRATIVES = ("明显改善", "显著提高", "基本建成", "进一步完善", "稳步提升")

PLAN_KINDS: tuple[tuple[str, str], ...] = (
    ("规划纲要主要目标任务分解", "gangyao"), ("社会事业发展规划", "shehui"),
    ("教育事业发展规划", "jiaoyu"), ("生态环境保护规划", "shengtai"), ("综合交通运输规划", "jiaotong"),
    ("城乡建设规划", "chengxiang"), ("科技创新规划", "keji"), ("民生保障规划", "minsheng"),
    ("农业农村现代化规划", "nongye"), ("文化事业发展规划", "wenhua"),
)
PERIODS: tuple[tuple[int, int, str], ...] = (
    (2011, 2015, "十二五"), (2016, 2020, "十三五"), (2021, 2025, "十四五"), (2026, 2030, "十五五"),
)
def quantity_phrase(value: float, unit: str) -> str:
    """A base-unit value as a plan writes it: 1662000 人 -> 166.2万人, 1e11 元 -> 1000亿元."""
    if unit in ("%", "‰", "") or abs(value) < 1e5:
        return f"{_short(value)}{unit}"
    if abs(value) >= 1e8:
        return f"{_short(value / 1e8)}亿{unit}"
    return f"{_short(value / 1e4)}万{unit}"


def _short(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"


# -- records ----------------------------------------------------------------------------------


@dataclass
class SynthDepartment:
    """A department of the synthetic registry, with the weight of being named in a task."""

    id: str
    name: str
    alias: str = ""
    kind: str = "department"
    incomplete: bool = False

    def record(self) -> dict:
        out: dict = {"id": self.id, "name": self.name}
        if self.alias:
            out["aliases"] = [self.alias]
        out["kind"] = self.kind
        if self.incomplete:
            out["incomplete"] = True
            out["note"] = "来源只给出了部分名称"
        return out


@dataclass
class SynthSummary:
    """What was written: counts per kind of record and the plan ids."""

    out: Path
    plans: list[str] = field(default_factory=list)
    tasks: int = 0
    departments: int = 0
    indicators: int = 0
    chapters: int = 0


def make_departments(count: int, rng: random.Random) -> list[SynthDepartment]:
    """``count`` departments: groups first, then bodies in the order plans name them most."""
    if count < 3:
        raise ValueError("a repository needs at least 3 departments (one group, two bodies)")
    groups = [SynthDepartment(slug, name, kind="group") for name, slug in GROUPS]
    groups = groups[:max(1, min(len(groups), count // 40))]
    pool: list[SynthDepartment] = []
    for prefix, level_slug, column in LEVELS:
        for stem in DEPARTMENT_STEMS:
            pool.append(SynthDepartment(f"{level_slug}-{stem[1]}", f"{prefix}{stem[0]}{stem[column]}"))
        for name, slug, kind in OTHER_BODIES:
            pool.append(SynthDepartment(f"{level_slug}-{slug}", f"{prefix}{name}", kind=kind))
    for place, place_slug in PLACES + COUNTIES:
        for stem in DEPARTMENT_STEMS:
            pool.append(SynthDepartment(f"{place_slug}-{stem[1]}", f"{place}{stem[0]}{stem[3]}"))
    # Interleave levels so a small registry still holds every level, most-named stems first.
    per_level = len(DEPARTMENT_STEMS) + len(OTHER_BODIES)
    ordered = [pool[level * per_level + i] for i in range(per_level) for level in range(len(LEVELS))]
    ordered += pool[len(LEVELS) * per_level:]
    wanted = count - len(groups) - 1  # one name the source blanked out, as in real data
    if wanted > len(ordered):
        raise ValueError(f"at most {len(ordered) + len(groups) + 1} departments can be made")
    chosen = ordered[:wanted]
    chosen.insert(min(len(chosen), 40), SynthDepartment("shi-ju", "市局", incomplete=True))
    # An alias is the name without its level ("教育局"), where only one department has it.
    short: dict[str, int] = {}
    for dept in chosen:
        short[_without_level(dept.name)] = short.get(_without_level(dept.name), 0) + 1
    for dept in chosen:
        word = _without_level(dept.name)
        if word != dept.name and short[word] == 1 and len(word) > 1 and not dept.incomplete:
            dept.alias = word
    return groups + chosen


def _without_level(name: str) -> str:
    for prefix, _, _ in LEVELS:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


class Writer:
    """Builds the records of one repository from a seeded random source."""

    def __init__(self, rng: random.Random, departments: list[SynthDepartment]):
        self.rng = rng
        self.bodies = [d for d in departments if d.kind != "group"]
        # Zipf-like: a few departments (发展改革委, 财政局) lead many tasks, most lead a few.
        weights = [1 / (rank + 6) ** 0.9 for rank in range(len(self.bodies))]
        total = 0.0
        self.cumulative = []
        for w in weights:
            total += w
            self.cumulative.append(total)
        self.indicator_ids: set[str] = set()

    # -- words ------------------------------------------------------------------------------
    def pick(self, words):
        return words[self.rng.randrange(len(words))]

    def sentence(self, objects: tuple[str, ...]) -> str:
        rng = self.rng
        return self.pick(CLAUSES).format(
            a=self.pick(PAIRS), b=self.pick(PAIRS), v=self.pick(SUB_VERBS), v2=self.pick(SUB_VERBS),
            o=self.pick(objects), o2=self.pick(objects), o3=self.pick(objects)) + (
            "，" + self.pick(ACTIONS).format(n=rng.randint(2, 300), x=self.pick(THINGS))
            if rng.random() < 0.3 else "") + "。"

    def paragraph(self, objects: tuple[str, ...], sentences: int) -> str:
        return "".join(self.sentence(objects) for _ in range(sentences))

    def departments(self, count: int, exclude: set[str]) -> list[SynthDepartment]:
        out: list[SynthDepartment] = []
        limit = len(self.bodies) - len(exclude)
        while len(out) < min(count, limit):
            dept = self.bodies[_bisect(self.cumulative, self.rng.random() * self.cumulative[-1])]
            if dept.id not in exclude and dept not in out:
                out.append(dept)
        return out

    def reference(self, dept: SynthDepartment) -> str:
        """How an editor names the department: mostly its name, sometimes an alias or the id."""
        roll = self.rng.random()
        if dept.alias and roll < 0.15:
            return dept.alias
        if roll > 0.95:
            return dept.id
        return dept.name

    # -- tasks ------------------------------------------------------------------------------
    def task(self, task_id: str, number: str, objects: tuple[str, ...], plan: dict) -> dict:
        rng = self.rng
        title = self.pick(VERBS) + self.pick(objects)
        lead = self.departments(rng.choices((1, 2, 3, 4), (55, 25, 12, 8))[0], set())
        coop = self.departments(rng.choices((0, 1, 2, 3, 4, 5), (30, 25, 20, 12, 8, 5))[0],
                                {d.id for d in lead})
        paragraphs = [self.paragraph(objects, rng.randint(1, 4)) for _ in range(
            rng.choices((1, 2, 3), (60, 30, 10))[0])]
        record: dict = {"id": task_id, "number": number, "title": title,
                        "text": "\n\n".join(paragraphs)}
        record["lead"] = [self.reference(d) for d in lead]
        if coop:
            record["cooperating"] = [self.reference(d) for d in coop]
        implementers = list(IMPLEMENTER_WORDS) if rng.random() < 0.85 else ["有关部门"]
        record["implementers"] = implementers
        if rng.random() < 0.4:
            record["deadline"] = self.pick(DEADLINES).format(
                end=plan["end"], mid=rng.randint(plan["start"], plan["end"]))
        if rng.random() < 0.1:
            record["progress"] = "已完成年度目标" if rng.random() < 0.5 else "正在推进"
        leads = "、".join(d.name for d in lead)
        others = "".join(d.name + "、" for d in coop)
        tail = "和".join(implementers)
        record["responsibility"] = f"——由{leads}会同{others}{tail}组织落实。"
        return record

    def chapter_tasks(self, chapter_id: str, count: int, objects: tuple[str, ...],
                      plan: dict) -> list[dict]:
        """``count`` tasks (sub-tasks included) numbered 1. 2. …, some with (1) (2) sub-tasks."""
        tasks: list[dict] = []
        for _ in range(count):
            last = tasks[-1] if tasks else None
            if last is not None and self.rng.random() < 0.15 and len(last.get("tasks", [])) < 4:
                subs = last.setdefault("tasks", [])
                n = len(subs) + 1
                subs.append(self.task(f"{last['id']}.{n}", f"（{n}）", objects, plan))
            else:
                n = len(tasks) + 1
                tasks.append(self.task(f"{chapter_id}.{n}", f"{n}.", objects, plan))
        return tasks

    def plan_tree(self, plan: dict, count: int) -> list[dict]:
        """Chapters 一、二、… with sections （一）（二）… holding ``count`` tasks in all."""
        rng = self.rng
        top = max(2, min(len(CHAPTER_THEMES) + 3, round(math.sqrt(count) / 2.5)))
        themes = [CHAPTER_THEMES[(i + plan["index"]) % len(CHAPTER_THEMES)] for i in range(top)]
        chapters: list[dict] = []
        containers: list[tuple[dict, tuple[str, ...]]] = []
        for i, (title, objects) in enumerate(themes, start=1):
            chapter: dict = {"id": str(i), "number": f"{chinese_numeral(i)}、", "title": title}
            if rng.random() < 0.5:
                chapter["text"] = self.paragraph(objects, rng.randint(1, 3))
            if rng.random() < 0.6 and count > top * 4:
                subs = []
                for j in range(1, rng.randint(2, 6) + 1):
                    sub = {"id": f"{i}.{j}", "number": f"（{chinese_numeral(j)}）",
                           "title": self.pick(VERBS) + self.pick(objects)}
                    if rng.random() < 0.3:
                        sub["text"] = self.paragraph(objects, 1)
                    subs.append(sub)
                    containers.append((sub, objects))
                chapter["chapters"] = subs
            else:
                containers.append((chapter, objects))
            chapters.append(chapter)
        shares = _split(count, len(containers), rng)
        for (container, objects), n in zip(containers, shares):
            if n:
                container["tasks"] = self.chapter_tasks(container["id"], n, objects, plan)
        return chapters

    # -- indicators -------------------------------------------------------------------------
    def indicator(self, plan: dict, metric: Metric, scope: tuple[str, str],
                  kind: str) -> dict:
        rng = self.rng
        name = scope[0] + metric.name
        base_id = "-".join(x for x in (scope[1], metric.slug) if x)
        ind_id, n = base_id, 1
        while ind_id in self.indicator_ids:
            n += 1
            ind_id = f"{base_id}-{n}"
        self.indicator_ids.add(ind_id)
        start, end = plan["start"], plan["end"]
        years = end - start + 1
        base_year = start - 1
        baseline = round(rng.uniform(metric.low, metric.high), 2)
        record: dict = {"id": ind_id, "name": name}
        record["type"] = "monitoring" if metric.style == "monitoring" else kind
        if metric.unit:
            record["unit"] = metric.unit
        record["category"] = metric.category
        goal = baseline  # the value the actuals move towards
        target: dict | str | None = None
        style = metric.style
        if style in ("up", "above", "up_plain"):
            step = (100 - baseline) * rng.uniform(0.2, 0.6) if metric.unit == "%" else \
                baseline * rng.uniform(0.1, 0.4)
            goal = round(baseline + step, 1)
            words = f"{quantity_phrase(goal, metric.unit)}以上" if style == "above" else \
                f"达到{quantity_phrase(goal, metric.unit)}"
            target = {"value": goal, "year": end, "comparator": ">=", "kind": "level",
                      "phrase": words}
        elif style == "cap":
            goal = round(baseline * rng.uniform(1.0, 1.1), 1)
            target = f"控制在{quantity_phrase(goal, metric.unit)}以内"
            goal = baseline
        elif style == "range":
            target = {"low": baseline, "high": round(baseline + 1, 1), "year": end,
                      "comparator": "range", "kind": "level",
                      "phrase": f"控制在{_short(baseline)}%—{_short(baseline + 1)}%"}
            goal = baseline + 0.5
        elif style == "fall":
            fall = round(rng.uniform(3, 18), 1)
            target = f"五年下降{_short(fall)}%" if years > 1 else f"下降{_short(fall)}%"
            goal = baseline * (1 - fall / 100)
        elif style == "growth":
            rate = rng.choice((8, 10, 12, 15))
            target = f"年均增长{rate}%以上" if years > 1 else f"增长{rate}%"
            goal = baseline * (1 + rate / 100) ** years
        elif style in ("amount", "above_amount", "exceed", "within", "keep"):
            goal = round(baseline * rng.uniform(1.05, 1.5), -2 if baseline > 1000 else 1)
            if style == "within":
                goal = round(baseline * rng.uniform(1.02, 1.06), -3)
            if style == "keep":
                goal = round(baseline, -2)
            written = quantity_phrase(goal, metric.unit)
            target = {"amount": f"达到{written}", "above_amount": f"达到{written}以上",
                      "exceed": f"突破{written}", "within": f"{written}以内",
                      "keep": f"保持{written}"}[style]
        elif style == "narrative":
            target = {"narrative": self.pick(NARRATIVES), "year": end, "comparator": "="}
        if target is not None:
            record["target"] = target
        phrase_words = target if isinstance(target, str) else (
            target.get("phrase") or target.get("narrative", "")) if target else ""
        record["phrase"] = f"到{end}年，{name}{phrase_words}" if phrase_words else name
        if style != "narrative":
            record["baseline"] = {"value": baseline, "year": base_year}
            last = min(end, REPORTED_UP_TO)
            reported = [y for y in range(start, last + 1) if rng.random() < 0.55]
            actuals = []
            for year in reported:
                share = (year - base_year) / (end - base_year)
                value = baseline + (goal - baseline) * share * rng.uniform(0.6, 1.2)
                actuals.append({"year": year, "value": round(value, 2),
                                "source": f"{year}年统计公报"})
            if actuals:
                record["actuals"] = actuals
        return record

    def indicators(self, plan: dict, count: int) -> list[dict]:
        out = []
        for _ in range(count):
            metric = self.pick(METRICS)
            if plan["start"] == plan["end"] and metric.style in ("fall", "growth"):
                metric = METRICS[0]
            scope = SCOPES[0] if self.rng.random() < 0.4 else self.pick(SCOPES)
            kind = "binding" if self.rng.random() < 0.3 else "expected"
            out.append(self.indicator(plan, metric, scope, kind))
        return out


def _bisect(cumulative: list[float], x: float) -> int:
    lo, hi = 0, len(cumulative) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if cumulative[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` split into ``parts`` uneven non-negative shares that add up exactly."""
    if parts <= 0:
        return []
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = total / sum(weights)
    shares = [int(w * scale) for w in weights]
    for i in range(total - sum(shares)):
        shares[i % parts] += 1
    return shares


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """YAML as editors write it: 2-space indent, block style, readable Chinese."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Markdown of several paragraphs is written as a literal block (text: |), as editors do.
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(path: Path, data: dict, kind: str, depth: int) -> None:
    header = f"# yaml-language-server: $schema={'../' * depth}schema/{kind}.schema.json\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, indent=2,
                     width=1000, default_flow_style=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + body, encoding="utf-8")


def synth_repository(out: Path | str, tasks: int, departments: int, indicators: int,
                     seed: int = 1, plans: int | None = None) -> SynthSummary:
    """Write a synthetic repository with exactly these counts under ``out`` (replacing data/)."""
    if tasks < 1 or indicators < 0:
        raise ValueError("need at least one task and no negative count")
    out = Path(out)
    rng = random.Random(seed)
    plan_count = plans or max(2, math.ceil(tasks / 500))
    plan_count = min(plan_count, tasks)
    depts = make_departments(departments, rng)
    writer = Writer(rng, depts)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    _dump(data / "departments.yml", {"departments": [d.record() for d in depts]},
          "departments", 1)
    summary = SynthSummary(out=out, departments=len(depts))
    task_shares = _split(tasks, plan_count, rng)
    indicator_shares = _split(indicators, plan_count, rng)
    used_ids: set[str] = set()
    for index, (n_tasks, n_inds) in enumerate(zip(task_shares, indicator_shares)):
        plan = _plan_meta(index, rng, used_ids)
        chapters = writer.plan_tree(plan, max(n_tasks, 1) if n_tasks else 0) if n_tasks else []
        if not chapters:  # a plan always has a chapter, even when it got no tasks
            chapters = [{"id": "1", "number": "一、", "title": CHAPTER_THEMES[0][0]}]
        inds = writer.indicators(plan, n_inds)
        all_tasks = list(written_tasks(chapters))
        for ind in inds:
            links = rng.choices((0, 1, 2, 3), (10, 65, 18, 7))[0] if all_tasks else 0
            for task in rng.sample(all_tasks, min(links, len(all_tasks))):
                task.setdefault("indicators", []).append(ind["id"])
                if ind.get("phrase") and rng.random() < 0.7:
                    task["text"] += f"\n\n{ind['phrase']}。"
            if not links:
                owners = writer.departments(rng.randint(1, 2), set())
                ind["departments"] = [writer.reference(d) for d in owners]
        folder = data / "plans" / plan["id"]
        meta = {"id": plan["id"], "title": plan["title"], "issuer": plan["issuer"],
                "level": plan["level"], "period": plan["period"],
                "source_document": f"{plan['issuer']}印发的《{plan['title']}》",
                "summary": writer.paragraph(CHAPTER_THEMES[index % len(CHAPTER_THEMES)][1], 2)}
        _dump(folder / "plan.yml", meta, "plan", 3)
        _dump(folder / "tasks.yml", {"chapters": chapters}, "tasks", 3)
        _dump(folder / "indicators.yml", {"indicators": inds}, "indicators", 3)
        summary.plans.append(plan["id"])
        summary.tasks += len(all_tasks)
        summary.indicators += len(inds)
        summary.chapters += sum(1 for _ in written_chapters(chapters))
    log.info("wrote %d plans, %d tasks, %d departments, %d indicators to %s",
             len(summary.plans), summary.tasks, summary.departments, summary.indicators, data)
    return summary


def _plan_meta(index: int, rng: random.Random, used: set[str]) -> dict:
    level, level_slug = ("省", "sheng") if rng.random() < 0.5 else ("市", "shi")
    kind, kind_slug = PLAN_KINDS[index % len(PLAN_KINDS)]
    if rng.random() < 0.2:
        year = rng.randint(2018, REPORTED_UP_TO)
        start = end = year
        title = f"{year}年全{level}{kind.replace('规划', '工作要点').replace('纲要', '')}"
        period: str | int = year
    else:
        start, end, name = PERIODS[rng.randrange(len(PERIODS) - 1)]
        title = f"{level}“{name}”{kind}"
        period = f"{start}-{end}"
    plan_id, n = f"{level_slug}-{kind_slug}-{start}", 1
    while plan_id in used:
        n += 1
        plan_id = f"{level_slug}-{kind_slug}-{start}-{n}"
    used.add(plan_id)
    return {"id": plan_id, "title": title, "issuer": f"{level}人民政府", "level": level,
            "period": period, "start": start, "end": end, "index": index}


# -- command line -----------------------------------------------------------------------------
