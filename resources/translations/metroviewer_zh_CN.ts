<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>ArticleListModel</name>
    <message>
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>匹配</translation>
    </message>
    <message>
      <source>Not starred (S to star)</source>
      <translation>未加星标（按 S 加星标）</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Starred</source>
      <translation>已加星标</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>not starred</source>
      <translation>未加星标</translation>
    </message>
    <message>
      <source>starred</source>
      <translation>已加星标</translation>
    </message>
    <message>
      <source>{0} sources</source>
      <translation>{0} 个来源</translation>
    </message>
  </context>
  <context>
    <name>ArticleReader</name>
    <message>
      <source>Notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <source>Select an article to read it here.</source>
      <translation>选择一篇文章，在此阅读。</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>显示全部</translation>
    </message>
    <message>
      <source>The article goes on for {0:,} more characters.</source>
      <translation>后文还有 {0:,} 个字符。</translation>
    </message>
  </context>
  <context>
    <name>BriefingDialog</name>
    <message>
      <source>All articles</source>
      <translation>全部文章</translation>
    </message>
    <message>
      <source>Compose briefing</source>
      <translation>编写简报</translation>
    </message>
    <message>
      <source>Date window:</source>
      <translation>日期范围：</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Language:</source>
      <translation>语言：</translation>
    </message>
    <message>
      <source>Margins:</source>
      <translation>页边距：</translation>
    </message>
    <message>
      <source>One section per region</source>
      <translation>每个地区一节</translation>
    </message>
    <message>
      <source>One section per story, the most covered first</source>
      <translation>每篇报道一节，报道来源最多的在前</translation>
    </message>
    <message>
      <source>One section per theme</source>
      <translation>每个主题一节</translation>
    </message>
    <message>
      <source>Paper:</source>
      <translation>纸张：</translation>
    </message>
    <message>
      <source>Preview…</source>
      <translation>预览…</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布日期</translation>
    </message>
    <message>
      <source>Published since the previous run (recipes)</source>
      <translation>上次运行以来发布的（简报方案）</translation>
    </message>
    <message>
      <source>Recipe name:</source>
      <translation>方案名称：</translation>
    </message>
    <message>
      <source>Recipes</source>
      <translation>方案</translation>
    </message>
    <message>
      <source>Run and save as PDF…</source>
      <translation>运行并保存为 PDF…</translation>
    </message>
    <message>
      <source>Save Markdown…</source>
      <translation>保存 Markdown…</translation>
    </message>
    <message>
      <source>Save PDF…</source>
      <translation>保存 PDF…</translation>
    </message>
    <message>
      <source>Save Word…</source>
      <translation>保存 Word…</translation>
    </message>
    <message>
      <source>Save as recipe</source>
      <translation>保存为方案</translation>
    </message>
    <message>
      <source>Save as recipe…</source>
      <translation>保存为方案…</translation>
    </message>
    <message>
      <source>Scope:</source>
      <translation>范围：</translation>
    </message>
    <message>
      <source>Sections:</source>
      <translation>分节：</translation>
    </message>
    <message>
      <source>search “{0}”</source>
      <translation>搜索“{0}”</translation>
    </message>
    <message>
      <source>{0} selected articles</source>
      <translation>选中的 {0} 篇文章</translation>
    </message>
  </context>
  <context>
    <name>CompareDialog</name>
    <message>
      <source>&amp;Compare</source>
      <translation>比较(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>Articles per month</source>
      <translation>每月文章数</translation>
    </message>
    <message>
      <source>Compare regions</source>
      <translation>比较地区</translation>
    </message>
    <message>
      <source>Filter regions…</source>
      <translation>筛选地区…</translation>
    </message>
    <message>
      <source>Key figures (latest value, year and source)</source>
      <translation>关键数据（最新值、年份和来源）</translation>
    </message>
    <message>
      <source>Key figures by region</source>
      <translation>各地区关键数据</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Reading the figures of {0} regions…</source>
      <translation>正在读取 {0} 个地区的数据…</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Theme mix (articles)</source>
      <translation>主题构成（文章数）</translation>
    </message>
    <message>
      <source>articles</source>
      <translation>篇文章</translation>
    </message>
  </context>
  <context>
    <name>DateRange</name>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
  </context>
  <context>
    <name>DateWindow</name>
    <message>
      <source>Imported since I last looked</source>
      <translation>上次查看以来导入的</translation>
    </message>
    <message>
      <source>Imported since the last briefing</source>
      <translation>上次简报以来导入的</translation>
    </message>
    <message>
      <source>The articles imported after the latest briefing was saved or printed</source>
      <translation>最近一次保存或打印简报之后导入的文章</translation>
    </message>
    <message>
      <source>The articles imported after you last opened this region, saved search or label (at the first look, after the moment you opened it)</source>
      <translation>您上次打开此地区、保存的搜索或标签之后导入的文章（首次查看时，为打开之后导入的）</translation>
    </message>
  </context>
  <context>
    <name>EditArticleDialog</name>
    <message>
      <source>&amp;Published:</source>
      <translation>发布日期(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Source:</source>
      <translation>来源(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>标题(&amp;T)：</translation>
    </message>
    <message>
      <source>Edit article</source>
      <translation>编辑文章</translation>
    </message>
  </context>
  <context>
    <name>ImportPage</name>
    <message>
      <source>Cancel import</source>
      <translation>取消导入</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>已取消。</translation>
    </message>
    <message>
      <source>Cancelling after the current batch…</source>
      <translation>当前批次完成后取消…</translation>
    </message>
    <message>
      <source>Done.</source>
      <translation>完成。</translation>
    </message>
    <message>
      <source>Importing</source>
      <translation>正在导入</translation>
    </message>
    <message>
      <source>The import stopped: {0}</source>
      <translation>导入已停止：{0}</translation>
    </message>
    <message>
      <source>You can keep reading while the import runs. Cancel stops after the current batch; what was imported stays, and importing again finishes the job.</source>
      <translation>导入进行时可以继续阅读。取消会在当前批次完成后停止；已导入的内容会保留，再次导入即可完成剩余部分。</translation>
    </message>
    <message>
      <source>{0} of {1} files, {2} articles read</source>
      <translation>已读取 {0}/{1} 个文件，{2} 篇文章</translation>
    </message>
  </context>
  <context>
    <name>ImportWindows</name>
    <message>
      <source>after {0}</source>
      <translation>{0}之后</translation>
    </message>
    <message>
      <source>from now</source>
      <translation>从现在起</translation>
    </message>
    <message>
      <source>no briefing made yet: every article</source>
      <translation>尚未生成简报：全部文章</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>&amp;Import</source>
      <translation>导入(&amp;I)</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>导入文档</translation>
    </message>
  </context>
  <context>
    <name>KeyFiguresTable</name>
    <message>
      <source>Earlier:</source>
      <translation>此前：</translation>
    </message>
    <message>
      <source>Key figures</source>
      <translation>关键数据</translation>
    </message>
    <message>
      <source>Latest</source>
      <translation>最新值</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Sources differ on this value:</source>
      <translation>各来源对此数值说法不一：</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>no source</source>
      <translation>无来源</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;About MetroViewer</source>
      <translation>关于 MetroViewer(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Article</source>
      <translation>文章(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Compare regions…</source>
      <translation>比较地区(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Compose briefing and recipes…</source>
      <translation>编写简报与方案(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Dark theme</source>
      <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>删除(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Delete the note</source>
      <translation>删除笔记(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Edit the note…</source>
      <translation>编辑笔记(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Edit title, source and date…</source>
      <translation>编辑标题、来源和日期(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Export the notes of this selection as Markdown…</source>
      <translation>将所选内容的笔记导出为 Markdown(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Follow this region or search</source>
      <translation>关注此地区或搜索(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Hide regions without articles</source>
      <translation>隐藏没有文章的地区(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Highlight the selected text</source>
      <translation>高亮所选文本(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>导入(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Label the selected articles…</source>
      <translation>为所选文章添加标签(&amp;L)…</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Merge the selected stories</source>
      <translation>合并所选报道(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Next article</source>
      <translation>下一篇文章(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Open store…</source>
      <translation>打开存储库(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Previous article</source>
      <translation>上一篇文章(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Print briefing…</source>
      <translation>打印简报(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Re-tag all articles</source>
      <translation>重新标注全部文章(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Rename saved search…</source>
      <translation>重命名已存搜索(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Save this search…</source>
      <translation>保存此搜索(&amp;S)…</translation>
    </message>
    <message>
      <source>&amp;Search</source>
      <translation>搜索(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Summary panels</source>
      <translation>摘要面板(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Undo delete</source>
      <translation>撤销删除(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&lt;h3&gt;MetroViewer {0}&lt;/h3&gt;&lt;p&gt;A briefing desk for China's metropolitan-area (都市圈) and regional-integration policy news.&lt;/p&gt;&lt;p&gt;Store: {1}&lt;/p&gt;&lt;p&gt;Chinese text uses Noto Sans CJK SC (SIL Open Font License).&lt;/p&gt;</source>
      <translation>&lt;h3&gt;MetroViewer {0}&lt;/h3&gt;&lt;p&gt;跟踪中国都市圈与区域一体化政策新闻的简报工作台。&lt;/p&gt;&lt;p&gt;存储库：{1}&lt;/p&gt;&lt;p&gt;中文使用 Noto Sans CJK SC 字体（SIL 开放字体许可）。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>A&amp;nalyst</source>
      <translation>分析(&amp;N)</translation>
    </message>
    <message>
      <source>About MetroViewer</source>
      <translation>关于 MetroViewer</translation>
    </message>
    <message>
      <source>Add a &amp;note…</source>
      <translation>添加笔记(&amp;N)…</translation>
    </message>
    <message>
      <source>Add a note</source>
      <translation>添加笔记</translation>
    </message>
    <message>
      <source>All articles</source>
      <translation>全部文章</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>文章</translation>
    </message>
    <message>
      <source>Clear the search</source>
      <translation>清除搜索</translation>
    </message>
    <message>
      <source>Composing the briefing…</source>
      <translation>正在编写简报…</translation>
    </message>
    <message>
      <source>Count &amp;stories, not articles</source>
      <translation>统计报道数而非文章数(&amp;S)</translation>
    </message>
    <message>
      <source>Delete articles</source>
      <translation>删除文章</translation>
    </message>
    <message>
      <source>Delete every article of the files these {0} articles came from?</source>
      <translation>要删除这 {0} 篇文章所在文件中的全部文章吗？</translation>
    </message>
    <message>
      <source>Delete the &amp;whole document</source>
      <translation>删除整个文档(&amp;W)</translation>
    </message>
    <message>
      <source>Delete the selected articles</source>
      <translation>删除所选文章</translation>
    </message>
    <message>
      <source>Delete {0} articles?</source>
      <translation>要删除这 {0} 篇文章吗？</translation>
    </message>
    <message>
      <source>Delete “{0}”?</source>
      <translation>要删除“{0}”吗？</translation>
    </message>
    <message>
      <source>Deleted {0} articles. Ctrl+Z brings them back.</source>
      <translation>已删除 {0} 篇文章。按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
      <source>Double-click to edit the note; Delete deletes it.</source>
      <translation>双击编辑笔记；按 Delete 删除。</translation>
    </message>
    <message>
      <source>Edit title, source and date</source>
      <translation>编辑标题、来源和日期</translation>
    </message>
    <message>
      <source>Export notes as Markdown</source>
      <translation>将笔记导出为 Markdown</translation>
    </message>
    <message>
      <source>Focus the article list</source>
      <translation>转到文章列表</translation>
    </message>
    <message>
      <source>Focus the reader</source>
      <translation>转到阅读区</translation>
    </message>
    <message>
      <source>Focus the region tree</source>
      <translation>转到地区树</translation>
    </message>
    <message>
      <source>Focus tree / list / reader</source>
      <translation>转到地区树 / 文章列表 / 阅读区</translation>
    </message>
    <message>
      <source>Import documents</source>
      <translation>导入文档</translation>
    </message>
    <message>
      <source>Import done: {0} articles added, {1} updated, {2} files failed.</source>
      <translation>导入完成：新增 {0} 篇文章，更新 {1} 篇，{2} 个文件失败。</translation>
    </message>
    <message>
      <source>Importing the sample documents…</source>
      <translation>正在导入示例文档…</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Label the selected articles</source>
      <translation>为所选文章添加标签</translation>
    </message>
    <message>
      <source>Label:</source>
      <translation>标签：</translation>
    </message>
    <message>
      <source>Markdown (*.md)</source>
      <translation>Markdown (*.md)</translation>
    </message>
    <message>
      <source>Markdown files (*.md)</source>
      <translation>Markdown 文件 (*.md)</translation>
    </message>
    <message>
      <source>MetroViewer</source>
      <translation>MetroViewer</translation>
    </message>
    <message>
      <source>MetroViewer (read-only)</source>
      <translation>MetroViewer（只读）</translation>
    </message>
    <message>
      <source>MetroViewer stores (*.db);;All files (*)</source>
      <translation>MetroViewer 存储库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Name:</source>
      <translation>名称：</translation>
    </message>
    <message>
      <source>New name:</source>
      <translation>新名称：</translation>
    </message>
    <message>
      <source>New since you last looked: {0}</source>
      <translation>自上次查看以来的新内容：{0}</translation>
    </message>
    <message>
      <source>Next &amp;hit of the search</source>
      <translation>下一处搜索命中(&amp;H)</translation>
    </message>
    <message>
      <source>Next &amp;unread article</source>
      <translation>下一篇未读文章(&amp;U)</translation>
    </message>
    <message>
      <source>Next article</source>
      <translation>下一篇文章</translation>
    </message>
    <message>
      <source>Next unread article</source>
      <translation>下一篇未读文章</translation>
    </message>
    <message>
      <source>No article matches “{0}” here.</source>
      <translation>此处没有与“{0}”匹配的文章。</translation>
    </message>
    <message>
      <source>No articles here yet.</source>
      <translation>此处还没有文章。</translation>
    </message>
    <message>
      <source>No unread article below: continued from the top.</source>
      <translation>下方没有未读文章：已从顶部继续。</translation>
    </message>
    <message>
      <source>No unread article in this list.</source>
      <translation>此列表中没有未读文章。</translation>
    </message>
    <message>
      <source>Note on “{0}”:</source>
      <translation>关于“{0}”的笔记：</translation>
    </message>
    <message>
      <source>Note:</source>
      <translation>笔记：</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>笔记</translation>
    </message>
    <message>
      <source>Notes &amp;view</source>
      <translation>笔记视图(&amp;V)</translation>
    </message>
    <message>
      <source>Only articles mainly &amp;about the region</source>
      <translation>只显示主要关于该地区的文章(&amp;A)</translation>
    </message>
    <message>
      <source>Open another store</source>
      <translation>打开其他存储库</translation>
    </message>
    <message>
      <source>Open or create a store</source>
      <translation>打开或新建存储库</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>Previous article</source>
      <translation>上一篇文章</translation>
    </message>
    <message>
      <source>Previous hit of the search</source>
      <translation>上一处搜索命中</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Re-importing their files will not bring them back. Edit → Undo delete (Ctrl+Z) restores them until the window closes.</source>
      <translation>重新导入其所在文件不会恢复这些文章。关闭窗口之前，可用“文章 → 撤销删除”（Ctrl+Z）恢复。</translation>
    </message>
    <message>
      <source>Re-tagged {0} articles.</source>
      <translation>已重新标注 {0} 篇文章。</translation>
    </message>
    <message>
      <source>Re-tagging all articles…</source>
      <translation>正在重新标注全部文章…</translation>
    </message>
    <message>
      <source>Re-tagging… {0} articles</source>
      <translation>正在重新标注… {0} 篇文章</translation>
    </message>
    <message>
      <source>Read-only: {0}</source>
      <translation>只读：{0}</translation>
    </message>
    <message>
      <source>Reading the rest of the list…</source>
      <translation>正在读取列表的其余部分…</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Regions updated: re-tag the articles</source>
      <translation>地区已更新：重新标注文章</translation>
    </message>
    <message>
      <source>Remove a label</source>
      <translation>移除标签</translation>
    </message>
    <message>
      <source>Remove a label from the selected articles…</source>
      <translation>从所选文章移除标签…</translation>
    </message>
    <message>
      <source>Remove saved search</source>
      <translation>移除已存搜索</translation>
    </message>
    <message>
      <source>Rename saved search</source>
      <translation>重命名已存搜索</translation>
    </message>
    <message>
      <source>Restored {0} articles.</source>
      <translation>已恢复 {0} 篇文章。</translation>
    </message>
    <message>
      <source>S&amp;plit from its story</source>
      <translation>从所属报道中拆出(&amp;P)</translation>
    </message>
    <message>
      <source>Save briefing</source>
      <translation>保存简报</translation>
    </message>
    <message>
      <source>Save briefing as &amp;Markdown…</source>
      <translation>将简报另存为 Markdown(&amp;M)…</translation>
    </message>
    <message>
      <source>Save briefing as &amp;Word…</source>
      <translation>将简报另存为 Word(&amp;W)…</translation>
    </message>
    <message>
      <source>Save briefing as P&amp;DF…</source>
      <translation>将简报另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
      <source>Save this search</source>
      <translation>保存此搜索</translation>
    </message>
    <message>
      <source>Saved {0}: {1} articles on {2} pages.</source>
      <translation>已保存 {0}：{1} 篇文章，共 {2} 页。</translation>
    </message>
    <message>
      <source>Saved {0}: {1} articles.</source>
      <translation>已保存 {0}：{1} 篇文章。</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>Search your notes…</source>
      <translation>搜索笔记…</translation>
    </message>
    <message>
      <source>Search “{0}”: </source>
      <translation>搜索“{0}”：</translation>
    </message>
    <message>
      <source>Select an article to read it here.</source>
      <translation>选择一篇文章，在此阅读。</translation>
    </message>
    <message>
      <source>Select some text of the article to highlight it.</source>
      <translation>请先在文章中选择要高亮的文字。</translation>
    </message>
    <message>
      <source>Show &amp;unread only</source>
      <translation>只显示未读(&amp;U)</translation>
    </message>
    <message>
      <source>Starred</source>
      <translation>已加星标</translation>
    </message>
    <message>
      <source>Stop following it</source>
      <translation>取消关注</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>The region list changed since these articles were tagged. Re-tagging reads them again; nothing else changes.</source>
      <translation>这些文章标注之后，地区列表已有变化。重新标注会重新读取文章，其他内容不变。</translation>
    </message>
    <message>
      <source>This store is open read-only: the change was not saved.</source>
      <translation>此数据库以只读方式打开：更改未保存。</translation>
    </message>
    <message>
      <source>Toggle &amp;read</source>
      <translation>切换已读(&amp;R)</translation>
    </message>
    <message>
      <source>Toggle read / unread</source>
      <translation>切换已读 / 未读</translation>
    </message>
    <message>
      <source>Toggle s&amp;tar</source>
      <translation>切换星标(&amp;T)</translation>
    </message>
    <message>
      <source>Toggle star</source>
      <translation>切换星标</translation>
    </message>
    <message>
      <source>Topic {0}</source>
      <translation>专题 {0}</translation>
    </message>
    <message>
      <source>Undo delete</source>
      <translation>撤销删除</translation>
    </message>
    <message>
      <source>Welcome to MetroViewer</source>
      <translation>欢迎使用 MetroViewer</translation>
    </message>
    <message>
      <source>Word documents (*.docx)</source>
      <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
      <source>Wrote the notes to {0}</source>
      <translation>笔记已写入 {0}</translation>
    </message>
    <message>
      <source>Your store is empty. Import the bundled sample documents (a workflow export and three research papers) to see how MetroViewer works?</source>
      <translation>存储库还是空的。要导入随附的示例文档（一个工作流导出文件和三篇研究论文）来看看 MetroViewer 如何工作吗？</translation>
    </message>
    <message>
      <source>also searched: {0}</source>
      <translation>同时搜索了：{0}</translation>
    </message>
    <message>
      <source>{0} articles in view · {1} articles, {2} unread in the store · {3}</source>
      <translation>当前显示 {0} 篇 · 存储库共 {1} 篇，未读 {2} 篇 · {3}</translation>
    </message>
    <message>
      <source>{0} stories in view · {1} articles, {2} unread in the store · {3}</source>
      <translation>当前显示 {0} 个报道 · 库中 {1} 篇文章，{2} 篇未读 · {3}</translation>
    </message>
    <message>
      <source>{0}, search “{1}”</source>
      <translation>{0}，搜索“{1}”</translation>
    </message>
  </context>
  <context>
    <name>NoteEditing</name>
    <message>
      <source>Ctrl+Z brings it back.</source>
      <translation>按 Ctrl+Z 可恢复。</translation>
    </message>
    <message>
      <source>Delete highlight</source>
      <translation>删除高亮</translation>
    </message>
    <message>
      <source>Delete note</source>
      <translation>删除笔记</translation>
    </message>
    <message>
      <source>Deleted the highlight.</source>
      <translation>已删除高亮。</translation>
    </message>
    <message>
      <source>Deleted the note.</source>
      <translation>已删除笔记。</translation>
    </message>
    <message>
      <source>Edit note</source>
      <translation>编辑笔记</translation>
    </message>
    <message>
      <source>Edit note…</source>
      <translation>编辑笔记…</translation>
    </message>
    <message>
      <source>Note on “{0}”:</source>
      <translation>关于“{0}”的笔记：</translation>
    </message>
    <message>
      <source>Note:</source>
      <translation>笔记：</translation>
    </message>
    <message>
      <source>Open the article</source>
      <translation>打开文章</translation>
    </message>
    <message>
      <source>Restored the note.</source>
      <translation>已恢复笔记。</translation>
    </message>
  </context>
  <context>
    <name>PreviewPage</name>
    <message>
      <source> (file date)</source>
      <translation>（文件日期）</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Files that would fail or are skipped:</source>
      <translation>将会失败或被跳过的文件：</translation>
    </message>
    <message>
      <source>Files: {0} · new articles: {1} · already in the store: {2} · files that would fail: {3} · skipped: {4}</source>
      <translation>文件：{0} · 新文章：{1} · 已在存储库中：{2} · 将会失败的文件：{3} · 已跳过：{4}</translation>
    </message>
    <message>
      <source>None.</source>
      <translation>无。</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>预览</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布日期</translation>
    </message>
    <message>
      <source>Reading the files…</source>
      <translation>正在读取文件…</translation>
    </message>
    <message>
      <source>Reading {0} of {1} files… {2}</source>
      <translation>正在读取第 {0}/{1} 个文件… {2}</translation>
    </message>
    <message>
      <source>Regions</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>What the import would create. Nothing has been written yet.</source>
      <translation>导入将创建以下内容。尚未写入任何数据。</translation>
    </message>
    <message>
      <source>already in the store</source>
      <translation>已在存储库中</translation>
    </message>
    <message>
      <source>new</source>
      <translation>新</translation>
    </message>
    <message>
      <source>{0}: skipped (not an article)</source>
      <translation>{0}：已跳过（不是文章）</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>MetroViewer</source>
      <translation>MetroViewer</translation>
    </message>
    <message>
      <source>Move it aside and start a new store</source>
      <translation>将其移到一旁并新建存储库</translation>
    </message>
    <message>
      <source>Nothing you imported was lost. The details below can be copied into a bug report.</source>
      <translation>已导入的内容没有丢失。下面的详细信息可以复制到错误报告中。</translation>
    </message>
    <message>
      <source>Open another store…</source>
      <translation>打开其他存储库…</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Recover what can be read</source>
      <translation>恢复可读取的内容</translation>
    </message>
    <message>
      <source>Something went wrong: {0}</source>
      <translation>出错了：{0}</translation>
    </message>
    <message>
      <source>The store could not be read or written ({0}). Nothing you imported was lost.</source>
      <translation>无法读取或写入数据库（{0}）。您导入的内容没有丢失。</translation>
    </message>
  </context>
  <context>
    <name>QProgressDialog</name>
    <message>
      <source>Recovering what can be read of {0}…</source>
      <translation>正在恢复 {0} 中可读取的内容…</translation>
    </message>
    <message>
      <source>Recovering what can be read of {0}…
Copying {1}</source>
      <translation>正在恢复 {0} 中可读取的内容…
正在复制 {1}</translation>
    </message>
    <message>
      <source>The recovered copy opens now.</source>
      <translation>现在打开恢复的副本。</translation>
    </message>
    <message>
      <source>Updating the store for this version of MetroViewer…
Large stores take a minute or more; nothing in them is lost.</source>
      <translation>正在为此版本的 MetroViewer 更新存储库…
较大的存储库需要一分钟或更久；其中的内容不会丢失。</translation>
    </message>
  </context>
  <context>
    <name>RegionTreeModel</name>
    <message>
      <source> (part)</source>
      <translation>（部分）</translation>
    </message>
    <message>
      <source>All articles</source>
      <translation>全部文章</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>文章</translation>
    </message>
    <message>
      <source>Every province-level unit with its prefectures and counties</source>
      <translation>各省级行政区及其下辖地市和区县</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Only part of this city is in the area: </source>
      <translation>该市只有部分区县属于此区域：</translation>
    </message>
    <message>
      <source>Plan: {0}</source>
      <translation>规划：{0}</translation>
    </message>
    <message>
      <source>Provinces</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Saved searches</source>
      <translation>已存搜索</translation>
    </message>
    <message>
      <source>Starred</source>
      <translation>已加星标</translation>
    </message>
    <message>
      <source>Stories</source>
      <translation>报道</translation>
    </message>
    <message>
      <source>Topics</source>
      <translation>专题</translation>
    </message>
    <message>
      <source>Unread</source>
      <translation>未读</translation>
    </message>
    <message>
      <source>city</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>district/county</source>
      <translation>区/县</translation>
    </message>
    <message>
      <source>metropolitan area</source>
      <translation>都市圈</translation>
    </message>
    <message>
      <source>national-level</source>
      <translation>国家级</translation>
    </message>
    <message>
      <source>not national-level</source>
      <translation>非国家级</translation>
    </message>
    <message>
      <source>province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>region</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>urban agglomeration</source>
      <translation>城市群</translation>
    </message>
    <message>
      <source>{0:,} articles mainly about it, {1:,} mentioning it</source>
      <translation>主要关于此地区的文章 {0:,} 篇，提及此地区的 {1:,} 篇</translation>
    </message>
    <message>
      <source>{0:,} stories mainly about it, {1:,} mentioning it</source>
      <translation>主要关于此地区的报道 {0:,} 个，提及此地区的 {1:,} 个</translation>
    </message>
    <message>
      <source>{0}  · {1} new</source>
      <translation>{0}  · 新增 {1} 篇</translation>
    </message>
  </context>
  <context>
    <name>ReportPage</name>
    <message>
      <source>&amp;Copy</source>
      <translation>复制(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Save…</source>
      <translation>保存(&amp;S)…</translation>
    </message>
    <message>
      <source>Import report</source>
      <translation>导入报告</translation>
    </message>
    <message>
      <source>Save the report</source>
      <translation>保存报告</translation>
    </message>
    <message>
      <source>Text files (*.txt)</source>
      <translation>文本文件 (*.txt)</translation>
    </message>
  </context>
  <context>
    <name>SearchBar</name>
    <message>
      <source>Date window</source>
      <translation>时间范围</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>发布日期</translation>
    </message>
    <message>
      <source>Search titles and text (Chinese or English)…  Ctrl+F</source>
      <translation>搜索标题和正文（中文或英文）…  Ctrl+F</translation>
    </message>
  </context>
  <context>
    <name>SourcesPage</name>
    <message>
      <source>&amp;Remove</source>
      <translation>移除(&amp;R)</translation>
    </message>
    <message>
      <source>Add &amp;folder…</source>
      <translation>添加文件夹(&amp;F)…</translation>
    </message>
    <message>
      <source>Add f&amp;iles…</source>
      <translation>添加文件(&amp;I)…</translation>
    </message>
    <message>
      <source>Bring back articles I deleted from these files</source>
      <translation>恢复我从这些文件中删除过的文章</translation>
    </message>
    <message>
      <source>Choose a folder</source>
      <translation>选择文件夹</translation>
    </message>
    <message>
      <source>Choose files</source>
      <translation>选择文件</translation>
    </message>
    <message>
      <source>Choose what to import</source>
      <translation>选择要导入的内容</translation>
    </message>
    <message>
      <source>Documents (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.json *.jsonl *.ndjson);;All files (*)</source>
      <translation>文档 (*.txt *.md *.markdown *.html *.htm *.pdf *.docx *.json *.jsonl *.ndjson);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Files with these names are skipped and listed in the report as “skipped (not an article)”. Clear the field to import them too.</source>
      <translation>名称匹配的文件会被跳过，并在报告中列为“skipped (not an article)”（已跳过，不是文章）。清空此栏即可一并导入。</translation>
    </message>
    <message>
      <source>Folders are read with all their subfolders. Supported: workflow exports, .txt, Markdown, HTML, PDF, DOCX, JSON and JSON Lines.</source>
      <translation>文件夹会连同所有子文件夹一起读取。支持：工作流导出文件、.txt、Markdown、HTML、PDF、DOCX、JSON 和 JSON Lines。</translation>
    </message>
    <message>
      <source>Not articles:</source>
      <translation>非文章：</translation>
    </message>
    <message>
      <source>Only files matching:</source>
      <translation>只导入匹配的文件：</translation>
    </message>
    <message>
      <source>Skip names matching:</source>
      <translation>跳过匹配的名称：</translation>
    </message>
    <message>
      <source>e.g. *.txt, *.md (empty: every supported file)</source>
      <translation>例如 *.txt, *.md（留空：所有支持的文件）</translation>
    </message>
    <message>
      <source>e.g. drafts, *.bak</source>
      <translation>例如 drafts, *.bak</translation>
    </message>
  </context>
  <context>
    <name>SummaryPanel</name>
    <message>
      <source>Article</source>
      <translation>文章</translation>
    </message>
    <message>
      <source>Articles per month</source>
      <translation>每月文章数</translation>
    </message>
    <message>
      <source>Figure</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Figures</source>
      <translation>文中数据</translation>
    </message>
    <message>
      <source>Figures read from the newest {0} articles; double-click one to open it.</source>
      <translation>数据取自最新的 {0} 篇文章；双击可打开所在文章。</translation>
    </message>
    <message>
      <source>Key figures</source>
      <translation>关键数据</translation>
    </message>
    <message>
      <source>Measures</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>Months of the matches counted.</source>
      <translation>按匹配文章统计月份。</translation>
    </message>
    <message>
      <source>Region</source>
      <translation>地区</translation>
    </message>
    <message>
      <source>Regions mentioned with it</source>
      <translation>同时提及的地区</translation>
    </message>
    <message>
      <source>Select a region to see its summary.</source>
      <translation>选择一个地区以查看其摘要。</translation>
    </message>
    <message>
      <source>Sources, regions and themes of the newest {0} articles.</source>
      <translation>来源、地区和主题按最新的 {0} 篇文章统计。</translation>
    </message>
    <message>
      <source>Sources, regions and themes of the newest {0} stories.</source>
      <translation>来源、地区和主题按最新的 {0} 个报道统计。</translation>
    </message>
    <message>
      <source>Stories per month</source>
      <translation>每月报道数</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Theme mix</source>
      <translation>主题构成</translation>
    </message>
    <message>
      <source>Top sources</source>
      <translation>主要来源</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>ecology</source>
      <translation>生态环保</translation>
    </message>
    <message>
      <source>industry</source>
      <translation>产业</translation>
    </message>
    <message>
      <source>innovation</source>
      <translation>科技创新</translation>
    </message>
    <message>
      <source>planning and policy</source>
      <translation>规划与政策</translation>
    </message>
    <message>
      <source>public services</source>
      <translation>公共服务</translation>
    </message>
    <message>
      <source>trade and finance</source>
      <translation>贸易与金融</translation>
    </message>
    <message>
      <source>transport</source>
      <translation>交通</translation>
    </message>
    <message>
      <source>{0} · {1} articles</source>
      <translation>{0} · {1} 篇文章</translation>
    </message>
    <message>
      <source>{0} · {1} stories</source>
      <translation>{0} · {1} 个报道</translation>
    </message>
  </context>
</TS>
