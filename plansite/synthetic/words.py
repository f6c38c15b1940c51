"""The words synthetic plans are made of: departments, chapter themes, task sentences, metrics.

Everything here is a table to draw from; :mod:`plansite.synthetic.writer` draws.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    # more of the province's counties and districts: the 16x registry (4,800 departments)
    ("江岸区", "jiangan"), ("江汉区", "jianghan"), ("硚口区", "qiaokou"), ("汉阳区", "hanyang"),
    ("武昌区", "wuchang"), ("青山区", "qingshan"), ("洪山区", "hongshan"), ("东西湖区", "dongxihu"),
    ("蔡甸区", "caidian"), ("江夏区", "jiangxia"), ("黄陂区", "huangpi"), ("新洲区", "xinzhou"),
    ("郧阳区", "yunyang"), ("竹山县", "zhushan"), ("竹溪县", "zhuxi"), ("房县", "fangxian"),
    ("兴山县", "xingshan"), ("秭归县", "zigui"), ("夷陵区", "yiling"), ("谷城县", "gucheng"),
    ("保康县", "baokang"), ("襄州区", "xiangzhou"), ("东宝区", "dongbao"), ("掇刀区", "duodao"),
    ("孝昌县", "xiaochang"), ("大悟县", "dawu"), ("江陵县", "jiangling"), ("沙市区", "shashi"),
    ("团风县", "tuanfeng"), ("红安县", "hongan"), ("罗田县", "luotian"), ("英山县", "yingshan"),
    ("浠水县", "xishui"), ("蕲春县", "qichun"), ("黄梅县", "huangmei"), ("麻城市", "macheng"),
    ("武穴市", "wuxue"), ("嘉鱼县", "jiayu"), ("通城县", "tongcheng"), ("崇阳县", "chongyang"),
    ("通山县", "tongshan"), ("赤壁市", "chibi"), ("随县", "suixian"), ("广水市", "guangshui"),
    ("利川市", "lichuan"), ("建始县", "jianshi"), ("巴东县", "badong"), ("宣恩县", "xuanen"),
    ("咸丰县", "xianfeng"), ("来凤县", "laifeng"), ("鹤峰县", "hefeng"), ("梁子湖区", "liangzihu"),
)
"""Counties, county-level cities and districts, for registries larger than the province and its
cities."""

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
