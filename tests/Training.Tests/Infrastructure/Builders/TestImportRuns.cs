using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;

namespace Training.Tests.Infrastructure.Builders;

/// <summary>Import runs stored as the upload page stores them, for tests that drive the job or the pages themselves.</summary>
public static class TestImportRuns
{
    /// <summary>A run stored as the upload page stores it, but not queued: it stays as the test leaves it.</summary>
    public static Task<int> StoredRunAsync(this AppFixture app, ImportKind kind, byte[]? content, int? schoolId = null,
        string uploadedBy = "city", string? fileName = null, Action<ImportRun>? then = null) =>
        app.WithDbAsync(async db =>
        {
            var run = new ImportRun(kind, fileName ?? $"测试-{Guid.NewGuid():N}.xlsx", uploadedBy, schoolId, DateTime.UtcNow);
            then?.Invoke(run);
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync();
            if (content is not null)
            {
                db.ImportFiles.Add(new ImportFile(run.Id, content));
                await db.SaveChangesAsync();
            }
            return run.Id;
        });

    public static Task<int> RunsNamedAsync(this AppFixture app, string fileName) =>
        app.WithDbAsync(db => db.ImportRuns.CountAsync(r => r.FileName == fileName));
}
