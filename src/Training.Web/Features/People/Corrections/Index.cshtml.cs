using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.People.MyData;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.People.Corrections;

/// <summary>
/// /Corrections, 更正申请 (PIPL Art. 46): the trainees' requests from 我的数据 for the persons in the unit, open ones
/// first. Staff correct the record where it is kept (the roster) and answer 已更正, or 不予更正 with the reason;
/// the trainee reads the answer on its page. Outside the scope a request is not found.
/// </summary>
[Authorize(Policy = PeoplePermissions.Corrections)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, int PersonId, string Person, string Village, DateTime RequestedAt, string Text,
        CorrectionState State, string? Reply, string? HandledBy, DateTime? HandledAt, Guid Version);

    public Paged<Row> Rows { get; private set; } = null!;

    [BindProperty] public AnswerInput Input { get; set; } = new();

    public sealed class AnswerInput
    {
        public int Id { get; set; }
        public Guid Version { get; set; }
        public bool Corrected { get; set; }
        public string? Reply { get; set; }
    }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "p")] int pageNumber, CancellationToken ct)
    {
        await LoadAsync(pageNumber, ct);
        return this.PageOrFragment("_Rows");
    }

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        var result = await db.RunAsync(db.CorrectionRequests.InScope(me).Include(r => r.Person).Where(r => r.Id == Input.Id), Input.Version, request =>
        {
            if (Input.Corrected) request.Corrected(Input.Reply, me.UserName, clock.UtcNow());
            else request.Declined(Input.Reply, me.UserName, clock.UtcNow());
            db.Audit.Add(new AuditEntry(me.UserName, MyDataTexts.CorrectionHandledAudit, MyDataTexts.HandledDetail(request.Id, request.Person.Name, request.State), clock.UtcNow()));
            return MyDataTexts.CorrectionHandled;
        }, ct);
        return await this.AnswerAsync(result, () => RedirectToPage(), () => LoadAsync(1, ct));
    }

    public string PageUrl(int page) => Url.Page("/People/Corrections/Index", page > 1 ? new { p = page } : null)!;

    private async Task LoadAsync(int pageNumber, CancellationToken ct) =>
        Rows = await db.CorrectionRequests.AsNoTracking().InScope(me)
            .OrderBy(r => r.State == CorrectionState.Open ? 0 : 1).ThenByDescending(r => r.Id)
            .Select(r => new Row(r.Id, r.PersonId, r.Person.Name, r.Person.Village.Name, r.RequestedAt, r.Text, r.State, r.Reply, r.HandledBy, r.HandledAt, r.Version))
            .ToPagedAsync(pageNumber, ct);
}
