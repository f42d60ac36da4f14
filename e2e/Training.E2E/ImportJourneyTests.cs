using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpreadCheetah;
using SpreadCheetah.Styling;
using Training.Core.Domain;
using static Microsoft.Playwright.Assertions;

namespace Training.E2E;

/// <summary>
/// 数据导入 in Chromium: the city uploads the department's roster with two bad rows, reads
/// both errors with their sheet, row and column, corrects the file and uploads it again, and
/// sees what each sheet added.
/// </summary>
public partial class JourneyTests
{
    private const string Township = "440111103";

    [Fact]
    public async Task City_admin_uploads_a_roster_with_two_bad_rows_sees_both_errors_fixes_the_file_and_sees_the_counts()
    {
        // A village and two persons the demo data does not have, so the counts are known.
        var village = await FreshVillageCodeAsync();
        var unknownVillage = await FreshVillageCodeAsync(after: village);
        var (secretary, member) = (await FreshIdNumberAsync("19790315"), await FreshIdNumberAsync("19860921"));
        var wrongCheck = member[..17] + "10X98765432".First(c => c != member[17]);

        var folder = Path.Combine(Path.GetTempPath(), "training-e2e-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "村干部花名册.xlsx");

        await using var context = await app.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error" && !m.Location.Contains("favicon", StringComparison.Ordinal)) problems.Add($"{m.Text} ({m.Location})"); };
        page.PageError += (_, e) => problems.Add(e);
        await RecordFailureAsync(page, "import", async () =>
        {
            await SignInAsync(page, "city");
            await page.GetByRole(AriaRole.Link, new() { Name = "数据导入", Exact = true }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Import$"));

            // 人员 row 3: the member's ID number with a wrong check character;
            // 职务 row 3: the secretary's second post in a village that exists nowhere.
            await WriteRosterAsync(file, village, secretary, memberId: wrongCheck, memberPostVillage: unknownVillage);
            await UploadAsync(page, file);
            await Expect(page.Locator("[data-testid=run-rejected]")).ToContainTextAsync("2 处错误", new() { Timeout = 60_000 });
            var errors = page.Locator("[data-testid=errors] tbody tr");
            await Expect(errors).ToHaveCountAsync(2);
            await ExpectErrorAsync(errors.Nth(0), "人员", "3", "身份证号", "校验位");
            await ExpectErrorAsync(errors.Nth(1), "职务", "3", "村社区代码", unknownVillage);
            await ScreenshotAsync(page, "import-1-two-errors");
            Assert.False(await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code == village)), "有错误的文件不应写入任何数据。");

            // The corrected file: the member's real ID number, the post in the new village.
            await WriteRosterAsync(file, village, secretary, memberId: member, memberPostVillage: village);
            await page.GetByRole(AriaRole.Link, new() { Name = "重新上传", Exact = true }).First.ClickAsync();
            await UploadAsync(page, file);
            await Expect(page.Locator("[data-testid=run-succeeded]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await ExpectCountsAsync(page, "组织", added: "1");
            await ExpectCountsAsync(page, "人员", added: "2");
            await ExpectCountsAsync(page, "职务", added: "2");
            await Expect(page.Locator("[data-testid=counts] tr[data-sheet='关键岗位']")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "import-2-counts");

            var posts = await app.WithDbAsync(db => db.Posts.CountAsync(p => p.Village.Code == village));
            Assert.Equal(2, posts);
        });
        Assert.True(problems.Count == 0, "浏览器报错（CSP 或脚本）：\n" + string.Join("\n", problems));
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static async Task UploadAsync(IPage page, string file)
    {
        await page.GetByLabel("Excel 文件（.xlsx）").SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Import/Run", StringComparison.Ordinal));
    }

    private static async Task ExpectErrorAsync(ILocator row, string sheet, string rowNumber, string column, string message)
    {
        var cells = row.Locator("td");
        await Expect(cells.Nth(0)).ToHaveTextAsync(sheet);
        await Expect(cells.Nth(1)).ToHaveTextAsync(rowNumber);
        await Expect(cells.Nth(2)).ToHaveTextAsync(column);
        await Expect(cells.Nth(3)).ToContainTextAsync(message);
    }

    private static async Task ExpectCountsAsync(IPage page, string sheet, string added, string updated = "0", string unchanged = "0")
    {
        var cells = page.Locator($"[data-testid=counts] tr[data-sheet='{sheet}'] td");
        await Expect(cells).ToHaveTextAsync([sheet, added, updated, unchanged]);
    }

    /// <summary>
    /// The department's file as they would keep it: a new village under 竹料镇 (440111103), its
    /// secretary and a member in 人员, their posts in 职务, and two key posts for the village.
    /// </summary>
    private static async Task WriteRosterAsync(string path, string village, string secretary, string memberId, string memberPostVillage)
    {
        await using var stream = File.Create(path);
        await using var book = await Spreadsheet.CreateNewAsync(stream, new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd") });
        await book.StartWorksheetAsync("组织");
        await book.AddHeaderRowAsync(["代码", "名称", "层级", "上级代码", "类型"]);
        await book.AddRowAsync([new Cell(village), new Cell("导入演练村民委员会"), new Cell("村社区"), new Cell(Township), new Cell("村")]);
        await book.StartWorksheetAsync("人员");
        await book.AddHeaderRowAsync(["身份证号", "姓名", "手机号", "政治面貌", "学历", "所在村社区代码"]);
        await book.AddRowAsync([new Cell(secretary), new Cell("黎导入"), new Cell("13800138000"), new Cell("中共党员"), new Cell("大专"), new Cell(village)]);
        await book.AddRowAsync([new Cell(memberId), new Cell("区演练"), new Cell(), new Cell("群众"), new Cell("高中/中专"), new Cell(village)]);
        await book.StartWorksheetAsync("职务");
        await book.AddHeaderRowAsync(["身份证号", "村社区代码", "职务", "任职日期", "离任日期"]);
        await book.AddRowAsync([new Cell(secretary), new Cell(village), new Cell("党组织书记"), new Cell(new DateTime(2021, 4, 12)), new Cell()]);
        await book.AddRowAsync([new Cell(secretary), new Cell(memberPostVillage), new Cell("村(居)委会委员"), new Cell(new DateTime(2018, 5, 2)), new Cell(new DateTime(2021, 4, 11))]);
        await book.StartWorksheetAsync("关键岗位");
        await book.AddHeaderRowAsync(["村社区代码", "关键岗位数"]);
        await book.AddRowAsync([new Cell(village), new Cell(2)]);
        await book.FinishAsync();
    }

    private async Task<string> FreshVillageCodeAsync(string? after = null)
    {
        for (var n = after is null ? 990 : int.Parse(after[^3..]) + 1; n < 1000; n++)
        {
            var code = $"{Township}{n:D3}";
            if (!await app.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Code == code))) return code;
        }
        throw new InvalidOperationException("没有空闲的测试村社区代码。");
    }

    private async Task<string> FreshIdNumberAsync(string birth)
    {
        for (var n = 901; n < 1000; n++)
        {
            var first17 = $"440111{birth}{n:D3}";
            var id = first17 + ResidentId.CheckCharacter(first17);
            if (!await app.WithDbAsync(db => db.Persons.AnyAsync(p => p.IdNumber == id))) return id;
        }
        throw new InvalidOperationException("没有空闲的测试身份证号。");
    }
}
