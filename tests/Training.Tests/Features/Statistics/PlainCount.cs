using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Statistics;

namespace Training.Tests.Features.Statistics;

/// <summary>
/// The figures of PRODUCT.md §8 for every unit, counted the plainest way: every row loaded,
/// each definition written out again from the spec's table, and for each unit a set of the
/// persons under it. Slow and obvious, so that the service's SQL and its sums up the tree
/// have something independent to agree with.
/// </summary>
public static class PlainCount
{
    public static async Task<Dictionary<int, Figures>> EveryUnitAsync(TrainingDbContext db, DateOnly d)
    {
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.ParentId, u.Level, u.KeyPosts }).ToDictionaryAsync(u => u.Id);
        var baseEducation = await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.BaseEducation);
        var graduations = (await db.EducationRecords.AsNoTracking()
                .Where(r => r.Source == EducationSource.Graduation)
                .Select(r => new { r.PersonId, r.Level, r.EffectiveOn }).ToListAsync())
            .ToLookup(r => r.PersonId);
        var posts = await db.Posts.AsNoTracking().Select(p => new { p.PersonId, p.VillageId, p.Type, p.StartDate, p.EndDate }).ToListAsync();
        var enrollments = await db.Enrollments.AsNoTracking()
            .Select(e => new { e.PersonId, e.VillageId, e.AdmittedOn, e.GraduatedOn, e.WithdrawnOn, e.Split.SelfPaidFen, e.Split.SubsidyFen, e.Split.WaiverFen })
            .ToListAsync();
        var reserves = await db.Reserves.AsNoTracking().Select(r => new { r.VillageId, r.Target, r.InPoolOn, r.LeftPoolOn }).ToListAsync();

        bool AssociateOrAbove(int personId) =>
            new[] { baseEducation[personId] }.Concat(graduations[personId].Where(g => g.EffectiveOn <= d).Select(g => g.Level)).Max() >= Education.Associate;

        IEnumerable<int> UnitsOver(int villageId)
        {
            for (int? id = villageId; id is { } u; id = units[u].ParentId) yield return u;
        }

        var persons = new Dictionary<(int Unit, Figure Figure), HashSet<int>>();
        var rows = units.Keys.ToDictionary(id => id, _ => new long[6]); // in pool, secretary reserves, key posts, three sums
        void Count(int villageId, Figure figure, int personId)
        {
            foreach (var unit in UnitsOver(villageId))
            {
                if (!persons.TryGetValue((unit, figure), out var set)) persons[(unit, figure)] = set = [];
                set.Add(personId);
            }
        }
        void Add(int villageId, int column, long amount)
        {
            foreach (var unit in UnitsOver(villageId)) rows[unit][column] += amount;
        }

        foreach (var p in posts.Where(p => p.StartDate <= d && (p.EndDate is null || p.EndDate >= d)))
        {
            var associate = AssociateOrAbove(p.PersonId);
            Count(p.VillageId, Figure.TwoCommitteeCadres, p.PersonId);
            if (associate) Count(p.VillageId, Figure.TwoCommitteeAssociateOrAbove, p.PersonId);
            if (p.Type == PostType.PartySecretary) Count(p.VillageId, Figure.Secretaries, p.PersonId);
            if (p.Type == PostType.PartySecretary && associate) Count(p.VillageId, Figure.SecretariesAssociateOrAbove, p.PersonId);
        }
        foreach (var e in enrollments.Where(e => e.AdmittedOn is { } admitted && admitted <= d))
        {
            Count(e.VillageId, Figure.Participants, e.PersonId);
            var graduated = e.GraduatedOn is { } g && g <= d;
            var withdrawn = e.WithdrawnOn is { } w && w <= d;
            if (graduated) Count(e.VillageId, Figure.Graduates, e.PersonId);
            if (!graduated && !withdrawn) Count(e.VillageId, Figure.InStudy, e.PersonId);
            Add(e.VillageId, 3, e.SelfPaidFen);
            Add(e.VillageId, 4, e.SubsidyFen);
            Add(e.VillageId, 5, e.WaiverFen);
        }
        foreach (var r in reserves.Where(r => r.InPoolOn is { } inPool && inPool <= d && (r.LeftPoolOn is null || r.LeftPoolOn > d)))
        {
            Add(r.VillageId, 0, 1);
            if (r.Target == ReserveTarget.Secretary) Add(r.VillageId, 1, 1);
        }
        foreach (var v in units.Values.Where(u => u.Level == OrgLevel.Village))
            Add(v.Id, 2, v.KeyPosts);

        int N(int unit, Figure figure) => persons.GetValueOrDefault((unit, figure))?.Count ?? 0;
        return units.Keys.ToDictionary(id => id, id => new Figures(
            N(id, Figure.Participants), N(id, Figure.Graduates), N(id, Figure.InStudy),
            N(id, Figure.Secretaries), N(id, Figure.SecretariesAssociateOrAbove),
            N(id, Figure.TwoCommitteeCadres), N(id, Figure.TwoCommitteeAssociateOrAbove),
            (int)rows[id][0], (int)rows[id][1], (int)rows[id][2], rows[id][3], rows[id][4], rows[id][5]));
    }
}
