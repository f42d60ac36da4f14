using Training.Tests.Features.Statistics;
using Training.Web.Features.DataExchange.Import;
using Training.Web.Features.DataExchange.Import.Roster;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.DataExchange.Import;

/// <summary>The error workbook a rejected import offers: the list first, then copies of the bad sheets with the errors on their rows.</summary>
public sealed class ErrorWorkbookTests
{
    private static readonly DateOnly Appointed = new(2021, 3, 15);

    private static async Task<Xlsx> WriteAsync(byte[] uploaded, params ImportError[] errors)
    {
        using var output = new MemoryStream();
        await ErrorWorkbook.WriteAsync(output, uploaded, errors);
        return Xlsx.Read(output.ToArray());
    }

    [Fact]
    public async Task Should_list_every_error_then_copy_each_bad_sheet_with_the_errors_on_their_rows()
    {
        var uploaded = await ImportFiles.BookAsync(
            (RosterSheets.Org, [[.. RosterSheets.OrgColumns], ["440111103201", "好村", "村社区", "440111103", "村"]]),
            (RosterSheets.Posts, [
                [.. RosterSheets.PostColumns],
                ["44011119800101001X", "440111103201", "党组织书记", Appointed, null],
                null,
                ["=HYPERLINK(\"http://x\")", "440111103201", "书记", Appointed, null],
                ["440111198001010020", 440111103201d, "党组织委员", "2021-13-01", null],
            ]));

        var book = await WriteAsync(uploaded,
            new ImportError(RosterSheets.Posts, 4, "身份证号", "身份证号格式不正确"),
            new ImportError(RosterSheets.Posts, 4, "职务", "“书记”不是可用的值"),
            new ImportError(RosterSheets.Posts, 5, "任职日期", "“2021-13-01”不是日期"),
            ImportError.File("示例：整个文件的错误"));

        Assert.Equal([ErrorWorkbook.ErrorsSheet, RosterSheets.Posts], book.Sheets.Select(s => s.Name));
        var list = book[ErrorWorkbook.ErrorsSheet];
        Assert.Equal(["工作表", "行号", "列", "错误说明"], list[1].Values.Take(4));
        Assert.Equal(RosterSheets.Posts, list[2].Text(0));
        Assert.Equal(4d, list[2].Number(1));
        Assert.Equal("身份证号", list[2].Text(2));
        Assert.Null(list[5][1]); // a whole-file error has no row number

        var copy = book[RosterSheets.Posts];
        var errorColumn = RosterSheets.PostColumns.Count;
        Assert.Equal([.. RosterSheets.PostColumns, "错误说明"], copy[1].Values.Take(errorColumn + 1));
        Assert.Null(copy[2][errorColumn]);
        Assert.Equal(new DateTime(2021, 3, 15), copy[2][3]);
        Assert.All(copy[3].Values, v => Assert.Null(v));
        Assert.Equal("身份证号：身份证号格式不正确；职务：“书记”不是可用的值", copy[4].Text(errorColumn));
        Assert.Equal("'=HYPERLINK(\"http://x\")", copy[4].Text(0));
        Assert.Equal("任职日期：“2021-13-01”不是日期", copy[5].Text(errorColumn));
        Assert.Equal(440111103201d, copy[5].Number(1));
        Assert.Equal("2021-13-01", copy[5].Text(3));
    }

    [Fact]
    public async Task Should_reuse_the_error_column_of_a_corrected_copy_uploaded_again()
    {
        var uploaded = await ImportFiles.BookAsync(
            (RosterSheets.KeyPosts, [
                ["村社区代码", "关键岗位数", "错误说明"],
                ["440111103201", 2, "关键岗位数：旧的错误"],
                ["440111103202", "两个", "关键岗位数：旧的错误"],
            ]));

        var book = await WriteAsync(uploaded, new ImportError(RosterSheets.KeyPosts, 3, "关键岗位数", "“两个”不是整数"));

        var copy = book[RosterSheets.KeyPosts];
        Assert.Equal(["村社区代码", "关键岗位数", "错误说明"], copy[1].Values.Take(3));
        Assert.Null(copy[1][3]);
        Assert.Null(copy[2][2]);
        Assert.Equal("关键岗位数：“两个”不是整数", copy[3].Text(2));
    }

    [Fact]
    public void Should_name_the_download_after_the_uploaded_file()
    {
        Assert.Equal("错误清单_花名册2026.xlsx", ErrorWorkbook.FileName("花名册2026.xlsx"));
    }
}
