using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Web.Features.DataExchange.Exports;
using Training.Web.Infrastructure;

namespace Training.Bench;

/// <summary>
/// export-enrollments: runs the enrollment-list writer of the export job
/// (<see cref="EnrollmentListExport"/>) over an existing database for the top unit (or
/// --scope CODE), unmasked, into --out, and prints rows, seconds and the process's peak
/// working set. The database is opened read-only and never migrated or seeded.
/// </summary>
public static class EnrollmentExportBench
{
    public const string Usage = "用法：Training.Bench export-enrollments --db 文件.db --out 文件.xlsx [--scope 代码] [--keys 密钥目录]";

    public static async Task<int> RunAsync(string[] args)
    {
        var dbFile = BenchArgs.Option(args, "--db");
        var output = BenchArgs.Option(args, "--out");
        if (string.IsNullOrWhiteSpace(dbFile) || string.IsNullOrWhiteSpace(output)) { Console.Error.WriteLine(Usage); return 2; }
        if (!File.Exists(dbFile)) { Console.Error.WriteLine($"数据库文件不存在：{dbFile}"); return 2; }
        if (File.Exists(output)) File.Delete(output);

        var services = new ServiceCollection();
        // The ID numbers are encrypted with the portal's key: data/keys beside data/training.db, or --keys.
        var cipher = RegistrablePersons.KeyOf(dbFile, BenchArgs.Option(args, "--keys"));
        services.AddDbContext<TrainingDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={dbFile};Mode=ReadOnly", cipher));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();

        var code = BenchArgs.Option(args, "--scope");
        var unit = await db.OrgUnits.AsNoTracking()
            .Where(u => code == null ? u.ParentId == null : u.Code == code)
            .Select(u => new { u.Id, u.Code, u.Name })
            .FirstOrDefaultAsync();
        if (unit is null) { Console.Error.WriteLine($"找不到组织 {code ?? "(顶层)"}。"); return 2; }

        var watch = Stopwatch.StartNew();
        var rows = await EnrollmentListExport.WriteAsync(db, unit.Id, unmasked: true, output);
        watch.Stop();
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(
            $"enrollment list {unit.Name}（{unit.Code}）: {rows:N0} rows, {watch.Elapsed.TotalSeconds:F1} s, " +
            $"{new FileInfo(output).Length / 1024.0 / 1024:F1} MB file, peak working set {self.PeakWorkingSet64 / 1024 / 1024:N0} MB");
        return 0;
    }
}
