using Microsoft.EntityFrameworkCore;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using static Training.Tests.Features.DataExchange.Import.Roster.GoodRoster;
using static Training.Tests.Features.DataExchange.Import.Roster.RosterFile;

namespace Training.Tests.Features.DataExchange.Import.Roster;

/// <summary>A private database holding <see cref="GoodRoster"/>, which the bad files below must leave exactly as it is.</summary>
public sealed class RosterWithGoodData : IAsyncLifetime
{
    public EmptyDatabase Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Data = await EmptyDatabase.CreateAsync();
        var outcome = await Data.ImportAsync(await GoodRoster.WriteAsync());
        if (!outcome.Succeeded) throw new InvalidOperationException(string.Join("\n", outcome.Errors));
    }

    public async Task DisposeAsync() => await Data.DisposeAsync();
}

/// <summary>
/// The table of bad files: each holds one kind of error (besides good rows that would change
/// the database) and must be answered with exactly that error's sheet, row and column, and
/// leave the database unchanged.
/// </summary>
public sealed class RosterImportErrorTests(RosterWithGoodData fixture) : IClassFixture<RosterWithGoodData>
{
    private static readonly string Fresh = Id(new DateOnly(1990, 1, 2), 345);

    /// <summary>Good rows that would add a village, change key posts and add a person, were the file good.</summary>
    private static RosterSheet[] WithGoodRows(params RosterSheet[] bad)
    {
        var sheets = bad.ToDictionary(s => s.Name);
        sheets.TryAdd(RosterSheets.Org, Sheet(RosterSheets.Org, [Township[..9] + "299", "新村", "村社区", Township, "村"]));
        sheets.TryAdd(RosterSheets.KeyPosts, Sheet(RosterSheets.KeyPosts, [Village, 7]));
        sheets.TryAdd(RosterSheets.Persons, Sheet(RosterSheets.Persons, [Fresh, "新人", null, "群众", "大专", Village]));
        return [.. sheets.Values];
    }

    public static TheoryData<string, string, int, string, string> Cases => new()
    {
        // case, sheet, row, column, part of the message
        { "wrong check character", RosterSheets.Persons, 3, "身份证号", "校验位错误" },
        { "unknown village code", RosterSheets.Persons, 2, "所在村社区代码", "不存在" },
        { "unknown parent code", RosterSheets.Org, 2, "上级代码", "不存在" },
        { "parent not one level up", RosterSheets.Org, 2, "上级代码", "上级应为镇街" },
        { "kind missing for a village", RosterSheets.Org, 2, "类型", "村社区必须填写类型" },
        { "kind given for a township", RosterSheets.Org, 2, "类型", "应留空" },
        { "level of a stored unit changed", RosterSheets.Org, 2, "层级", "层级不能更改" },
        { "parent of a stored unit changed", RosterSheets.Org, 3, "上级代码", "上级不能更改" },
        { "bad date", RosterSheets.Posts, 2, "任职日期", "不是日期" },
        { "amounts that do not add up", RosterSheets.Enrollments, 2, "学费总额", "不等于学费总额" },
        { "unknown enumeration value", RosterSheets.Persons, 2, "政治面貌", "应为：中共党员、中共预备党员、共青团员、群众" },
        { "duplicate key", RosterSheets.Posts, 3, "身份证号", "与第2行重复" },
        { "person missing", RosterSheets.Reserves, 2, "身份证号", "人员不存在" },
        { "graduation date missing", RosterSheets.Enrollments, 2, "毕业日期", "必须填写毕业日期" },
        { "phone not eleven digits", RosterSheets.Persons, 2, "手机号", "11 位数字" },
        { "missing header column", RosterSheets.KeyPosts, 1, "关键岗位数", "表头缺少" },
        { "post in a township", RosterSheets.Posts, 2, "村社区代码", "不是村社区" },
        { "second active enrollment", RosterSheets.Enrollments, 2, "状态", "同一人同时只能有一条" },
    };

