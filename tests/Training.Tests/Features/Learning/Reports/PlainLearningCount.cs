using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Assignments;
using Training.Web.Features.Learning.Reports;

namespace Training.Tests.Features.Learning.Reports;

/// <summary>
/// The learning figures counted plainly, to hold the report to: the ledger's entries read one by one (not
/// the aggregates), each person's target picked by hand from the year's targets and the national defaults,
/// completion of a course decided from the entries in memory. Who is in a category and who an assignment
/// assigns are the domain's own definitions (Post.HeldOn, ReserveCandidate.InPoolOnDate,
/// Person.IsPartyMember, AssignmentMembers.Of).
/// </summary>
internal static class PlainLearningCount
{
    private static readonly Dictionary<TargetCategory, (decimal Hours, decimal Required)> Defaults = new()
    {
        [TargetCategory.TwoCommitteeCadre] = (56, 28),
        [TargetCategory.Reserve] = (50, 25),
        [TargetCategory.PartyMember] = (32, 16),
    };

    /// <summary>Every unit's figures, keyed by unit code.</summary>
    public static async Task<Dictionary<string, LearningFigures>> EveryUnitAsync(TrainingDbContext db, int year, DateOnly day)
    {
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code, u.Path, u.Level }).ToListAsync();
        var villagePath = units.Where(u => u.Level == OrgLevel.Village).ToDictionary(u => u.Id, u => u.Path);
        var persons = await db.Persons.AsNoTracking().Select(p => new { p.Id, p.VillageId }).ToListAsync();
        var cadres = (await db.Posts.AsNoTracking().Where(Post.HeldOn(day)).Select(p => p.PersonId).ToListAsync()).ToHashSet();
        var reserves = (await db.Reserves.AsNoTracking().Where(ReserveCandidate.InPoolOnDate(day)).Select(r => r.PersonId).ToListAsync()).ToHashSet();
        var members = (await db.Persons.AsNoTracking().Where(Person.IsPartyMember).Select(p => p.Id).ToListAsync()).ToHashSet();
        var entries = await db.StudyLedger.AsNoTracking().Select(e => new { e.Id, e.PersonId, e.On, e.Hours, e.Required, e.Source, e.SourceId, e.ReversesId }).ToListAsync();
        var set = await db.StudyTargets.AsNoTracking().Where(t => t.Year == year).ToListAsync();
        (decimal Hours, decimal Required) TargetOf(TargetCategory c) =>
            set.FirstOrDefault(t => t.Category == c) is { } t ? (t.Hours, t.RequiredHours) : Defaults[c];

        var required = new Dictionary<int, decimal>();
        var elective = new Dictionary<int, decimal>();
        foreach (var e in entries.Where(e => e.On.Year == year))
        {
            var sums = e.Required ? required : elective;
            sums[e.PersonId] = sums.GetValueOrDefault(e.PersonId) + e.Hours;
        }

        var byVillage = new Dictionary<int, LearningFigures>();
        void Add(int village, LearningFigures f) => byVillage[village] = byVillage.TryGetValue(village, out var v) ? v + f : f;
        foreach (var p in persons)
        {
            var categories = new List<TargetCategory>();
            if (cadres.Contains(p.Id)) categories.Add(TargetCategory.TwoCommitteeCadre);
            if (reserves.Contains(p.Id)) categories.Add(TargetCategory.Reserve);
            if (members.Contains(p.Id)) categories.Add(TargetCategory.PartyMember);
            if (categories.Count == 0) continue;
            var owed = categories.Select(TargetOf).OrderByDescending(t => t.Hours).ThenByDescending(t => t.Required).First();
            var r = required.GetValueOrDefault(p.Id);
            var total = r + elective.GetValueOrDefault(p.Id);
            Add(p.VillageId, new LearningFigures(1,
                cadres.Contains(p.Id) ? 1 : 0, reserves.Contains(p.Id) ? 1 : 0, members.Contains(p.Id) ? 1 : 0,
                (long)(total * 100), (long)(r * 100),
                total >= owed.Hours && r >= owed.Required ? 1 : 0, total == 0 ? 1 : 0, 0));
        }

        // Overdue: assigned on the day by an assignment whose deadline fell in the year and passed, and no standing credit of the course.
        var reversed = entries.Where(e => e.ReversesId != null).Select(e => e.ReversesId!.Value).ToHashSet();
        var from = new DateOnly(year, 1, 1);
        var overdueAssignments = await db.Assignments.AsNoTracking().Include(a => a.Unit)
            .Where(a => !a.Cancelled && a.StartOn <= day && a.DueOn >= from && a.DueOn < day).ToListAsync();
        var overdue = new Dictionary<int, int>();
        foreach (var a in overdueAssignments)
        {
            var credited = entries.Where(e => e.Source == StudySource.OnlineCourse && e.SourceId == a.CourseId && e.ReversesId == null && !reversed.Contains(e.Id))
                .Select(e => e.PersonId).ToHashSet();
            foreach (var m in await AssignmentMembers.Of(db, a, day).AsNoTracking().Select(p => new { p.Id, p.VillageId }).ToListAsync())
                if (!credited.Contains(m.Id)) overdue[m.Id] = m.VillageId;
        }
        foreach (var village in overdue.Values) Add(village, LearningFigures.Zero with { Overdue = 1 });

        var result = new Dictionary<string, LearningFigures>();
        foreach (var u in units)
        {
            var f = LearningFigures.Zero;
            foreach (var (village, figures) in byVillage)
                if (villagePath.TryGetValue(village, out var path) && path.StartsWith(u.Path, StringComparison.Ordinal)) f += figures;
            result[u.Code] = f;
        }
        return result;
    }

    /// <summary>The ledger summed per person, year and month, as the aggregates should hold it.</summary>
    public static async Task<List<(int Year, int PersonId, int Month, long Required, long Elective)>> TotalsAsync(TrainingDbContext db) =>
        (await db.StudyLedger.AsNoTracking().Select(e => new { e.PersonId, e.On, e.Hours, e.Required }).ToListAsync())
            .GroupBy(e => (e.On.Year, e.PersonId, e.On.Month))
            .Select(g => (g.Key.Year, g.Key.PersonId, g.Key.Month,
                (long)(g.Where(e => e.Required).Sum(e => e.Hours) * 100), (long)(g.Where(e => !e.Required).Sum(e => e.Hours) * 100)))
            .OrderBy(t => t.Year).ThenBy(t => t.PersonId).ThenBy(t => t.Month)
            .ToList();

    /// <summary>What the aggregate table holds, in the same shape.</summary>
    public static async Task<List<(int Year, int PersonId, int Month, long Required, long Elective)>> StoredAsync(TrainingDbContext db) =>
        (await db.StudyHoursTotals.AsNoTracking().ToListAsync())
            .Select(t => (t.Year, t.PersonId, t.Month, t.RequiredCenti, t.ElectiveCenti))
            .OrderBy(t => t.Year).ThenBy(t => t.PersonId).ThenBy(t => t.Month)
            .ToList();
}
