"""The search quality set: what residents type, and the pages they expect, by class of query.

Each query names the page (or task anchor) a reader expects; any one of them among the first three
results is a hit. The classes are those residents use: department names and their short forms,
indicator names and everyday short forms, task phrases, figures as the plans write them, queries
with words that ask rather than name (目标, 是多少, 哪个部门负责), and a department with a topic.
The answers are what a reader wants, read from the plans, not what the search happened to return.
"""

from __future__ import annotations

CITY = "plans/city-12th-fyp/"
COUNTY = "plans/county-social-2007/"


def dept(slug: str) -> tuple[str, ...]:
    return (f"departments/{slug}/",)


def ind(*slugs: str) -> tuple[str, ...]:
    return tuple(f"indicators/{s}/" for s in slugs)


# (query, expected addresses: any one of them in the top 3 is a hit)
FIRST_SET: list[tuple[str, tuple[str, ...]]] = [
    # departments by their full names
    ("市住建委", ("departments/zhujianwei/",)),
    ("市教育局", ("departments/jiaoyuju/",)),
    ("市城乡规划局", ("departments/chengxiangguihuaju/",)),
    ("市民政局", ("departments/minzhengju/",)),
    ("市住房公积金中心", ("departments/gongjijinzhongxin/",)),
    ("市委宣传部", ("departments/xuanchuanbu/",)),
    # abbreviations, aliases and names without 市
    ("住建委", ("departments/zhujianwei/",)),
    ("市局", ("departments/shiju/",)),
    ("发改委", ("departments/fazhangaigewei/",)),
    ("人社局", ("departments/rensheju/",)),
    ("规划局", ("departments/chengxiangguihuaju/",)),
    ("环保局", ("departments/huanbaoju/",)),
    ("国土局", ("departments/guotuziyuanju/",)),
    ("计生委", ("departments/renkoujishengwei/",)),
    ("公积金中心", ("departments/gongjijinzhongxin/",)),
    ("经信委", ("departments/jingxinwei/",)),
    ("人民银行", ("departments/renhang/",)),
    ("交通局", ("departments/jiaotongyunshuju/",)),
    ("安监局", ("departments/anjianju/",)),
    ("发展和改革委员会", ("departments/fazhangaigewei/",)),
    ("人力资源和社会保障局", ("departments/rensheju/",)),
    # indicators by name
    ("城镇化率", ("indicators/chengzhenhualv/",)),
    ("耕地保有量", ("indicators/gengdibaoyouliang/", "indicators/gengdibaoyouliang-2/")),
    ("森林蓄积量", ("indicators/senlinxujiliang/",)),
    ("城镇登记失业率", ("indicators/chengzhendengjishiyelv/",)),
    ("出生人口性别比", ("indicators/chushengrenkouxingbiebi/",)),
    ("参合率", ("indicators/canhelv/",)),
    ("全市总人口", ("indicators/quanshizongrenkou/",)),
    ("住房公积金制度覆盖面", ("indicators/zhufanggongjijinzhidufugaimian/",)),
    # task phrases
    ("新农村建设", (CITY + "tasks/2.3.4/",)),
    ("节能减排", (CITY + "tasks/2.5.1/",)),
    ("保障性住房", (CITY + "tasks/2.7.3.3/", "indicators/chengshibaozhangxingzhufang/")),
    ("循环经济", (CITY + "tasks/2.5.3/",)),
    ("招商引资", (CITY + "tasks/2.8.4.2/",)),
    ("新型农村合作医疗", (COUNTY + "tasks/3.3.1/", COUNTY + "tasks/1.3.1/")),
    ("双拥工作", (CITY + "tasks/2.9.5/", COUNTY + "tasks/1.6.2/")),
    ("科技创新", (CITY + "tasks/2.6.2/",)),
    ("安全生产", (CITY + "tasks/2.9.1.2/",)),
    ("社会治安综合治理", (CITY + "tasks/2.9.1.3/",)),
    ("骨干教师", (COUNTY + "tasks/3.1.3/",)),
    ("救灾救济", (COUNTY + "tasks/1.6.1/",)),
    ("数字电视", (COUNTY + "tasks/1.7.3/",)),
    ("社会化养老", (CITY + "tasks/2.7.3.5/",)),
    # several words: a department and a topic
    ("住建委 保障性住房", (CITY + "tasks/2.7.3.3/",)),
    ("发改委 节能减排", (CITY + "tasks/2.5.1/",)),
    ("教育局 高中", (CITY + "tasks/2.1.1/",)),
    ("民政局 养老", (CITY + "tasks/2.7.3.5/",)),
    ("人社局 就业", (CITY + "tasks/2.7.2/",)),
    # numbers as written in the plans
    ("55%", ("indicators/chengzhenhualv/",)),
    ("15.58万公顷", ("indicators/gengdibaoyouliang/", "indicators/gengdibaoyouliang-2/",
                    CITY + "tasks/2.1.2/")),
    ("166.2万人", ("indicators/quanshizongrenkou/", CITY + "tasks/2.1.8/")),
    # chapters and plans
    ("保障和改善民生", (CITY + "#chapter-2-7",)),
    ("统筹城乡发展", (CITY + "#chapter-2-3",)),
    ("十二五规划纲要", (CITY,)),
    ("社会事业工作报告", (COUNTY,)),
]
"""The first set, measured when the search was first built."""