    private static RosterSheet[] File(string name) => name switch
    {
        "wrong check character" => WithGoodRows(Sheet(RosterSheets.Persons,
            [Fresh, "新人", null, "群众", "大专", Village],
            [WrongCheck(Id(new DateOnly(1990, 1, 3), 1)), "错号", null, "群众", "大专", Village])),
        "unknown village code" => WithGoodRows(Sheet(RosterSheets.Persons, [Fresh, "新人", null, "群众", "大专", "440111103999"])),
        "unknown parent code" => WithGoodRows(Sheet(RosterSheets.Org, ["440111998001", "某村", "村社区", "440111998", "村"])),
        "parent not one level up" => WithGoodRows(Sheet(RosterSheets.Org, ["440111103203", "某村", "村社区", District, "村"])),
        "kind missing for a village" => WithGoodRows(Sheet(RosterSheets.Org, ["440111103203", "某村", "村社区", Township, null])),
        "kind given for a township" => WithGoodRows(Sheet(RosterSheets.Org, ["440111104", "某镇", "镇街", District, "村"])),
        "level of a stored unit changed" => WithGoodRows(Sheet(RosterSheets.Org, [District, "白云区", "市", null, null])),
        "parent of a stored unit changed" => WithGoodRows(Sheet(RosterSheets.Org,
            ["440111104", "人和镇", "镇街", District, null],
            [Village, "大源村委会", "村社区", "440111104", "村"])),
        "bad date" => WithGoodRows(Sheet(RosterSheets.Posts, [He, Village, "党组织委员", "2021-02-30", null])),
        "amounts that do not add up" => WithGoodRows(Sheet(RosterSheets.Enrollments,
            [Fresh, 2024, "大专", "广东开放大学", "农村经济管理", "已录取", null, 9000, 7500, 100, 1500])),
        "unknown enumeration value" => WithGoodRows(Sheet(RosterSheets.Persons, [Fresh, "新人", null, "党员", "大专", Village])),
        "duplicate key" => WithGoodRows(Sheet(RosterSheets.Posts,
            [He, Village, "党组织委员", new DateOnly(2020, 1, 1), null],
            [He, Village, "党组织委员", "2020-01-01", new DateOnly(2020, 12, 31)])),
        "person missing" => WithGoodRows(Sheet(RosterSheets.Reserves, [Id(new DateOnly(1991, 4, 5), 77), Village, "两委后备", "村推", null])),
        "graduation date missing" => WithGoodRows(Sheet(RosterSheets.Enrollments,
            [Fresh, 2020, "大专", "广东开放大学", "农村经济管理", "已毕业", null, 9000, 7500, 0, 1500])),
        "phone not eleven digits" => WithGoodRows(Sheet(RosterSheets.Persons, [Fresh, "新人", "2380013800", "群众", "大专", Village])),
        "missing header column" => WithGoodRows(new RosterSheet(RosterSheets.KeyPosts, [[Village, 7]], ["村社区代码", "岗位数"])),
        "post in a township" => WithGoodRows(Sheet(RosterSheets.Posts, [He, Township, "党组织委员", new DateOnly(2020, 1, 1), null])),
        // 梁晓彤 is 已录取 in 2022 (stored): a second 已录取 row would break one active enrollment per person.
        "second active enrollment" => WithGoodRows(Sheet(RosterSheets.Enrollments,
            [Liang, 2024, "大专", "广东开放大学", "农村经济管理", "已录取", null, 9000, 7500, 0, 1500])),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_report_the_exact_cell_and_change_nothing(string name, string sheet, int row, string column, string message)
    {
        var before = await fixture.Data.DumpAsync();

        var outcome = await fixture.Data.ImportAsync(await WriteAsync(File(name)));

        Assert.False(outcome.Succeeded, name);
        Assert.Empty(outcome.Counts);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((sheet, row, column), (error.Sheet, error.Row, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Data.DumpAsync());
    }

    [Fact]
    public async Task Should_answer_a_file_that_is_no_xlsx_with_one_error_for_the_whole_file()
    {
        var before = await fixture.Data.DumpAsync();

        var outcome = await fixture.Data.ImportAsync(new MemoryStream("身份证号,姓名\n"u8.ToArray()));

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(("", 0, ""), (error.Sheet, error.Row, error.Column));
        Assert.Contains(".xlsx", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.Data.DumpAsync());
    }

    [Fact]
    public async Task Should_report_every_bad_row_of_every_sheet_in_sheet_and_row_order()
    {
        var before = await fixture.Data.DumpAsync();

        var outcome = await fixture.Data.ImportAsync(await WriteAsync(
            Sheet(RosterSheets.KeyPosts, [Village, 99], [Community, 1]),
            Sheet(RosterSheets.Persons,
                [Fresh, "新人", null, "群众", "大专", Village],
                [WrongCheck(Fresh), "错号", "123", "党员", "大专", Village]),
            Sheet(RosterSheets.Posts, [Fresh, Village, "书记", "2021-13-01", null])));

        Assert.Equal(
            [
                (RosterSheets.Persons, 3, "身份证号"), (RosterSheets.Persons, 3, "手机号"), (RosterSheets.Persons, 3, "政治面貌"),
                (RosterSheets.Posts, 2, "职务"), (RosterSheets.Posts, 2, "任职日期"),
                (RosterSheets.KeyPosts, 2, "关键岗位数"),
            ],
            outcome.Errors.Select(e => (e.Sheet, e.Row, e.Column)));
        Assert.Equal("关键岗位 第2行 关键岗位数：关键岗位数应在 0 到 50 之间，“99”不符合", outcome.Errors[^1].ToString());
        Assert.Equal(before, await fixture.Data.DumpAsync());
    }

    [Fact]
    public async Task Should_keep_a_villages_key_posts_when_the_file_has_no_row_for_it()
    {
        var outcome = await fixture.Data.ImportAsync(await WriteAsync(Sheet(RosterSheets.Org, Org())));

        Assert.Equal(new SheetCounts(RosterSheets.Org, 0, 0, 5), Assert.Single(outcome.Counts));
        Assert.Equal(2, await fixture.Data.WithDbAsync(db => db.OrgUnits.Where(u => u.Code == Village).Select(u => u.KeyPosts).SingleAsync()));
    }
}
