using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// 数据导入 (CityAdmin): upload a roster workbook; it is stored and imported in the background
/// (<see cref="ImportJob"/>), and the run page shows its progress and then its result.
/// </summary>
[Authorize(Policy = DataExchangePermissions.ImportRoster)]
[RequestSizeLimit(ImportUpload.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = ImportUpload.RequestLimit)]
[ImportUpload.TooLargeFilter]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>Set by <see cref="ImportUpload.TooLargeFilterAttribute"/> when a request was too large to read.</summary>
    [BindProperty(SupportsGet = true)] public bool TooLarge { get; set; }

    public IReadOnlyList<ImportRunScope.RunRow> Runs { get; private set; } = [];

    /// <summary>The sheets as the user fills them: name, headers in order, and what to know.</summary>
    public sealed record SheetHelp(string Name, IReadOnlyList<string> Columns, string Note);

    public static readonly IReadOnlyList<SheetHelp> Sheets =
    [
        new(RosterSheets.Org, RosterSheets.OrgColumns, "按代码新增或更新。层级为 市、区、镇街、村社区；村社区须填类型（村 或 社区）；上级代码须已存在且恰好高一级。"),
        new(RosterSheets.Persons, RosterSheets.PersonColumns, "按身份证号新增或更新。政治面貌：中共党员、中共预备党员、共青团员、群众；学历：初中及以下、高中/中专、大专、本科、研究生；手机号可空。"),
        new(RosterSheets.Posts, RosterSheets.PostColumns, "按身份证号 + 村社区代码 + 职务 + 任职日期。日期为 Excel 日期或 yyyy-MM-dd；离任日期为空表示仍在任。"),
        new(RosterSheets.Enrollments, RosterSheets.EnrollmentColumns, "按身份证号 + 年度 + 层次。层次：大专、本科；状态：已录取、已毕业、已退学（已毕业须填毕业日期）；金额单位为元，财政补助 + 学校减免 + 个人自付 = 学费总额。"),
        new(RosterSheets.Reserves, RosterSheets.ReserveColumns, "按身份证号 + 后备类型。后备类型：书记后备、两委后备；状态：村推、镇选、已入库、已任用、已退出。"),
        new(RosterSheets.KeyPosts, RosterSheets.KeyPostColumns, "按村社区代码。未填的村（社区）按 1 个关键岗位（党组织书记）计。"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TooLarge) ModelState.AddModelError(nameof(Upload), ImportUpload.TooLarge);
        Runs = await ImportRunScope.RecentAsync(db, me, 20, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (content, error) = await ImportUpload.ReadAsync(Upload, ct);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            Runs = await ImportRunScope.RecentAsync(db, me, 20, ct);
            return this.Unprocessable();
        }
        var run = new ImportRun(ImportKind.Roster, ImportUpload.FileName(Upload!), me.UserName, null, clock.UtcNow());
        var id = await ImportUpload.StoreAndEnqueueAsync(db, jobs, run, content!, ct);
        return RedirectToPage("/DataExchange/Import/Run", new { id });
    }
}
