using System.Net;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.People.Admin.Users;

/// <summary>The page /Admin/Users: the accounts of the units under the account's own, found by user name or name.</summary>
[Collection(AppCollection.Name)]
public sealed class IndexTests(AppFixture app)
{
    [Fact]
    public async Task Should_find_an_account_of_a_village_of_the_township_and_hide_it_from_another_township()
    {
        var userName = await app.CreateStaffAsync(TestPeople.OwnVillage, "Str0ng!pass-12");

        using var own = await (await app.SignInAsync(DemoAccounts.Township)).GetAsync($"/Admin/Users?q={userName}");
        using var other = await (await app.SignInAsync(DemoAccounts.OtherTownship)).GetAsync($"/Admin/Users?q={userName}");

        var ownPage = await own.ReadHtmlAsync();
        Assert.Contains("共 1 个账号", ownPage.Body!.TextContent);
        Assert.Equal(userName, Assert.Single(ownPage.QuerySelectorAll("td[data-label=用户名]")).TextContent.Trim());
        var otherPage = await other.ReadHtmlAsync();
        Assert.Contains("共 0 个账号", otherPage.Body!.TextContent);
        Assert.DoesNotContain(userName, otherPage.Body.TextContent);
    }

    [Fact]
    public async Task Should_count_an_account_created_after_the_list_was_read()
    {
        // The list is kept between views: an account created since must be counted on the next one.
        var township = await app.SignInAsync(DemoAccounts.Township);
        async Task<int> TotalAsync()
        {
            var text = (await (await township.GetAsync("/Admin/Users")).ReadHtmlAsync()).Body!.TextContent;
            return int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"共 ([\d,]+) 个账号").Groups[1].Value.Replace(",", ""));
        }
        var before = await TotalAsync();

        await app.CreateStaffAsync(TestPeople.OwnVillage, "Str0ng!pass-12");

        Assert.Equal(before + 1, await TotalAsync());
    }

    [Fact]
    public async Task Should_refuse_the_account_list_to_village_staff()
    {
        using var response = await (await app.SignInAsync(DemoAccounts.Village)).GetAsync("/Admin/Users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Denied", response.Headers.Location?.AbsolutePath);
    }
}
