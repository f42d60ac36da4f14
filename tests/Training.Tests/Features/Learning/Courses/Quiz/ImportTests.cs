using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Features.DataExchange.Import;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Learning.Courses.Quiz;
using static Training.Tests.Infrastructure.Refusals;

namespace Training.Tests.Features.Learning.Courses.Quiz;

/// <summary>The page /Learning/Courses/Quiz/Import/{courseId}: a course's question bank from an xlsx, all or nothing, and its template.</summary>
[Collection(AppCollection.Name)]
public sealed class ImportTests(AppFixture app)
{
    private static string Url(int courseId) => $"/Learning/Courses/Quiz/Import/{courseId}";

    private static readonly object?[] Header = [.. QuestionColumns.All];

    private static Task<byte[]> BankAsync(params object?[]?[] rows) => ImportFiles.BookAsync((QuestionColumns.Sheet, [Header, .. rows]));

    private Task<List<Question>> QuestionsAsync(int courseId) =>
        app.WithDbAsync(db => db.Questions.AsNoTracking().Where(q => q.CourseId == courseId).OrderBy(q => q.Id).ToListAsync());

    /// <summary>The error table's rows: (工作表, 行号, 列, 错误说明).</summary>
    private static async Task<List<(string Sheet, string Row, string Column, string Message)>> ErrorsAsync(HttpResponseMessage response) =>
        [.. (await response.ReadHtmlAsync()).QuerySelectorAll("[data-testid=errors] tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2], c[3]))];

    [Fact]
    public async Task Should_import_every_question_of_the_three_kinds_as_typed_and_skip_blank_rows()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);
        var bank = await BankAsync(
            ["单选题", "村民委员会每届任期几年？", "三年", "四年", "五年", "六年", null, null, "C", "村民委员会组织法第十三条。"],
            null,
            ["多选", "哪些事项须经村民会议讨论决定？", "宅基地的使用方案", "村干部的请假", "征地补偿费的使用方案", "村集体经济项目的立项", "村委会的办公时间", null, "A、C,d", null],
            ["判断题", "村务公开的一般事项至少每季度公布一次。", null, null, null, null, null, null, "对", "  "]);

        using var response = await district.UploadAsync(Url(course.Id), bank, "题库.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Learning/Courses/Quiz/Bank/{course.Id}", response.Headers.Location?.OriginalString);
        var questions = await QuestionsAsync(course.Id);
        Assert.Equal(3, questions.Count);
        var (single, multiple, judge) = (questions[0], questions[1], questions[2]);
        Assert.Equal((QuestionKind.Single, "村民委员会每届任期几年？", "村民委员会组织法第十三条。"), (single.Kind, single.Stem, single.Explanation));
        Assert.Equal(["三年", "四年", "五年", "六年"], single.Options);
        Assert.Equal([2], single.Correct);
        Assert.Equal((QuestionKind.Multiple, 5, (string?)null), (multiple.Kind, multiple.Options.Count, multiple.Explanation));
        Assert.Equal([0, 2, 3], multiple.Correct);
        Assert.Equal((QuestionKind.TrueFalse, "村务公开的一般事项至少每季度公布一次。", (string?)null), (judge.Kind, judge.Stem, judge.Explanation));
        Assert.Equal(["正确", "错误"], judge.Options);
        Assert.Equal([0], judge.Correct);
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == QuestionImportTexts.Audit && a.Detail.Contains(course.Title) && a.Detail.Contains("3 道题"))));
    }

    [Fact]
    public async Task Should_report_every_error_of_every_row_with_its_excel_row_and_column_and_save_nothing()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);
        var bank = await BankAsync(
            ["单选题", "正确的一题", "甲", "乙", null, null, null, null, "A", null],
            null,
            ["单选题", null, "甲", "乙", "丙", "丁", null, null, "E", null],        // row 4: no stem, and E is no option
            ["判断题", "正确的另一题", null, null, null, null, null, null, "错", null],
            ["多选题", "选项不连续的一题", "甲", null, "丙", null, null, null, "AC", null]); // row 6: 选项B missing

        using var response = await district.UploadAsync(Url(course.Id), bank, "有错的题库.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Equal(
            [("题库", "4", "答案"), ("题库", "4", "题目"), ("题库", "6", "选项B")],
            errors.Select(e => (e.Sheet, e.Row, e.Column)).Order());
        Assert.Contains(errors, e => e.Column == "选项B" && e.Message.Contains("选项B不能为空"));
        Assert.Contains("3 处错误", (await response.ReadHtmlAsync()).QuerySelector("[data-testid=form-errors]")?.TextContent);
        Assert.Empty(await QuestionsAsync(course.Id));
    }

    [Fact]
    public async Task Should_refuse_a_header_out_of_order_as_a_whole()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);
        object?[] swapped = ["题目", "题型", .. QuestionColumns.All.Skip(2)];
        var bank = await ImportFiles.BookAsync((QuestionColumns.Sheet, [swapped, ["单选题", "一题", "甲", "乙", null, null, null, null, "A", null]]));

        using var response = await district.UploadAsync(Url(course.Id), bank, "表头不对.xlsx");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = Assert.Single(await ErrorsAsync(response));
        Assert.Equal(("1", "题型"), (error.Row, error.Column));
        Assert.Contains("表头第 1 列应为“题型”，现为“题目”", error.Message);
        Assert.Empty(await QuestionsAsync(course.Id));
    }

    [Fact]
    public async Task Should_forbid_a_district_the_citys_course_and_not_find_another_districts()
    {
        var city = await app.CourseAsync();
        var other = await app.CourseAsync(ownerCode: "440103");
        var district = await app.SignInAsync(DemoAccounts.District);

        using var cityPage = await district.GetAsync(Url(city.Id));
        using var otherPage = await district.GetAsync(Url(other.Id));
        using var otherTemplate = await district.GetAsync(Url(other.Id) + "?handler=Template");

        AssertRefused(cityPage);
        Assert.Equal(HttpStatusCode.NotFound, otherPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherTemplate.StatusCode);
    }

    [Fact]
    public async Task Should_be_linked_from_the_course_and_offer_a_template_that_imports_as_it_stands()
    {
        var course = await app.CourseAsync(ownerCode: "440111", publish: false);
        var district = await app.SignInAsync(DemoAccounts.District);

        using var details = await district.GetAsync($"/Learning/Courses/Details/{course.Id}");
        Assert.Equal(Url(course.Id), (await details.ReadHtmlAsync()).QuerySelector("[data-testid=import-questions]")?.GetAttribute("href"));
        using var page = await district.GetAsync(Url(course.Id));
        var html = await page.ReadHtmlAsync();
        Assert.Contains(course.Title, html.QuerySelector("[data-testid=course-title]")?.TextContent);
        var link = html.QuerySelector("[data-testid=template]")?.GetAttribute("href");
        Assert.Equal(Url(course.Id) + "?handler=Template", link);
        using var template = await district.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal(ImportFiles.XlsxType, template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename*=UTF-8''" + Uri.EscapeDataString("题库模板.xlsx"), template.Content.Headers.ContentDisposition?.ToString());

        using var imported = await district.UploadAsync(Url(course.Id), await template.Content.ReadAsByteArrayAsync(), "题库模板.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse], (await QuestionsAsync(course.Id)).Select(q => q.Kind));
    }
}
