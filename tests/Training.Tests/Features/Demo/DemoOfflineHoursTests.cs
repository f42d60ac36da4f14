using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Demo;

namespace Training.Tests.Features.Demo;

/// <summary>The demo's 线下学时 (issue 14 point 6): a few hundred records over every district, each credited once in the ledger.</summary>
[Collection(AppCollection.Name)]
public sealed class DemoOfflineHoursTests(AppFixture app)
{
    [Fact]
    public async Task Should_give_a_few_hundred_cadres_of_every_district_offline_hours_each_credited_once()
    {
        var records = await app.WithDbAsync(db => db.OfflineStudy.AsNoTracking().Where(r => r.RecordedBy == DemoDevelopment.Actor)
            .Select(r => new
            {
                r.Id, r.Hours, r.Required, r.Organizer, District = db.Persons.Where(p => p.Id == r.PersonId).Select(p => p.Village.Path.Substring(8, 6)).Single(),
                Credits = db.StudyLedger.Where(e => e.Source == StudySource.Offline && e.SourceId == r.Id).Select(e => e.Hours).ToList(),
            })
            .ToListAsync());

        Assert.InRange(records.Count, 300, 1000);
        Assert.Equal(11, records.Select(r => r.District).Distinct().Count());
        Assert.All(records, r => Assert.Equal([r.Hours], r.Credits));
        Assert.Contains(records, r => r.Required);
        Assert.Contains(records, r => !r.Required);
        Assert.Contains(records, r => r.Organizer.EndsWith("区委组织部", StringComparison.Ordinal));
    }
}
