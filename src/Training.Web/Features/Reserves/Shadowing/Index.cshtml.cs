using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Data;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves.Shadowing;

/// <summary>
/// 跟班学习 in the account's scope, newest first, filtered by status on today and by 待评价
/// (over and not evaluated), paged. The same URL serves the page and the rows fragment.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public PeriodPhase? Status { get; set; }
    /// <summary>Only the periods that are over and still await the township's evaluation.</summary>
    [BindProperty(SupportsGet = true)] public bool Pending { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;


    public sealed record Row(int Id, int ReserveId, string ReserveName, string VillageName, string TownshipName,
        string Department, DateOnly StartOn, DateOnly EndOn, Rating? Rating)
    {
        public PeriodPhase StatusOn(DateOnly today) => PeriodPhases.On(StartOn, EndOn, today);
    }

    /// <summary>The page of rows shown: counted, its number clamped to the pages there are (the one Paged).</summary>
    public Paged<Row> Paged { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Row> Rows => Paged.Items;
    public int Total => Paged.Total;
    public int PageCount => Paged.PageCount;
    public DateOnly Today { get; private set; }
    public bool MayRecord => me.IsIn(Roles.TownshipStaff);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        // The count and the page kept per filter, page and day until a period, a candidate, a person or a unit is
        // saved, as 结对帮带's list: the township opens it all day.
        Paged = await memo.GetAsync($"Shadowing|{Status}|{Pending}|{PageNumber}|{Today:yyyyMMdd}", Follows, ReadAsync, ct);
        PageNumber = Paged.PageNumber;
        return this.PageOrFragment("_Rows");
    }

    private static readonly Type[] Follows = [typeof(Core.Domain.Shadowing), typeof(ReserveCandidate), typeof(Person), typeof(OrgUnit)];

    private Task<Paged<Row>> ReadAsync(CancellationToken ct)
    {
        var query = db.Shadowings.AsNoTracking().InScope(me);
        if (Status is { } status) query = query.InPhase(status, Today);
        if (Pending) query = query.Where(ShadowingTexts.AwaitingEvaluation(Today));
        return query
            .OrderByDescending(s => s.StartOn).ThenByDescending(s => s.Id)
            .Select(s => new Row(s.Id, s.ReserveId, s.Reserve.Person.Name, s.Reserve.Village.Name, s.Township.Name,
                s.Department, s.StartOn, s.EndOn, s.Rating))
            .ToPagedAsync(PageNumber, ct, PageSize);
    }

    public string PageUrl(int page)
    {
        var parts = new List<string>();
        if (Status is not null) parts.Add("Status=" + Status);
        if (Pending) parts.Add("Pending=true");
        if (page > 1) parts.Add("p=" + page);
        return "/Shadowing" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