DEPARTMENTS: list[tuple[str, tuple[str, ...]]] = [
    ("市林业局", dept("linyeju")),
    ("水利局", dept("shuiliju")),
    ("卫生局", dept("weishengju")),
    ("农业局", dept("nongyeju")),
    ("商务局", dept("shangwuju")),
    ("科技局", dept("kejiju")),
    ("房管局", dept("fangguanju")),
    ("妇联", dept("fulian")),
    ("档案局", dept("danganju")),
    ("文广新局", dept("wenguangxinju")),
    ("财政局", dept("caizhengju")),
    ("体育局", dept("tiyuju")),
    ("金融办", dept("jinrongban")),
    ("公安局", dept("gonganju")),
    ("招商局", dept("zhaoshangju")),
    ("综治办", dept("zongzhiban")),
    ("司法局", dept("sifaju")),
    ("人武部", dept("renwubu")),
    ("外侨旅游局", dept("waiqiaolvyouju")),
    ("新农办", dept("xinnongban")),
    ("组织部", dept("zuzhibu")),
    ("文明委", dept("wenmingwei")),
    ("环境保护局", dept("huanbaoju")),
    ("经济和信息化委员会", dept("jingxinwei")),
    ("住房和城乡建设委员会", dept("zhujianwei")),
    ("人口和计划生育委员会", dept("renkoujishengwei")),
    ("新农村建设办公室", dept("xinnongban")),
]

INDICATORS: list[tuple[str, tuple[str, ...]]] = [
    ("高中教育毛入学率", ind("gaozhongjiaoyumaoruxuelv")),
    ("九年义务教育巩固率", ind("jiunianyiwujiaoyugonggulv")),
    ("单位生产总值能源消耗", ind("danweishengchanzongzhinengyuanxiaohao")),
    ("二氧化硫", ind("eryanghualiupaifang")),
    ("氮氧化物", ind("danyanghuawupaifang")),
    ("化学需氧量", ind("huaxuexuyangliangpaifang") + (CITY + "tasks/2.1.5/",)),
    ("学前三年入园率", ind("xueqiansannianruyuanlv")),
    ("工业增加值", ind("gongyezengjiazhi")),
    ("外贸出口", ind("quanshiwaimaochukou")),
    ("人口出生率", ind("renkouchushenglv")),
    ("污水处理率", ind("quanshiwushuichulilv", "chengquwushuichulilv")),
]

SHORT_FORMS: list[tuple[str, tuple[str, ...]]] = [
    ("单位GDP能耗", ind("danweishengchanzongzhinengyuanxiaohao")),
    ("能耗", ind("danweishengchanzongzhinengyuanxiaohao") + (CITY + "tasks/2.1.3/",)),
    ("碳排放", ind("danweishengchanzongzhieryanghuatanpaifang")),
    ("COD", ind("huaxuexuyangliangpaifang")),
    ("SO2", ind("eryanghualiupaifang")),
    ("NOx", ind("danyanghuawupaifang")),
    ("医保参保率", ind("quantijuminjibenyiliaobaoxiancanbaolv",
                       "chengxiangsanxiangyiliaobaoxiancanbaolv")),
    ("养老保险", ind("chengzhencanjiajibenyanglaobaoxianrenshu") + (CITY + "tasks/2.7.3.1/",)),
    ("城镇化", ind("chengzhenhualv")),
    ("失业率", ind("chengzhendengjishiyelv")),
    ("农村低保", ind("nongcundibaoguimo", "nongcundibaoguimozhannongcunrenkoubizhong")),
    ("城市低保", ind("chengshidibaoguimo", "chengshidibaoguimozhanchengzhenzongrenkoubizhong")),
    ("公积金覆盖面", ind("zhufanggongjijinzhidufugaimian")),
    ("廉租房", ind("lianzufangjianshebuzhuzijinzonge") + (CITY + "tasks/2.7.3.3/",)),
    ("保障房", ind("chengshibaozhangxingzhufang") + (CITY + "tasks/2.7.3.3/",)),
    ("新农合", (COUNTY + "tasks/1.3.1/", COUNTY + "tasks/3.3.1/") + ind("canhelv")),
    ("农民收入", ind("nongminrenjunchunshouru", "nongminrenjunchunshouru-2")),
    ("规上企业", ind("quanshiguimoyishangqiye")),
    ("参合", ind("canhelv", "quanxiancanhenongmin")),
    ("村村通", ind("cuncuntonggongcheng") + (COUNTY + "tasks/3.8.2/",)),
    ("两免一补", (COUNTY + "tasks/1.1.1/",)),
    ("两基", (COUNTY + "tasks/1.1.4/",)),
    ("计生", (CITY + "tasks/2.9.2/", COUNTY + "#chapter-1-2", COUNTY + "tasks/1.2.2/")),
    ("三下乡", (CITY + "tasks/2.7.5.2/",)),
    ("综治", (CITY + "tasks/2.9.1.3/",) + dept("zongzhiban")),
    ("社保", (CITY + "tasks/2.7.3/", CITY + "tasks/2.7.3.1/") + dept("rensheju")),
]

