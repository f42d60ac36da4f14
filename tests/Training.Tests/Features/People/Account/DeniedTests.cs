using System.Net;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Account;

/// <summary>The page /Account/Denied: where an account is sent for a page its role does not hold.</summary>
[Collection(AppCollection.Name)]
public sealed class DeniedTests(AppFixture app)
{
    [Fact]
    public async Task Should_send_an_account_to_the_chinese_denied_page_for_a_page_its_role_does_not_hold()
    {
        var village = await app.SignInAsync(DemoAccounts.Village);

        using var refused = await village.GetAsync("/Catalog");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/Account/Denied", location);

        using var denied = await village.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        var page = await denied.ReadHtmlAsync();
        Assert.Equal("无权访问", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/']"));
    }
}
