"""Chinese search over the plans: one search record per task, chapter, department, indicator, plan.

Measured on the seed site, word segmentation fails the reader twice over. The theme's segmenter
cuts 市住建委 into 市住 / 建委, so 住建委 finds nothing; and Pagefind segments the index with one
Chinese segmenter at build time but the query with the browser's (Intl.Segmenter) at search
time: 森林蓄积量, 公积金中心 and 节能减排 found nothing, because the two cut them differently.
So this module does not segment words at all. Every run of Chinese characters is indexed as the
overlapping pairs of characters it holds (森林蓄积量 -> 森林 林蓄 蓄积 积量 量), and the search box
(``plansite/adapter/theme/assets/search.js``) turns the query into pairs the same way (:func:`search_tokens`), so a
query finds every record holding all its pairs, whatever a segmenter would make of them. Three
more things make results right:

- every record names the words a reader may type for it (:func:`department_terms`): the name,
  the aliases, each without its 市/县/区 prefix, and the usual abbreviations (发展改革委 ->
  发改委, 人力资源和社会保障局 -> 人社局) as separate terms weighted like the title;
- a plan page is one long page, and a whole-page index ranks it by the sum of everything on it;
  here each task and chapter is its own short record whose title weighs most, so a query for a
  task phrase finds that task (at its anchor) and an indicator name finds the indicator's page;
- each record carries what it is (任务 / 部门 / 指标 / 章节 / 规划), its plan, its chapter and a
  short text to show, as metadata the result list prints.

The records are written as small HTML documents and indexed with Pagefind into
``site/pagefind/``: an index split into chunks that the reader's browser loads on demand, so the
first search stays small however many plans the site holds. The reader-written pages of the
site (home, methodology) are indexed from their built HTML in the same way.
"""

from plansite.site.search.names import department_terms, name_variants
from plansite.site.search.pagefind import (SearchIndexJob, index_complete, page_records,
                                           write_search_index)
from plansite.site.search.records import (PageLayout, SearchRecord, page_record,
                                          search_records, text_of)
from plansite.site.search.tokens import HAN, search_tokens

__all__ = ["HAN", "PageLayout", "SearchIndexJob", "SearchRecord", "department_terms", "index_complete",
           "name_variants", "page_record", "page_records", "search_records", "search_tokens",
           "text_of", "write_search_index"]
