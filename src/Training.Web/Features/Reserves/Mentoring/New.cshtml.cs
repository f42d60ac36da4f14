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
using Training.Web.Infrastructure.Workflow;

namespace Training.Web.Features.Reserves.Mentoring;

/// <summary>
/// The township pairs one of its reserves in the pool with a serving two-committee cadre of
/// its villages (PRODUCT.md §2: the township runs mentoring pairs). The mentor is found by a
/// name search (GET), then chosen; the rules (in the pool, serving on the first day, no
/// overlapping pairing) are the domain's.
/// </summary>
[Authorize(Policy = ReservesPermissions.Arrange)]
public sealed class NewModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, FiguresMemo memo) : PageModel
{
    public const int MaxChoices = 200;

    [BindProperty(SupportsGet = true)] public int? ReserveId { get; set; }
    /// <summary>Name typed to find a mentor.</summary>
    [BindProperty(SupportsGet = true)] public string? Mq { get; set; }

    [BindProperty] public int? MentorId { get; set; }
    [BindProperty] public DateOnly? StartOn { get; set; }
    [BindProperty] public DateOnly? EndOn { get; set; }
    [BindProperty] public string? Goals { get; set; }


    public sealed record ReserveChoice(int Id, string Name, string VillageName, ReserveTarget Target);
    public sealed record MentorChoice(int Id, string Name, IReadOnlyList<MentorPost> Posts);

    public IReadOnlyList<ReserveChoice> Reserves { get; private set; } = [];
    public IReadOnlyList<MentorChoice> Mentors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        StartOn ??= today;
        EndOn ??= today.AddYears(1);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await StartAsync(ct);
        return await this.AnswerAsync(result, () => RedirectToPage("/Reserves/Mentoring/Detail", new { id = result.Id }),
            () => LoadAsync(ct), fieldPrefix: "");
    }

    /// <summary>Pairs the chosen reserve and mentor; a reserve or mentor from outside the township is not found (nothing said about it).</summary>
    private async Task<StepResult> StartAsync(CancellationToken ct)
    {
        if (ReserveId is not { } reserveId) return StepResult.Refused(MentoringTexts.ChooseReserve, nameof(ReserveId));
        if (MentorId is not { } mentorId) return StepResult.Refused(MentoringTexts.ChooseMentor, nameof(MentorId));
        if (StartOn is not { } startOn) return StepResult.Refused(MentoringTexts.NoStart, nameof(StartOn));
        if (EndOn is not { } endOn) return StepResult.Refused(MentoringTexts.NoEnd, nameof(EndOn));

        var reserve = await db.Reserves.InScope(me).Include(r => r.Person).Include(r => r.Village)
            .SingleOrDefaultAsync(r => r.Id == reserveId, ct);
        if (reserve is null) return StepResult.NotFound(MentoringTexts.ReserveNotFound);
        var mentor = await MayMentor(db.Persons).Include(p => p.Posts).SingleOrDefaultAsync(p => p.Id == mentorId, ct);
        if (mentor is null) return StepResult.NotFound(MentoringTexts.MentorNotFound);
        var existing = await db.MentorPairs.Where(p => p.ReserveId == reserveId).ToListAsync(ct);

        return await db.CreateAsync(() =>
            {
                var pair = MentorPair.Start(reserve, mentor, startOn, endOn, Goals, me.Actor, clock.UtcNow(), existing);
                db.Audit.Add(new AuditEntry(me.UserName, ReservesTexts.PairStartedAudit,
                    ReservesTexts.PairStartedDetail(reserve.Person.Name, reserve.Village.Name, mentor.Name, startOn, endOn), clock.UtcNow()));
                return (pair, MentoringTexts.Started(reserve.Person.Name, mentor.Name));
            },
            _ => db.MentorPairs.Where(p => p.ReserveId == reserveId && p.StartOn <= endOn && startOn <= p.EndOn),
            (_, _) => new AuditEntry(me.UserName, ReservesTexts.PairRetractedAudit, ReservesTexts.PairRetractedDetail(reserve.Person.Name), clock.UtcNow()),
            MentoringTexts.AlreadyPaired(reserve.Person.Name), ct);
    }

    /// <summary>
    /// Persons who may be chosen as mentor from this township: those of its villages and those
    /// holding a post in one of them (a cadre may be registered in another village).
    /// </summary>
    private IQueryable<Person> MayMentor(IQueryable<Person> persons)
    {
        var ofVillages = db.Persons.InScope(me).Select(p => p.Id);
        var withPosts = db.Posts.InScope(me).Select(p => p.PersonId);
        return persons.Where(p => ofVillages.Contains(p.Id) || withPosts.Contains(p.Id));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var q = Mq?.Trim();
        // The two lists (up to 200 reserves and 200 serving cadres with their posts) are the page's cost: kept for the
        // reserve and mentor chosen until a candidate, a pair, a person, a post or a unit is saved. A name searched is
        // read afresh: many keys, each seldom asked again.
        var choices = string.IsNullOrEmpty(q)
            ? await memo.GetAsync($"MentoringChoices|{ReserveId}|{MentorId}|{today:yyyyMMdd}", Follows, ct => ChoicesAsync(today, null, ct), ct)
            : await ChoicesAsync(today, q, ct);
        if (choices is null) return false;
        (Reserves, Mentors) = (choices.Reserves, choices.Mentors);
        return true;
    }

    private static readonly Type[] Follows = [typeof(ReserveCandidate), typeof(MentorPair), typeof(Person), typeof(Post), typeof(OrgUnit)];

    private sealed record Choices(IReadOnlyList<ReserveChoice> Reserves, IReadOnlyList<MentorChoice> Mentors);

    /// <summary>The choices offered, or null when the reserve asked for is not the township's.</summary>
    private async Task<Choices?> ChoicesAsync(DateOnly today, string? q, CancellationToken ct)
    {
        var inPool = db.Reserves.AsNoTracking().InScope(me).Where(r => r.State == ReserveState.InPool);
        if (ReserveId is { } chosen && !await inPool.AnyAsync(r => r.Id == chosen, ct))
        {
            // A reserve of the township that left the pool is shown the domain's message on POST; outside: 404.
            if (!await db.Reserves.InScope(me).AnyAsync(r => r.Id == chosen, ct)) return null;
        }
        var paired = db.MentorPairs.InScope(me).Where(p => p.EndOn >= today).Select(p => p.ReserveId);
        var reserves = await inPool
            .Where(r => r.Id == ReserveId || !paired.Contains(r.Id))
            .OrderBy(r => r.Id == ReserveId ? 0 : 1).ThenBy(r => r.Village.Code).ThenBy(r => r.Person.Name).ThenBy(r => r.Id)
            .Take(MaxChoices)
            .Select(r => new ReserveChoice(r.Id, r.Person.Name, r.Village.Name, r.Target))
            .ToListAsync(ct);

        var serving = MayMentor(db.Persons.AsNoTracking()).Where(Person.TwoCommitteeCadreOn(today));
        if (!string.IsNullOrEmpty(q)) serving = serving.Where(p => p.Name.Contains(q) || p.Id == MentorId);
        var mentors = await serving
            .OrderBy(p => p.Id == MentorId ? 0 : 1).ThenBy(p => p.Village.Code).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(MaxChoices)
            .Select(p => new MentorChoice(p.Id, p.Name, Array.Empty<MentorPost>()))
            .ToListAsync(ct);
        var posts = await MentorPost.HeldOnAsync(db, mentors.Select(m => m.Id).ToList(), today, ct);
        return new Choices(reserves, mentors.Select(m => m with { Posts = posts[m.Id].ToList() }).ToList());
    }
}
