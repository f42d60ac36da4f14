using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>What the imports say (the upload pages, the reader, the guard, the job, the roster's rows, the <c>import</c> verb), in one place for review.</summary>
public static class ImportTexts
{
    // Upload
    public const string NoFile = "请选择要上传的 Excel 文件（.xlsx）。";
    public const string Empty = "上传的文件是空的（0 字节），请选择填好数据的 Excel 文件（.xlsx）。";
    public const string TooLarge = "文件超过 20 MB，无法上传。请删去不需要的工作表或把数据分成几个文件，分别上传。";
    public const string Unnamed = "未命名.xlsx";
    public const string RosterTitle = "数据导入", GraduationTitle = "毕业名单导入", OfflineHoursTitle = "线下学时导入";
    public const string RecomputingNote = "统计数据将在后台重新计算。", LedgerNote = "学时已计入学时台账。";
    public static string ErrorCount(int n) => $"{n} 处错误";

    // What each roster sheet holds, shown beside the upload
    public const string OrgHelp = "按代码新增或更新。层级为 市、区、镇街、村社区；村社区须填类型（村 或 社区）；上级代码须已存在且恰好高一级。";
    public const string PersonsHelp = "按身份证号新增或更新。政治面貌：中共党员、中共预备党员、共青团员、群众；学历：初中及以下、高中/中专、大专、本科、研究生；手机号可空。";
    public const string PostsHelp = "按身份证号 + 村社区代码 + 职务 + 任职日期。日期为 Excel 日期或 yyyy-MM-dd；离任日期为空表示仍在任。";
    public const string EnrollmentsHelp = "按身份证号 + 年度 + 层次。层次：大专、本科；状态：已录取、已毕业、已退学（已毕业须填毕业日期）；金额单位为元，财政补助 + 学校减免 + 个人自付 = 学费总额。";
    public const string ReservesHelp = "按身份证号 + 后备类型。后备类型：书记后备、两委后备；状态：村推、镇选、已入库、已任用、已退出。";
    public const string KeyPostsHelp = "按村社区代码。未填的村（社区）按 1 个关键岗位（党组织书记）计。";

    // The file as a whole
    public const string NotAWorkbook = "文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后重新上传。";
    public const string NotAWorkbookShort = "文件不是有效的 Excel 工作簿（.xlsx）。";
    public const string Damaged = "文件内容已损坏，无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再导入。";
    public static string NoKnownSheet(IEnumerable<string> sheets) => $"工作簿中没有可导入的工作表，工作表名称应为：{string.Join("、", sheets)}。";
    public static string PartTooLarge(long megabytes) => $"文件解压后有一部分超过 {megabytes} MB，不像是本系统的导入模板。请检查文件，或把数据分成几个文件分别上传。";
    public static string TotalTooLarge(long megabytes) => $"文件解压后超过 {megabytes} MB，不像是本系统的导入模板。请检查文件，或把数据分成几个文件分别上传。";
    public static string CellTooLong(int chars) => $"文件中有单元格超过 {chars:N0} 个字，不像是本系统的导入模板。请检查后重新上传。";
    public static string TooManyRows(int rows) => $"文件中有工作表超过 {rows:N0} 行，请把数据分成几个文件分别上传。";
    public const string Reading = "读取", Checking = "校验", Writing = "写入", Finished = "完成";

    // A cell
    public const string Required = "不能为空";
    public const string RequiredAmount = "不能为空（没有请填 0）";
    public static string MissingColumn(string column, IEnumerable<string> columns) => $"表头缺少“{column}”列（表头应为：{string.Join("、", columns)}）";
    public static string NotADate(string? text) => $"“{text}”不是日期，应为 Excel 日期或 yyyy-MM-dd 格式的文本";
    public static string NotAWholeNumber(string? text) => $"“{text}”不是整数";
    public static string NotAnAmount(string? text) => $"“{text}”不是金额（元）";
    public static string BadAmount(decimal yuan) => $"金额“{yuan}”应为不小于 0、至多两位小数的元";
    public static string NotOneOf(string? text, IEnumerable<string> names) => $"“{text}”不是可用的值，应为：{string.Join("、", names)}";
    public static string RequiredOneOf(IEnumerable<string> names) => $"不能为空，应为：{string.Join("、", names)}";
    /// <summary>"人员 第12行 任职日期：……" — one line of the command line's error output.</summary>
    public static string ErrorLine(string sheet, int row, string column, string message) =>
        $"{sheet} 第{row}行{(column.Length > 0 ? " " + column : "")}：{message}";

    // Roster rows
    public const string OrgNameTooLong = "组织名称不能超过 100 个字";
    public static string BadCode(OrgLevel level, int length, string? code) => $"{level.Name()}代码应为 {length} 位数字，“{code}”不符合";
    public const string CityHasNoParent = "市没有上级，上级代码应留空";
    public const string VillageNeedsKind = "村社区必须填写类型：村、社区";
    public static string OnlyVillagesHaveKind(OrgLevel level, string? kind) => $"只有村社区填写类型，{level.Name()}应留空（现为“{kind}”）";
    public const string PersonNameTooLong = "姓名不能超过 50 个字";
    public static string EndBeforeStart(DateOnly? end, DateOnly? start) => $"离任日期 {end:yyyy-MM-dd} 早于任职日期 {start:yyyy-MM-dd}";
    public static string BadYear(int latest, int? year) => $"年度应为 2000 到 {latest} 之间的年份，“{year}”不符合";
    public const string SchoolNameTooLong = "院校名称不能超过 100 个字";
    public const string ProgramNameTooLong = "专业名称不能超过 100 个字";
    public const string GraduatedNeedsDate = "状态为已毕业时必须填写毕业日期";
    public static string EndedBeforeAdmission(EnrollmentState state, DateOnly? on, int? year) =>
        $"{(state == EnrollmentState.Graduated ? "毕业" : "退学")}日期 {on:yyyy-MM-dd} 早于入学日期 {year}-09-01";
    public const string GraduatedAfterToday = "毕业日期不能晚于今天";
    public static string SplitDoesNotAdd(long subsidy, long waiver, long self, long total) =>
        $"财政补助 {Money.ToYuan(subsidy)} + 学校减免 {Money.ToYuan(waiver)} + 个人自付 {Money.ToYuan(self)} = {Money.ToYuan(subsidy + waiver + self)}，不等于学费总额 {Money.ToYuan(total)}";
    public static string InPoolNeedsDate(ReserveState state) => $"状态为{state.Name()}时必须填写入库日期";
    public static string NotYetInPool(ReserveState state) => $"状态为{state.Name()}的后备人选尚未入库，入库日期应留空";
    public const string InPoolAfterToday = "入库日期不能晚于今天";
    public static string BadKeyPosts(int? count) => $"关键岗位数应在 0 到 50 之间，“{count}”不符合";
    public static string DuplicateOf(int first, string keyColumns) => $"与第{first}行重复（{keyColumns}相同）";
    public static string NoSuchVillage(string code) => $"村社区代码“{code}”不存在（系统中和“{RosterSheets.Org}”表中都没有）";
    public static string NotAVillage(string code, string name, OrgLevel level) => $"“{code} {name}”是{level.Name()}，不是村社区";
    public static string NoSuchPerson(string maskedIdNumber) => $"人员不存在：系统中和“{RosterSheets.Persons}”表中都没有身份证号为 {maskedIdNumber} 的人员";
    public static string NoSuchParent(string? code) => $"上级代码“{code}”不存在（系统中和本表前面的行中都没有）";
    public static string WrongParentLevel(string code, string name, OrgLevel parent, OrgLevel level) =>
        $"上级“{code} {name}”是{parent.Name()}，{level.Name()}的上级应为{(level - 1).Name()}";
    public static string LevelFixed(string code, string name, OrgLevel level) => $"系统中“{code} {name}”是{level.Name()}，层级不能更改";
    public const string NoParent = "（无）";
    public static string ParentFixed(string code, string name, string current) => $"系统中“{code} {name}”的上级是“{current}”，上级不能更改";
    public static string RowOf(int row) => $"第{row}行";
    public static string StoredEnrollment(int year, DegreeLevel level, EnrollmentState state) => $"系统中{year}年{level.Name()}的记录（{state.Name()}）";
    public static string OneActiveEnrollment(string where, EnrollmentState state) => $"同一人同时只能有一条在读或正在办理的学历教育，{where}已是“{state.Name()}”";

    // The job and the audit
    public const string RosterActor = "花名册导入";
    public const string AuditRoster = "花名册导入", AuditGraduation = "毕业名单导入";
    public const string MissingRunLog = "导入任务 {RunId} 不存在，跳过";
    public const string FilesForgottenLog = "已删除 {Count} 个导入任务上传的文件（导入已结束，或出错文件已满 7 天）";

    public static string FileDeleted(string at) =>
        $"上传的文件已于 {at} 删除（含完整身份证号，出错的文件最多保留 7 天），错误清单不能再下载；下表列出错误，请改正原文件后重新上传。";

    public static string FileKeptUntil(string at) => $"错误清单可下载到 {at}，之后上传的文件将被删除。";
    public const string FailedLog = "导入 {RunId} 出错，未做任何修改";
    public const string ProgressNotSavedLog = "导入 {RunId} 的进度未能写入";
    public static string NoSchool(int runId) => $"毕业名单导入 {runId} 没有学校。";
    public static string NoUnit(int runId) => $"线下学时导入 {runId} 没有上传人的单位。";
    public static string UnknownKind(ImportKind kind) => $"未知的导入类型 {kind}。";
    public static string Unexpected(string message) => $"导入时发生意外错误，未做任何修改：{message}";
    public static string Imported(string file, string counts) => $"{file}：导入成功，{counts}";
    public static string Refused(string file, int errors) => $"{file}：有 {errors} 处错误，未做任何修改";
    public static string Faulted(string file) => $"{file}：导入出错，未做任何修改";
    /// <summary>"新增 3、更新 1、未变 0（组织 新增 1 …；人员 …）"</summary>
    public static string Counts(IReadOnlyList<SheetCounts> counts, bool perSheet) =>
        $"新增 {counts.Sum(c => c.Added)}、更新 {counts.Sum(c => c.Updated)}、未变 {counts.Sum(c => c.Unchanged)}"
        + (counts.Count == 0 || !perSheet ? "" : "（" + string.Join("；", counts.Select(c => $"{c.Sheet} 新增 {c.Added}、更新 {c.Updated}、未变 {c.Unchanged}")) + "）");

    // The import verb
    public const string Usage = "用法：import 文件.xlsx";
    public static string NoFileGiven => $"请指定要导入的花名册文件。{Usage}";
    public static string BadArguments => $"参数不正确。{Usage}";
    public static string IsAFolder(string file) => $"“{file}”是文件夹，不是花名册文件。{Usage}";
    public static string FileNotFound(string file) => $"找不到文件“{file}”。";
    public static string NotAWorkbookFile(string file) => $"文件“{file}”不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx 后重新导入。";
    public static string NothingImported(int errors) => $"共 {errors} 处错误，未导入任何数据。";
    public const string ImportedRecomputing = "已导入，统计数据将在后台重新计算。";
    public static string SheetLine(SheetCounts c) => $"{c.Sheet}：新增 {c.Added}，更新 {c.Updated}，未变 {c.Unchanged}";
}
