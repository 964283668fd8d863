<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../ui/commands.py" line="19"/>
        <source>修改 {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="42"/>
        <source>审核意见：{0}</source>
        <translation>Verdict: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/commands.py" line="67"/>
        <source>修改机关名称</source>
        <translation>Rename agency</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="41"/>
        <source>程序出错</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="42"/>
        <source>发生了意外错误：{0}

您的修正已自动保存。</source>
        <translation>An unexpected error occurred: {0}

Your corrections have been saved.</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="44"/>
        <source>错误详情已写入日志文件：
{0}</source>
        <translation>Details were written to the log file:
{0}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="36"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="36"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="36"/>
        <location filename="../../ui/table_page.py" line="40"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="41"/>
        <source>确认</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="41"/>
        <source>驳回</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="52"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="52"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="52"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="52"/>
        <location filename="../../ui/findings_panel.py" line="147"/>
        <source>审核意见</source>
        <translation>Reviewer&apos;s verdict</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="66"/>
        <source>确认(&amp;Y)</source>
        <translation>Confirm (&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="67"/>
        <source>驳回(&amp;N)</source>
        <translation>Reject (&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="41"/>
        <location filename="../../ui/findings_panel.py" line="68"/>
        <source>待定</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="102"/>
        <source>{0}（需重新确认）</source>
        <translation>{0} (confirm again)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="105"/>
        <source>给出审核意见时，这条问题的说明是：
{0}
现在的数字已不同，请重新确认。</source>
        <translation>When the verdict was given, this finding read:
{0}
Its numbers have changed since: please confirm again.</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="114"/>
        <location filename="../../ui/report_list.py" line="41"/>
        <source>错误 {0} · 警告 {1} · 提示 {2}</source>
        <translation>Errors {0} · warnings {1} · notes {2}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="147"/>
        <source>{0}：{1}
说明（可不填）：</source>
        <translation>{0}: {1}
Comment (optional):</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="38"/>
        <source>勾稽关系不成立</source>
        <translation>Cross total fails</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="38"/>
        <source>空白或占位符</source>
        <translation>Blank or placeholder</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="39"/>
        <source>未读到</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="39"/>
        <source>人工修正（粗斜体）</source>
        <translation>Corrected by hand (bold italic)</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="50"/>
        <source>报告中未找到表{0}（{1}）。可在下方按报告原文手工填写。</source>
        <translation>Table {0} ({1}) was not found in the report. You can fill it in below from the original.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>按机关或文件名筛选</source>
        <translation>Filter by agency or file name</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>在原文中查找（回车查找下一个）</source>
        <translation>Find in the original (Enter for next)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>六个部分</source>
        <translation>The six parts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>报告原文</source>
        <translation>Original text</translation>
    </message>
    <message>
        <location filename="../../ui/table_page.py" line="15"/>
        <source>表{0} {1}</source>
        <translation>Table {0} {1}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166"/>
        <source>修改原因（可选，记入修改记录）</source>
        <translation>Reason for the change (optional, kept in the audit trail)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="208"/>
        <source>打开报告(&amp;O)…</source>
        <translation>&amp;Open Reports…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>打开文件夹(&amp;D)…</source>
        <translation>Open Fol&amp;der…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>从网址导入(&amp;U)…</source>
        <translation>Import from &amp;URLs…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>保存审阅底稿(&amp;S)…</source>
        <translation>&amp;Save Audit Workbook…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>全部导出(&amp;E)…</source>
        <translation>&amp;Export All…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>审阅人(&amp;W)…</source>
        <translation>Revie&amp;wer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>在原文中查找(&amp;F)</source>
        <translation>&amp;Find in Original</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>查找下一个</source>
        <translation>Find Next</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>撤销本单元格的修正</source>
        <translation>Withdraw This Cell&apos;s Correction</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>修改机关名称…</source>
        <translation>Rename Agency…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="237"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>放大原文</source>
        <translation>Zoom In Text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>缩小原文</source>
        <translation>Zoom Out Text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>下一条问题</source>
        <translation>Next finding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>上一条问题</source>
        <translation>Previous finding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>界面语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="252"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="42"/>
        <source>正在读取报告…</source>
        <translation>Reading reports…</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="36"/>
        <source>从网址导入</source>
        <translation>Import from URLs</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="39"/>
        <source>网址（每行一个：年度报告网页，或 PDF/DOC/DOCX 附件）：</source>
        <translation>Addresses (one a line: a report page, or a PDF/DOC/DOCX attachment):</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="44"/>
        <source>从文件读取网址…</source>
        <translation>Read addresses from a file…</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="50"/>
        <source>证据文件夹：</source>
        <translation>Evidence folder:</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="54"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="58"/>
        <source>遵守网站的 robots.txt（关闭前请确认已获授权）</source>
        <translation>Respect the sites&apos; robots.txt (turn off only with permission)</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="69"/>
        <source>开始下载</source>
        <translation>Download</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="72"/>
        <location filename="../../ui/fetch_dialog.py" line="144"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="82"/>
        <source>网址列表文件</source>
        <translation>List of addresses</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="83"/>
        <source>文本文件 (*.txt *.csv);;所有文件 (*)</source>
        <translation>Text files (*.txt *.csv);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="89"/>
        <source>无法读取网址列表 {0}：{1}</source>
        <translation>Cannot read the list of addresses {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="95"/>
        <source>选择证据文件夹</source>
        <translation>Choose the evidence folder</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="108"/>
        <source>请先输入网址。</source>
        <translation>Enter the addresses first.</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="111"/>
        <source>请选择证据文件夹。</source>
        <translation>Choose an evidence folder.</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="127"/>
        <source>开始下载 {0} 个网址到 {1}</source>
        <translation>Downloading {0} addresses to {1}</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="129"/>
        <location filename="../../ui/loading.py" line="42"/>
        <location filename="../../ui/page_view.py" line="281"/>
        <location filename="../../ui/workbook_actions.py" line="96"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="146"/>
        <source>下载失败：{0}</source>
        <translation>Download failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="151"/>
        <source>已取消。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="152"/>
        <source>完成：{0} 份报告，{1} 个网址未取得报告。证据索引：{2}</source>
        <translation>Done: {0} reports; {1} addresses gave none. Evidence index: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/fetch_dialog.py" line="162"/>
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="112"/>
        <source>读取报告时出错：{0}</source>
        <translation>Error while reading reports: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="115"/>
        <source>已载入 {0} 份报告，其中 {1} 份无法读取</source>
        <translation>Loaded {0} report(s), {1} unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="117"/>
        <source>；{0} 份报告已恢复上次保存的修正</source>
        <translation>; corrections restored for {0} report(s)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="311"/>
        <source>无法读取此文件：
{0}

{1}</source>
        <translation>This file cannot be read:
{0}

{1}</translation>
    </message>
    <message>
        <location filename="../../ui/outline.py" line="39"/>
        <source>（表格缺失）</source>
        <translation> (table missing)</translation>
    </message>
    <message>
        <location filename="../../ui/outline.py" line="44"/>
        <source>报告中没有这一部分</source>
        <translation>This part is missing from the report</translation>
    </message>
    <message>
        <location filename="../../ui/outline.py" line="44"/>
        <source>报告中有这一部分</source>
        <translation>The report has this part</translation>
    </message>
    <message>
        <location filename="../../ui/outline.py" line="45"/>
        <source>这一部分没有统计表</source>
        <translation>This part has no statistical table</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="99"/>
        <location filename="../../ui/review_actions.py" line="30"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="41"/>
        <source>撤销修正</source>
        <translation>Withdraw correction</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="47"/>
        <source>机关名称（用于按机关归并底稿和跨年度核对；留空恢复为识别结果）：</source>
        <translation>Agency name (used to group workbooks and for year-over-year checks; leave empty to restore the detected name):</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="75"/>
        <source>无法保存修正记录：{0}</source>
        <translation>Cannot save the corrections: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>（原文中没有对应位置）</source>
        <translation> (no position in the original)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>原文中没有“{0}”</source>
        <translation>&quot;{0}&quot; not found in the original</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="28"/>
        <location filename="../../ui/workbook_actions.py" line="63"/>
        <source>请先打开一份报告。</source>
        <translation>Open a report first.</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="34"/>
        <source>保存审阅底稿</source>
        <translation>Save audit workbook</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="34"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="48"/>
        <source>无法保存 {0}：{1}</source>
        <translation>Cannot save {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="55"/>
        <source>已保存审阅底稿：{0}</source>
        <translation>Audit workbook saved: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="85"/>
        <source>没有可导出的报告。</source>
        <translation>There are no reports to export.</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="87"/>
        <source>选择导出文件夹</source>
        <translation>Choose the export folder</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="96"/>
        <source>正在导出审阅底稿…</source>
        <translation>Exporting audit workbooks…</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="123"/>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="126"/>
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="131"/>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="122"/>
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="123"/>
        <source>报告文件 (*.txt *.htm *.html *.docx *.doc *.pdf);;所有文件 (*)</source>
        <translation>Reports (*.txt *.htm *.html *.docx *.doc *.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="129"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="140"/>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>审阅人姓名（写入审阅底稿）：</source>
        <translation>Reviewer&apos;s name (written into the workbook):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="405"/>
        <source>界面语言将在重新启动后生效。</source>
        <translation>The language changes after a restart.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="408"/>
        <source>关于 {0}</source>
        <translation>About {0}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;政府信息公开工作年度报告审阅工具。&lt;/p&gt;&lt;p&gt;读取报告，提取三张统计表，核对勾稽关系、六个部分与正文表述，记录人工修正，并生成审阅底稿（Excel）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0} {1}&lt;/h3&gt;&lt;p&gt;Reviewer for government information-disclosure annual reports.&lt;/p&gt;&lt;p&gt;Reads a report, extracts the three statistical tables, checks the cross totals, the six parts and the narrative, records hand corrections and writes the audit workbook (Excel).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>未打开报告</source>
        <translation>No report open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="419"/>
        <source>{0} · 无法读取</source>
        <translation>{0} · unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>{0} · 编码 {1} · 格式 {2} · 错误 {3} 警告 {4} 提示 {5} · 修正 {6}</source>
        <translation>{0} · encoding {1} · format {2} · errors {3} warnings {4} notes {5} · corrections {6}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="429"/>
        <source> · 已恢复上次的修正</source>
        <translation> · previous corrections restored</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="431"/>
        <source> · 注意：原文件在上次审阅后已改动</source>
        <translation> · note: the file changed since the last review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="448"/>
        <source>有 {0} 份报告的修正尚未写入审阅底稿。
（修正本身已自动保存，重新打开报告即可恢复。）

是否先保存审阅底稿？</source>
        <translation>{0} report(s) have corrections not yet written to an audit workbook.
(The corrections themselves are saved and come back when the report is reopened.)

Save the audit workbook first?</translation>
    </message>
    <message>
        <location filename="../../ui/loading.py" line="158"/>
        <source>上次没有正常退出。是否重新打开当时的 {0} 份报告？
（已做的修正会自动恢复。）</source>
        <translation>The last session did not end normally. Reopen its {0} report(s)?
(Corrections made are restored automatically.)</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="29"/>
        <source>全部报告</source>
        <translation>All reports</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="29"/>
        <source>有错误的</source>
        <translation>With errors</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="29"/>
        <source>有警告的</source>
        <translation>With warnings</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="29"/>
        <source>无问题的</source>
        <translation>Without findings</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="30"/>
        <source>无法读取的</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="36"/>
        <source>无法读取：{0}</source>
        <translation>Cannot be read: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="91"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="91"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="91"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="91"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/report_list.py" line="100"/>
        <location filename="../../ui/signoff_dialog.py" line="38"/>
        <source>（未识别机关）</source>
        <translation>(agency not recognised)</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="37"/>
        <source>表{0}“{1}”</source>
        <translation>Table {0} “{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="155"/>
        <source>人工修正，原值 {0}</source>
        <translation>Corrected by hand, original value {0}</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="157"/>
        <source>空白单元格</source>
        <translation>Blank cell</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="157"/>
        <source>占位符，不是数字</source>
        <translation>Placeholder, not a number</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="158"/>
        <source>未读到数值</source>
        <translation>No value read</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="158"/>
        <source>无法唯一确定的数值</source>
        <translation>Value cannot be determined uniquely</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="159"/>
        <source>文字，不是数字</source>
        <translation>Text, not a number</translation>
    </message>
    <message>
        <location filename="../../ui/table_model.py" line="159"/>
        <source>不合规的数值</source>
        <translation>Invalid value</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31"/>
        <source>年报审阅</source>
        <translation>Annual Report Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="68"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="69"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="70"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="71"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="72"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="72"/>
        <source>页面宽度适合窗口</source>
        <translation>Fit the page width to the window</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="225"/>
        <source>无页面</source>
        <translation>No pages</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="227"/>
        <source>第 {0}/{1} 页 · {2:.0f}%</source>
        <translation>Page {0}/{1} · {2:.0f}%</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="246"/>
        <source>文字</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="247"/>
        <source>页面</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="248"/>
        <source>PDF 报告的原始页面：点击单元格或问题即标出其在页面上的位置</source>
        <translation>The PDF&apos;s pages as published: click a cell or a finding to mark where it is printed</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="282"/>
        <source>文字识别</source>
        <translation>Text recognition</translation>
    </message>
    <message>
        <location filename="../../ui/page_view.py" line="286"/>
        <source>正在识别扫描件 {0}：第 {1}/{2} 页</source>
        <translation>Recognising scan {0}: page {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>复核签署(&amp;K)…</source>
        <translation>Second review &amp;sign-off…</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="30"/>
        <location filename="../../ui/signoff_dialog.py" line="52"/>
        <source>复核签署</source>
        <translation>Second review sign-off</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="36"/>
        <source>例如：同意编制人意见；或需补充核实的事项</source>
        <translation>e.g. Agree with the preparer; or what still needs checking</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="38"/>
        <source>被审阅单位：</source>
        <translation>Agency reviewed:</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="39"/>
        <source>报告年度：</source>
        <translation>Report year:</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="40"/>
        <source>复核人：</source>
        <translation>Second reviewer:</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="41"/>
        <source>复核意见：</source>
        <translation>Opinion:</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="39"/>
        <source>未识别</source>
        <translation>Not recognised</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="52"/>
        <source>请填写复核人姓名。</source>
        <translation>Please enter the second reviewer&apos;s name.</translation>
    </message>
    <message>
        <location filename="../../ui/signoff_dialog.py" line="64"/>
        <source>复核签署：{0}</source>
        <translation>Sign-off: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/workbook_actions.py" line="80"/>
        <source>已记录复核：{0}</source>
        <translation>Sign-off recorded: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="116"/>
        <source> · 自动结论 {0} · 审阅结论 {1}</source>
        <translation> · automatic: {0} · after review: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="30"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="30"/>
        <source>基本符合</source>
        <translation>Largely compliant</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="30"/>
        <source>需核实</source>
        <translation>To be checked</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="31"/>
        <source>待复核</source>
        <translation>Awaiting review</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="31"/>
        <source>不通过</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/findings_panel.py" line="31"/>
        <source>无法读取</source>
        <translation>Unreadable</translation>
    </message>
</context>
</TS>
