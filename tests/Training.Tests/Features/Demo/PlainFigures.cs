using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Tests.Features.Demo;

/// <summary>The §8 figures of one day, counted plainly.</summary>
internal sealed record Figures(
    int Participants, int Graduates, int Secretaries, int SecretariesAssociateOrAbove,
    int Cadres, int CadresAssociateOrAbove, int ReservesInPool, int SecretaryReserves)
{
    public static async Task<Figures> ComputeAsync(TrainingDbContext db, DateOnly d)
    {
        var reached = new[] { EnrollmentState.Admitted, EnrollmentState.Graduated, EnrollmentState.Withdrawn };
        var participants = await db.Enrollments.Where(e => reached.Contains(e.State) && e.AdmittedOn <= d)
            .Select(e => e.PersonId).Distinct().CountAsync();
        var graduates = await db.Enrollments.Where(e => e.State == EnrollmentState.Graduated && e.GraduatedOn <= d)
            .Select(e => e.PersonId).Distinct().CountAsync();

        var held = await db.Posts.Where(p => p.StartDate <= d && (p.EndDate == null || p.EndDate >= d))
            .Select(p => new { p.PersonId, p.Type }).ToListAsync();
        var secretaries = held.Where(p => p.Type == PostType.PartySecretary).Select(p => p.PersonId).ToHashSet();
        var cadres = held.Select(p => p.PersonId).ToHashSet();

        // Highest education on d: the recorded base or any graduation dated on or before d.
        var highest = await db.Persons.Select(p => new { p.Id, p.BaseEducation }).ToDictionaryAsync(p => p.Id, p => p.BaseEducation);
        var graduations = await db.EducationRecords.Where(r => r.Source == EducationSource.Graduation && r.EffectiveOn <= d)
            .Select(r => new { r.PersonId, r.Level }).ToListAsync();
        foreach (var g in graduations)
            if (g.Level > highest[g.PersonId]) highest[g.PersonId] = g.Level;

        var pool = db.Reserves.Where(r => r.InPoolOn <= d && (r.LeftPoolOn == null || r.LeftPoolOn > d));
        return new Figures(
            participants, graduates,
            secretaries.Count, secretaries.Count(id => highest[id] >= Education.Associate),
            cadres.Count, cadres.Count(id => highest[id] >= Education.Associate),
            await pool.CountAsync(), await pool.CountAsync(r => r.Target == ReserveTarget.Secretary));
    }
}
