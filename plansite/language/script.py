"""Traditional characters read as simplified, so the words of a statement are recognised either way.

Pages are sometimes converted to traditional characters by the site that carries them
(``責任單位：市稅務局、市財政局，排在首位的爲牽頭單位``). Labels, duty words, collective words and
the endings of office names are recognised on the folded text; the names themselves are kept as
the document writes them. The fold maps one character to one character, so a position in the
folded text is the same position in the text as written.
"""

from __future__ import annotations

import re

_PAIRS = """牽牵 頭头 單单 責责 協协 辦办 與与 參参 會会 負负 實实 職职 組组 織织 門门 關关 縣县 區区
鄉乡 鎮镇 處处 爲为 為为 際际 結结 領领 導导 時时 間间 節节 點点 級级 廳厅 個个 們们 應应 無无
進进 體体 劃划 規规 對对 從从 產产 農农 業业 務务 稅税 財财 發发 廣广 東东 華华 國国 黨党 權权
衛卫 醫医 療疗 學学 員员 環环 資资 統统 計计 審审 監监 測测 質质 電电 經经 濟济 貿贸 開开 場场
設设 線线 網网 數数 據据 書书 圖图 館馆 運运 輸输 災灾 歸归 動动 聯联 別别 條条 專专 項项 層层
構构 將将 這这 並并 於于 軍军 價价 營营 銷销 銀银 儲储 險险 證证 庫库 號号 護护 隊队 園园 遊游
觀观 氣气 鐵铁 橋桥 戶户 擔担 僅仅 備备 獎奖 補补 償偿 議议 論论 說说 話话 語语 請请 認认 識识
記记 許许 評评 試试 調调 談谈 問问 聞闻 閉闭 陽阳 雜杂 雙双 難难 離离 雲云 順顺 預预 題题 類类
顧顾 風风 養养 驗验 齊齐 龍龙 衆众 眾众 務务 紀纪 規规 劃划 環环 態态 準准 範范 辯辩 鑒鉴 稅税"""

TRADITIONAL: dict[int, int] = {ord(pair[0]): ord(pair[1]) for pair in _PAIRS.split()}
"""Each traditional character of the statement words and office names, to its simplified form."""

# Most texts hold no traditional character at all: one scan finds that out.
_ANY = re.compile("[" + "".join(pair[0] for pair in _PAIRS.split()) + "]")


def fold(text: str) -> str:
    """``text`` with traditional characters as simplified, one character for one."""
    return text.translate(TRADITIONAL) if _ANY.search(text) else text
