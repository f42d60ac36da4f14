using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Training.Tests.Infrastructure;
using Training.Tests.Infrastructure.Builders;

namespace Training.Tests.Features.Certificates;

/// <summary>
/// 结业证书 of a class, for staff: the unit running the class issues the certificates its graduates lack and
/// revokes one with a reason (both audited); a unit that sees the class but does not run it reads; another
/// district does not find it; a participant who has not graduated gets none.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClassTests(AppFixture app)
{
    private static string Url(int classId) => $"/Certificates/Class/{classId}";

    private static Task<HttpResponseMessage> IssueAllAsync(HttpClient client, int classId) =>
        client.PostFormAsync(Url(classId), Url(classId) + "?handler=Issue", new Dictionary<string, string>());

    private static Task<HttpResponseMessage> RevokeAsync(HttpClient client, int classId, int certificateId, string reason) =>
        client.PostFormAsync(Url(classId), $"{Url(classId)}?handler=Revoke&certificateId={certificateId}",
            new Dictionary<string, string> { ["Reason"] = reason });

    [Fact]
    public async Task Should_issue_the_certificates_graduates_lack_with_the_units_numbers_audited()
    {
        var g = await app.GraduateAsync();
        var second = await app.AnotherGraduateAsync(g.ClassId);
        var city = await app.SignInAsync(DemoAccounts.City);
        var before = await PageAsync(city, g.ClassId);
        Assert.Contains("颁发证书（2 人）", before.QuerySelector("[data-testid=issue-all]")?.TextContent);

        using var issued = await IssueAllAsync(city, g.ClassId);

        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        var certificates = await app.WithDbAsync(db => db.Certificates.AsNoTracking().Where(c => c.ClassId == g.ClassId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([g.Trainee.PersonId, second.PersonId], certificates.Select(c => c.PersonId).Order());
        Assert.All(certificates, c => Assert.Matches($"^440100-{TestPeople.Today.Year}-\\d{{5}}$", c.Number));
        Assert.Equal(2, certificates.Select(c => c.Number).Distinct().Count());
        foreach (var c in certificates)
            Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "颁发结业证书" && a.UserName == DemoAccounts.City && a.Detail.Contains(c.Number))));
        var after = await PageAsync(city, g.ClassId);
        Assert.Null(after.QuerySelector("[data-testid=issue-all]"));
        Assert.Equal(certificates.Select(c => c.Number).Order(),
            after.QuerySelectorAll("[data-testid=certificate-number]").Select(n => n.TextContent.Trim()).Order());
    }

    [Fact]
    public async Task Should_issue_nothing_twice_when_asked_again()
    {
        var g = await app.GraduateAsync();
        var city = await app.SignInAsync(DemoAccounts.City);
        (await IssueAllAsync(city, g.ClassId)).Dispose();

        using var again = await IssueAllAsync(city, g.ClassId);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Certificates.CountAsync(c => c.ClassId == g.ClassId)));
    }

    [Fact]
    public async Task Should_neither_list_nor_issue_to_a_participant_who_has_not_graduated()
    {
        var g = await app.GraduateAsync(graduated: false);
        var city = await app.SignInAsync(DemoAccounts.City);

        var page = await PageAsync(city, g.ClassId);
        using var issued = await IssueAllAsync(city, g.ClassId);

        Assert.Empty(page.QuerySelectorAll("[data-testid=certificate-row]"));
        Assert.NotNull(page.QuerySelector("[data-testid=certificates-empty]"));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Certificates.AnyAsync(c => c.ClassId == g.ClassId)));
    }

    [Fact]
    public async Task Should_revoke_with_the_reason_audited_and_the_public_page_saying_so()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        var city = await app.SignInAsync(DemoAccounts.City);

        using var revoked = await RevokeAsync(city, g.ClassId, id, "考勤记录有误，经核查未达到结业条件");

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var c = await app.CertificateAsync(id);
        Assert.Equal((DemoAccounts.City, "考勤记录有误，经核查未达到结业条件"), (c.RevokedBy, c.RevokeReason));
        Assert.True(await app.WithDbAsync(db => db.Audit.AnyAsync(a => a.Action == "撤销结业证书" && a.UserName == DemoAccounts.City
            && a.Detail.Contains(c.Number) && a.Detail.Contains("考勤记录有误"))));
        using var verify = await app.Anonymous().GetAsync($"/Verify/{c.Code}");
        Assert.Contains("已撤销", await verify.TextAsync());
        var page = await PageAsync(city, g.ClassId);
        Assert.Null(page.QuerySelector("[data-testid=revoke-form]"));
        Assert.Contains("已撤销", page.QuerySelector("[data-testid=certificate-state]")?.TextContent);
    }

    [Fact]
    public async Task Should_refuse_to_revoke_without_a_reason_and_keep_the_certificate_valid()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        var city = await app.SignInAsync(DemoAccounts.City);

        using var refused = await RevokeAsync(city, g.ClassId, id, "  ");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("撤销证书须填写原因", await refused.TextAsync());
        Assert.False((await app.CertificateAsync(id)).IsRevoked);
    }

    [Fact]
    public async Task Should_ask_for_confirmation_before_revoking()
    {
        var g = await app.GraduateAsync();
        await app.IssueAsync(g.ClassId, g.Trainee.PersonId);

        var page = await PageAsync(await app.SignInAsync(DemoAccounts.City), g.ClassId);

        var button = page.QuerySelector("[data-testid=revoke-form] button");
        Assert.Contains("确定撤销", button?.GetAttribute("data-confirm"));
        Assert.NotNull(page.QuerySelector("[data-testid=revoke-form] input[name=Reason][required]"));
    }

    [Fact]
    public async Task Should_let_a_district_read_a_city_class_but_neither_issue_nor_revoke()
    {
        var g = await app.GraduateAsync();
        var id = await app.IssueAsync(g.ClassId, g.Trainee.PersonId);
        var district = await app.SignInAsync(DemoAccounts.District);

        var page = await PageAsync(district, g.ClassId);
        using var issue = await district.PostAsync($"{Url(g.ClassId)}?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await district.TokenAsync(Url(g.ClassId)),
        }));
        using var revoke = await RevokeAsync(district, g.ClassId, id, "越权撤销");

        Assert.Null(page.QuerySelector("[data-testid=issue-all]"));
        Assert.Null(page.QuerySelector("[data-testid=revoke-form]"));
        Refusals.AssertRefused(issue);
        Refusals.AssertRefused(revoke);
        Assert.False((await app.CertificateAsync(id)).IsRevoked);
    }

    [Fact]
    public async Task Should_not_find_another_districts_class()
    {
        var g = await app.GraduateAsync(ownerCode: "440118");
        var district = await app.SignInAsync(DemoAccounts.District);

        using var page = await district.GetAsync(Url(g.ClassId));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.Township)]
    [InlineData(DemoAccounts.Village)]
    public async Task Should_refuse_units_below_the_district(string account)
    {
        var g = await app.GraduateAsync();

        using var page = await (await app.SignInAsync(account)).GetAsync(Url(g.ClassId));

        Refusals.AssertRefused(page);
    }

    [Fact]
    public async Task Should_be_linked_from_the_class_page()
    {
        var g = await app.GraduateAsync();

        var details = await PageAsync(await app.SignInAsync(DemoAccounts.City), g.ClassId, $"/Classes/Details/{g.ClassId}");

        Assert.Equal(Url(g.ClassId), details.QuerySelector("[data-testid=class-certificates]")?.GetAttribute("href"));
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, int classId, string? url = null)
    {
        using var response = await client.GetAsync(url ?? Url(classId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadHtmlAsync();
    }
}
