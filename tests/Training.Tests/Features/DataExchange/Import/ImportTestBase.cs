using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.Degree.Enrollments;
using Training.Tests.Features.Statistics;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Degree.Graduation;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>
/// The import pages over HTTP: upload, the run in the background (the app's own Hangfire
/// server), the page polled to its result, the error workbook, refused files, and who may see a run.
/// </summary>
public abstract class ImportTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}.xlsx";

    /// <summary>Village codes under 人和镇 (440111103) that no unit has yet.</summary>
    protected Task<List<string>> FreeVillageCodesAsync(int count) =>
        app.WithDbAsync(async db =>
        {
            var taken = await db.OrgUnits.Where(u => u.Code.StartsWith("440111103")).Select(u => u.Code).ToListAsync();
            return Enumerable.Range(0, 1000).Select(i => $"440111103{i:000}").Except(taken)
                .OrderBy(_ => Random.Shared.Next()).Take(count).ToList();
        });

    protected async Task<int> RejectedRunAsync(string whose)
    {
        var school = await app.FirstSchoolIdAsync();
        var (kind, schoolId, by) = whose switch
        {
            "roster" => (ImportKind.Roster, (int?)null, "city"),
            "own-school" => (ImportKind.Graduation, school, "school-1"),
            "other-school" => (ImportKind.Graduation, await app.OtherSchoolIdAsync(school), "another-registrar"),
            _ => throw new ArgumentOutOfRangeException(nameof(whose)),
        };
        var file = await ImportFiles.BookAsync(("人员", [["身份证号"], ["1"]]));
        return await app.StoredRunAsync(kind, file, schoolId, by, then: r =>
        {
            r.Start();
            r.Reject("""[{"Sheet":"人员","Row":2,"Column":"身份证号","Message":"原因一"}]""", 1, DateTime.UtcNow);
        });
    }
}
