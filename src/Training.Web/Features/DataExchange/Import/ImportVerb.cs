using Training.Web.Infrastructure.Web;
using System.IO.Compression;
using Hangfire;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Web.Features.Statistics;
using Training.Web.Infrastructure;

namespace Training.Web.Features.DataExchange.Import;

/// <summary>
/// <c>import FILE</c>: the roster import of the web page (IMPORT-EXPORT.md "Roster import")
/// against the configured database, without an upload limit. Prints the counts per sheet on
/// stdout, or every error on stderr (one per line: sheet, row, column, message) and exits
/// non-zero, having changed nothing. Audited as on the page (ImportJob), and a successful import
/// queues the statistics snapshots.
/// </summary>
public static class ImportVerb
{
    public const string Usage = ImportTexts.Usage;

    /// <summary>The arguments after the verb: exactly one file.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] options, CancellationToken ct = default)
    {
        if (options.Length != 1 || options[0].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException(options.Length == 0 ? ImportTexts.NoFileGiven : ImportTexts.BadArguments);
        return RunAsync(services, options[0], ct);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
            throw new CommandLineException(Directory.Exists(path) ? ImportTexts.IsAFolder(file) : ImportTexts.FileNotFound(file));

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        // A cheap look at the package before the database is touched (the reader would say the same, later).
        if (!LooksLikeXlsx(stream))
            throw new CommandLineException(ImportTexts.NotAWorkbookFile(Path.GetFileName(path)));
        stream.Position = 0;

        await DatabaseSetup.MigrateAsync(services);
        ImportOutcome outcome;
        await using (var importScope = services.CreateAsyncScope())
            outcome = await importScope.ServiceProvider.GetRequiredService<RosterImport>().RunAsync(stream, progress: null, ct);

        // A context of its own for the audit: nothing the import left tracked can be saved with it.
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var db = sp.GetRequiredService<TrainingDbContext>();
        var user = CommonTexts.CommandLine(Environment.UserName);
        var fileName = Path.GetFileName(path);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors) Console.Error.WriteLine(error.ToString());
            Console.Error.WriteLine(ImportTexts.NothingImported(outcome.Errors.Count));
            db.Audit.Add(new AuditEntry(user, ImportJob.AuditRoster, ImportTexts.Refused(fileName, outcome.Errors.Count), clock.UtcNow()));
            await db.SaveChangesAsync(ct);
            return 1;
        }

        foreach (var counts in outcome.Counts) Console.WriteLine(Line(counts));
        // The same audit entry as the web page's import (ImportJob), by the operator's account.
        db.Audit.Add(new AuditEntry(user, ImportJob.AuditRoster, ImportTexts.Imported(fileName, ImportJob.CountsText(outcome.Counts)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        ComputeSnapshotJob.EnqueueAfterImport(sp.GetRequiredService<IBackgroundJobClient>(), clock);
        Console.WriteLine(ImportTexts.ImportedRecomputing);
        return 0;
    }

    /// <summary>"组织：新增 3，更新 1，未变 0".</summary>
    public static string Line(SheetCounts c) => ImportTexts.SheetLine(c);

    /// <summary>An xlsx is a zip package with a workbook part.</summary>
    public static bool LooksLikeXlsx(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
