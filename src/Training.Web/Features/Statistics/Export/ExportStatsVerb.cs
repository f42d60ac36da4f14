using Training.Web.Infrastructure.Web;
using System.Globalization;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Statistics.Export;

/// <summary>
/// <c>export-stats [--scope CODE] [--as-of yyyy-MM-dd] [--out FILE] [--masked]</c>: the same
/// workbook as /Statistics/Export, figures computed fresh (not from a snapshot). An operator's
/// tool: ID numbers are written in full unless <c>--masked</c>. Audited like the web export.
/// </summary>
public static class ExportStatsVerb
{
    public const string CityCode = "440100";

    /// <summary>The options after the verb; an unknown option or one without its value is refused with the usage.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] options)
    {
        string? scopeCode = null, asOfText = null, outFile = null;
        var masked = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--masked": masked = true; break;
                case "--scope": scopeCode = Value(options, ref i); break;
                case "--as-of": asOfText = Value(options, ref i); break;
                case "--out": outFile = Value(options, ref i); break;
                default: throw new CommandLineException(StatisticsTexts.UnknownOption(options[i]));
            }
        }
        return RunAsync(services, scopeCode, asOfText, outFile, masked);
    }

    private static string Value(string[] options, ref int i)
    {
        if (i + 1 >= options.Length || options[i + 1].StartsWith("--", StringComparison.Ordinal))
            throw new CommandLineException(StatisticsTexts.MissingValue(options[i]));
        return options[++i];
    }

    public static async Task<int> RunAsync(IServiceProvider services, string? scopeCode, string? asOfText, string? outFile, bool masked)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var db = sp.GetRequiredService<TrainingDbContext>();

        var code = string.IsNullOrWhiteSpace(scopeCode) ? CityCode : scopeCode.Trim();
        var asOf = clock.Today();
        if (asOfText is not null && !DateOnly.TryParseExact(asOfText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            throw new CommandLineException(StatisticsTexts.InvalidAsOf(asOfText));

        var unit = await StatisticsReport.FindScopeAsync(db.OrgUnits, code)
            ?? throw new CommandLineException(StatisticsTexts.NoSuchScope(code, CityCode));

        var path = Path.GetFullPath(string.IsNullOrWhiteSpace(outFile) ? StatisticsReport.FileName(unit.Code, asOf) : outFile);
        try
        {
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
                await sp.GetRequiredService<StatisticsReport>().WriteAsync(file, unit, asOf, masked);
        }
        catch
        {
            // No half-written report left behind under the expected name.
            try { File.Delete(path); } catch (IOException) { }
            throw;
        }

        db.Audit.Add(new AuditEntry(CommonTexts.CommandLine(Environment.UserName), StatisticsTexts.ReportAudit,
            StatisticsTexts.ReportWrittenTo(unit.Label, asOf, masked, Path.GetFileName(path)), clock.UtcNow()));
        await db.SaveChangesAsync();

        Console.WriteLine(StatisticsTexts.ReportWritten(unit.Label, asOf, path));
        return 0;
    }
}
