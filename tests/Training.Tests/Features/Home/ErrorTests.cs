using System.Net;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;
using Training.Web.Features.Home;

namespace Training.Tests.Features.Home;

/// <summary>The page /Error: what a person sees instead of a bare status code, in Chinese, with the way home.</summary>
[Collection(AppCollection.Name)]
public sealed class ErrorTests(AppFixture app)
{
    [Fact]
    public async Task Should_answer_an_unknown_address_with_404_and_the_chinese_page()
    {
        using var response = await (await app.SignInAsync(DemoAccounts.City)).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal(HomeTexts.ErrorTitle(404), page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(HomeTexts.ErrorText(404), page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task Should_say_something_went_wrong_when_no_code_is_given()
    {
        using var response = await app.Anonymous().GetAsync("/Error");

        var page = await response.ReadHtmlAsync();
        Assert.Equal(HomeTexts.ErrorTitle(null), page.QuerySelector("h1")?.TextContent.Trim());
    }
}
