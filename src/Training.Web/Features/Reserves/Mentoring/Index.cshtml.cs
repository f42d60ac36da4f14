using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Reserves.Mentoring;

/// <summary>
/// 结对帮带 in the account's scope, running ones first by default, with the count of pairs
/// that went 90 days without an evaluation on top and a filter for them (longest first).
/// The same URL serves the page and the rows fragment for htmx.
/// </summary>
[Authorize(Policy = ReservesPermissions.View)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock) : PageModel
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
        var pairs = db.MentorPairs.AsNoTracking().InScope(me);
        OverdueCount = await pairs.Where(MentorPair.OverdueOn(Today)).CountAsync(ct);

        var today = Today;
        var query = State.Phase() is { } phase ? pairs.InPhase(phase, today) : pairs;
        if (Overdue) query = query.Where(MentorPair.OverdueOn(today));

        var ordered = Overdue
            ? query.OrderBy(p => p.LastEvaluatedOn ?? p.StartOn).ThenBy(p => p.Id)
            : query.OrderByDescending(p => p.StartOn).ThenByDescending(p => p.Id);
        Paged = await ordered
            .Select(p => new Row(p.Id, p.ReserveId, p.Reserve.Person.Name, p.Reserve.VillageId, p.Reserve.Village.Name,
                p.Reserve.Village.Parent!.Name, p.MentorId, p.Mentor.Name, Array.Empty<MentorPost>(),
                p.StartOn, p.EndOn, p.LastEvaluatedOn))
            .ToPagedAsync(PageNumber, ct, PageSize);
        var posts = await MentorPost.HeldOnAsync(db, Paged.Items.Select(r => r.MentorId).ToList(), today, ct);
        Paged = Paged with { Items = Paged.Items.Select(r => r with { MentorPosts = posts[r.MentorId].ToList() }).ToList() };
        PageNumber = Paged.PageNumber;
        // The overdue mark asks the domain's rule, not a copy of it.
        var ids = Rows.Select(r => r.Id).ToList();
        OverdueIds = (await pairs.Where(p => ids.Contains(p.Id)).Where(MentorPair.OverdueOn(today))
            .Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        return this.PageOrFragment("_Rows");
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
