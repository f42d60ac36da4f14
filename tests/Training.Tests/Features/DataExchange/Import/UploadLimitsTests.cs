using System.IO.Compression;
using System.Net;
using SpreadCheetah;
using Training.Tests.Infrastructure;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using Xunit.Abstractions;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>
/// Upload bombs: a small xlsx that inflates to something huge is refused before any spreadsheet
/// library reads it, with a Chinese message, on the upload pages (422) and wherever a workbook is
/// opened (the import job, the verb, the error workbook) — and reading it costs little memory.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class UploadLimitsTests(AppFixture app, ITestOutputHelper output)
{
    private const int BombCellChars = 60 * 1024 * 1024;

    [Fact]
    public async Task Should_refuse_a_roster_with_a_60_MB_cell_on_the_page_with_422_and_store_nothing()
    {
        var bomb = await OneCellBookAsync(BombCellChars);
        var name = $"超长单元格-{Guid.NewGuid():N}.xlsx";
        var city = await app.SignInAsync("city");

        using var response = await city.UploadAsync("/Import", bomb, name);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("单元格超过 4,000 个字", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
        Assert.Equal(0, await app.RunsNamedAsync(name));
    }

    [Fact]
    public async Task Should_refuse_a_graduation_list_with_a_60_MB_cell_on_the_school_page_too()
    {
        var bomb = await OneCellBookAsync(BombCellChars, "毕业名单");
        var school = await app.SignInAsync("school-1");

        using var response = await school.UploadAsync("/Import/Graduation", bomb, $"毕业超长-{Guid.NewGuid():N}.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("单元格超过", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=upload-error]")?.TextContent);
    }

    [Fact]
    public async Task Should_open_the_60_MB_cell_with_a_few_megabytes_where_the_library_alone_takes_hundreds()
    {
        var bomb = await OneCellBookAsync(BombCellChars);
        output.WriteLine($"compressed: {bomb.Length:N0} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        using (var stream = new MemoryStream(bomb, writable: false))
        using (var book = WorkbookReader.TryOpen(stream, out var error))
        {
            Assert.Null(book);
            Assert.Equal(XlsxGuard.CellTooLong, error);
        }
        var guarded = GC.GetAllocatedBytesForCurrentThread() - before;

        // What the library allocates reading the same file without the guard: the baseline, measured here.
        before = GC.GetAllocatedBytesForCurrentThread();
        using (var stream = new MemoryStream(bomb, writable: false))
        using (var reader = ExcelDataReader.ExcelReaderFactory.CreateOpenXmlReader(stream))
            while (reader.Read()) _ = reader.GetValue(0);
        var unguarded = GC.GetAllocatedBytesForCurrentThread() - before;

        output.WriteLine($"allocated: guarded {guarded / 1e6:N1} MB, library alone {unguarded / 1e6:N1} MB");
        Assert.True(guarded < 16L * 1024 * 1024, $"the guard allocated {guarded:N0} bytes");
        Assert.True(unguarded > 4 * guarded, "the baseline should show what the guard saves");
    }

    [Fact]
    public async Task Should_refuse_a_sheet_of_more_rows_than_any_city_has()
    {
        using var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            await book.StartWorksheetAsync(RosterSheets.KeyPosts);
            await book.AddRowAsync([new Cell(RosterColumns.Village), new Cell(RosterColumns.KeyPosts)]);
            var row = new[] { new Cell("440111103201"), new Cell(3) };
            for (var i = 0; i < XlsxGuard.MaxRows; i++) await book.AddRowAsync(row);
            await book.FinishAsync();
        }
        stream.Position = 0;

        Assert.Equal(XlsxGuard.TooManyRows, XlsxGuard.Check(stream));
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Should_refuse_a_part_that_inflates_past_the_cap()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry("xl/media/image1.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i <= XlsxGuard.MaxPartBytes / zeros.Length; i++) part.Write(zeros);
        }
        output.WriteLine($"compressed: {stream.Length:N0} bytes for {XlsxGuard.MaxPartBytes / 1048576 + 1} MB");
        stream.Position = 0;

        Assert.Equal(XlsxGuard.PartTooLarge, XlsxGuard.Check(stream));
    }

    [Fact]
    public async Task Should_refuse_a_1_GB_cell_as_a_part_too_large_before_reading_it()
    {
        // 180 million bytes of UTF-8 (60 million 长) in one sheet part: refused on the part's size alone.
        var bomb = await OneCellBookAsync(BombCellChars, filler: '长');
        using var stream = new MemoryStream(bomb, writable: false);

        Assert.Equal(XlsxGuard.PartTooLarge, XlsxGuard.Check(stream));
    }

    [Fact]
    public async Task Should_let_an_ordinary_workbook_through_untouched()
    {
        var ordinary = await OneCellBookAsync(XlsxGuard.MaxCellChars);
        using var stream = new MemoryStream(ordinary);

        Assert.Null(XlsxGuard.Check(stream));
        using var book = WorkbookReader.TryOpen(stream, out var error);
        Assert.Null(error);
        Assert.NotNull(book);
    }

    /// <summary>A valid workbook: the roster's 人员 header (or another sheet) and one row whose name cell holds <paramref name="chars"/> characters.</summary>
    private static async Task<byte[]> OneCellBookAsync(int chars, string sheet = RosterSheets.Persons, char filler = 'x')
    {
        using var stream = new MemoryStream();
        await using (var book = await Spreadsheet.CreateNewAsync(stream))
        {
            await book.StartWorksheetAsync(sheet);
            await book.AddRowAsync(RosterSheets.PersonColumns.Select(c => new Cell(c)).ToArray());
            await book.AddRowAsync([new Cell("440111199001011234"), new Cell(new string(filler, chars))]);
            await book.FinishAsync();
        }
        return stream.ToArray();
    }
}
