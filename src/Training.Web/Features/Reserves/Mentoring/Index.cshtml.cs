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

namespace Training.Web.Features.Reserves.Mentoring;

/// <summary>
/// 结对帮带 in the account's scope, running ones first by default, with the count of pairs
/// that went 90 days without an evaluation on top and a filter for them (longest first).
/// The same URL serves the page and the rows fragment for htmx.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public PairState State { get; set; } = PairState.Active;
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;


    public sealed record Row(int Id, int ReserveId, string ReserveName, int VillageId, string VillageName, string TownshipName,
        int MentorId, string MentorName, IReadOnlyList<MentorPost> MentorPosts, DateOnly StartOn, DateOnly EndOn, DateOnly? LastEvaluatedOn);

    /// <summary>The page of rows shown: counted, its number clamped to the pages there are (the one Paged).</summary>
    public Paged<Row> Paged { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<Row> Rows => Paged.Items;
    public int Total => Paged.Total;
    public int OverdueCount { get; private set; }
    public IReadOnlySet<int> OverdueIds { get; private set; } = new HashSet<int>();
    public int PageCount => Paged.PageCount;
    public DateOnly Today { get; private set; }
    public bool MayStart => me.IsIn(Roles.TownshipStaff);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        // Five queries (the overdue count, the page's count, its rows, the mentors' posts, the overdue marks) kept per
        // filter, page and day until a pair, a candidate, a person, a post or a unit is saved: staff open the list all day.
        var shown = await memo.GetAsync($"Mentoring|{State}|{Overdue}|{PageNumber}|{Today:yyyyMMdd}", Follows, ReadAsync, ct);
        (Paged, OverdueCount, OverdueIds) = (shown.Paged, shown.OverdueCount, shown.OverdueIds);
        PageNumber = Paged.PageNumber;
        return this.PageOrFragment("_Rows");
    }

    private static readonly Type[] Follows = [typeof(MentorPair), typeof(ReserveCandidate), typeof(Person), typeof(Post), typeof(OrgUnit)];

    private sealed record Shown(Paged<Row> Paged, int OverdueCount, IReadOnlySet<int> OverdueIds);

    private async Task<Shown> ReadAsync(CancellationToken ct)
    {
        var today = Today;
        var pairs = db.MentorPairs.AsNoTracking().InScope(me);
        var overdueCount = await pairs.Where(MentorPair.OverdueOn(today)).CountAsync(ct);

        var query = State.Phase() is { } phase ? pairs.InPhase(phase, today) : pairs;
        if (Overdue) query = query.Where(MentorPair.OverdueOn(today));

        var ordered = Overdue
            ? query.OrderBy(p => p.LastEvaluatedOn ?? p.StartOn).ThenBy(p => p.Id)
            : query.OrderByDescending(p => p.StartOn).ThenByDescending(p => p.Id);
        var paged = await ordered
            .Select(p => new Row(p.Id, p.ReserveId, p.Reserve.Person.Name, p.Reserve.VillageId, p.Reserve.Village.Name,
                p.Reserve.Village.Parent!.Name, p.MentorId, p.Mentor.Name, Array.Empty<MentorPost>(),
                p.StartOn, p.EndOn, p.LastEvaluatedOn))
            .ToPagedAsync(PageNumber, ct, PageSize);
        var posts = await MentorPost.HeldOnAsync(db, paged.Items.Select(r => r.MentorId).ToList(), today, ct);
        paged = paged with { Items = paged.Items.Select(r => r with { MentorPosts = posts[r.MentorId].ToList() }).ToList() };
        // The overdue mark asks the domain's rule, not a copy of it.
        var ids = paged.Items.Select(r => r.Id).ToList();
        var overdueIds = (await pairs.Where(p => ids.Contains(p.Id)).Where(MentorPair.OverdueOn(today))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return new Shown(paged, overdueCount, overdueIds);
    }

    /// <summary>Days since the last evaluation, or since the start when there is none.</summary>
    public int DaysWithoutEvaluation(Row r) => Today.DayNumber - (r.LastEvaluatedOn ?? r.StartOn).DayNumber;

    public bool IsOverdue(Row r) => OverdueIds.Contains(r.Id);

    public string PageUrl(int page) => ListUrl(State, Overdue, page);

    public static string ListUrl(PairState state, bool overdue, int page = 1)
    {
        var parts = new List<string>();
        if (state != PairState.Active) parts.Add("State=" + state);
        if (overdue) parts.Add("Overdue=true");
        if (page > 1) parts.Add("p=" + page);
        return "/Mentoring" + (parts.Count > 0 ? "?" + string.Join("&", parts) : "");
    }
}
