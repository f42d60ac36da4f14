using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.People.MyData;

/// <summary>
/// /MyData, 我的数据 (PIPL Art. 45–46): everything the portal holds about the trainee, in the sheets of
/// <see cref="MyDataSheets"/> (the first rows of each here, all of them in the download), and the 更正申请 form:
/// the trainee writes what is wrong; its units' staff answer on /Corrections.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnData)]
public sealed class IndexModel(TrainingDbContext db, MyDataSheets sheets, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>Rows of a sheet shown on the page; the download has them all.</summary>
    public const int RowsShown = 20;

    public IReadOnlyList<MyDataSheets.Sheet> Sheets { get; private set; } = [];

    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public sealed class CorrectionInput
    {
        public string? Text { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => Sheets = await sheets.ReadAsync(RowsShown, ct);

    public async Task<IActionResult> OnPostCorrectionAsync(CancellationToken ct)
    {
        var person = await db.Persons.InScope(me).SingleAsync(ct);
        CorrectionRequest? request = null;
        var result = await db.ActAsync(() =>
        {
            request = new CorrectionRequest(person, Input.Text ?? "", me.UserName, clock.UtcNow());
            db.CorrectionRequests.Add(request);
            return MyDataTexts.CorrectionSent;
        }, ct);
        if (result.IsDone)
        {
            // After the save: the entry names the request by its number.
            db.Audit.Add(new AuditEntry(me.UserName, MyDataTexts.CorrectionRequestedAudit, MyDataTexts.CorrectionDetail(request!.Id, person.Name), clock.UtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return await this.AnswerAsync(result, () => RedirectToPage(), async () => Sheets = await sheets.ReadAsync(RowsShown, ct));
    }
}
