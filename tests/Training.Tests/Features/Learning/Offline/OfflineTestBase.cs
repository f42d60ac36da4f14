using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Domain;
using Training.Tests.Features.DataExchange.Import;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.Learning.Offline;

namespace Training.Tests.Features.Learning.Offline;

/// <summary>What the 线下学时 tests share: fresh persons, a 线下学时 workbook, the import run directly and what it stored.</summary>
public abstract class OfflineTestBase(AppFixture appArg)
{
    protected readonly AppFixture app = appArg;

    protected const string City = "440100", Baiyun = "440111";

    protected static DateOnly Past => TestPeople.Today.AddDays(-20);

    /// <summary>A fresh 两委干部 of 汉塘村委会 (白云区) and its ID number.</summary>
    protected async Task<(int Id, string IdNumber)> CadreAsync(string? villageCode = null)
    {
        var id = await app.PersonAsync(villageCode ?? TestPeople.OwnVillage, cadreSince: TestPeople.Today.AddYears(-1));
        return (id, await app.WithDbAsync(db => db.Persons.Where(p => p.Id == id).Select(p => p.IdNumber).SingleAsync()));
    }

    /// <summary>A village of 荔湾区 (440103): outside 白云区.</summary>
    protected Task<string> OtherDistrictVillageAsync() =>
        app.WithDbAsync(db => db.OrgUnits.Where(u => u.Level == OrgLevel.Village && u.Code.StartsWith("440103")).OrderBy(u => u.Id).Select(u => u.Code).FirstAsync());

    /// <summary>A unique 培训名称, so that no two tests share a key.</summary>
    protected static string Title(string stem = "专题培训") => $"{stem}{Guid.NewGuid():N}"[..Math.Min(stem.Length + 12, 100)];

    /// <summary>A 线下学时 workbook: the contract's header, then the rows.</summary>
    protected static Task<byte[]> SheetAsync(params object?[][] rows) =>
        ImportFiles.BookAsync((OfflineColumns.Sheet, [[.. OfflineColumns.All], .. rows]));

    protected static object?[] Row(string idNumber, DateOnly on, object hours, string category, string title, string organizer = "白云区委组织部") =>
        [idNumber, on, hours, category, title, organizer];

    protected async Task<ImportOutcome> ImportAsync(byte[] file, string scopeCode = City, string by = "测试导入")
    {
        var unit = await app.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == scopeCode).Select(u => u.Id).SingleAsync());
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OfflineHoursImport>().RunAsync(new MemoryStream(file), unit, by, importRunId: null);
    }

    protected sealed record Stored(int Records, int Entries, decimal Hours);

    /// <summary>The person's offline records, ledger entries of source 线下培训, and their standing sum.</summary>
    protected Task<Stored> StoredAsync(int personId) =>
        app.WithDbAsync(async db => new Stored(
            await db.OfflineStudy.CountAsync(r => r.PersonId == personId),
            await db.StudyLedger.CountAsync(e => e.PersonId == personId && e.Source == StudySource.Offline),
            (await db.StudyLedger.Where(e => e.PersonId == personId && e.Source == StudySource.Offline).Select(e => e.Hours).ToListAsync()).Sum()));
}
