using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Exports;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Export runs recorded as the export page records them, and the job run as Hangfire would run it.</summary>
public static class TestExportRuns
{
    /// <summary>A run as the page would record it, for <paramref name="requestedBy"/>, not enqueued.</summary>
    public static Task<int> ExportRunAsync(this AppFixture app, ExportKind kind, int scopeUnitId, bool unmasked, string requestedBy = "city") =>
        app.WithDbAsync(async db =>
        {
            var run = new ExportRun(kind, scopeUnitId, "导出测试镇（440115977）", requestedBy, unmasked,
                ExportKinds.FileName(kind, ExportTownship.TownshipCode, DateOnly.FromDateTime(DateTime.UtcNow)), DateTime.UtcNow);
            db.ExportRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

    /// <summary>Runs the job in the test's own scope, as Hangfire would.</summary>
    public static async Task RunExportJobAsync(this AppFixture app, int runId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExportJob>().RunAsync(runId, CancellationToken.None);
    }

    public static Task<ExportRun> ExportRunOfAsync(this AppFixture app, int runId) =>
        app.WithDbAsync(db => db.ExportRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    public static string ExportPathOf(this AppFixture app, string storedName) => app.Services.GetRequiredService<ExportStorage>().PathOf(storedName);
}
