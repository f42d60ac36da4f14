using System.Net;
using Microsoft.EntityFrameworkCore;
using Training.Core.Domain;
using Training.Tests.Infrastructure;
using Training.Web.Features.Demo;
using Training.Web.Features.People.MyData;
using Training.Web.Infrastructure.Web;

namespace Training.Tests.Features.People.MyData;

/// <summary>/MyData/Sheet/{key}: one list of 我的数据, 20 rows a page, only the trainee's own rows.</summary>
[Collection(AppCollection.Name)]
public sealed class SheetTests(AppFixture app)
{
    private const string Trainee = DemoData.TraineeUserName;

    [Fact]
    public async Task Should_page_a_long_list_latest_first_with_the_count_of_all_of_its_rows()
    {
        var client = await app.SignInAsync(Trainee);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(db =>
        {
            for (var i = 0; i < PagedQueries.DefaultPageSize + 5; i++) db.Audit.Add(new AuditEntry(Trainee, "测试", $"{marker} 第 {i} 条", DateTime.UtcNow));
            return db.SaveChangesAsync();
        });
        var total = await app.WithDbAsync(db => db.Audit.CountAsync(a => a.UserName == Trainee));

        var first = await (await client.GetAsync("/MyData/Sheet/trail")).ReadHtmlAsync();
        var second = await (await client.GetAsync("/MyData/Sheet/trail?p=2")).ReadHtmlAsync();

        var rows = first.QuerySelectorAll("#rows tbody tr");
        Assert.Equal(PagedQueries.DefaultPageSize, rows.Length);
        Assert.Contains($"{marker} 第 {PagedQueries.DefaultPageSize + 4} 条", rows[0].TextContent);
        Assert.Contains($"共 {total:N0} 条", first.QuerySelector("#rows")!.TextContent);
        Assert.Contains($"{marker} 第 4 条", second.QuerySelector("#rows tbody tr")!.TextContent);
    }

    [Fact]
    public async Task Should_show_none_of_another_persons_rows()
    {
        var (mine, others) = await app.WithDbAsync(async db =>
        {
            var personId = await db.Users.Where(u => u.UserName == Trainee).Select(u => u.PersonId!.Value).SingleAsync();
            var other = await db.Posts.Where(p => p.PersonId != personId).Select(p => p.PersonId).FirstAsync();
            return (await db.Posts.CountAsync(p => p.PersonId == personId), await db.Posts.CountAsync(p => p.PersonId == other));
        });
        var client = await app.SignInAsync(Trainee);

        var page = await (await client.GetAsync("/MyData/Sheet/posts")).ReadHtmlAsync();

        Assert.True(others > 0);
        Assert.Equal(mine, page.QuerySelectorAll("#rows tbody tr").Length);
        Assert.Contains($"共 {mine:N0} 条", page.QuerySelector("#rows")!.TextContent);
    }

    [Fact]
    public async Task Should_answer_only_the_rows_to_the_pagers_htmx_request()
    {
        var client = await app.SignInAsync(Trainee);

        using var response = await client.GetAsHtmxAsync("/MyData/Sheet/trail?p=1");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<table", html);
        Assert.DoesNotContain("<html", html);
    }

    [Theory]
    [InlineData("nothing")]
    [InlineData("account")]
    public async Task Should_not_find_a_list_that_is_not_one(string key)
    {
        var client = await app.SignInAsync(Trainee);

        using var response = await client.GetAsync($"/MyData/Sheet/{key}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_staff_who_have_no_data_of_their_own_here()
    {
        var township = await app.SignInAsync(Infrastructure.Builders.DemoAccounts.Township);

        using var refused = await township.GetAsync("/MyData/Sheet/posts");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Denied", refused.Headers.Location?.AbsolutePath);
    }
}
