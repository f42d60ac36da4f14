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
/// <see cref="MyDataSheets"/>: the account and the roster record here, each list with its count and a link to its own
/// page (/MyData/Sheet/{key}), all of them in the download; and the 更正申请 with the form: the trainee writes what is
/// wrong, its units' staff answer on /Corrections and the answer shows here.
/// </summary>
[Authorize(Policy = PeoplePermissions.OwnData)]
public sealed class IndexModel(TrainingDbContext db, MyDataSheets sheets, CurrentUser me, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyDataSheets.Sheet> Records { get; private set; } = [];

    public IReadOnlyList<MyDataSheets.Count> Counts { get; private set; } = [];

    /// <summary>The trainee's 更正申请, latest first (a page of them: the answers are read here).</summary>
    public MyDataSheets.Sheet Corrections { get; private set; } = null!;

    [BindProperty] public CorrectionInput Input { get; set; } = new();

    public sealed class CorrectionInput
    {
        public string? Text { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

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
        return await this.AnswerAsync(result, () => RedirectToPage(), () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Records = await sheets.RecordsAsync(ct);
        Counts = await sheets.CountsAsync(ct);
        var corrections = Counts.Single(c => c.Key == MyDataSheets.CorrectionsKey).Total;
        Corrections = (await sheets.PageAsync(MyDataSheets.CorrectionsKey, 1, ct, corrections))!.Value.Sheet;
    }
}
