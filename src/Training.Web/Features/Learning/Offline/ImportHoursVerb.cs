using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.Learning.Offline;

/// <summary>
/// <c>import-hours FILE</c>: the 线下学时 import of the web page against the configured database, with
/// CityAdmin's scope (every person of the city) and no upload limit. Prints the counts on stdout, or every
/// error on stderr (one per line: sheet, row, column, message) and exits 1, having changed nothing.
/// Audited as the web page's import is, by the operator's account.
/// </summary>
public static class ImportHoursVerb
{
    /// <summary>The arguments after the verb: exactly one file.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] options, CancellationToken ct = default)
    {
        if (options.Length != 1 || options[0].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException(options.Length == 0 ? OfflineTexts.NoFileGiven : OfflineTexts.BadArguments);
        return RunAsync(services, options[0], ct);
    }

    public static async Task<int> RunAsync(IServiceProvider services, string file, CancellationToken ct)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
            throw new CommandLineException(Directory.Exists(path) ? OfflineTexts.IsAFolder(file) : ImportTexts.FileNotFound(file));

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        if (!ImportVerb.LooksLikeXlsx(stream))
            throw new CommandLineException(ImportTexts.NotAWorkbookFile(Path.GetFileName(path)));
        stream.Position = 0;

        await DatabaseSetup.MigrateAsync(services);
        var user = CommonTexts.CommandLine(Environment.UserName);
        ImportOutcome outcome;
        await using (var importScope = services.CreateAsyncScope())
        {
            var sp = importScope.ServiceProvider;
            var city = await sp.GetRequiredService<TrainingDbContext>().OrgUnits.AsNoTracking()
                .Where(u => u.Level == OrgLevel.City).OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct)
                ?? throw new CommandLineException(OfflineTexts.NoCity);
            outcome = await sp.GetRequiredService<OfflineHoursImport>().RunAsync(stream, city, OfflineTexts.ImportedBy(user), importRunId: null, progress: null, ct);
        }

        // A context of its own for the audit: nothing the import left tracked can be saved with it.
        await using var scope = services.CreateAsyncScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var fileName = Path.GetFileName(path);
        if (!outcome.Succeeded)
        {
            foreach (var error in outcome.Errors) Console.Error.WriteLine(error.ToString());
            Console.Error.WriteLine(ImportTexts.NothingImported(outcome.Errors.Count));
            db.Audit.Add(new AuditEntry(user, OfflineTexts.ImportAudit, ImportTexts.Refused(fileName, outcome.Errors.Count), clock.UtcNow()));
            await db.SaveChangesAsync(ct);
            return 1;
        }

        foreach (var counts in outcome.Counts) Console.WriteLine(ImportVerb.Line(counts));
        db.Audit.Add(new AuditEntry(user, OfflineTexts.ImportAudit, ImportTexts.Imported(fileName, ImportJob.CountsText(outcome.Counts)), clock.UtcNow()));
        await db.SaveChangesAsync(ct);
        Console.WriteLine(OfflineTexts.ImportedLine);
        return 0;
    }
}
