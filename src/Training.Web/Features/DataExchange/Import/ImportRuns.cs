using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// The import runs a user may see: CityAdmin the roster imports and every 线下学时 import, DistrictStaff
/// the 线下学时 imports of its own unit, a registrar its own school's graduation lists.
/// </summary>
public static class ImportRunScope
{
    public static IQueryable<ImportRun> InScope(this IQueryable<ImportRun> runs, CurrentUser me)
    {
        if (me.IsIn(Roles.CityAdmin)) return runs.Where(r => r.Kind == ImportKind.Roster || r.Kind == ImportKind.OfflineHours);
        if (me.IsIn(Roles.DistrictStaff) && me.OrgUnitId is { } unit)
            return runs.Where(r => r.Kind == ImportKind.OfflineHours && r.OrgUnitId == unit);
        if (me.IsIn(Roles.SchoolRegistrar) && me.SchoolId is { } school)
            return runs.Where(r => r.Kind == ImportKind.Graduation && r.SchoolId == school);
        return runs.Where(r => false);
    }

    /// <summary>One line of "recent imports".</summary>
    public sealed record RunRow(int Id, string FileName, string UploadedBy, DateTime CreatedAt, RunState State, string? CountsJson, int ErrorCount)
    {
        public string CreatedAtText => ChinaTime.Format(CreatedAt);

        public string Summary => State switch
        {
            RunState.Succeeded => ImportJob.CountsText(ImportJob.ReadCounts(CountsJson), perSheet: false),
            RunState.Rejected => ImportTexts.ErrorCount(ErrorCount),
            _ => "",
        };
    }

    /// <summary>The latest runs in scope, of one kind.</summary>
    public static Task<List<RunRow>> RecentAsync(TrainingDbContext db, CurrentUser me, ImportKind kind, int take, CancellationToken ct) =>
        db.ImportRuns.AsNoTracking().InScope(me).Where(r => r.Kind == kind)
            .OrderByDescending(r => r.Id).Take(take)
            .Select(r => new RunRow(r.Id, r.FileName, r.UploadedBy, r.CreatedAt, r.State, r.CountsJson, r.ErrorCount))
            .ToListAsync(ct);
}

/// <summary>
/// What the upload forms accept: an xlsx of at most 20 MB. Everything else is answered with a
/// Chinese message on the page before anything is stored.
/// </summary>
public static class ImportUpload
{
    public const long MaxBytes = 20L * 1024 * 1024;
    /// <summary>The request limit: a 20 MB file plus the form around it; larger requests are cut off unread (<see cref="TooLargeFilterAttribute"/>).</summary>
    public const long RequestLimit = MaxBytes + 2L * 1024 * 1024;

    public const string NoFile = ImportTexts.NoFile;
    public const string Empty = ImportTexts.Empty;
    public const string TooLarge = ImportTexts.TooLarge;

    /// <summary>The file's bytes, or a message saying why it is refused (the workbook is opened once to tell an xlsx).</summary>
    public static async Task<(byte[]? Content, string? Error)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return (null, NoFile);
        if (file.Length == 0) return (null, Empty);
        if (file.Length > MaxBytes) return (null, TooLarge);
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        using var check = new MemoryStream(content, writable: false);
        using var workbook = WorkbookReader.TryOpen(check, out var error);
        return workbook is null ? (null, error) : (content, null);
    }

    /// <summary>The name to show and audit: the file name without any client path.</summary>
    public static string FileName(IFormFile file)
    {
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return string.IsNullOrWhiteSpace(name) ? ImportTexts.Unnamed : name.Trim();
    }

    /// <summary>Stores the run and its file in one transaction and queues the job; returns the run's id.</summary>
    public static async Task<int> StoreAndEnqueueAsync(TrainingDbContext db, Hangfire.IBackgroundJobClient jobs, ImportRun run, byte[] content, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(ct);
            db.ImportFiles.Add(new ImportFile(run.Id, content));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
        ImportJob.Enqueue(jobs, run.Id);
        return run.Id;
    }

    /// <summary>
    /// A request over the limit fails while the form is read, which the antiforgery check does
    /// first and answers with a bare 400. This turns that answer into the upload page with the
    /// size message (<c>?tooLarge=true</c>), so the user learns what was wrong.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TooLargeFilterAttribute : Attribute, IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            var request = context.HttpContext.Request;
            if (context.Result is IAntiforgeryValidationFailedResult && HttpMethods.IsPost(request.Method)
                && (request.ContentLength is null or > MaxBytes))
                context.Result = new RedirectResult(request.Path + "?tooLarge=true");
        }

        public void OnResultExecuted(ResultExecutedContext context) { }
    }
}