TASKS: list[tuple[str, tuple[str, ...]]] = [
    ("新型工业化", (CITY + "tasks/2.2.1/",)),
    ("现代农业", (CITY + "tasks/2.2.2/",)),
    ("现代服务业", (CITY + "tasks/2.2.3/",)),
    ("综合交通运输体系", (CITY + "tasks/2.4.1/",)),
    ("水利保障体系", (CITY + "tasks/2.4.2/",)),
    ("人才队伍建设", (CITY + "tasks/2.6.1/",)),
    ("创业就业", (CITY + "tasks/2.7.2/",)),
    ("医疗卫生事业", (CITY + "tasks/2.7.4/",)),
    ("文化产业", (CITY + "tasks/2.7.5.3/", COUNTY + "tasks/3.5.2/")),
    ("行政管理体制改革", (CITY + "tasks/2.8.2/",)),
    ("对接大武汉", (CITY + "tasks/2.8.4.1/",)),
    ("扩大出口", (CITY + "tasks/2.8.4.3/",)),
    ("殡葬改革", (COUNTY + "tasks/3.7.4/",)),
    ("优抚优待", (COUNTY + "tasks/3.7.3/",)),
    ("勤工俭学", (COUNTY + "tasks/1.1.2/",)),
    ("计划生育上访", (COUNTY + "tasks/1.2.4/",)),
]

FIGURES: list[tuple[str, tuple[str, ...]]] = [
    ("280万立方米", ind("senlinxujiliang") + (CITY + "tasks/2.1.6/",)),
    ("98%", ind("gaozhongjiaoyumaoruxuelv", "jiunianyiwujiaoyugonggulv") + (CITY + "tasks/2.1.1/",)),
    ("16万人", ind("chengzhencanjiajibenyanglaobaoxianrenshu") + (CITY + "tasks/2.1.9/",)),
    ("13%", ind("danweishengchanzongzhinengyuanxiaohao") + (CITY + "tasks/2.1.3/",)),
    ("17%", ind("danweishengchanzongzhieryanghuatanpaifang") + (CITY + "tasks/2.1.4/",)),
    ("87.39%", ind("canhelv")),
    ("7.94万人", ind("quanxiancanhenongmin")),
]

QUALIFIED: list[tuple[str, tuple[str, ...]]] = [
    ("城镇化率目标", ind("chengzhenhualv")),
    ("城镇化率是多少", ind("chengzhenhualv")),
    ("耕地保有量目标", ind("gengdibaoyouliang", "gengdibaoyouliang-2")),
    ("森林蓄积量进展", ind("senlinxujiliang")),
    ("出生人口性别比完成情况", ind("chushengrenkouxingbiebi")),
    ("城镇登记失业率怎么样", ind("chengzhendengjishiyelv")),
    ("参合率是多少", ind("canhelv")),
    ("单位GDP能耗目标", ind("danweishengchanzongzhinengyuanxiaohao")),
    ("全市总人口是多少", ind("quanshizongrenkou")),
    ("保障性住房哪个部门负责", ind("chengshibaozhangxingzhufang") + (CITY + "tasks/2.7.3.3/",)),
    ("节能减排谁负责", (CITY + "tasks/2.5.1/",)),
    ("住建委负责哪些", dept("zhujianwei")),
    ("低保目标", ind("chengshidibaoguimo", "nongcundibaoguimo")),
    ("新农合进展", (COUNTY + "tasks/1.3.1/", COUNTY + "tasks/3.3.1/")),
]

TWO_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("住建委 保障房", (CITY + "tasks/2.7.3.3/",)),
    ("住建委 廉租房", (CITY + "tasks/2.7.3.3/",)),
    ("人社局 培训", (CITY + "tasks/2.7.2/",)),
    ("人社局 社保", (CITY + "tasks/2.7.3.1/",)),
    ("民政局 低保", (CITY + "tasks/2.7.3.2/",)),
    ("环保局 污水", (CITY + "tasks/2.5.1/",)),
    ("发改委 能耗", (CITY + "tasks/2.1.3/",)),
    ("教育局 义务教育", (CITY + "tasks/2.1.1/", CITY + "tasks/2.7.1/")),
    ("计生委 出生率", (CITY + "tasks/2.9.2/",)),
    ("文广新局 文化产业", (CITY + "tasks/2.7.5.3/",)),
    ("农办 新农村", (CITY + "tasks/2.3.4/",)),
]

CLASSES: dict[str, list[tuple[str, tuple[str, ...]]]] = {
    "first set": FIRST_SET, "departments": DEPARTMENTS, "indicators": INDICATORS,
    "short forms": SHORT_FORMS, "tasks": TASKS, "figures": FIGURES, "qualified": QUALIFIED,
    "two words": TWO_WORDS,
}

QUERIES: list[tuple[str, tuple[str, ...]]] = [q for queries in CLASSES.values() for q in queries]
