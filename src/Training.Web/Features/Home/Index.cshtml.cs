using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Infrastructure;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.Home;

/// <summary>Home: what is mine to do, for each role, inside the account's scope.</summary>
[Authorize(Policy = HomePermissions.Home)]
public sealed class IndexModel(TrainingDbContext db, CurrentUser me, TimeProvider clock, Reserves.Coverage.CoverageQuery coverage) : PageModel
{
    public StaffHome? Staff { get; private set; }
    public TraineeHome? Trainee { get; private set; }
    public SchoolHome? School { get; private set; }
    /// <summary>The trainee's unread in-app notifications (their application moved), newest first.</summary>
    public IReadOnlyList<NotificationLine> Notifications { get; private set; } = [];

    public sealed record NotificationLine(long Id, string Text, DateTime CreatedAt);

    /// <summary>Applications waiting at the reviewer's own step (township, district or city); null for others.</summary>
    public int? ReviewsWaiting { get; private set; }

    public sealed record StaffHome(
        string UnitName, OrgLevel Level, int ChildUnits, int Villages, int Persons, int Cadres, int ReservesInPool,
        int VillagesBelowRule, int Accounts, int CandidatesWaiting, int PairsOverdue);

    public sealed record TraineeHome(
        int PersonId, string Name, string VillageName, string Education, IReadOnlyList<string> Posts,
        IReadOnlyList<EnrollmentLine> Enrollments);

    public sealed record EnrollmentLine(int Year, string Program, string State);

    public sealed record SchoolHome(string SchoolName, int InStudy, int Graduated);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today();
        if (me.IsIn(Roles.Trainee)) Trainee = await LoadTraineeAsync(today, ct);
        else if (me.IsIn(Roles.SchoolRegistrar)) School = await LoadSchoolAsync(ct);
        else if (me.OrgUnitId is not null) Staff = await LoadStaffAsync(today, ct);
        if (me.IsIn(Roles.Trainee)) Notifications = await db.Notifications.AsNoTracking()
            .Where(n => n.PersonId == me.PersonId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(20)
            .Select(n => new NotificationLine(n.Id, n.Text, n.CreatedAt))
            .ToListAsync(ct);
        if (Degree.Reviews.ReviewStage.For(me) is { } stage)
            ReviewsWaiting = await db.Enrollments.AsNoTracking().InScope(me).CountAsync(e => e.State == stage.Waiting, ct);
    }

    /// <summary>Marks the trainee's own notifications read: one (<paramref name="id"/>) or all unread.</summary>
    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        var unread = await db.Notifications
            .Where(n => n.PersonId == me.PersonId && n.ReadAt == null && (id == null || n.Id == id))
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in unread) n.MarkRead(now);
        await db.SaveChangesAsync(ct);
        return Redirect("/");
    }

    private async Task<StaffHome> LoadStaffAsync(DateOnly today, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().InScope(me);
        var unit = await units.Where(u => u.Id == me.OrgUnitId).Select(u => new { u.Name, u.Level }).SingleAsync(ct);
        var childUnits = await units.CountAsync(u => u.ParentId == me.OrgUnitId, ct);
        var villages = await units.CountAsync(u => u.Level == OrgLevel.Village, ct);
        var persons = await db.Persons.AsNoTracking().InScope(me).CountAsync(ct);
        var cadres = await db.Persons.AsNoTracking().InScope(me).Where(Person.TwoCommitteeCadreOn(today)).CountAsync(ct);
        var reserves = db.Reserves.AsNoTracking().InScope(me).Where(ReserveCandidate.InPoolOnDate(today));
        var inPool = await reserves.CountAsync(ct);
        // The 1:2 rule as the coverage page reads it (the secretary post needs two 书记后备).
        var below = (await coverage.VillagesUnderAsync(me.OrgPath!, today, ct)).Count(v => !v.Rule.Meets);
        // Candidates at this account's step of 村推 → 镇选 → 区考察.
        var waitingState = me.IsIn(Roles.TownshipStaff) ? ReserveState.Recommended
            : me.IsIn(Roles.DistrictStaff) ? ReserveState.Selected
            : (ReserveState?)null;
        var waiting = waitingState is { } state
            ? await db.Reserves.AsNoTracking().InScope(me).CountAsync(r => r.State == state, ct)
            : 0;
        var overdue = await db.MentorPairs.AsNoTracking().InScope(me).Where(MentorPair.OverdueOn(today)).CountAsync(ct);
        var accounts = await db.Users.AsNoTracking().CountAsync(u => u.OrgUnit != null && u.OrgUnit.Path.StartsWith(me.OrgPath!), ct);
        return new StaffHome(unit.Name, unit.Level, childUnits, villages, persons, cadres, inPool, below, accounts, waiting, overdue);
    }

    private async Task<TraineeHome?> LoadTraineeAsync(DateOnly today, CancellationToken ct)
    {
        var person = await db.Persons.AsNoTracking().InScope(me)
            .Select(p => new { p.Id, p.Name, Village = p.Village.Name, p.Education })
            .SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var posts = await db.Posts.AsNoTracking().InScope(me)
            .Where(Post.HeldOn(today))
            .Select(p => new { p.Type, Village = p.Village.Name })
            .ToListAsync(ct);
        var enrollments = await db.Enrollments.AsNoTracking().InScope(me)
            .OrderByDescending(e => e.Year)
            .Select(e => new { e.Year, Program = e.Program.Name, e.Level, e.State })
            .ToListAsync(ct);
        return new TraineeHome(person.Id, person.Name, person.Village, person.Education.Name(),
            posts.Select(p => $"{p.Village} {p.Type.Name()}").ToList(),
            enrollments.Select(e => new EnrollmentLine(e.Year, $"{e.Program}（{e.Level.Name()}）", e.State.Name())).ToList());
    }

    private async Task<SchoolHome?> LoadSchoolAsync(CancellationToken ct)
    {
        var name = await db.Schools.AsNoTracking().Where(s => s.Id == me.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (name is null) return null;
        var mine = db.Enrollments.AsNoTracking().InScope(me);
        return new SchoolHome(name,
            await mine.CountAsync(e => e.State == EnrollmentState.Admitted, ct),
            await mine.CountAsync(e => e.State == EnrollmentState.Graduated, ct));
    }
}
