using System.Net;
using Training.Tests.Infrastructure;

namespace Training.Tests.Http;

/// <summary>The two out-of-range inputs a hostile probe found answering 500: now a message, and nothing stored.</summary>
[Collection(AppCollection.Name)]
public sealed class OutOfRangeInputTests(AppFixture app)
{
    [Fact]
    public async Task Should_refuse_a_class_dated_9999_12_31_with_a_message_beside_the_dates()
    {
        var district = await app.SignInAsync("district-440111");
        using var response = await district.PostFormAsync("/Classes/Create", "/Classes/Create", new Dictionary<string, string>
        {
            ["Input.Name"] = "日期越界测试班",
            ["Input.StartOn"] = "9999-12-31",
            ["Input.EndOn"] = "9999-12-31",
            ["Input.Capacity"] = "30",
            ["Input.Audience"] = "Any",
            ["Input.CompletionPercent"] = "80",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("开始日期应在 1900-01-01 至 2099-12-31 之间", await response.TextAsync());
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.TrainingClasses.Any(c => c.Name == "日期越界测试班"))));
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-1")]
    public async Task Should_answer_a_year_out_of_the_calendar_in_the_class_list_with_400_and_every_year(string year)
    {
        var district = await app.SignInAsync("district-440111");
        using var response = await district.GetAsync($"/Classes?year={year}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Contains($"年度 {year} 不在 1900–2099 之间，已显示全部年度", page.QuerySelector("[data-testid=form-errors]")?.TextContent);
    }
}
