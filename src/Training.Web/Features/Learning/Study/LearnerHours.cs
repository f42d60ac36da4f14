using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Data;

namespace Training.Web.Features.Learning.Study;

/// <summary>
/// A learner's 学时 for a calendar year against what it owes (LEARNING.md §5): 必修 and 选修 summed
/// from the ledger (reversals included, so a correction lowers them), the target of the person's
/// categories on the day asked (the highest where several apply; CityAdmin's, or the national
/// defaults), and what is still owed in all and of 必修.
/// </summary>
public sealed record LearnerHours(int Year, decimal Required, decimal Elective, StudyTarget? Target)
{
    public decimal Total => Required + Elective;
    public decimal StillOwed => Target is null ? 0 : Math.Max(0, Target.Hours - Total);
    public decimal RequiredStillOwed => Target is null ? 0 : Math.Max(0, Target.RequiredHours - Required);

    /// <summary>What <see cref="ForAsync"/> reads, for a kept copy (<c>FiguresMemo</c>): the ledger, the targets, and what puts a person in a category.</summary>
    public static readonly string[] Follows =
    [
        .. DataStamps.SubjectsOf(typeof(StudyLedgerEntry), typeof(StudyTarget), typeof(Post), typeof(Person)),
        DataFacets.PooledReserve,
    ];

    /// <summary>
    /// <see cref="ForAsync"/> kept (<c>FiguresMemo</c>, per person and account) until what it reads changes:
    /// the home's card, 我的学时 and the staff's ledger page share it (three queries of six on 我的学时).
    /// </summary>
    public static Task<LearnerHours> KeptAsync(FiguresMemo memo, TrainingDbContext db, int personId, int year, DateOnly today, CancellationToken ct) =>
        memo.GetAsync($"LearnerHours|{personId}|{year}|{today:yyyyMMdd}", Follows, c => ForAsync(db, personId, year, today, c), ct);

    public static async Task<LearnerHours> ForAsync(TrainingDbContext db, int personId, int year, DateOnly today, CancellationToken ct)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var sums = await db.StudyLedger.AsNoTracking()
            .Where(e => e.PersonId == personId && e.On >= from && e.On <= to)
            .GroupBy(e => e.Required)
            .Select(g => new { Required = g.Key, Hours = g.Sum(e => e.Hours) })
            .ToListAsync(ct);
        var categories = await CategoriesAsync(db, personId, today, ct);
        var set = await db.StudyTargets.AsNoTracking().Where(t => t.Year == year).ToListAsync(ct);
        return new LearnerHours(year,
            sums.Where(s => s.Required).Sum(s => s.Hours),
            sums.Where(s => !s.Required).Sum(s => s.Hours),
            StudyTarget.Owed(categories, StudyTarget.ForYear(year, set)));
    }

    /// <summary>The categories a target is set for that the person is in on <paramref name="day"/>.</summary>
    public static async Task<IReadOnlyList<TargetCategory>> CategoriesAsync(TrainingDbContext db, int personId, DateOnly day, CancellationToken ct)
    {
        var members = db.Persons.Where(Person.IsPartyMember);
        var facts = await db.Persons.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new
            {
                Cadre = db.Posts.Where(Post.HeldOn(day)).Any(x => x.PersonId == p.Id),
                Reserve = db.Reserves.Where(ReserveCandidate.InPoolOnDate(day)).Any(r => r.PersonId == p.Id),
                Member = members.Any(m => m.Id == p.Id),
            })
            .SingleOrDefaultAsync(ct);
        var categories = new List<TargetCategory>();
        if (facts is null) return categories;
        if (facts.Cadre) categories.Add(TargetCategory.TwoCommitteeCadre);
        if (facts.Reserve) categories.Add(TargetCategory.Reserve);
        if (facts.Member) categories.Add(TargetCategory.PartyMember);
        return categories;
    }
}
